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

  /* A glossed term's definition opens below the term, kept inside the screen: never wider than
     the viewport, never past its edges, in left-to-right and right-to-left pages alike. */
  function place(gloss) {
    var margin = 8, rect = gloss.getBoundingClientRect();
    var width = Math.min(288, window.innerWidth - 2 * margin);
    var rtl = getComputedStyle(gloss).direction === "rtl";
    var x = rtl ? rect.right - width : rect.left;
    x = Math.max(margin, Math.min(x, window.innerWidth - width - margin));
    gloss.style.setProperty("--gloss-x", x + "px");
    gloss.style.setProperty("--gloss-y", rect.bottom + 4 + "px");
    gloss.style.setProperty("--gloss-w", width + "px");
  }
  function closeGlosses(except) {
    document.querySelectorAll("a.gloss.is-open").forEach(function (open) {
      if (open !== except) open.classList.remove("is-open");
    });
  }
  ["mouseover", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var gloss = event.target.closest ? event.target.closest("a.gloss") : null;
      if (gloss) place(gloss);
    });
  });
  /* On a touch screen a first tap shows the definition, a second follows the link; a tap
     elsewhere, Escape or scrolling closes it. */
  var touch = window.matchMedia && window.matchMedia("(hover: none)").matches;
  document.addEventListener("click", function (event) {
    var gloss = event.target.closest ? event.target.closest("a.gloss") : null;
    closeGlosses(gloss);
    if (gloss && touch && !gloss.classList.contains("is-open")) {
      event.preventDefault();
      place(gloss);
      gloss.classList.add("is-open");
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      closeGlosses(null);
      if (document.activeElement && document.activeElement.matches("a.gloss")) {
        document.activeElement.blur();
      }
    }
  });
  window.addEventListener("scroll", function () { closeGlosses(null); }, { passive: true });

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

  /* Printing from the browser prints the full record, which the screen keeps folded. */
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.record__full").forEach(function (d) { d.open = true; });
  });

  syncButtons();
  followAlias();
})();
