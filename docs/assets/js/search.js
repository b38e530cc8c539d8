/* The reader's search dialog. reader.js loads this script (and search-normalise.js) the first
   time the reader opens search; the edition's Pagefind index (pagefind/<edition>/) loads with the
   first query, the other editions' only when "all editions" is ticked. The query is folded by
   the site's rule set before Pagefind sees it; results are built with textContent and <mark>,
   never from HTML. Contract (README): one <input type="search">, results are <a> elements inside
   the element carrying data-search-results. */
(function () {
  "use strict";
  var LIMIT = 12;
  var dialog = document.querySelector("[data-search-dialog]");
  var siteRoot = window.ReaderSearchRoot;
  if (!dialog || !siteRoot || !window.ReaderSearchFold) return;
  var input = dialog.querySelector('input[type="search"]');
  var allBox = dialog.querySelector("[data-search-all]");
  var status = dialog.querySelector("[data-search-status]");
  var results = dialog.querySelector("[data-search-results]");
  var strings = JSON.parse(dialog.getAttribute("data-search-strings"));
  var edition = dialog.getAttribute("data-search-edition");
  var rules = null, folder = null, own = null, all = null, counter = 0, timer = null;

  function loadRules() {
    if (!rules) {
      rules = fetch(siteRoot + "pagefind/rules.json").then(function (r) { return r.json(); })
        .then(function (data) { folder = window.ReaderSearchFold.makeFolder(data); return data; });
    }
    return rules;
  }
  function bundle(code) { return siteRoot + "pagefind/" + code + "/"; }
  function ownEngine() {
    if (!own) own = import(bundle(edition) + "pagefind.js");
    return own;
  }
  /* Every edition: a second instance of the edition's bundle, with the others merged in. */
  function allEngine(data) {
    if (!all) {
      all = import(bundle(edition) + "pagefind.js?all").then(function (engine) {
        var others = Object.keys(data.editions).filter(function (code) { return code !== edition; });
        return Promise.all(others.map(function (code) {
          return engine.mergeIndex(bundle(code), { language: code });
        })).then(function () { return engine; });
      });
    }
    return all;
  }

  function say(text) { status.textContent = text; }
  function count(n) {
    var digits = edition === "fa" ? String(n).replace(/[0-9]/g, function (d) {
      return "۰۱۲۳۴۵۶۷۸۹"[d];
    }) : String(n);
    return strings.search_results.replace("{n}", digits);
  }

  /* What to highlight: the query's words, then every spelling of a name the query is (or
     begins), or that is one of its words. */
  function terms(query, data) {
    var words = query.split(" ").filter(Boolean);
    var out = words.slice();
    data.groups.forEach(function (group) {
      var hit = group.some(function (form) {
        return words.indexOf(form) !== -1 || (query.length > 2 && form.indexOf(query) === 0);
      });
      if (hit) out = out.concat(group);
    });
    return { words: words, all: out.filter(function (t, i) { return out.indexOf(t) === i; }) };
  }
  function isWordChar(ch) { return /[\p{L}\p{N}]/u.test(ch); }
  function matches(text, words) {
    var mapped = folder.foldWithMap(text), spans = [];
    words.forEach(function (word) {
      var at = mapped.text.indexOf(word);
      while (at !== -1) {
        if (at === 0 || !isWordChar(mapped.text[at - 1])) {
          spans.push([mapped.starts[at], mapped.ends[at + word.length - 1]]);
        }
        at = mapped.text.indexOf(word, at + 1);
      }
    });
    // at each place the longest match (a name of two words, not only its first word), and no
    // match that begins inside one already kept
    spans.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var kept = [];
    spans.forEach(function (s) {
      if (!kept.length || s[0] >= kept[kept.length - 1][1]) kept.push(s);
    });
    return kept;
  }

  /* The snippet: the record's text that holds most of the query's words (the original, the
     translation, a note), around its first match. */
  function snippet(meta, terms, data) {
    var texts = [];
    for (var i = 1; meta["t" + i] !== undefined; i++) texts.push([meta["l" + i], meta["t" + i]]);
    var chosen = texts[0] || [edition, ""], spans = [], best = 0;
    texts.forEach(function (candidate) {
      var folded = folder.fold(candidate[1]);
      var score = terms.words.filter(function (w) { return folded.indexOf(w) !== -1; }).length * 2;
      var found = matches(candidate[1], terms.all);
      score += found.length ? 1 : 0;
      if (score > best) { best = score; chosen = candidate; spans = found; }
    });
    var text = chosen[1], start = spans.length ? Math.max(0, spans[0][0] - 80) : 0;
    var end = Math.min(text.length, start + 260);
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    var node = document.createElement("span");
    node.className = "reader-search__snippet";
    node.lang = chosen[0];
    node.dir = direction(chosen[0], data);
    var shift = start > 0 ? 2 : 0;
    if (start > 0) node.append("… ");
    mark(node, text, spans, start, end);
    var index = texts.indexOf(chosen);  // -1: the record has no text
    if (index !== -1) {
      isolate(node, meta["b" + (index + 1)], shift - start, shift, shift + end - start, data);
    }
    if (end < text.length) node.append(" …");
    return node;
  }
  function direction(code, data) { return data.rtl.indexOf(code) !== -1 ? "rtl" : "ltr"; }
  /* The runs of a shown text written against its direction, each in a <bdi>, as on the pages:
     the index lists them for each text ("start:end,…", from hooks/bidi_isolation.py, as `b0`
     for the title and `b1`, `b2`… for the texts), so that "(Davutoğlu, 2016: 129)" in a Persian
     text or a Turkish title in a Persian label keeps its order; "start:end:fa" gives a Persian
     or Arabic run its language, for a screen reader's voice, and "start:end:tr" a Turkish title
     in English text (in a <span>: it is not written against the text). `shift` moves the listed offsets to
     the node's text; a run is cut to the part between `low` and `high`; a short one is kept on
     one line (`data.unbroken`, UNBROKEN in hooks/bidi_runs.py). */
  function isolate(node, listed, shift, low, high, data) {
    var against = node.dir === "rtl" ? "ltr" : "rtl";
    (listed || "").split(",").filter(Boolean).forEach(function (pair) {
      var bounds = pair.split(":");
      var range = rangeOf(node, Math.max(low, +bounds[0] + shift),
                          Math.min(high, +bounds[1] + shift));
      if (!range || range.collapsed) return;
      // a run in a language written in the text's own direction (a Turkish title in an English
      // label) only says its language
      var own = bounds[2] && (data.rtl.indexOf(bounds[2]) !== -1) === (node.dir === "rtl");
      var bdi = document.createElement(own ? "span" : "bdi");
      if (!own) bdi.dir = against;
      if (bounds[2]) bdi.lang = bounds[2];
      if (range.toString().length <= data.unbroken) bdi.className = "unbroken";  // as on the pages
      bdi.append(range.extractContents());
      range.insertNode(bdi);
    });
    // a run that begins or ends inside a highlighted word takes its part of the <mark> with it,
    // and leaves an empty one behind
    node.querySelectorAll("mark:empty").forEach(function (empty) { empty.remove(); });
  }
  /* A range over the characters start…end of node's text, across the <mark>s in it. */
  function rangeOf(node, start, end) {
    if (start >= end) return null;
    var walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT), range = null, seen = 0;
    for (var text = walker.nextNode(); text; text = walker.nextNode()) {
      if (!range && start < seen + text.length) {
        range = document.createRange();
        range.setStart(text, start - seen);
      }
      if (range && end <= seen + text.length) { range.setEnd(text, end - seen); return range; }
      seen += text.length;
    }
    return null;
  }
  /* text[start:end] into node, the spans in <mark>. */
  function mark(node, text, spans, start, end) {
    var cursor = start;
    spans.filter(function (s) { return s[0] >= start && s[1] <= end; }).forEach(function (s) {
      node.append(text.slice(cursor, s[0]));
      var element = document.createElement("mark");
      element.textContent = text.slice(s[0], s[1]);
      node.append(element);
      cursor = s[1];
    });
    node.append(text.slice(cursor, end));
  }

  function item(result, words, data) {
    var meta = result.meta, link = document.createElement("a");
    link.className = "reader-search__result";
    link.href = siteRoot + meta.u;
    var head = document.createElement("span");
    head.className = "reader-search__kind";
    // what the result is: an index entry says whether a person, an organisation or a place
    head.textContent = strings["search_kind_" + (meta.c || meta.k)] || "";
    if (meta.e && meta.e !== edition) {
      link.hreflang = meta.e;
      head.textContent += " · " + data.editions[meta.e];
    }
    var title = document.createElement("span");
    title.className = "reader-search__name";
    title.dir = direction(meta.e || edition, data);
    var name = meta.title || "";
    mark(title, name, matches(name, words.all), 0, name.length);
    isolate(title, meta.b0, 0, 0, name.length, data);
    link.append(head, title, snippet(meta, words, data));
    return link;
  }

  /* A name's own entry first: among the results shown, a glossary or index entry whose title is
     the query, or another spelling of it (its group in the rules: "Shushi" finds Shusha's entry
     first), comes first, then one whose title holds every word of the query, then the rest,
     each in Pagefind's order. */
  function entriesFirst(shown, folded, data) {
    var words = folded.split(" ").filter(Boolean), spellings = [folded];
    data.groups.forEach(function (group) {
      if (group.indexOf(folded) !== -1) spellings = spellings.concat(group);
    });
    function rank(result) {
      var meta = result.meta;
      if (meta.k !== "term" && meta.k !== "entity") return 2;
      var title = " " + folder.fold(meta.title || "") + " ";
      if (spellings.indexOf(title.trim()) !== -1) return 0;
      return words.every(function (w) { return title.indexOf(" " + w) !== -1; }) ? 1 : 2;
    }
    return shown.map(function (result, i) { return [rank(result), i, result]; })
      .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; })
      .map(function (entry) { return entry[2]; });
  }

  /* Pagefind answers a word its index lacks with the longest word it holds that begins the
     query's word: "theocracy" finds every "the", "Iğdır" every "i". A query word is the site's
     when a word Pagefind matched in the results shown holds at least half of it from a beginning
     (three letters at least, or all of a shorter word: "azerb" in "azerbaijan", "الحرب" in
     "بالحرب"), or when Pagefind finds it as an exact word (its stem: "savaşlarımızdan" finds
     "savaş"); a query with a word that is neither finds nothing. Resolves to true or false. */
  function holdsEveryWord(pagefind, folded, shown) {
    var matched = [];
    shown.forEach(function (data) {
      var text = data.content.split(/[\r\n\s]+/g);  // Pagefind's words, as its excerpts count them
      data.locations.forEach(function (at) {
        if (text[at]) matched.push(text[at].replace(/^[^\p{L}\p{N}]+/u, ""));
      });
    });
    // a phrase in quotes is Pagefind's exact search, which has no stand-in; a result without
    // a matched word (Pagefind gives none) leaves each word to the exact search
    if (!shown.length || folded.indexOf('"') !== -1) return Promise.resolve(true);
    var doubtful = folded.split(" ").filter(Boolean).filter(function (word) {
      var need = Math.min(word.length, Math.max(3, Math.ceil(word.length / 2)));
      return !matched.some(function (text) {
        return Math.max(beginsIn(text, word), beginsIn(word, text)) >= need;
      });
    });
    return Promise.all(doubtful.map(function (word) {
      return pagefind.search('"' + word + '"').then(function (exact) {
        return exact.results.length > 0;
      });
    })).then(function (held) { return held.every(Boolean); });
  }
  /* How much of the beginning of `a` stands somewhere in `b`. */
  function beginsIn(a, b) {
    var n = Math.min(a.length, b.length);
    while (n > 0 && b.indexOf(a.slice(0, n)) === -1) n--;
    return n;
  }

  function search() {
    var token = ++counter, query = input.value;
    loadRules().then(function (data) {
      var folded = folder.fold(query);
      if (!folded) { results.replaceChildren(); say(""); done(token); return null; }
      say(strings.search_loading);
      var engine = allBox.checked ? allEngine(data) : ownEngine();
      return engine.then(function (pagefind) {
        return pagefind.search(folded).then(function (found) {
          return Promise.all(found.results.slice(0, LIMIT).map(function (r) { return r.data(); }))
            .then(function (shown) {
              return holdsEveryWord(pagefind, folded, shown).then(function (held) {
                if (token === counter) show(held ? shown : [], found.results.length, folded, data);
                done(token);
              });
            });
        });
      });
    }).catch(function (error) { say(String(error)); done(token); });
  }
  function show(shown, total, folded, data) {
    var words = terms(folded, data);
    results.replaceChildren.apply(results, entriesFirst(shown, folded, data).map(function (r) {
      return item(r, words, data);
    }));
    if (window.ReaderFitRuns) window.ReaderFitRuns(results);  // a run wider than its line (reader.js)
    say(shown.length ? count(total) : strings.search_none);
  }
  /* aria-busy on the results: true from a keystroke until its results are shown. */
  function done(token) { if (token === counter) results.setAttribute("aria-busy", "false"); }
  function later() {
    results.setAttribute("aria-busy", "true");
    clearTimeout(timer);
    timer = setTimeout(search, 120);
  }

  input.addEventListener("input", later);
  allBox.addEventListener("change", later);
  dialog.querySelector("[data-search-close]").addEventListener("click", function () {
    dialog.close();
  });
  results.addEventListener("click", function (event) {
    if (event.target.closest("a")) dialog.close();
  });
  /* Arrow keys move between the field and the results. */
  dialog.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(results.querySelectorAll("a"));
    if (!links.length) return;
    var at = links.indexOf(document.activeElement);
    var next = event.key === "ArrowDown" ? at + 1 : at - 1;
    if (next >= links.length) return;
    event.preventDefault();
    (next < 0 ? input : links[next]).focus();
  });
  if (input.value) later();
})();
