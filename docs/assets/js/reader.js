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

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("button") : null;
    if (!target) return;
    if (target.matches(".excerpt-view [data-view]")) {
      setView(target.getAttribute("data-view"));
    } else if (target.matches(".excerpt__copy")) {
      copyLink(target);
    }
  });

  syncButtons();
})();
