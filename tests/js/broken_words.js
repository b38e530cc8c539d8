// Words of four letters or more that a narrow screen cuts in the middle: drawn on two lines
// without a hyphen the reader can see (a squeezed table column, a link that may break anywhere).
// Returns "word in <element.class>" for each; code, SVG and the sidebars are left out.
() => {
  const out = [];
  const root = document.querySelector(".md-content");
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest("pre, code, svg, script, style, .md-sidebar")) continue;
    const style = getComputedStyle(node.parentElement);
    if (style.display === "none" || style.visibility === "hidden") continue;
    for (const m of node.data.matchAll(/[\p{L}\p{M}\u200c]{4,}/gu)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      if (rects.length > 1 && Math.abs(rects[0].top - rects[rects.length - 1].top) > 3) {
        const box = node.parentElement.closest("td, th, li, p, dd, dt, h1, h2, h3, figcaption, div");
        out.push(`${m[0]} in <${box ? `${box.tagName.toLowerCase()}.${box.className}` : "?"}>`);
      }
    }
  }
  return out;
}
