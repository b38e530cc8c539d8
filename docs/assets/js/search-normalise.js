/* Search folding in the browser: the rule set of docs/data/search-normalise.yml, which the build
   sends as pagefind/rules.json, applied in the same steps as hooks/search_fold.py (NFD, lower
   case, letters, removals, spaces). `foldWithMap` also says where each folded character comes
   from, so that a match found in folded text is highlighted in the original. */
(function (root) {
  "use strict";

  function makeFolder(rules) {
    var table = Object.create(null);
    Object.keys(rules.letters).forEach(function (k) { table[k] = rules.letters[k]; });
    rules.remove.forEach(function (pair) {
      for (var cp = pair[0]; cp <= pair[1]; cp++) table[String.fromCodePoint(cp)] = "";
    });
    rules.space.concat(["\t", "\n", "\r", "\f", "\v"]).forEach(function (c) { table[c] = " "; });

    function translate(text) {
      var out = "";
      for (var ch of text) {
        var mapped = table[ch];
        out += mapped === undefined ? ch : mapped;
      }
      return out;
    }

    function fold(text) {
      return translate(String(text).normalize("NFD").toLowerCase())
        .replace(/ +/g, " ").replace(/^ +| +$/g, "");
    }

    /* The folded text, uncollapsed, with the [start, end) of the original behind each unit. */
    function foldWithMap(text) {
      var folded = "", starts = [], ends = [], index = 0;
      for (var ch of String(text)) {
        var piece = translate(ch.normalize("NFD").toLowerCase());
        for (var i = 0; i < piece.length; i++) {
          starts.push(index);
          ends.push(index + ch.length);
        }
        folded += piece;
        index += ch.length;
      }
      return { text: folded, starts: starts, ends: ends };
    }

    return { fold: fold, foldWithMap: foldWithMap };
  }

  var api = { makeFolder: makeFolder };
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.ReaderSearchFold = api;
  }
})(typeof self !== "undefined" ? self : this);
