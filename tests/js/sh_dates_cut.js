// Each Solar Hijri date of the element (a year, the two years a Gregorian one overlaps, a day)
// whose characters stand on more than one line; and how many dates it has.
(element) => {
  let text = ""; const at = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.data.length; i++) { text += node.data[i]; at.push([node, i]); }
  }
  const top = ([node, i]) => { const range = document.createRange();
    range.setStart(node, i); range.setEnd(node, i + 1);
    const r = [...range.getClientRects()].find(r => r.width > 0); return r ? r.top : null; };
  const cut = []; let count = 0;
  for (const m of text.matchAll(/[\u06f0-\u06f9]+(?:[\/\u2013][\u06f0-\u06f9]+)*/g)) {
    count += 1;
    const tops = [...m[0]].map((_, i) => top(at[m.index + i])).filter(t => t !== null);
    if (Math.max(...tops) - Math.min(...tops) > 3) cut.push(m[0]);
  }
  return [cut, count];
}
