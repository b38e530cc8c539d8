// Where a page's abbreviation ("p.", "pp.", "s.", "ss.", «ص.», «ص») ends one line and its number
// starts the next, or a date ends one line and its calendar's mark («SH», «هـ.ش», «م») starts
// the next: in the citation labels, and in all of the editors' prose of the page (its text, the
// notes, the translations, the records' and the timeline's dates), but not in a quoted original,
// which is shown as printed, nor in code. The text of a block is read whole, across its elements
// (`<bdi>1403/05/19</bdi> SH`). Returns [each such place, with its text; how many labels were
// read; how many places of the prose were read].
() => {
  const out = [];
  const digit = "[\\d\\u06f0-\\u06f9\\u0660-\\u0669]";
  const page = new RegExp(`(?<![\\p{L}\\p{N}.])(?:(?:pp?|ss?|S|Ss)\\.|صص?\\.?)\\s${digit}`, "gu");
  const calendar = new RegExp(
    `${digit}\\s(?:SH|AH|CE|BCE|AD|BC|HŞ|hş\\.|ه[ـ\\u200d]?\\.[شق]|هـ|ش|م|ق)(?![\\p{L}\\p{M}])`,
    "gu");
  const blocks = new Map();
  const blockOf = (element) => {
    if (!blocks.has(element)) {
      let block = element;
      while (block.parentElement && getComputedStyle(block).display.startsWith("inline")) {
        block = block.parentElement;
      }
      blocks.set(element, block);
    }
    return blocks.get(element);
  };
  // the text of `root` as one string, each character's node and offset beside it; a character
  // that is not read (skipped, or between two blocks) is U+0000, which no pattern matches
  const read = (root, skip) => {
    let text = "";
    const at = [];
    let last = null;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const block = blockOf(node.parentElement);
      if (last !== null && block !== last) { text += "\0"; at.push(null); }
      last = block;
      const skipped = skip && node.parentElement.closest(skip);
      for (let i = 0; i < node.data.length; i++) {
        text += skipped ? "\0" : node.data[i];
        at.push([node, i]);
      }
    }
    return [text, at];
  };
  const top = ([node, i]) => {
    const range = document.createRange();
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    const rect = [...range.getClientRects()].find((r) => r.width > 0);
    return rect ? rect.top : null;
  };
  // each match: the character before the break and the first after it on different lines
  const scan = (root, skip) => {
    const [text, at] = read(root, skip);
    let found = 0;
    // where the space is: before the number's first digit; after the date's last digit
    const spaces = [[page, (m) => m.index + m[0].length - 2], [calendar, (m) => m.index + 1]];
    for (const [pattern, spaceOf] of spaces) {
      for (const m of text.matchAll(pattern)) {
        found += 1;
        const space = spaceOf(m);
        const a = top(at[space - 1]);
        const b = top(at[space + 1]);
        if (a !== null && b !== null && Math.abs(a - b) > 3) out.push(m[0] + " | " + text.slice(
          Math.max(0, m.index - 60), m.index + 40).replaceAll("\0", " "));
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
