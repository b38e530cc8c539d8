// Checks that mixed-direction text displays in reading order, from the positions Chromium gives
// each character and word. Returns a list of problems (empty when the element reads right).
//
// In a left-to-right context every character of a run of Latin letters, digits and punctuation
// must stand to the right of the one before it (so "n.d." never shows as ".n.d" and "¶7," never
// as "7¶ ,"); in a right-to-left context each Persian or Arabic word must stand to the left of the
// word before it, and no run of Latin letters may stand unisolated (it belongs in a <bdi dir=ltr>
// or an element with dir="ltr"). A left-to-right quotation inside right-to-left text has its
// opening mark at the left of its first word and its closing mark (and the dots before it) at the
// right of its last word.
(element) => {
  const ARABIC = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;
  const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/;
  const problems = [];
  const sameLine = (a, b) => Math.abs(a.top - b.top) < 3;
  const rectOf = (node, start, end) => {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    return rects.length === 1 ? rects[0] : null;
  };
  // the direction of the text's nearest isolate or embedding: an element with `dir`, or one the
  // style sheets isolate (code, set left to right in Persian and Arabic pages by the theme)
  const directionOf = (node) => {
    for (let owner = node.parentElement; owner; owner = owner.parentElement) {
      const style = getComputedStyle(owner);
      if (owner.hasAttribute("dir") || style.unicodeBidi !== "normal") return style.direction;
    }
    return getComputedStyle(node.parentElement).direction;
  };
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent;
    if (!text.trim() || getComputedStyle(node.parentElement).display === "none") continue;
    const direction = directionOf(node);
    const words = [...text.matchAll(/\S+/g)].map((m) => ({
      word: m[0], start: m.index, end: m.index + m[0].length,
      rect: rectOf(node, m.index, m.index + m[0].length),
    }));
    if (direction === "ltr") {
      for (const w of words) {
        if (ARABIC.test(w.word)) continue;
        let previous = null;
        for (let i = w.start; i < w.end; i++) {
          if (/[\u0300-\u036F\u200C\u200D]/.test(text[i])) continue;
          const r = rectOf(node, i, i + 1);
          if (!r) continue;
          if (previous && sameLine(previous, r) && r.left < previous.left - 0.5) {
            problems.push(`"${w.word}" is out of order in "${text.trim().slice(0, 80)}"`);
            break;
          }
          previous = r;
        }
      }
    } else {
      let previous = null;
      for (const w of words) {
        if (LATIN_LETTER.test(w.word)) {
          problems.push(`unisolated left-to-right "${w.word}" in "${text.trim().slice(0, 80)}"`);
        }
        if (!ARABIC.test(w.word) || !w.rect) { previous = null; continue; }
        if (previous && sameLine(previous.rect, w.rect) && w.rect.right > previous.rect.right + 0.5) {
          problems.push(`"${w.word}" stands right of "${previous.word}" in "${text.trim().slice(0, 80)}"`);
        }
        previous = w;
      }
    }
  }
  const QUOTES = {"'": "'", '"': '"', "\u2018": "\u2019", "\u201C": "\u201D"};
  for (const run of element.querySelectorAll('[dir="ltr"]')) {
    const before = run.previousSibling, after = run.nextSibling;
    if (!before || !after || before.nodeType !== 3 || after.nodeType !== 3) continue;
    if (!run.parentElement || getComputedStyle(run.parentElement).direction !== "rtl") continue;
    const opener = before.textContent.slice(-1);
    const tail = after.textContent.match(/^[\s.,;:\u2026]*/)[0];
    if (!(opener in QUOTES) || after.textContent[tail.length] !== QUOTES[opener]) continue;
    const open = rectOf(before, before.textContent.length - 1, before.textContent.length);
    const close = rectOf(after, tail.length, tail.length + 1);
    const box = run.getBoundingClientRect();
    if ((open && open.left > box.left) || (close && close.right < box.right)) {
      problems.push(`the quotation marks stand on the wrong side of "${run.textContent.slice(0, 60)}"`);
    }
  }
  return problems;
}
