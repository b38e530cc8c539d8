// Separators «·» drawn at the start of a line: on another line than the last letter before them
// in their block (a heading, a paragraph, a list item, an entry of the table of contents).
// Returns "text of the block" for each; code, SVG and hidden text are left out.
() => {
  const out = [];
  const blocks = "h1, h2, h3, h4, h5, h6, p, li, td, th, dd, dt, figcaption, .md-nav__link";
  const sameLine = (a, b) => Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) >
    Math.min(a.height, b.height) / 2;
  const rectOf = (node, i) => {
    const range = document.createRange();
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    return [...range.getClientRects()].find((r) => r.width > 0);
  };
  for (const block of document.querySelectorAll(blocks)) {
    if (block.closest("pre, code, svg") || !block.textContent.includes("·")) continue;
    if (block.querySelector(blocks)) continue;  // the innermost block
    const style = getComputedStyle(block);
    if (style.display === "none" || style.visibility === "hidden" || !block.getClientRects().length) {
      continue;
    }
    // each character of the block's visible text, in order, with its text node and offset
    const chars = [];
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest("svg, [hidden], .headerlink")) continue;
      for (let i = 0; i < node.data.length; i++) chars.push([node, i]);
    }
    chars.forEach(([node, i], n) => {
      if (node.data[i] !== "·") return;
      let k = n - 1;
      while (k >= 0 && /\s/.test(chars[k][0].data[chars[k][1]])) k--;
      const dot = rectOf(node, i);
      const before = k >= 0 ? rectOf(chars[k][0], chars[k][1]) : null;
      if (dot && before && !sameLine(dot, before)) out.push(block.textContent.trim().slice(0, 60));
    });
  }
  return out;
}
