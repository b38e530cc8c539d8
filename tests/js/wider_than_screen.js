/* What makes the page wider than the window: [the page's width, the window's width, and each
   visible element that sticks out of the window, outside any box that scrolls or clips it, and
   none of whose children does (its tag, class, edges and first words)]. */
() => {
  const width = document.documentElement.clientWidth;
  const out = (e) => { const r = e.getBoundingClientRect();
                       return r.width > 0 && (r.left < -0.5 || r.right > width + 0.5); };
  const held = (e) => { for (let up = e.parentElement; up && up !== document.body; up = up.parentElement) {
                          if (getComputedStyle(up).overflowX !== 'visible') return true; }
                        return false; };
  const found = [...document.querySelectorAll('.md-container *')].filter(
    (e) => out(e) && ![...e.children].some(out) && getComputedStyle(e).visibility !== 'hidden'
           && !held(e));
  return [document.documentElement.scrollWidth, width, found.slice(0, 5).map((e) => {
    const r = e.getBoundingClientRect();
    return `${e.tagName.toLowerCase()}.${e.className} ${Math.round(r.left)}..${Math.round(r.right)}: `
           + e.textContent.trim().replace(/\s+/g, ' ').slice(0, 40); })]; }
