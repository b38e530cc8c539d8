/* The focused element's text, and whether a reader sees it: inside the window, and the element
   Chromium finds at its centre is it (not the overlay, a panel over it or the page under the
   drawer). The theme's palette switch, an input of no size, shows its focus on the label after
   it. Returns [text, seen]. */
() => {
    let e = document.activeElement;
    const next = e.nextElementSibling;
    if (!e.offsetWidth && next && next.tagName === 'LABEL') e = next;
    const r = e.getBoundingClientRect();
    const inside = r.width > 0 && r.left >= 0 && r.right <= innerWidth + 1 && r.top >= 0
        && r.bottom <= innerHeight + 1;
    const at = inside && document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const name = (e.getAttribute('aria-label') || e.textContent).trim().slice(0, 40);
    return [name, !!at && (at === e || e.contains(at))]; }
