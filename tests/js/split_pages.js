// Citation labels whose page abbreviation ("p.", "s.", «ص.») ends one line and whose page
// number starts the next. Returns the label of each.
() => {
  const out = [];
  const rectOf = (node, i) => {
    const range = document.createRange();
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    return [...range.getClientRects()].find((r) => r.width > 0);
  };
  const labels = document.querySelectorAll(".excerpt-ref, .excerpt__label");
  for (const label of labels) {
    const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/(?:\bp|\bs|ص)\.(\s)[\d\u06f0-\u06f9\u0660-\u0669]/gu)) {
        const dot = rectOf(node, m.index + m[0].length - 3);
        const digit = rectOf(node, m.index + m[0].length - 1);
        if (dot && digit && Math.abs(dot.top - digit.top) > 3) out.push(label.textContent);
      }
    }
  }
  return [out, labels.length];
}
