/* Installed before a page's own scripts (Playwright's add_init_script): at every frame from the
   page's first paint until reader.js has drawn it whole, the page's width and how far it stands
   scrolled sideways; the most of each is kept in window.readerWidest, [width, shift]. */
(() => {
  window.readerWidest = [0, 0];
  const watch = () => {
    const root = document.documentElement;  // (none yet when this script is installed)
    window.readerWidest = [Math.max(window.readerWidest[0], root.scrollWidth),
                           Math.max(window.readerWidest[1], Math.abs(window.scrollX))];
    if (!root.hasAttribute("data-reader-drawn")) requestAnimationFrame(watch);
  };
  document.addEventListener("DOMContentLoaded", () => requestAnimationFrame(watch));
})();
