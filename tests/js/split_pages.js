// Where a page's abbreviation ("p.", "pp.", "s.", "ss.", «ص.», «ص») ends one line and its number
// starts the next, or a date ends one line and its calendar's mark («SH», «هـ.ش», «م») starts
// the next: in the citation labels, and in all of the editors' prose of the page (its text, the
// notes, the translations), but not in a quoted original, which is shown as printed, nor in
// code. Returns [each such place, with its text; how many labels were read; how many places of
// the prose were read].
() => {
  const out = [];
  const rectOf = (node, i) => {
    const range = document.createRange();
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    return [...range.getClientRects()].find((r) => r.width > 0);
  };
  const digit = "[\\d\\u06f0-\\u06f9\\u0660-\\u0669]";
  // [pattern, offset of the last character before the break from the match's start, offset of
  // the first character after it from the match's end]
  const page = new RegExp(`(?<![\\p{L}\\p{N}.])(?:(?:pp?|ss?|S|Ss)\\.|صص?\\.?)\\s${digit}`, "gu");
  const calendar = new RegExp(
    `${digit}\\s(?:SH|AH|CE|BCE|AD|BC|HŞ|hş\\.|هـ?\\.[شق]|هـ|ش|م|ق)(?![\\p{L}\\p{M}])`, "gu");
  const split = (node, m, before, after) => {
    const a = rectOf(node, m.index + before);
    const b = rectOf(node, m.index + after);
    return a && b && Math.abs(a.top - b.top) > 3;
  };
  const scan = (root, skip) => {
    let found = 0;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (skip && node.parentElement.closest(skip)
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(page)) {
        found += 1;
        if (split(node, m, m[0].length - 3, m[0].length - 1)) out.push(m[0] + " | " + node.data);
      }
      for (const m of node.data.matchAll(calendar)) {
        found += 1;
        if (split(node, m, 0, 2)) out.push(m[0] + " | " + node.data);
      }
    }
    return found;
  };
  const labels = document.querySelectorAll(".excerpt-ref, .excerpt__label");
  for (const label of labels) scan(label, null);
  const prose = scan(document.querySelector(".md-content"),
    ".excerpt__original, .authors-abstract blockquote, code, pre, .excerpt-ref, .excerpt__label");
  return [out, labels.length, prose];
}
