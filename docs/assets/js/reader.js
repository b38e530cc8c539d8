/* The reader's controls: the excerpt view switch (remembered across pages) and "copy link". */
(function () {
  "use strict";
  var KEY = "reader.excerpt-view";
  var root = document.documentElement;

  function currentView() {
    return root.getAttribute("data-excerpt-view") || "both";
  }

  function setView(view) {
    if (view === "both") {
      root.removeAttribute("data-excerpt-view");
    } else {
      root.setAttribute("data-excerpt-view", view);
    }
    try { localStorage.setItem(KEY, view); } catch (error) { /* private mode: not remembered */ }
    syncButtons();
  }

  function syncButtons() {
    var view = currentView();
    document.querySelectorAll(".excerpt-view [data-view]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-view") === view));
    });
  }

  function copyLink(button) {
    var id = button.getAttribute("data-copy-anchor");
    var url = location.href.split("#")[0] + "#" + encodeURIComponent(id);
    var label = button.textContent;
    var done = function () {
      button.textContent = button.getAttribute("data-copied") || label;
      setTimeout(function () { button.textContent = label; }, 1500);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(done, function () { window.prompt("", url); });
    } else {
      window.prompt("", url);
    }
  }

  /* A glossed term's definition opens below the term, or above it when the term is in the lower
     half of the screen, kept inside the screen: never wider than the viewport, never past its
     edges, in left-to-right and right-to-left pages alike. */
  function place(gloss) {
    var margin = 8, rect = gloss.getBoundingClientRect();
    var width = Math.min(288, window.innerWidth - 2 * margin);
    var rtl = getComputedStyle(gloss).direction === "rtl";
    var x = rtl ? rect.right - width : rect.left;
    x = Math.max(margin, Math.min(x, window.innerWidth - width - margin));
    var below = window.innerHeight - rect.bottom >= rect.top;
    gloss.style.setProperty("--gloss-x", x + "px");
    gloss.style.setProperty("--gloss-y", below ? rect.bottom + 4 + "px" : "auto");
    gloss.style.setProperty("--gloss-bottom", below ? "auto" : window.innerHeight - rect.top + 4 + "px");
    gloss.style.setProperty("--gloss-h", (below ? window.innerHeight - rect.bottom : rect.top) - 4 - margin + "px");
    gloss.style.setProperty("--gloss-w", width + "px");
  }
  function closeGlosses(except) {
    document.querySelectorAll("a.gloss.is-open").forEach(function (open) {
      if (open !== except) open.classList.remove("is-open");
    });
  }
  /* Screen readers hear the definition as the term's description (one hidden element). */
  function describe(gloss) {
    var text = document.getElementById("reader-gloss-description");
    if (!text) {
      text = document.createElement("span");
      text.id = "reader-gloss-description";
      text.hidden = true;
      document.body.appendChild(text);
    }
    text.textContent = gloss.getAttribute("data-gloss") || "";
    gloss.setAttribute("aria-describedby", text.id);
  }
  function openGloss(gloss) {
    closeGlosses(gloss);
    place(gloss);
    gloss.classList.add("is-open");
  }
  ["mouseover", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var gloss = event.target.closest ? event.target.closest("a.gloss") : null;
      if (gloss) { place(gloss); describe(gloss); }
    });
  });
  /* With the keyboard, as with a tap: Enter on a term shows its definition, Enter again follows
     the link; Escape closes it and the focus stays on the term; leaving the term closes it. */
  document.addEventListener("focusout", function (event) {
    if (event.target.matches && event.target.matches("a.gloss")) {
      event.target.classList.remove("is-open");
    }
  });
  /* On a touch screen a first tap shows the definition, a second follows the link; a tap
     elsewhere, Escape or scrolling the term off the screen closes it. */
  var touch = window.matchMedia && window.matchMedia("(hover: none)").matches;
  document.addEventListener("click", function (event) {
    var gloss = event.target.closest ? event.target.closest("a.gloss") : null;
    closeGlosses(gloss);
    if (gloss && touch && !gloss.classList.contains("is-open")) {
      event.preventDefault();
      openGloss(gloss);
    }
  });
  document.addEventListener("keydown", function (event) {
    var gloss = event.target.closest ? event.target.closest("a.gloss") : null;
    if (event.key === "Escape") {
      closeGlosses(null);
    } else if (event.key === "Enter" && gloss && !gloss.classList.contains("is-open")) {
      event.preventDefault();
      openGloss(gloss);
    }
  });
  /* An open definition follows its term as the page scrolls, and closes once the term has left
     the screen. */
  window.addEventListener("scroll", function () {
    document.querySelectorAll("a.gloss.is-open").forEach(function (open) {
      var rect = open.getBoundingClientRect();
      if (rect.bottom < 0 || rect.top > window.innerHeight) {
        open.classList.remove("is-open");
      } else {
        place(open);
      }
    });
  }, { passive: true });

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("button") : null;
    if (!target) return;
    if (target.matches(".excerpt-view [data-view]")) {
      setView(target.getAttribute("data-view"));
    } else if (target.matches(".excerpt__copy")) {
      copyLink(target);
    }
  });

  /* A former excerpt id (an alias) in the address leads to the excerpt's current id. */
  function followAlias() {
    var id = decodeURIComponent(location.hash.slice(1));
    var alias = id && document.getElementById(id);
    if (alias && alias.classList.contains("excerpt__alias")) {
      var current = alias.getAttribute("data-alias-of");
      history.replaceState(null, "", "#" + current);
      document.getElementById(current).scrollIntoView();
    }
  }
  window.addEventListener("hashchange", followAlias);

  /* A data table that does not fit a phone reads as cards (reader.css; each cell says its
     column: hooks/table_cards.py). It is measured as a table each time the screen changes. */
  var phone = window.matchMedia("(max-width: 44.9375em)");
  function tableCards() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      var table = wrap.querySelector("table:not([class])");
      if (!table || !table.querySelector("td[data-label]")) return;
      table.removeAttribute("data-reader-cards");
      if (phone.matches && wrap.scrollWidth > wrap.clientWidth + 1) {
        table.setAttribute("data-reader-cards", "");
      }
    });
  }

  /* A table or code block wider than the screen scrolls sideways: it is then reachable with the
     keyboard (arrow keys scroll it); a table's wrapper is named after the table's heading. */
  function scrollableBlocks() {
    tableCards();
    document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset pre > code").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        var heading = wrap.previousElementSibling;
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("data-reader-scroll", "");
        if (heading && /^H[1-6]$/.test(heading.tagName)) {
          wrap.setAttribute("role", "region");
          wrap.setAttribute("aria-label", heading.textContent.replace(/¶\s*$/, "").trim());
        }
      } else if (wrap.hasAttribute("data-reader-scroll")) {
        wrap.removeAttribute("data-reader-scroll");
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
      }
    });
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(scrollableBlocks);  /* after the theme has wrapped the tables */
  }
  window.addEventListener("resize", scrollableBlocks);
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(scrollableBlocks);

  /* The papers × concepts matrix keeps its header row in view (figures.css): the box is marked
     where the table fits its column, and then neither scrolls nor is a stop of the keyboard;
     --concepts-head (the header row's height) keeps a focused link out from under the row. */
  function matrixHeads() {
    document.querySelectorAll(".figure--concepts .figure__scroll").forEach(function (box) {
      box.setAttribute("data-reader-fits", "");
      if (box.scrollWidth > box.clientWidth + 1) {
        box.removeAttribute("data-reader-fits");
        box.setAttribute("tabindex", "0");
      } else {
        box.removeAttribute("tabindex");
      }
      var head = box.querySelector("thead");
      if (head) box.style.setProperty("--concepts-head", Math.ceil(head.getBoundingClientRect().height) + "px");
    });
  }
  matrixHeads();
  window.addEventListener("resize", matrixHeads);
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(matrixHeads);

  /* The view switch stays under the header while the two take at most a quarter of the
     screen's height; taller (wrapped on a phone in a large text size, or a phone held
     sideways), it stays in its place. Its height, while it stays under the header, keeps an
     excerpt opened by its address out from under it (reader.css: --reader-view-h). */
  var viewSwitch = document.querySelector(".excerpt-view");
  function placeSwitch() {
    var header = document.querySelector(".md-header");
    var height = viewSwitch.getBoundingClientRect().height;
    var tall = (header ? header.offsetHeight : 0) + height > window.innerHeight / 4;
    root.toggleAttribute("data-reader-switch-unstuck", tall);
    root.style.setProperty("--reader-view-h", tall ? "0px" : Math.ceil(height) + "px");
  }
  if (viewSwitch) {
    placeSwitch();
    if (window.ResizeObserver) new ResizeObserver(placeSwitch).observe(viewSwitch);
    window.addEventListener("resize", placeSwitch);
  }

  /* A map wider than the screen (a phone: maps.css) pans sideways in its frame, which is then
     reachable with the keyboard and named after the map. It starts on the feature the address
     names, else on the outlined areas (the war's ground) with their labels, else centred. */
  function centre(pan, feature) {
    var frame = pan.getBoundingClientRect();
    var focus = feature || pan.querySelector(".map__areas");
    var box = focus && focus.getBoundingClientRect();
    if (box && box.width) {
      pan.scrollLeft += box.left + box.width / 2 - (frame.left + frame.width / 2);
    } else {
      pan.scrollLeft = (pan.scrollWidth - pan.clientWidth) / 2;
    }
  }
  function panMaps() {
    document.querySelectorAll(".map__pan").forEach(function (pan) {
      if (pan.scrollWidth > pan.clientWidth + 1) {
        var title = pan.parentNode.querySelector(".map__title");
        pan.setAttribute("tabindex", "0");
        pan.setAttribute("role", "region");
        if (title) pan.setAttribute("aria-label", title.textContent.trim());
        if (!pan.hasAttribute("data-reader-panned")) {
          pan.setAttribute("data-reader-panned", "");
          centre(pan, location.hash ? pan.querySelector(":target") : null);
        }
      } else if (pan.hasAttribute("tabindex")) {
        pan.removeAttribute("tabindex");
        pan.removeAttribute("role");
        pan.removeAttribute("aria-label");
      }
    });
  }
  panMaps();
  window.addEventListener("resize", panMaps);
  window.addEventListener("hashchange", function () {
    var feature = document.querySelector(".map__pan :target");
    if (feature) centre(feature.closest(".map__pan"), feature);
  });

  /* Another edition of the page opens where the reader is: at the excerpt, entry or event at
     the top of the screen, or under the section heading passed last, whose anchors are the same
     in every edition (README, "Permanent anchors"). A heading of the page's own words (its
     summary, say) has an anchor of its edition's words: under one, or above the first place, the
     other edition opens at its top, as without this script. */
  var BLOCKS = "article.excerpt[id], section.term[id], .term li[id], li.entity[id], li.event[id]";
  var PLACES = BLOCKS + ", [id^='sec-']";
  var HEADINGS = ".md-content h1[id], .md-content h2[id], .md-content h3[id]";
  function readingPlace() {
    var header = document.querySelector(".md-header");
    var line = (header ? header.getBoundingClientRect().bottom : 0) + 16;
    var passed = null, first = null, near = false, settled = false;
    document.querySelectorAll(PLACES + ", " + HEADINGS).forEach(function (element) {
      var box = element.getBoundingClientRect(), block = element.matches(BLOCKS);
      if (box.top <= line) passed = element;
      if (settled || box.bottom <= line + (block ? 24 : 0)) return;  /* read past */
      if (!first) {
        /* the first heading or block not read past: the reader's, if it begins at the line */
        first = element;
        near = box.top <= line + 48;
      } else if (first.matches(BLOCKS) && first.contains(element) && box.top <= line + 48) {
        first = element;  /* the entry inside it at the line (a glossary term's) */
      } else {
        settled = true;
      }
    });
    var place = near ? first : passed;
    return place && place.matches(PLACES) ? place.id : "";
  }
  function toReadingPlace(event) {
    var link = event.target.closest ? event.target.closest("a.md-select__link[hreflang]") : null;
    if (!link) return;
    var id = readingPlace();
    link.href = link.href.split("#")[0] + (id ? "#" + encodeURIComponent(id) : "");
  }
  document.addEventListener("click", toReadingPlace);
  document.addEventListener("auxclick", toReadingPlace);

  /* The theme's drawer and search toggles start closed when a page is shown again (going back),
     as their `autocomplete="off"` did before the build removed it (hooks/theme_a11y.py). */
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("input.md-toggle:checked").forEach(function (toggle) {
      toggle.checked = false;
    });
    syncDrawer();
  });

  /* The drawer of a phone or tablet (the site's navigation) opens with the theme's menu
     button, a <label> for its checkbox that a mouse or a finger could use and a keyboard could
     not reach; so did the way back from a section's panel and the page's contents in it. The
     menu becomes a <button> (named by the label's title, in the edition's language; aria-expanded
     says whether the drawer is open), and those labels are reached by Tab, as the theme's own
     section labels are. Enter or Space opens or closes what each names and the focus moves to
     what is now in sight: into the drawer or a panel, or back to what opened it. Escape, or
     the focus leaving the drawer, closes it. While the drawer or a panel is out of sight its
     links are out of the keyboard's way too (reader.css, under html.reader-drawer: only where
     this script runs). */
  var drawerToggle = document.getElementById("__drawer");
  var drawer = document.querySelector(".md-sidebar--primary");
  var drawerButton = menuButton(document.querySelector('.md-header label[for="__drawer"]'));
  function menuButton(label) {
    if (!label) return null;
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className;
    button.setAttribute("data-drawer-button", "");
    button.title = label.title;
    button.setAttribute("aria-label", label.title);
    button.append.apply(button, Array.prototype.slice.call(label.childNodes));
    label.replaceWith(button);
    return button;
  }
  function syncDrawer() {
    if (drawerButton && drawerToggle) {
      drawerButton.setAttribute("aria-expanded", String(drawerToggle.checked));
    }
  }
  function setDrawer(open) {
    drawerToggle.checked = open;
    drawerToggle.dispatchEvent(new Event("change"));  // the theme (un)locks the page's scroll
  }
  function firstIn(element) {
    return element && element.querySelector("a[href], [tabindex='0']");
  }
  /* Enter or Space on a label of the drawer: what it names opens or closes, and the focus
     moves (still sliding in: no scroll to it, which would shift the drawer's contents). */
  function toggleByKey(event) {
    var label = event.target.closest ? event.target.closest("label[for]") : null;
    if (!label || (event.key !== "Enter" && event.key !== " ")) return;
    var toggle = document.getElementById(label.htmlFor);
    if (!toggle || toggle.type !== "checkbox") return;
    event.preventDefault();
    event.stopPropagation();  // the theme's own Enter on a label would click it a second time
    label.click();
    var panel = toggle.parentElement.querySelector(":scope > .md-nav");
    var opener = drawer.querySelector('label.md-nav__link[for="' + toggle.id + '"]');
    var next = toggle.checked ? firstIn(panel) : opener;
    if (next) next.focus({ preventScroll: true });
  }
  if (drawerToggle && drawerButton && drawer) {
    // closed from the start: the drawer and its panels hide at once, not after a slide they
    // never made (reader.css: html.reader-drawer--now)
    root.classList.add("reader-drawer", "reader-drawer--now");
    void drawer.offsetWidth;
    root.classList.remove("reader-drawer--now");
    drawerButton.addEventListener("click", function () {
      setDrawer(!drawerToggle.checked);
      var first = drawerToggle.checked && firstIn(drawer);
      if (first) first.focus({ preventScroll: true });
    });
    drawer.querySelectorAll(
      'label.md-nav__title[for]:not([for="__drawer"]), label.md-nav__link[for]'
    ).forEach(function (label) {
      if (!label.hasAttribute("tabindex")) label.tabIndex = 0;  // a section's has one already
      label.addEventListener("keydown", toggleByKey);
    });
    drawerToggle.addEventListener("change", function () {
      syncDrawer();
      // closed by its overlay while a link in it had the focus: the focus comes back to the button
      if (!drawerToggle.checked && drawer.contains(document.activeElement)) drawerButton.focus();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !drawerToggle.checked) return;
      setDrawer(false);
      drawerButton.focus();
    });
    // the focus leaving the open drawer (Tab past its end, or back to the header) closes it
    document.addEventListener("focusin", function (event) {
      if (drawerToggle.checked && !drawer.contains(event.target) && event.target !== drawerButton) {
        setDrawer(false);
      }
    });
    syncDrawer();
  }

  /* A short run kept on one line (`.unbroken`: a citation, a date or a title set against the
     text's direction, hooks/bidi_runs.py) that is wider than the line it stands in (a note on a
     small phone, a page zoomed in, a large text size) may break after all: kept whole, it ran
     out of its column and made the whole page wider than the screen. The runs of an excerpt
     not yet drawn are left alone until it is: measured, they made the browser lay out what it
     had skipped, and a page opened at an excerpt's address at times stood 2,000 px from it. */
  function lineWidth(run) {
    for (var box = run.parentElement; box; box = box.parentElement) {
      var style = getComputedStyle(box);
      if (!/^inline|^contents$/.test(style.display)) {
        return box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      }
    }
    return Infinity;
  }
  /* wider than its line, or out of the page's text column (a grid's or a flex row's column
     widened to hold it), unless a box between them scrolls or clips it (a wide table) */
  function tooWide(run) {
    var box = run.getBoundingClientRect();
    if (!box.width) return false;
    if (box.width > lineWidth(run) + 0.5) return true;
    var column = run.closest(".md-content__inner");
    if (!column) return false;
    var edges = column.getBoundingClientRect();
    if (box.left >= edges.left - 0.5 && box.right <= edges.right + 0.5) return false;
    for (var up = run.parentElement; up && up !== column; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== "visible") return false;
    }
    return true;
  }
  function fitRuns(scope, skip) {
    var runs = Array.prototype.filter.call(scope.querySelectorAll(".unbroken"), function (run) {
      return !(skip && skip(run));
    });
    runs.forEach(function (run) { run.classList.remove("unbroken--wraps"); });
    runs.filter(tooWide).forEach(function (run) { run.classList.add("unbroken--wraps"); });
  }
  function undrawn(run) { return !!run.closest(".excerpt:not(.excerpt--drawn)"); }
  function fitAllRuns() { fitRuns(document, undrawn); }
  window.ReaderFitRuns = fitRuns;  // for the search's results (search.js)
  fitAllRuns();
  var fitting = 0;
  window.addEventListener("resize", function () {
    if (!fitting) fitting = requestAnimationFrame(function () { fitting = 0; fitAllRuns(); });
  });
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(fitAllRuns);

  /* A page opened at an anchor keeps it at the top of the screen, where the browser put it,
     while the excerpts above it are drawn, until the reader scrolls: the browser's own scroll
     anchoring lost it on a phone zoomed in (the Persian Kardeşlik page at 280 px opened an
     excerpt's address 16,000 px away from the excerpt). */
  var kept = null;  // the anchor's element
  function keepPlace() {
    var id = decodeURIComponent(location.hash.slice(1));
    kept = id ? document.getElementById(id) : null;
  }
  function holdPlace() {
    if (kept) kept.scrollIntoView({ block: "start", behavior: "instant" });
  }
  ["wheel", "touchstart", "keydown", "pointerdown"].forEach(function (type) {
    window.addEventListener(type, function () { kept = null; }, { capture: true, passive: true });
  });
  window.addEventListener("hashchange", keepPlace);

  /* Long pages: the excerpts below the first screen are left undrawn for the first view
     (content-visibility, reader.css); once the page has loaded they are drawn while the browser
     is idle, so that the finished page is whole (its height, the places of its anchors, what
     assistive tools measure). <html data-reader-drawn> marks the end. Each idle period draws one
     excerpt, then another only while the time left in it is longer than the last one took:
     drawing an excerpt lays it out, and two at a time kept a phone's processor busy for up to
     150 ms, too long to answer a touch at once. */
  function drawRest() {
    var rest = Array.prototype.slice.call(document.querySelectorAll(".excerpt:not(.excerpt--drawn)"));
    var idle = window.requestIdleCallback || function (task) {
      return setTimeout(function () { task({ timeRemaining: function () { return 0; } }); }, 16);
    };
    keepPlace();
    function step(deadline) {
      var took = 0;
      do {
        var excerpt = rest.shift(), start = performance.now();
        if (!excerpt) break;
        // drawn, then fitted at once: a run left wider than its line for a moment shifted the
        // page sideways on a phone in large text
        excerpt.classList.add("excerpt--drawn");
        fitRuns(excerpt);
        took = performance.now() - start;
      } while (deadline.timeRemaining() > took);
      holdPlace();
      if (rest.length) idle(step);
      else document.documentElement.setAttribute("data-reader-drawn", "");
    }
    idle(step);
  }
  /* An excerpt not yet drawn that the browser draws of itself (it comes near the screen) is
     fitted then: it is laid out by that time, and nothing skipped is measured. */
  document.addEventListener("contentvisibilityautostatechange", function (event) {
    if (!event.skipped && event.target.classList.contains("excerpt")) fitRuns(event.target);
  }, true);
  if (document.readyState === "complete") drawRest();
  else window.addEventListener("load", drawRest);

  /* Printing from the browser prints the full record, which the screen keeps folded. */
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.record__full").forEach(function (d) { d.open = true; });
  });

  /* Search opens with its button, "/" or "s"; its scripts and index load only then
     (search.js). The site's root is where this script's folder is. */
  var script = document.currentScript;
  var siteRoot = script && script.src ? new URL("../../", script.src).href : "";
  var searchLoaded = false;
  function loadScript(path) {
    var element = document.createElement("script");
    element.src = siteRoot + path;
    element.async = false;
    document.head.appendChild(element);
  }
  var searchOpener = null;
  function openSearch() {
    var dialog = document.querySelector("[data-search-dialog]");
    if (!dialog || !siteRoot) return;
    if (!dialog.open) {
      searchOpener = document.activeElement;
      dialog.showModal();
    }
    if (!searchLoaded) {
      searchLoaded = true;
      window.ReaderSearchRoot = siteRoot;
      loadScript("assets/js/search-normalise.js");
      loadScript("assets/js/search.js");
    }
  }
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-search-open]")) openSearch();
  });
  /* Closing the search gives the focus back to what had it (the search button, or the page),
     so that the next key reaches the page and not the closed dialog. */
  var searchDialog = document.querySelector("[data-search-dialog]");
  if (searchDialog) searchDialog.addEventListener("close", function () {
    var focused = document.activeElement;
    if (!focused || !searchDialog.contains(focused)) return;
    if (searchOpener && searchOpener !== document.body && searchOpener.isConnected) {
      searchOpener.focus();
    } else {
      focused.blur();
    }
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var field = target.closest ? target.closest("input, textarea, select, [contenteditable], dialog") : null;
    var within = field ? field.closest("dialog") : null;
    /* a key typed in a field, or in the open search, is the reader's text, not a shortcut */
    if (field && !(within && !within.open)) return;
    if (event.key === "/" || event.key === "s" || event.key === "S") {
      event.preventDefault();
      openSearch();
    }
  });

  syncButtons();
  followAlias();
})();
