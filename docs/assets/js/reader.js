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

  /* On a touch screen a first tap on a glossed term shows its definition, a second follows it. */
  var touch = window.matchMedia && window.matchMedia("(hover: none)").matches;
  document.addEventListener("click", function (event) {
    var gloss = event.target.closest ? event.target.closest("a.gloss") : null;
    if (gloss && touch && !gloss.classList.contains("is-open")) {
      event.preventDefault();
      document.querySelectorAll("a.gloss.is-open").forEach(function (open) {
        open.classList.remove("is-open");
      });
      gloss.classList.add("is-open");
      return;
    }
  });

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

  syncButtons();
  followAlias();
})();
