"""Bad input of every kind a contributor could write: `make check` refuses each one with the file,
the line and how to fix it, and never with a traceback.

Each case breaks a copy of the small fixture project in one way: (case, file, text to replace or
None for the whole file, APPEND, or DELETE to remove the file, the new text, where the problem
is (a needle on its line, or a line number), a word the message must contain).
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

S = "docs/data/papers/sample.yml"
N = "docs/data/papers/nemune.yml"
G = "docs/data/glossary.yml"
E = "docs/data/entities.yml"
V = "docs/data/events.yml"
U = "docs/data/ui.yml"
P = "docs/en/index.md"
R = "docs/data/search-normalise.yml"
PP = "docs/en/papers/sample.md"
APPEND = "APPEND"
DELETE = "DELETE"
NOTE = "        text: See [[sample-one]]."
LONG = " ".join(["sözcük"] * 300)
ENTITY = ('- id: ilham-aliyev\n  kind: person\n  names: {en: "Ilham Aliyev", tr: "İlham Aliyev", '
          'fa: "الهام علی‌اف", ar: "إلهام علييف"}\n'
          '  family: {en: Aliyev, tr: Aliyev, fa: علی‌اف, ar: علييف}\n'
          '  about: {en: "President of Azerbaijan."}\n'
          '  match: ["Ilham Aliyev"]\n')
PK = "docs/en/packets/a-packet.md"
PACKET = "---\npacket: true\ntitle: A packet\nterms: [soft-power]\n---\n# A packet\n"
EVENT = ('- id: a-day\n  date: "2020-11-10"\n  title: {en: "A day"}\n  excerpts: [sample-one]\n')

#: a dozen words and more in English, Persian and Arabic: enough for the site to tell which
EN_TEXT = ("The editors read the paper with the sources of the war and with the record of the "
           "two governments.")
TR_TEXT = ("Editörler makaleyi savaşın kaynakları ve iki hükümetin kayıtlarıyla birlikte okudu ve "
           "notlarını buna göre yazdı.")
FA_TEXT = ("ویراستاران این مقاله را با منابع جنگ و با کارنامۀ دو دولت خوانده‌اند و یادداشت‌های "
           "خود را نوشته‌اند.")
AR_TEXT = ("يقول المحررون إن الكاتب يكتفي بذكر الحرب ولا يتناول موقف إيران منها، وهو ما كان يمكن "
           "أن يفسر كثيراً.")

CASES = [
    # the paper's file: encoding, characters, structure
    ("paper is a list", S, None, "- just\n- a list\n", 1, "mapping"),
    ("paper file emptied", S, None, "", 1, "empty"),
    ("abstracts not a list", S, "record:\n", "abstracts: 5\nrecord:\n", "abstracts: 5",
     "must be a list"),
    ("paper file of comments", S, None, "# nothing yet\n", 1, "empty"),
    ("abstract in a language the site lacks", S, "sections:\n",
     "abstracts:\n  - lang: fs\n    text: x\nsections:\n", "lang: fs", "unknown language 'fs'"),
    ("short title in a language the site lacks", S, 'ar: "ورقة تركية نموذجية"}',
     'ar: "ورقة تركية نموذجية", fs: "x"}', "short_title:", "key `fs` the site does not know"),
    ("yaml syntax", S, "  - id: sample-two", "  - id sample-two", "section: end", "YAML"),
    ("tab indentation", S, "  - id: sample-two", "\t- id: sample-two", "- id: sample-two", "YAML"),
    ("latin-1 byte", S, "lang: tr", "lang: tr\n# caf\udce9", "# caf", "UTF-8"),
    ("nul byte", S, "Bu paragraf", "Bu\x00paragraf", "Bu\x00paragraf", "control character"),
    ("bell character", S, "Bu paragraf", "Bu\x07paragraf", "Bu\x07paragraf", "control character"),
    ("key mismatch", S, "key: sample", "key: other", "key: other", "file name"),
    ("unknown language", S, "lang: tr", "lang: tk", "lang: tk", "language"),
    ("unknown calendar", S, "calendar: gregorian", "calendar: julian", "calendar: julian",
     "calendar"),
    ("no cite", S, "cite:\n  authors: Örnek\n", "cite:\n", "cite:", "cite"),
    ("citation year of three digits", S, '  year: "2025"\nrecord', '  year: "202"\nrecord',
     'year: "202"', "the citation year '202' is not a year"),
    ("record pages in words", S, "  pages: null", '  pages: "abc"', 'pages: "abc"',
     "the pages 'abc' are not the paper's first and last page"),
    ("record pages the wrong way round", S, "  pages: null", '  pages: "45-12"', 'pages: "45-12"',
     "the pages '45-12' are not the paper's first and last page"),
    ("record year of five digits", S, '  year: "2025"\n  pages', '  year: "20255"\n  pages',
     'year: "20255"', "the year '20255' is not a year"),
    ("cite authors under a language the site lacks", S, "  authors: Örnek\n",
     "  authors: {en: Örnek, fs: Nmune}\n", "authors:", "`cite.authors` has a key `fs`"),
    ("record of the wrong type", S, "record:\n", "record: 5\nrecord_was:\n", "record: 5", "record"),
    ("sections not a list", S, "sections:\n", "sections: 5\nsections_was:\n", "sections: 5",
     "sections"),
    ("duplicate section", S, "{id: end,", "{id: intro,", "{id: intro, number: \"2\"", "duplicate"),
    ("section without English", S, ", en: Conclusion,", ",", "original: Sonuç,", "English"),
    ("level not a number", S, "level: 1, original: Giriş", "level: one, original: Giriş",
     "level: one", "level"),
    ("level out of range", S, "level: 1, original: Giriş", "level: 9, original: Giriş",
     "level: 9", "level"),
    ("short title missing", S, "short_title:", "short_title_was:", 1, "short title"),
    ("short title not a mapping", S, "short_title: {en:", "short_title: 5\nshort_was: {en:",
     "short_title: 5", "short title"),
    # excerpts
    ("excerpt not a mapping", S, "  - id: sample-two\n", "  - just text\n  - id: sample-two\n",
     1, "mapping"),
    ("invalid id", S, "- id: sample-two", "- id: Sample Two", "- id: Sample Two", "id"),
    ("duplicate id", S, "- id: sample-two", "- id: sample-one", 40, "duplicate"),
    ("unknown section", S, "section: end", "section: ending", "section: ending", "section"),
    ("terms not a list", S, "terms: [soft-power]", "terms: soft-power", "terms: soft-power",
     "terms"),
    ("unknown term", S, "terms: [soft-power]", "terms: [soft-powder]", "- id: sample-one",
     "soft-powder"),
    ("aliases not a list", S, "    terms: [soft-power]", "    terms: [soft-power]\n    aliases: x y",
     "aliases: x y", "aliases"),
    ("empty translation", S, "    translation: |\n      The second", "    translation: ''\n    was: |\n      The second",
     "translation: ''", "translation"),
    ("too short", S, "İkinci örnek paragraf da aynı amaçla yazılmıştır; birinciye bağlantı verir. Bu "
     "cümleler de yalnızca testler içindir ve gerçek bir kaynağa dayanmaz; okur için bir anlam "
     "taşımazlar, ama denetimlerin metnin uzunluğunu, dilini ve yazısını doğru sınadığını göstermek "
     "için yeterince uzundurlar ve kırk sözcüğü geçerler.", "İkinci örnek paragraf.",
     "- id: sample-two", "words"),
    ("too long", S, "      Türkçe harflerle yazılmıştır.", f"      Türkçe harflerle yazılmıştır. {LONG}",
     "- id: sample-one", "words"),
    # notes
    ("unknown note type", S, "      - type: context", "      - type: gossip", "type: gossip",
     "note type"),
    ("note as a list", S, NOTE, "        text: [a, b]", "text: [a, b]", "English text"),
    ("glued words not a list", S, "  - id: sample-two\n",
     "  - id: sample-two\n    glued_in_source: birsözcük\n", "glued_in_source", "must be a list"),
    ("note a number", S, "      - type: context\n" + NOTE, "      - 5\n", "notes:", "a mapping"),
    ("note in an unknown language", S, NOTE,
     "        text:\n          en: See [[sample-one]].\n          de: Siehe.", "text:", "language"),
    ("note links nothing", S, NOTE, "        text: See [[sample-zero]].", "See [[sample-zero]]",
     "unknown excerpt"),
    ("note with a script", S, NOTE, "        text: See <script>alert(1)</script>.", "<script>",
     "script"),
    ("note with a handler", S, NOTE, '        text: See <span onclick="x()">this</span>.',
     "onclick", "event handler"),
    ("note with a javascript link", S, NOTE, "        text: See [this](javascript:alert(1)).",
     "javascript", "javascript"),
    ("note with an iframe", S, NOTE, '        text: See <iframe src="x"></iframe>.', "iframe",
     "iframe"),
    ("note with a tag not allowed", S, NOTE, "        text: See <object>x</object>.", "<object>",
     "raw HTML"),
    # bidi controls
    ("RLO", S, "This paragraph is a short", "This paragraph\u202e is a short", "\u202e", "U+202E"),
    ("LRM", S, "Bu paragraf", "Bu\u200eparagraf", "\u200e", "U+200E"),
    ("RLM", N, "این بند", "این\u200fبند", "\u200f", "U+200F"),
    ("ALM", N, "این بند", "این\u061cبند", "\u061c", "U+061C"),
    ("isolate", N, "(Davutoglu", "\u2066(Davutoglu", "\u2066", "U+2066"),
    # dates of the record
    ("impossible Solar Hijri date", N, 'received: "1403/05/19"', 'received: "1403/13/45"',
     "received:", "Solar Hijri"),
    ("unquoted impossible date", N, 'received: "1403/05/19"', "received: 1403-13-45",
     "received:", "Solar Hijri"),
    ("date outside the calendar", N, 'received: "1403/05/19"', 'received: "0000/01/01"',
     "received:", "Solar Hijri"),
    ("day 31 in month 7", N, 'received: "1403/05/19"', 'received: "1403/07/31"',
     "received:", "Solar Hijri"),
    ("impossible Gregorian date", S, "  received: null", '  received: "2025-02-30"',
     "received:", "Gregorian"),
    # glossary, index, timeline
    ("glossary is a list", G, None, "- a\n- b\n", 1, "glossary"),
    ("glossary entry not a mapping", G, APPEND, "other-term: 5\n", "other-term", "mapping"),
    ("glossary term without definition", G, APPEND, "other-term:\n  en: other\n", "other-term",
     "definition"),
    ("glossary aliases not a list", G, APPEND,
     "other-term:\n  en: other\n  definition: {en: Other.}\n  aliases: 5\n", "other-term",
     "aliases"),
    ("glossary variants wrong", G, APPEND,
     "other-term:\n  en: other\n  definition: {en: Other.}\n  variants: 5\n", 1, "variants"),
    ("index is a mapping", E, None, "a: 1\n", 1, "list"),
    ("entity without id", E, None, "- kind: person\n  names: {en: X}\n", "kind: person", "id"),
    ("variant in a translation", E, None,
     ENTITY + '  variants: {en: {"short sample": "brief sample"}}\n', (S, "- id: sample-one"),
     "variant"),
    ("variant in a page", E, None, ENTITY + '  variants: {en: {"Fixture": "Test"}}\n',
     (P, "# Fixture"), "variant"),
    ("a term rendered otherwise", G, APPEND,
     'other-term:\n  en: sample\n  tr: numune\n  definition: {en: Other.}\n'
     '  variants: {tr: {"Örnek": "Numune"}}\n', ("docs/tr/papers/sample.md", "Örnek"), "variant"),
    ("timeline is a mapping", V, None, "a: 1\n", 1, "list"),
    ("event date not ISO", V, None, EVENT.replace("2020-11-10", "10/11/2020"), "date:",
     "`date: 10/11/2020` is not a real ISO date"),
    ("event on a day that does not exist", V, None, EVENT.replace("2020-11-10", "2021-02-30"),
     "date:", "`date: 2021-02-30` is not a real ISO date"),
    ("event in month 13", V, None, EVENT.replace("2020-11-10", "2021-13"), "date:", "ISO"),
    ("event end not ISO", V, None, EVENT.replace("  title:", '  end: "2020-11-31"\n  title:'),
     "end:", "`end: 2020-11-31` is not a real ISO date"),
    ("event without a date", V, None, EVENT.replace('  date: "2020-11-10"\n', ""), "- id: a-day",
     "has no `date:`"),
    ("packet terms not a list", PK, None, PACKET.replace("[soft-power]", "soft-power"),
     "terms:", "must be a list"),
    ("packet term given twice", PK, None, PACKET.replace("[soft-power]", "[soft-power, soft-power]"),
     "terms:", "twice"),
    ("packet without a title", PK, None, PACKET.replace("title: A packet\n", ""), 1, "title"),
    ("packet title not words", PK, None, PACKET.replace("title: A packet", "title: [a, b]"),
     "title:", "title"),
    ("event ends before it begins", V, None,
     EVENT.replace("  title:", '  end: "2020-11-09"\n  title:'), "end:", "before it begins"),
    ("glossary name not text", G, APPEND, "other-term:\n  en: [a, b]\n  definition: {en: x}\n",
     "en: [a, b]", "not text"),
    ("section heading in bold", S, "en: Introduction,", 'en: "**Introduction**",', "id: intro",
     "bold in the English heading of section 'intro', «**Introduction**», would be shown as typed"),
    ("section heading with an HTML tag", S, "ar: مقدمة}", "ar: مقدمة <b>١</b>}", "id: intro",
     "an HTML tag in the Arabic heading of section 'intro', «<b>» «</b>»"),
    ("page inferred in quotes", S, "  - id: sample-two\n",
     '  - id: sample-two\n    page_inferred: "false"\n', "page_inferred", "is not true or false"),
    ("glued form not in the original", S, "  - id: sample-two\n",
     "  - id: sample-two\n    glued_in_source: [aynıamaçla, örnekler]\n", "glued_in_source",
     "«örnekler» under `glued_in_source` is not words of the original run together"),
    ("glued form that is one word", S, "  - id: sample-two\n",
     "  - id: sample-two\n    glued_in_source: [paragraf]\n", "glued_in_source",
     "«paragraf» under `glued_in_source` is not words"),
    ("excerpt page not a number", S, "  - id: sample-two\n", "  - id: sample-two\n    page: -5\n",
     "page: -5", "not a page number"),
    ("excerpt pages reversed", S, "  - id: sample-two\n", "  - id: sample-two\n    page: 7-5\n",
     "page: 7-5", "end before they begin"),
    ("excerpt page outside the paper", S, "  pages: null", '  pages: "10–20"', "    page: 3",
     "not among the paper's pages"),
    ("event excerpts not a list", V, None, EVENT.replace("[sample-one]", "sample-one"),
     "excerpts:", "must be a list"),
    ("event names no excerpt", V, None, EVENT.replace("[sample-one]", "[sample-nine]"),
     "excerpts:", "sample-nine"),
    # the apparatus's texts: one line of inline Markdown each
    ("event title links an excerpt", V, None,
     EVENT.replace('{en: "A day"}', '\n    en: "A day, see [[sample-one]]"'), "see [[sample-one]]",
     "cross-reference"),
    ("entity description links an excerpt", E, None,
     ENTITY.replace("President of Azerbaijan.", "President; see [[sample-one]]."),
     "see [[sample-one]]", "cross-reference"),
    ("definition with a reference link", G, APPEND,
     'other-term:\n  en: other\n  definition:\n    en: "An [other][term] term"\n',
     "[other][term]", "`[other][term]` needs a label defined"),
    ("entity description with a footnote", E, None,
     ENTITY.replace("President of Azerbaijan.", "President of Azerbaijan.[^1]"), "[^1]",
     "`[^1]` needs a label defined"),
    ("definition in a language the site lacks", G, APPEND,
     'other-term:\n  en: other\n  definition:\n    en: "Other."\n    fs: "دیگر"\n', 'fs: "دیگر"',
     "key `fs` the site does not know"),
    ("event title in a language the site lacks", V, None,
     EVENT.replace('{en: "A day"}', '{en: "A day", de: "Ein Tag"}'), "title:",
     "key `de` the site does not know"),
    ("match forms under a language the site lacks", G, APPEND,
     'other-term:\n  en: other\n  definition: {en: "Other."}\n  match:\n    en: [other]\n'
     '    fs: [دیگر]\n', "fs: [دیگر]", "match has a key `fs` the site does not know"),
    ("definition with a block element", G, APPEND,
     'other-term:\n  en: other\n  definition:\n    en: "An <div>other</div> term"\n', "<div>",
     "raw HTML <div>"),
    ("title in italics without quotes", V, None,
     EVENT.replace('{en: "A day"}', "\n    en: *A Day* of note"), "*A Day*", "in quotes"),
    # a misspelt or unknown key, which would be dropped without a word
    ("excerpt key misspelt", S, "    section: end\n", "    section: end\n    page_infered: true\n",
     "page_infered", "`page_infered`"),
    ("note key unknown", S, NOTE, NOTE + "\n        colour: red", "colour: red", "`colour`"),
    ("paper key unknown", S, "record:\n", "recrod_note: x\nrecord:\n", "recrod_note",
     "`recrod_note`"),
    ("section key unknown", S, "{id: end,", "{id: end, titel: x,", "{id: end, titel", "`titel`"),
    ("cite key unknown", S, '  year: "2025"\nrecord:', '  year: "2025"\n  yaer: 2025\nrecord:',
     "yaer: 2025", "`yaer`"),
    ("glossary key unknown", G, APPEND,
     "other-term:\n  en: other\n  definition: {en: x}\n  mach: [other]\n", "mach:", "`mach`"),
    ("entity key unknown", E, None, ENTITY + "  colour: red\n", "colour", "`colour`"),
    ("index form finding another entry's name", E, None,
     ENTITY + ENTITY.replace("ilham-aliyev", "aliyev-family").replace('"Ilham Aliyev"]', '"Aliyev"]'),
     "- id: aliyev-family", "also finds «Ilham Aliyev»"),
    ("event key unknown", V, None, EVENT + "  colour: red\n", "colour", "`colour`"),
    # YAML that would be built into too much (a chain of aliases) or too deep for its parser
    ("alias chain", G, APPEND, "bomb-a: &a [x, x, x, x]\nbomb-b: [*a, *a, *a, *a]\n", "bomb-b",
     "alias"),
    ("lists nested deep", S, APPEND, "deep: " + "[" * 100000 + "]" * 100000 + "\n", "deep: [",
     "nest more than 32 deep"),
    ("interface nested deep", U, APPEND, "tr:\n  x: " + "{a: " * 100000 + "}" * 100000 + "\n",
     "  x: {a:", "nest more than 32 deep"),
    ("front matter nested deep", PP, "paper: sample", "paper: sample\nx: " + "[" * 100000
     + "]" * 100000, "x: [", "nest more than 32 deep"),
    # the search's folding rules
    ("search rules emptied", "docs/data/search-normalise.yml", None, "", 1, "no `letters`"),
    ("glossary term given twice", G, APPEND,
     "soft-power:\n  en: soft power again\n  definition: {en: x}\n", 9, "twice"),
    ("excerpt key given twice", S, "    section: end\n", "    section: end\n    page: 4\n    page: 5\n",
     "page: 5", "twice"),
    ("published id malformed", "docs/data/anchors.txt", APPEND, "Not An Id!\n", "Not An Id!",
     "not an excerpt id"),
    ("published ids not UTF-8", "docs/data/anchors.txt", APPEND, "zz\udcff\n", "zz", "UTF-8"),
    ("published ids deleted", "docs/data/anchors.txt", DELETE, "", 1, "missing"),
    ("event given twice", V, None, EVENT + EVENT.replace("A day", "The same day"), 5,
     "duplicate event id"),
    ("search rules missing", "docs/data/search-normalise.yml", DELETE, "", 1, "is missing"),
    ("search letter given twice", R, '  "ي": "ی"    # Arabic yeh',
     '  "ي": "ی"    # Arabic yeh\n  "ي": "ي"', '"ي": "ي"', "twice"),
    ("search removal not a pair", R, '  - ["0610", "061A"]', '  - "0610"', "remove:",
     "pair of code points"),
    ("search removal not hexadecimal", R, '["0610", "061A"]', '["0610", "06XA"]', "remove:",
     "hexadecimal"),
    ("search letters as a list", R, "letters:\n  # Arabic-script",
     "letters:\n  - ي\nold_letters:\n  # Arabic-script", "letters:", "`letters`"),
    ("search spaces as one text", R, 'space:\n  - "\\u200c"', 'space: "ab"\nold_space:\n  - "\\u200c"',
     "space:", "list of characters"),
    # interface strings
    ("ui is a list", U, None, "- a\n", 1, "edition"),
    ("ui string not text", U, "  copy_link: Copy link", "  copy_link: {a: b}", "copy_link",
     "not text"),
    ("ui unknown key", U, "tr:\n", "tr:\n  copy_lnk: Bağlantı\n", "copy_lnk", "not an interface"),
    ("ui script", U, "  copy_link: Copy link", '  copy_link: "<script>alert(1)</script>"',
     "copy_link", "script"),
    ("ui string with an element", U, "  copy_link: Bağlantıyı kopyala",
     '  copy_link: "<bdi>Bağlantıyı</bdi> kopyala"', "copy_link: \"<bdi>",
     "`<bdi>` would be shown as typed"),
    ("ui string with emphasis", U, "  copied: Kopyalandı", '  copied: "**Kopyalandı**"',
     "copied: \"**", "`**` would be shown as typed"),
    ("ui unknown edition", U, APPEND, "de:\n  copy_link: Kopieren\n", "de:", "edition"),
    # pages
    ("page links nothing", P, "[[sample-one]]", "[[sample-nine]]", "[[sample-nine]]",
     "unknown excerpt"),
    ("page embeds twice", P, APPEND, "\n![[nemune-one]]\n", 7, "twice"),
    ("page unknown block", P, APPEND, "\n::: glosary\n", "::: glosary", "block"),
    ("page embed in single brackets", P, "![[nemune-one]]", "![nemune-one]", "![nemune-one]",
     "single brackets"),
    ("page link in single brackets", P, "[[sample-one]]", "[sample-one]", "[sample-one]",
     "single brackets"),
    ("page embed with a space", P, "![[nemune-one]]", "! [[nemune-one]]", "! [[nemune-one]]",
     "a space before"),
    ("page list right after a paragraph", P, APPEND, "\nThe papers:\n- one\n- two\n", "- one",
     "part of the paragraph"),
    ("page table right after a paragraph", P, APPEND, "\nThe papers:\n| a | b |\n|---|---|\n",
     "| a | b |", "part of the paragraph"),
    ("page address shown as text", P, APPEND, "\nSee https://example.org/page.\n",
     "See https://", "shown as text"),
    ("page item nested by two spaces", P, APPEND, "\n- The papers\n  - one\n", "  - one",
     "2 spaces more"),
    ("page list right after a table", P, APPEND, "\n| a | b |\n|---|---|\n| 1 | 2 |\n- one\n",
     "- one", "one more row"),
    ("page list numbered with brackets", P, APPEND, "\n1) one\n2) two\n", "1) one",
     "one paragraph"),
    ("page admonition type misspelt", P, APPEND, '\n!!! nte "Not yet checked"\n    Text.\n',
     "!!! nte", "not an admonition type"),
    ("page block with two colons", P, APPEND, "\n:: glossary\n", ":: glossary", "2 colons"),
    ("page block with four colons", P, APPEND, "\n:::: timeline\n", ":::: timeline", "4 colons"),
    ("front matter paper with a space", PP, "paper: sample", "paper: sam ple", "paper: sam ple",
     "unknown paper"),
    ("front matter not YAML", PP, "paper: sample", "paper: [sample", 2, "front matter"),
    ("front matter a list", PP, "paper: sample", "- sample", 2, "key: value"),
    ("front matter key misspelt", PP, "paper: sample", "paper: sample\npapr: sample", "papr:",
     "`papr`"),
    ("paper page without its paper", PP, "paper: sample", "title: Sample", 1,
     "does not say `paper: sample`"),
    ("paper page naming another paper", PP, "paper: sample", "paper: nemune", "paper: nemune",
     "its own page"),
    ("paper named on another page", P, None, "---\npaper: sample\n---\n# Home\n", "paper:",
     "its own page"),
    ("front matter key given twice", PP, "paper: sample", "paper: sample\npaper: sample", 3,
     "twice"),
    ("front matter icon missing", PP, "paper: sample", "paper: sample\nicon: material/no-such",
     "icon:", "no icon"),
    ("front matter hides what is not there", PP, "paper: sample", "paper: sample\nhide: [tco]",
     "hide:", "`tco`"),
    ("front matter title not words", PP, "paper: sample", "paper: sample\ntitle: [a]", "title:",
     "must be words"),
    ("terms on a page not a packet", PP, "paper: sample", "paper: sample\nterms: [soft-power]",
     "terms:", "not a packet"),
    ("packet not true", PK, None, PACKET.replace("packet: true", "packet: 1"), "packet: 1",
     "packet: true"),
    ("packet outside the packets", P, None, PACKET, "packet:", "pages of packets/"),
    ("packet of two papers", PK, None, PACKET + "\n![[sample-one]]\n\n![[nemune-one]]\n",
     "packet: true", "excerpts of 2 papers (sample, nemune): a seminar packet reads at least 3"),
    ("heading given an excerpt's id", PP, APPEND, "\n## The first {#sample-one}\n",
     "## The first", "also an excerpt's id"),
    ("heading named as an excerpt", PP, APPEND, "\n## Sample One\n", "## Sample One",
     "also an excerpt's id"),
    ("page emptied", P, None, "\n  \n", 1, "the page is empty"),
    ("page of front matter only", PP, None, "---\npaper: sample\n---\n", 1, "the page is empty"),
    ("page latin-1", P, "# Fixture home", "# Fixture h\udcf4me", "# Fixture", "UTF-8"),
    ("page nul", P, "# Fixture home", "# Fixture\x00home", "# Fixture", "control character"),
    ("page script", P, APPEND, "\n<script>alert(1)</script>\n", "<script>", "script"),
    ("page word of two keyboards", P, APPEND, "\nاین کتابي است، نه «کتابي».\n", "کتابي",
     "mixes the Arabic"),
    ("note word of two keyboards", S, NOTE, "        text: See [[sample-one]], یك بند.", "یك",
     "«یك» mixes the Arabic"),
    ("page marks no language of the site", P, APPEND, '\n<span lang="eng">word</span>\n',
     'lang="eng"', "not a language of the site"),
    ("note marks no language of the site", S, NOTE,
     '        text: See [[sample-one]], <span lang="english">the word</span>.', "english",
     "not a language of the site"),
    ("page includes a missing file", P, APPEND, '\n--8<-- "MISSING.md"\n', "--8<--",
     "not a file of this repository"),
    ("page includes a file outside", P, APPEND, '\n--8<-- "../../etc/passwd"\n', "--8<--",
     "not a file of this repository"),
    ("page embed inside a sentence", P, APPEND, "\nSee ![[sample-one]] here.\n",
     "See ![[sample-one]]", "not on a line of its own"),
    ("page reference left open", P, APPEND, "\nSee [[sample-one|the first] again.\n",
     "See [[sample-one|", "opens no reference"),
    ("note reference left open", S, NOTE, "        text: See [[sample-one.", "See [[sample-one.",
     "opens no reference"),
    ("note block with raw HTML", S, NOTE, "        text:\n          en: |\n            See [[sample-one]]"
     ".\n            Then <b>this</b>.", "Then <b>", "raw HTML"),
    ("note with italics left open", S, NOTE, "        text:\n          en: |\n            See "
     "[[sample-one]].\n            Then (*this) again.", "Then (*this", "opens bold or italics "
     "that it never closes"),
    ("note block links nothing", S, NOTE, "        text:\n          en: |\n            See [[sample-one]]"
     ".\n            Then [[sample-zero]].", "Then [[sample-zero", "unknown excerpt"),
    ("page comment left open", P, APPEND, "\n<!-- a note to myself\n\nMore text.\n",
     "<!-- a note", "never closed"),
    ("page iframe", P, APPEND, '\n<iframe src="https://example.org"></iframe>\n', "<iframe",
     "iframe"),
    # a text in another of the site's languages than the one it stands for
    ("Persian text under ar:", G, "    en: Power that attracts rather than coerces.\n",
     "    en: Power that attracts rather than coerces.\n    ar: " + FA_TEXT + "\n", "    ar:",
     "reads as Persian, not Arabic"),
    ("English left under tr: in a note", S, NOTE, "        text:\n          en: " + EN_TEXT
     + "\n          tr: " + EN_TEXT, "          tr:", "reads as English, not Turkish"),
    ("language key deleted inside folded texts", G, "    en: Power that attracts rather than "
     "coerces.\n", "    en: Power that attracts rather than coerces.\n    fa: >\n      " + FA_TEXT
     + "\n      " + AR_TEXT + "\n", "    fa: >", "a sentence of the text under `fa:`"),
    ("English heading left under ar:", S, "en: Introduction, fa: مقدمه, ar: مقدمة",
     "en: Introduction, fa: مقدمه, ar: Introduction", "id: intro", "is in the Latin script, "
     "not in Arabic («Introduction»)"),
    ("Arabic heading pasted under fa:", S, "fa: نتیجه, ar: خاتمة", "fa: خاتمة, ar: خاتمة",
     "id: end", "is spelt as Arabic, not Persian, with «ة» («خاتمة»)"),
    ("Turkish sentence in an excerpt's translation", S, "    translation: |\n      The second",
     "    translation: |\n      " + TR_TEXT + " The second", 44,
     "a sentence of the translation"),
    ("English sentence in a Turkish excerpt's original", S, "    original: |\n      İkinci",
     "    original: |\n      " + EN_TEXT + " İkinci", 42,
     "reads as English, not Turkish"),
    ("English paragraph on the Turkish page", "docs/tr/papers/sample.md", APPEND,
     "\n" + EN_TEXT + "\n", "The editors", "reads as English"),
    ("Arabic paragraph on the Persian page", "docs/fa/papers/nemune.md", APPEND,
     "\n" + AR_TEXT + "\n", "يقول المحررون", "reads as Arabic, not Persian"),
    ("admonition titled by the theme in English", "docs/tr/papers/sample.md", APPEND,
     "\n!!! note\n    Bir not.\n", "!!! note", "has no title"),
    ("attribute list opens a new window", P, APPEND, "\nSee [the home](index.md){ target=_blank }.\n",
     "target=", "`target`"),
    ("attribute list styles a paragraph", P, APPEND, '\nA paragraph.\n{: .x style="color: red" }\n',
     "style=", "`style`"),
    ("page image from another host", P, APPEND, "\n![x](https://example.org/x.png)\n",
     "example.org", "another site"),
    ("page image without a description", P, APPEND, "\n![](../data/ui.yml)\n", "![](",
     "without a description"),
    ("page image missing", P, APPEND, "\n![A map](map.png)\n", "![A map]", "not a file of the site"),
    ("page image by an absolute path", P, APPEND, "\n![A map](/map.png)\n", "![A map]",
     "not a file of the site"),
    ("page image outside the docs", P, APPEND, "\n![A map](../../mkdocs.yml)\n", "![A map]",
     "not a file of the site"),
    ("page image not an image", P, APPEND, "\n![The strings](../data/ui.yml)\n", "![The strings]",
     "not an image"),
    ("page reference to another host", P, APPEND, "\n[x]: https://example.org/x.png\n",
     "example.org", "another site"),
    ("page raw HTML styled", P, APPEND, '\nA <span style="color: red">red</span> word.\n',
     "<span style", "`style` of `<span>`"),
    ("note raw HTML hidden", S, NOTE, "        text: See [[sample-one]], <mark hidden>this</mark>.",
     "<mark hidden>", "`hidden` of `<mark>`"),
    ("page link to no page", P, APPEND, "\nSee [the glossary](glosary.md).\n", "glosary.md",
     "leads to no page"),
    ("page footnote without text", P, APPEND, "\nA claim[^1].\n", "A claim[^1]",
     "has no text"),
    ("note list right after a paragraph", S, NOTE,
     "        text: |\n          See [[sample-one]]:\n          - one\n          - two", "- one",
     "part of the paragraph"),
    ("note link to an undefined label", S, NOTE, "        text: See [[sample-one]] and [the map][map].",
     "[the map][map]", "not defined"),
    ("note with a heading", S, NOTE, "        text:\n          en: |\n            See [[sample-one]]"
     ".\n\n            ## More", "## More", "a heading in a note"),
    ("note line starting with a mark", S, NOTE, "        text:\n          en: |\n            See "
     "[[sample-one]].\n\n            #1 reason: trade", "#1 reason", "no space follows its `#`"),
    ("page heading without a space", P, APPEND, "\n#Sources\n", "#Sources",
     "no space follows its `#`"),
    ("page heading indented", P, APPEND, "\n  ## Sources\n", "  ## Sources",
     "this heading is indented"),
    ("page heading skips a level", P, APPEND, "\n## Part\n\n#### Detail\n", "#### Detail",
     "skips a level"),
    ("page link to a data URL", P, APPEND, "\n[x](data:text/html;base64,PHA+eDwvcD4=)\n",
     "[x](data:", "`data:` address"),
    ("page image from a data URL", P, APPEND, "\n![A dot](data:image/png;base64,iVBORw0KGgo=)\n",
     "![A dot]", "`data:` address"),
    ("page autolink to a phone", P, APPEND, "\nCall <tel:+905551234567>.\n", "<tel:",
     "`tel:` address"),
    ("note link to an ftp server", S, NOTE, "        text: See [[sample-one]] and [the data](ftp://e.org/x).",
     "[the data]", "`ftp:` address"),
    ("note image", S, NOTE, "        text: See [[sample-one]] and ![A map](map.png).",
     "![A map]", "image in a note"),
    ("note link to a page", S, NOTE, "        text: See [[sample-one]] and [the timeline](timeline.md).",
     "[the timeline]", "a link to `timeline.md` in a note"),
    ("glossary definition image", G, "    en: Power that attracts rather than coerces.",
     "    en: Power that attracts ![a chart](chart.png).", "![a chart]", "image in a note"),
    # files published as they are
    ("svg with script", "docs/en/map.svg", None,
     '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script>\n</svg>\n', "<script>",
     "SVG"),
    ("svg loading another host", "docs/en/map.svg", None,
     '<svg xmlns="http://www.w3.org/2000/svg">\n<image href="https://example.org/x.png"/>\n</svg>\n',
     "example.org", "SVG"),
    ("html file", "docs/en/page.html", None, "<p>hi</p>\n", 1, "published"),
    ("script file", "docs/en/extra.js", None, "alert(1)\n", 1, "script"),
]


def apply(project: Path, rel: str, old: str | None, new: str) -> Path:
    path = project / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    data = new.encode("utf-8", "surrogateescape")
    if old == DELETE:
        path.unlink()
    elif old is None:
        path.write_bytes(data)
    elif old == APPEND:
        path.write_bytes(path.read_bytes() + data)
    else:
        text = path.read_bytes()
        needle = old.encode("utf-8")
        assert needle in text, f"fixture changed: {old!r} not in {rel}"
        path.write_bytes(text.replace(needle, data, 1))
    return path


def line_of(path: Path, where: str | int) -> int:
    if isinstance(where, int):
        return where
    lines = path.read_bytes().decode("utf-8", "replace").split("\n")
    return next(i for i, line in enumerate(lines, start=1)
                if where.encode("utf-8", "surrogateescape").decode("utf-8", "replace") in line)


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 60 and len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case, rel, old, new, where, word", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_refused_with_file_and_line(project_copy: Path, case: str, rel: str,
                                                 old: str | None, new: str,
                                                 where: str | int | tuple[str, str],
                                                 word: str) -> None:
    import check

    path = apply(project_copy, rel, old, new)
    if isinstance(where, tuple):  # the problem shows in another file than the one changed
        rel, where = where
        path = project_copy / rel
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = check.main([str(project_copy / "docs")])
    output = out.getvalue()
    assert status == 1, output
    assert "Traceback" not in output
    expected = f"{rel}:{line_of(path, where)}:"
    problems = [p for p in output.split("\n") if p and not p.startswith(" ") and "warning" not in p]
    assert any(p.startswith(expected) and word.lower() in p.lower() for p in problems), \
        (expected, word, output)
    repeated = sorted({p for p in problems if problems.count(p) > 1})
    assert not repeated, f"reported more than once: {repeated}"


@pytest.mark.site
def test_one_mistake_gives_one_message(tmp_path: Path) -> None:
    """A YAML typo that makes a whole paper unreadable is reported once, not once for every page,
    note, event and published id that names its excerpts."""
    import shutil

    import check
    from conftest import ROOT

    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    shutil.copy(ROOT / "CONTRIBUTING.md", tmp_path)  # the page docs/en/contributing.md includes
    paper = docs / "data" / "papers" / "kazemi-1403.yml"
    paper.write_text(paper.read_text(encoding="utf-8").replace(
        "  - id: kazemi-ots\n", "  - id kazemi-ots\n", 1), encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert check.main([str(docs)]) == 1
    problems = [p for p in out.getvalue().split("\n") if p.startswith("docs/")]
    assert len(problems) == 1, problems
    assert problems[0].startswith("docs/data/papers/kazemi-1403.yml:") and "YAML" in problems[0]


@pytest.mark.site
@pytest.mark.parametrize("rel, old, new", [
    ("glossary.yml", "strategic-depth:\n", "strategic-depth\n"),
    ("glossary.yml", "strategic-depth:\n", "soft-power:\n"),
    ("entities.yml", "- id: baku\n", "- id baku\n"),
], ids=["glossary syntax", "glossary key twice", "index syntax"])
def test_an_unreadable_glossary_or_index_is_one_message(tmp_path: Path, rel: str, old: str,
                                                        new: str) -> None:
    """The excerpts, the maps and the packets name hundreds of terms and places: where the
    glossary or the index cannot be read, each is not reported again as unknown."""
    import shutil

    import check
    from conftest import ROOT

    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    shutil.copy(ROOT / "CONTRIBUTING.md", tmp_path)
    path = docs / "data" / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert check.main([str(docs)]) == 1
    problems = [p for p in out.getvalue().split("\n") if p.startswith("docs/")]
    assert len(problems) == 1, problems[:5]
    changed = text[:text.index(old)].count("\n") + 1
    # the line changed, or the next, where YAML's parser finds a colon missing
    assert any(problems[0].startswith(f"docs/data/{rel}:{n}:") for n in (changed, changed + 1)), \
        (changed, problems[0])


def test_each_element_is_one_message_on_its_line(project_copy: Path) -> None:
    """Raw HTML is reported once an element a line: its end tag is not a second problem, and an
    element no content may hold is named as such, not also as raw HTML to write in Markdown."""
    import check

    lines = {"<script>alert(1)</script>": ["a <script> element"],
             "<b>bold</b> and <B>more</B>": ["raw HTML <b>"],
             "<img src=x onerror=alert(1)>": ["an on…= event handler", "raw HTML <img>"]}
    path = apply(project_copy, P, APPEND, "".join(f"\n{line}\n" for line in lines))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert check.main([str(project_copy / "docs")]) == 1
    problems = [p for p in out.getvalue().split("\n") if p.startswith(P + ":")]
    for line, expected in lines.items():
        here = [p for p in problems if p.startswith(f"{P}:{line_of(path, line)}:")]
        assert len(here) == len(expected), here
        assert all(any(what in p for p in here) for what in expected), here


def test_a_quotation_keeps_the_sources_letters() -> None:
    """A word that mixes Arabic and Persian letters is a slip in the editors' own text, but
    a «quotation» keeps it as the source prints it."""
    from source_text import scan_letters

    assert [p.line for p in scan_letters("x.md", "سطر\nاین کتابي است، نه «کتابي».")] == [2]
    assert scan_letters("x.md", "منبع «کتابي» را چنین نوشته است.") == []
