"""The built site: editions and direction, the HTML contract, anchors, cross-references,
fallback notices and self-hosting."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from html import escape as html_escape
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from bs4 import BeautifulSoup, NavigableString, Tag
from conftest import EDITIONS, ROOT, read_html
from languages import RTL_LANGUAGES, edition_prefix


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def url_of(site: Path, path: Path) -> str:
    return path.relative_to(site).as_posix().removesuffix("index.html")


def edition_of(url: str) -> str:
    first = url.split("/")[0]
    return first if first in EDITIONS else "en"


def edition_urls(site: Path, edition: str) -> list[str]:
    """Every page of the edition, by its address under the site."""
    return [url for url in (url_of(site, path) for path in sorted(site.rglob("index.html")))
            if edition_of(url) == edition]


@pytest.mark.parametrize("edition, direction", EDITIONS.items())
def test_edition_home_has_language_and_direction(site: Path, edition: str, direction: str) -> None:
    doc = read_html(site, edition_prefix(edition))
    assert doc.html["lang"] == edition
    assert doc.body["dir"] == direction
    assert doc.select_one(".papers-table tbody tr"), "the home page lists the papers"


def test_every_page_of_an_edition_has_its_direction(site: Path) -> None:
    for path in pages(site):
        url = url_of(site, path)
        doc = read_html(site, url)
        if doc.body is None:
            continue
        assert doc.body["dir"] == EDITIONS[edition_of(url)], url


def test_the_footer_speaks_the_editions_language(site: Path) -> None:
    """The theme's credit under every page is the edition's sentence (ui.yml, `made_with`), with
    the theme's name as an isolated left-to-right link where the sentence leaves room for it; the
    theme writes it in English in every edition. The 404 page is the English edition's."""
    from content import load_ui

    ui = load_ui(ROOT / "docs" / "data" / "ui.yml")
    for path in [*pages(site), site / "404.html"]:
        url = url_of(site, path)
        footer = read_html(site, url).select_one(".md-copyright")
        assert footer is not None, url
        credit = footer.select_one('a[href^="https://squidfunk.github.io/"]')
        assert credit is not None and credit.get("dir") == "ltr", url
        before, _, after = ui[edition_of(url)]["made_with"].partition("{theme}")
        text = " ".join(footer.get_text(" ").split())
        assert " ".join(f"{before}{credit.get_text()}{after}".split()) in text, (url, text)
        if edition_of(url) != "en":
            assert "Made with" not in text, url


def test_the_404_page_is_the_default_editions_and_leads_to_every_edition(site: Path) -> None:
    """A missing address of any edition lands on the site's one 404 page: the default edition's
    (each edition's build wrote its own over it, the last one staying), saying what happened in
    each edition's language, each line with its language and direction, leading to that
    edition's home."""
    from content import load_ui

    ui = load_ui(ROOT / "docs" / "data" / "ui.yml")
    doc = read_html(site, "404.html")
    assert doc.html["lang"] == "en" and doc.body["dir"] == "ltr"
    lines = doc.select("ul.reader-not-found > li")
    assert [li["lang"] for li in lines] == list(EDITIONS)
    root = urlparse(re.search(r'<link rel="canonical" href="([^"]+)"',
                              (site / "index.html").read_text(encoding="utf-8"))[1]).path
    for li in lines:
        code = li["lang"]
        assert li["dir"] == EDITIONS[code]
        assert li.get_text(" ", strip=True) == f"{ui[code]['not_found']} {ui[code]['not_found_home']}"
        href = li.a["href"]
        assert href == root + ("" if code == "en" else f"{code}/"), href
        assert (site / href.removeprefix(root) / "index.html").is_file(), href


_ARABIC_SCRIPT_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06d5\u06fa-\u06ff]")


def test_persian_and_arabic_text_says_its_language(site: Path, corpus) -> None:
    """Every stretch of Persian or Arabic whose letters tell which it is (ی, ک, ZWNJ; ي, ك, the
    article) is inside an element of that `lang`, in every edition: a Persian run in English or
    Turkish text, an Arabic name in a Persian table. A screen reader reads it in that voice, not
    the page's. A run no letter identifies says the language that writes the glossary or index
    name it is (the style guide's table of names), else that of the paper it quotes, inside an
    excerpt and on the paper's own page. Code is left as it is."""
    import reader_build
    from run_language import AROUND_NAME, script_language

    spellings = reader_build.current(ROOT / "docs").spellings()
    found = []
    for path in pages(site):
        url = url_of(site, path)
        doc = read_html(site, url)
        for text in doc.find_all(string=_ARABIC_SCRIPT_LETTER):
            owner = text.parent
            if owner.find_parent(["code", "pre", "script", "style"]) or owner.name in (
                    "code", "pre", "script", "style"):
                continue
            tagged = owner if owner.has_attr("lang") else owner.find_parent(attrs={"lang": True})
            language = script_language(str(text))
            if language and (tagged is None or tagged["lang"] != language):
                found.append(f"{url}: {str(text).strip()[:50]!r} is {language}")
            # inside an excerpt of a Persian or Arabic paper (its notes, its translation), a run
            # no letter identifies is taken to quote the paper
            quoting = owner.find_parent("article", attrs={"data-lang": ("fa", "ar")})
            if quoting and (tagged is None or tagged["lang"] not in ("fa", "ar")):
                found.append(f"{url}: {str(text).strip()[:50]!r} in an excerpt has no language")
            # a glossary or index name only one of the two writes so is in that language
            name = spellings.get(" ".join(str(text).strip(AROUND_NAME).split()))
            if not language and name and (tagged is None or tagged["lang"] != name):
                found.append(f"{url}: {str(text).strip()[:50]!r} is the {name} name")
            # and on the page of a Persian or Arabic paper, anywhere: its summary's notes quote it
            paper = re.search(r"papers/([^/]+)/", url)
            quoted = corpus.papers[paper[1]].lang if paper and paper[1] in corpus.papers else ""
            if quoted in ("fa", "ar") and (tagged is None or tagged["lang"] not in ("fa", "ar")):
                found.append(f"{url}: {str(text).strip()[:50]!r} on its paper's page has no "
                             "language")
    assert not found, found[:10]


def test_a_turkish_papers_title_says_its_language_in_the_other_editions(site: Path) -> None:
    """The title a citation label quotes for a paper that names no author («[Kardeşlikten
    Stratejik İttifaka] n.d., ¶20», hundreds of times in the glossary, the index and the
    timeline), and a Turkish paper's title wherever else it is quoted, is inside an element of
    `lang="tr"` on the English, Persian and Arabic pages: a screen reader reads it in Turkish."""
    import reader_build

    titles = reader_build.current(ROOT / "docs").titles()
    assert "Kardeşlikten Stratejik İttifaka" in titles
    found, seen = [], 0
    for path in pages(site):
        url = url_of(site, path)
        if url.startswith("tr/"):
            continue
        for text in read_html(site, url).find_all(string=lambda s: any(t in s for t in titles)):
            seen += 1
            tagged = text.parent if text.parent.has_attr("lang") else \
                text.parent.find_parent(attrs={"lang": True})
            if tagged is None or tagged["lang"] != "tr":
                found.append(f"{url}: {str(text).strip()[:60]!r}")
    assert seen > 1000
    assert not found, found[:10]


def test_turkish_words_in_persian_and_arabic_text_say_their_language(site: Path) -> None:
    """On the Persian and Arabic pages, every run in the Latin script with a letter only Turkish
    writes (a note quoting a Turkish paper's «sert destekle pekiştirilen yumuşak güç», «(Güler,
    2020)») is inside an element of `lang="tr"`, unless the editors marked it English (a note
    quoting an English abstract's «different character of Azerbaijan and Türkiye»)."""
    turkish = re.compile("[çğıöşüâîûÇĞİÖŞÜÂÎÛ]")
    found, seen, english = [], 0, 0
    for path in pages(site):
        url = url_of(site, path)
        if not url.startswith(("fa/", "ar/")):
            continue
        for run in read_html(site, url).select('bdi[dir="ltr"]'):
            if not turkish.search(run.get_text()):
                continue
            seen += 1
            tagged = run if run.has_attr("lang") else run.find_parent(attrs={"lang": True})
            if tagged is None or tagged["lang"] not in ("tr", "en"):
                found.append(f"{url}: {run.get_text()[:60]!r}")
            elif tagged["lang"] == "en":
                english += 1
    assert seen > 500
    assert english < 20, "English is marked by hand, a few quotations"
    assert not found, found[:10]


#: English words that are not Turkish words: two of them in a run tell an English phrase
_ENGLISH = frozenset("the of and with was were is are for that this which from by to has have "
                     "its".split())


def test_english_quoted_in_the_other_editions_notes_says_its_language(site: Path) -> None:
    """In the Turkish, Persian and Arabic editions, a phrase of English quoted in an editor's note
    or a record's note (the abstracts' sentences the notes discuss: 'This method allows for the
    investigation of causal mechanisms ...', "a dusty atmosphere") is inside an element of
    `lang="en"`, so that a screen reader reads it in an English voice. A phrase is told by two
    English words that Turkish does not write."""
    found, seen = [], 0
    for path in pages(site):
        url = url_of(site, path)
        if not url.startswith(("tr/", "fa/", "ar/")):
            continue
        for box in read_html(site, url).select(".excerpt__note-text, .record td > div[lang]"):
            for text in box.find_all(string=True):
                if len(set(re.findall(r"[a-z']+", str(text).lower())) & _ENGLISH) < 2:
                    continue
                seen += 1
                owner = text.parent
                tagged = owner if owner.has_attr("lang") else owner.find_parent(
                    attrs={"lang": True})
                if tagged is None or tagged["lang"] != "en":
                    found.append(f"{url}: {str(text).strip()[:70]!r}")
    assert seen > 30
    assert not found, found[:10]


#: the digits each edition writes its interface numbers in (the style guide)
_EDITION_DIGITS = {"": "0-9", "tr/": "0-9", "fa/": "۰-۹", "ar/": "0-9"}


@pytest.mark.parametrize("prefix", sorted(_EDITION_DIGITS))
def test_interface_numbers_are_in_the_editions_digits(site: Path, prefix: str) -> None:
    """An excerpt's ¶ number, a section's number and the papers table's count of excerpts in
    Persian digits in the Persian edition («¶۹», «۱.۱»), as its labels («¶۲۶، ص. ۳۹») and dates
    are; Western digits elsewhere."""
    digit = _EDITION_DIGITS[prefix]
    pages = [f"{prefix}papers/kardeslik/", f"{prefix}papers/kazemi-1403/",
             f"{prefix}disagreements/"]
    anchors = [a.get_text() for url in pages
               for a in read_html(site, url).select(".excerpt__anchor")]
    assert len(anchors) > 40
    assert all(re.fullmatch(f"¶[{digit}]+", a) for a in anchors), anchors[:5]
    headings = [h for h in read_html(site, f"{prefix}papers/kardeslik/").select("h3, h4")
                if h.find("span", class_="section-original")]
    numbers = [h.get_text().split()[0] for h in headings]
    assert len(numbers) > 10
    assert all(re.fullmatch(f"[{digit}]+(?:[.][{digit}]+)*", n) for n in numbers), numbers[:5]
    counts = [td.get_text() for td in read_html(site, f"{prefix}papers/").select(
        ".papers-table td[data-label]:last-child")]
    assert len(counts) == 5 and all(re.fullmatch(f"[{digit}]+", c) for c in counts), counts


#: letters one of the two languages writes and the other does not (digits aside)
_ONLY = {"fa": frozenset("پچژگکیۀ"), "ar": frozenset("يكةى")}
_ARABIC_SCRIPT_WORD = re.compile(r"[\u0600-\u06ff\u200c]+")


def test_a_word_only_the_other_language_writes_says_its_language(site: Path) -> None:
    """Word by word, in every edition: a word with letters only Persian writes (ی, ک, گ, ۀ) or
    only Arabic (ي, ك, ة) is inside an element of that `lang`, also where the text around it is
    in the other language: the Arabic edition's «(دیپلماسی عمومی)» after an Arabic quotation, the
    Persian «ديلي صباح», a Persian journal line quoted in an Arabic note around a number, the
    editions' names in a list («فارسی والعربية»). A word such as «دایرةالمعارف» (Persian
    written with «ة») is left to its text."""
    found = []
    for path in pages(site):
        url = url_of(site, path)
        for text in read_html(site, url).find_all(string=_ARABIC_SCRIPT_WORD):
            owner = text.parent
            if owner.name in ("code", "pre", "script", "style") or owner.find_parent(
                    ["code", "pre", "script", "style"]):
                continue
            tagged = owner if owner.has_attr("lang") else owner.find_parent(attrs={"lang": True})
            for word in _ARABIC_SCRIPT_WORD.findall(str(text)):
                writes = [lang for lang, letters in _ONLY.items() if letters & set(word)]
                if len(writes) == 1 and (tagged is None or tagged["lang"] != writes[0]):
                    found.append(f"{url}: {word!r} is {writes[0]}, in {str(text).strip()[:60]!r}")
    assert not found, found[:10]


def test_a_quotation_in_the_other_right_to_left_language_says_so(site: Path) -> None:
    """In the Persian and Arabic editions, a «quotation» of the other language whose letters tell
    it (a Persian note quoting the Arabic paper's «الصراع», an Arabic note quoting a Persian
    source's «(تقی زاده داور، ۱۳۸۹؛ ۳۳۸)») is inside an element of that `lang`: 249 were read in
    the page's voice. Code is left as it is."""
    from run_language import quotation_language

    found, checked = [], 0
    for path in pages(site):
        url = url_of(site, path)
        if not url.startswith(("fa/", "ar/")):
            continue
        doc = read_html(site, url)
        for text in doc.find_all(string=re.compile("«[^«»]+»")):
            owner = text.parent
            if owner.name in ("code", "pre") or owner.find_parent(["code", "pre"]):
                continue
            tagged = owner if owner.has_attr("lang") else owner.find_parent(attrs={"lang": True})
            around = str(tagged["lang"]) if tagged is not None else ""
            for quotation in re.findall("«[^«»]+»", str(text)):
                language = quotation_language(quotation)
                if language and around in ("fa", "ar"):
                    checked += 1
                    if language != around:
                        found.append(f"{url}: {quotation[:40]!r} is {language}")
    assert checked > 100 and not found, (checked, found[:10])


def test_a_latin_quotation_on_a_turkish_paper_says_its_language(site: Path) -> None:
    """In the Persian and Arabic editions, a Latin-script «quotation» in a note on a Turkish
    paper's excerpt is Turkish (the note quotes the paper) unless the editors marked it
    otherwise, whatever its letters: «Daha sonra imzalanan», «koyma» were read in the page's
    voice."""
    found, turkish = [], 0
    for path in pages(site):
        url = url_of(site, path)
        if not url.startswith(("fa/", "ar/")):
            continue
        for run in read_html(site, url).select('article[data-lang="tr"] bdi[dir="ltr"]'):
            before, after = run.previous_sibling, run.next_sibling
            if not (isinstance(before, str) and before.endswith("«")
                    and isinstance(after, str) and after.startswith("»")):
                continue
            tagged = run if run.has_attr("lang") else run.find_parent(attrs={"lang": True})
            spoken = str(tagged["lang"]) if tagged is not None else ""
            turkish += spoken == "tr"
            if spoken not in ("tr", "en"):
                found.append(f"{url}: «{run.get_text()}» is read as {spoken or 'nothing'}")
    assert turkish > 100 and not found, (turkish, found[:10])


def test_an_english_phrase_in_a_persian_or_arabic_original_says_its_language(site: Path) -> None:
    """The Arabic paper's own English glosses and the Persian paper's English citations are
    verbatim, unmarked in the data: the site marks them English by their words."""
    doc = read_html(site, "ar/papers/karabakh-war/")
    runs = {run.get_text(): run.get("lang") for run in
            doc.select('[data-role="original"][lang="ar"] bdi[dir="ltr"]')}
    assert runs["(Organization of the Black Sea Economic, BSEC)"] == "en", runs
    assert runs["(The Middle Corridor)"] == "en", runs
    doc = read_html(site, "papers/kazemi-1403/")
    runs = {run.get_text(): run.get("lang") for run in
            doc.select('[data-role="original"][lang="fa"] bdi[dir="ltr"]')}
    assert runs["(Salehi Yeganeh and Raisinejad, 2023: 91)"] == "en", runs
    assert runs["(Nye, 2004: 5)"] is None, runs  # a name and numbers: no word tells


def test_the_style_guide_says_the_language_of_words_no_letter_identifies(site: Path) -> None:
    """The style guide quotes words Persian and Arabic both could write: the Arabic column of its
    table of names («شوشا»), the ezafe spelling it rules out («هٔ», Persian) and its example of
    quotation marks («من أوائل», from the Arabic paper). Each says its language, in every
    edition (in the Persian and Arabic editions, against the page's own)."""
    def language(node: Tag) -> str:
        tagged = node if node.has_attr("lang") else node.find_parent(attrs={"lang": True})
        return str(tagged["lang"]) if tagged is not None else ""

    found, checked = [], 0
    for edition in EDITIONS:
        url = edition_prefix(edition) + "contributing/"
        doc = read_html(site, url)
        row = next(tr for tr in doc.select("article tr")
                   if tr.find("td") and tr.find("td").get_text(strip=True) == "Shusha")
        cells = row.find_all("td")
        for cell, expected in ((cells[2], "fa"), (cells[3], "ar")):
            for text in cell.find_all(string=_ARABIC_SCRIPT_LETTER):
                checked += 1
                if language(text.parent) != expected:
                    found.append(f"{url}: {str(text)!r} is {expected}")
        for word, expected in (("هٔ", "fa"), ("من أوائل", "ar")):
            for text in doc.find_all(string=re.compile(word)):
                if text.find_parent(["code", "pre"]):
                    continue
                checked += 1
                if language(text.parent) != expected:
                    found.append(f"{url}: {str(text).strip()[:40]!r} is {expected}")
    assert checked >= 4 * 3 and not found, (checked, found)


def test_every_original_has_lang_and_dir(site: Path, corpus) -> None:
    seen = 0
    for path in pages(site):
        doc = read_html(site, url_of(site, path))
        for original in doc.select('[data-role="original"]'):
            lang = original.get("lang")
            assert lang in ("fa", "ar", "tr"), path
            assert original.get("dir") == ("rtl" if lang in RTL_LANGUAGES else "ltr"), path
            seen += 1
    assert seen >= len(corpus.excerpts)


def test_html_contract(site: Path, corpus) -> None:
    for path in pages(site):
        doc = read_html(site, url_of(site, path))
        for element in doc.select("[data-excerpt]"):
            ex_id = element["data-excerpt"]
            assert element.get("id") == ex_id
            excerpt = corpus.excerpts[ex_id]
            originals = element.select('[data-role="original"]')
            translations = element.select('[data-role="translation"]')
            assert len(originals) == 1 and len(translations) == 1, (path, ex_id)
            assert originals[0]["lang"] == excerpt.lang
            assert translations[0]["lang"] == "en" and translations[0]["dir"] == "ltr"


#: a line of a paragraph that starts like a list item ("3. Add", "- a"): a list Markdown did not
#: see, because an item's continuation was indented by fewer than four spaces (a year that
#: starts a line, "2020.", has more digits)
_SWALLOWED_ITEM = re.compile(r"\n[ \t]*(?:\d{1,2}\.|[-*+])[ \t]+\S")


def test_no_paragraph_swallows_a_list(site: Path) -> None:
    found = []
    for path in pages(site):
        doc = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for para in doc.select(".md-content p"):
            for code in para.select("code"):
                code.decompose()
            if _SWALLOWED_ITEM.search(para.get_text()):
                found.append(f"{url_of(site, path)}: {para.get_text()[:80]!r}")
    assert not found, found


def test_no_list_item_is_only_a_list(site: Path) -> None:
    """A list item whose first content is a numbered list is a bullet written "- 1. Text": the
    number is lost and the items under it numbered again (the Turkish paper's table of contents
    did this in every edition)."""
    found = []
    for path in pages(site):
        doc = read_html(site, url_of(site, path))
        for item in doc.select(".md-content li"):
            first = next((c for c in item.children
                          if isinstance(c, Tag) or str(c).strip()), None)
            if isinstance(first, Tag) and first.name in ("ol", "ul"):
                found.append(f"{url_of(site, path)}: {item.get_text(' ', strip=True)[:60]!r}")
    assert not found, found[:10]


def test_ids_are_unique_on_every_page(site: Path) -> None:
    for path in pages(site):
        ids = re.findall(r'\sid="([^"]+)"', path.read_text(encoding="utf-8"))
        duplicates = {i for i in ids if ids.count(i) > 1}
        assert not duplicates, (path, duplicates)


def test_every_excerpt_is_on_its_paper_page_in_english_and_its_own_edition(site: Path, corpus) -> None:
    for excerpt in corpus.excerpts.values():
        english = read_html(site, f"papers/{excerpt.paper}/")
        anchor = english.find(id=excerpt.id)
        assert anchor is not None and anchor.get("data-excerpt") == excerpt.id
        own = read_html(site, f"{excerpt.lang}/papers/{excerpt.paper}/")
        assert own.find(id=excerpt.id) is not None
        assert own.select_one(".fallback-notice") is None, "the original-language page is translated"


def test_permalink_and_citation_label(site: Path, corpus) -> None:
    excerpt = next(iter(corpus.excerpts.values()))
    doc = read_html(site, f"papers/{excerpt.paper}/")
    element = doc.find(id=excerpt.id)
    assert element.select_one(".excerpt__anchor")["href"] == f"#{excerpt.id}"
    assert element.select_one(".excerpt__label").get_text() == corpus.label(excerpt)
    assert element.select_one(".excerpt__copy")["data-copy-anchor"] == excerpt.id
    assert f"¶{excerpt.number}" in corpus.label(excerpt)


def resolve(site: Path, page_url: str, href: str) -> tuple[Path, str]:
    target = urlparse(urljoin("http://site/" + page_url, href))
    path = site / unquote(target.path).lstrip("/")
    if target.path.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path, unquote(target.fragment)


def test_every_internal_link_and_anchor_resolves(site_pdfs: Path) -> None:
    site = site_pdfs  # the pages link their PDFs
    checked = 0
    ids: dict[Path, set[str]] = {}  # each target page's ids, read once
    for path in pages(site):
        url = url_of(site, path)
        doc = read_html(site, url)
        for link in doc.select("article a[href], .md-content a[href]"):
            href = link["href"]
            if href.startswith(("http:", "https:", "mailto:")) or href.startswith("#__"):
                continue
            target, fragment = resolve(site, url, href)
            assert target.exists(), (url, href)
            if fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = set(re.findall(r'\sid="([^"]*)"', target.read_text(encoding="utf-8")))
                assert html_escape(fragment) in ids[target], (url, href)
            checked += 1
    assert checked > 100


def test_every_link_stays_in_the_readers_edition(site: Path, corpus) -> None:
    """Cross-references, embeds' paper links, glosses and index links lead to the page in the
    reader's edition, which exists for every page."""
    refs = 0
    for path in pages(site):
        url = url_of(site, path)
        edition = edition_of(url)
        prefix = edition_prefix(edition)
        doc = read_html(site, url)
        for link in doc.select("a.excerpt-ref"):
            excerpt = corpus.excerpts[link["data-ref"]]
            target, fragment = resolve(site, url, link["href"])
            assert fragment == excerpt.id
            if link["href"].startswith("#"):  # the excerpt is on this very page
                assert url.removeprefix(prefix) == f"papers/{excerpt.paper}/"
                continue
            assert target.relative_to(site).as_posix() == \
                f"{prefix}papers/{excerpt.paper}/index.html", (url, link["href"])
            refs += 1
        for link in doc.select("a.gloss, .excerpt__from a"):
            target, _ = resolve(site, url, link["href"])
            assert edition_of(target.relative_to(site).as_posix()) == edition, (url, link["href"])
    assert refs > 0


def test_excerpts_list_the_pages_that_cite_them(site: Path, corpus) -> None:
    found = False
    for excerpt in corpus.excerpts.values():
        for note in excerpt.notes:
            for target in re.findall(r"\[\[([a-z0-9-]+)", note.text):
                doc = read_html(site, f"papers/{corpus.excerpts[target].paper}/")
                cited = doc.find(id=target).select_one(".excerpt__cited-by")
                assert cited is not None, target
                found = True
    assert found


def test_headings_have_readable_unicode_anchors(site: Path, corpus) -> None:
    for key, paper in corpus.papers.items():
        doc = read_html(site, f"{paper.lang}/papers/{key}/")
        for section in paper.sections:
            assert doc.find(id=f"sec-{section.id}") is not None, (key, section.id)
    doc = read_html(site, "fa/")
    heading_ids = [h.get("id") for h in doc.select("h2[id]")]
    assert "how-to-cite" in heading_ids and "papers" in heading_ids


def test_the_shipped_site_has_no_fallback_page(site: Path) -> None:
    fallbacks = [url_of(site, path) for path in pages(site)
                 if read_html(site, url_of(site, path)).select_one(".fallback-notice")]
    assert not fallbacks, fallbacks


def test_a_fallback_page_says_so_and_marks_its_english_as_english(
        project_copy: Path, tmp_path: Path) -> None:
    """A page an edition lacks (here the Turkish sample paper in the Persian edition)."""
    from conftest import mkdocs_build

    out = tmp_path / "site"
    result = mkdocs_build(project_copy, out)
    assert result.returncode == 0, result.stdout + result.stderr
    doc = read_html(out, "fa/papers/sample/")
    notice = doc.select_one(".fallback-notice")
    assert notice is not None and notice["lang"] == "fa" and notice["dir"] == "rtl"
    assert "docs/fa/papers/sample.md" in notice.select_one("a.fallback-notice__add")["href"]
    content = doc.select_one(".fallback-content")
    assert content["lang"] == "en" and content["dir"] == "ltr"
    assert content.find("h1") is not None, "the page's English text is inside the marked block"
    edit = doc.select_one("a.md-content__button")
    assert edit["href"].endswith("new/main?filename=docs/fa/papers/sample.md")
    own = read_html(out, "fa/papers/nemune/")
    assert own.select_one(".fallback-notice") is None and own.select_one(".fallback-content") is None


def test_a_preview_without_pdfs_says_where_the_pdf_comes_from(project_copy: Path,
                                                              tmp_path: Path) -> None:
    """`make serve` typesets no PDF (`SITE_PDF=0`): its pages link to no missing file, they say in
    the edition's language that the full build makes the PDF."""
    import yaml
    from conftest import mkdocs_build

    ui = yaml.safe_load((project_copy / "docs" / "data" / "ui.yml").read_text(encoding="utf-8"))
    out = tmp_path / "site"
    result = mkdocs_build(project_copy, out)
    assert result.returncode == 0, result.stdout + result.stderr
    for edition, url in (("en", "papers/sample/"), ("fa", "fa/papers/nemune/")):
        block = read_html(out, url).select_one(".pdf-download")
        assert block is not None and block.find("a") is None, url
        assert " ".join(block.get_text().split()) == ui[edition]["pdf_preview"]
    assert not (out / "pdf").exists()


def test_the_build_typesets_the_pdfs_or_leaves_them_to_make_pdf(project_copy: Path,
                                                                 tmp_path: Path) -> None:
    """By default the build typesets the PDFs its pages link; `SITE_PDF=later` gives the same
    pages and leaves the typesetting to `make pdf`; a `SITE_PDF` that means nothing stops the
    build with the values it takes."""
    from conftest import mkdocs_build

    shutil.copytree(ROOT / "docs" / "assets", project_copy / "docs" / "assets")  # print styles
    pages = {}
    for setting in ("1", "later"):
        out = tmp_path / setting
        result = mkdocs_build(project_copy, out, pdf=setting)
        assert result.returncode == 0, result.stdout + result.stderr
        link = read_html(out, "fa/papers/nemune/").select_one(".pdf-download a")
        assert link is not None and link["href"].endswith("pdf/fa/nemune.pdf"), setting
        assert (out / "pdf" / "fa" / "nemune.pdf").exists() == (setting == "1"), setting
        pages[setting] = (out / "fa/papers/nemune/index.html").read_bytes()
    assert pages["1"] == pages["later"]
    assert (tmp_path / "1" / "pdf" / "fa" / "nemune.pdf").read_bytes().startswith(b"%PDF")
    result = mkdocs_build(project_copy, tmp_path / "bad", pdf="sometimes")
    assert result.returncode != 0
    assert "SITE_PDF='sometimes' is not a setting: use 1" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("edition", ["tr", "fa", "ar"])
def test_language_switcher_leads_to_the_same_page(site: Path, corpus, edition: str) -> None:
    key = next(iter(corpus.papers))
    doc = read_html(site, f"papers/{key}/")
    hrefs = [a["href"] for a in doc.select(".md-select__link[hreflang]")]
    target = next(h for h in hrefs if f"/{edition}/" in "/" + h.lstrip("./") or
                  h.lstrip("./").startswith(f"{edition}/"))
    assert target.rstrip("/").endswith(f"{edition}/papers/{key}")


def test_language_switcher_names_each_edition_in_its_own_language(site: Path) -> None:
    """On every page: each edition's name is marked with its language (a screen reader reads
    «فارسی» in Persian on an English page), and the edition being read is the current page."""
    for path in pages(site):
        url = url_of(site, path)
        doc = read_html(site, url)
        links = doc.select(".md-select__link")
        if doc.body is None or not links:
            continue
        assert [a.get("lang") for a in links] == [a["hreflang"] for a in links], url
        assert sorted(a["hreflang"] for a in links) == sorted(EDITIONS), url
        current = [a["hreflang"] for a in links if a.get("aria-current") == "page"]
        assert current == [edition_of(url)] == [doc.html["lang"]], url


EXTERNAL = re.compile(r"^(https?:)?//", re.I)


def test_no_external_scripts_styles_fonts_or_images(site: Path) -> None:
    for path in pages(site):
        doc = read_html(site, url_of(site, path))
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"),
                          ("source", "src"), ("iframe", "src")):
            for element in doc.find_all(tag):
                value = element.get(attr)
                if not value:
                    continue
                if tag == "link" and not set(element.get("rel", [])) & {
                        "stylesheet", "preload", "preconnect", "icon", "modulepreload"}:
                    continue
                assert not EXTERNAL.match(value), (path, tag, value)
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), css
        assert "@import" not in text or "//" not in text.split("@import", 1)[1][:80], css


def test_fonts_are_self_hosted_with_their_licences(site: Path) -> None:
    for family in ("vazirmatn", "noto-naskh-arabic", "noto-sans"):
        folder = site / "assets" / "fonts" / family
        assert list(folder.glob("*.woff2")), family
        assert "Open Font License" in (folder / "OFL.txt").read_text(encoding="utf-8")


def test_paper_pages_have_citation_meta_tags(site: Path, corpus) -> None:
    for key in corpus.papers:
        doc = read_html(site, f"papers/{key}/")
        assert doc.find("meta", attrs={"name": "citation_title"})["content"]
        assert doc.find("meta", attrs={"name": "citation_language"})


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_unstated_fields_say_so_in_the_editions_language(site: Path, corpus, edition: str) -> None:
    ui = corpus.ui[edition]
    for key, paper in corpus.papers.items():
        if edition not in ("en", paper.lang):
            continue
        doc = read_html(site, f"{'' if edition == 'en' else edition + '/'}papers/{key}/")
        record = doc.select_one(".record")
        missing = [f for f in ("doi", "issn", "volume", "received") if not getattr(paper.record, f)]
        if missing:
            assert ui["not_stated"] in record.get_text(), (edition, key)


@pytest.mark.parametrize("edition", EDITIONS)
def test_how_to_cite_says_in_the_editions_language_what_the_reference_is(
        site: Path, corpus, edition: str) -> None:
    """The reference is APA's, in English, in every edition: a line in the reader's language says
    so, above it, where the page would otherwise show English unexplained."""
    for key in corpus.papers:
        doc = read_html(site, f"{'' if edition == 'en' else edition + '/'}papers/{key}/")
        style = doc.select_one(".cite .cite__style")
        assert style is not None and style.find_parent(lang=True).get("lang") in (edition, None)
        assert " ".join(style.get_text().split()) == " ".join(
            corpus.ui[edition]["cite_style"].split()), (edition, key)
        assert "APA" in style.get_text()


#: paper keys, source file names, and language codes used as labels ("fa: Aleksānder Vent")
RAW_NAMES = re.compile(r"(?<![\w/#-])(kazemi-1403|masoumi-2025|karabakh-war|ases-2025|kardeslik|"
                       r"\d{3}_[0-9a-f]{16}\.txt|(?:en|tr|fa|ar):(?=\s))(?![\w-])")


def test_readers_never_see_keys_or_file_names(site: Path) -> None:
    """Papers are named by their short titles, terms by their names, languages by their names;
    ids appear only where they are the point (an excerpt's own id, its address, code in the
    contributor's guide)."""
    for path in pages(site):
        url = url_of(site, path)
        if url.removeprefix(edition_of(url) + "/").startswith("contributing/") or \
                url.startswith("contributing/"):
            continue
        doc = read_html(site, url)
        main = doc.select_one("article.md-content__inner")
        if main is None:
            continue
        text = " ".join(_read_text(main))
        assert not RAW_NAMES.search(text), (url, RAW_NAMES.search(text).group(0))


def _read_text(element: Tag) -> Iterator[str]:
    """The element's text, but for code and an excerpt's id and address (walked once, top down)."""
    for child in element.children:
        if isinstance(child, NavigableString):
            yield str(child)
        elif isinstance(child, Tag) and child.name not in ("code", "script", "style") \
                and not {"excerpt__id", "excerpt__url"} & set(child.get("class") or ()):
            yield from _read_text(child)


@pytest.mark.parametrize("edition", EDITIONS)
def test_romanized_names_are_labelled_in_the_editions_language(site: Path, edition: str) -> None:
    """Each person's or place's name in Latin letters follows the name of its language, in the
    edition's language, and carries its language tag (fa-Latn, ar-Latn)."""
    from content import load_ui

    ui = load_ui(ROOT / "docs" / "data" / "ui.yml")[edition]
    doc = read_html(site, edition_prefix(edition) + "people-and-places/")
    lines = doc.select(".entity__translit")
    assert len(lines) > 50
    for line in lines:
        assert line.get("lang") is None, "the line is in the page's language"
        assert line.get_text().startswith(ui["romanized"] + ": ")
        for spelling in line.select("i"):
            lang = spelling["lang"].removesuffix("-Latn")
            assert spelling["lang"] == f"{lang}-Latn" and spelling["dir"] == "ltr"
            before = spelling.previous_sibling
            assert isinstance(before, NavigableString) and before.endswith(f"{ui['lang_' + lang]} ")


@pytest.mark.parametrize("edition, page_word, term", [
    ("tr", "s.", "Yumuşak güç"), ("fa", "ص.", "قدرت نرم"), ("ar", "ص.", "القوة الناعمة")])
def test_labels_and_term_chips_are_in_the_editions_language(site: Path, corpus, edition: str,
                                                            page_word: str, term: str) -> None:
    excerpt = corpus.excerpts["kazemi-abstract"]
    doc = read_html(site, f"{edition}/papers/kazemi-1403/")
    element = doc.find(id=excerpt.id)
    label = element.select_one(".excerpt__label")
    assert label["lang"] == edition and label.get_text() == corpus.label(excerpt, edition)
    assert page_word in label.get_text() and "p." not in label.get_text()
    chips = [chip.get_text() for chip in element.select(".excerpt__term")]
    assert "soft-power" not in chips and any(term.casefold() in c.casefold() for c in chips)


@pytest.mark.parametrize("edition", EDITIONS)
def test_an_excerpts_terms_are_parted_by_the_editions_semicolon(site: Path, edition: str) -> None:
    """An excerpt's terms, as screen readers, a copied text and the PDFs read them: each parted
    from the next by the edition's semicolon, so that two terms do not read as one, nor a term
    with a comma in it ("one nation, two states") as two."""
    from languages import LANGUAGES

    semicolon = LANGUAGES[edition].semicolon
    doc = read_html(site, f"{edition_prefix(edition)}packets/soft-power/")
    lists = doc.select(".excerpt__terms")
    assert len(lists) >= 5
    for terms in lists:
        chips = [chip.get_text() for chip in terms.select(".excerpt__term")]
        text = terms.get_text()
        assert text.endswith(semicolon.join(chips)), text
        assert len(terms.select(".excerpt__term-sep")) == len(chips) - 1


def test_a_page_waits_only_for_the_styles_and_fonts_it_uses(site: Path) -> None:
    """Maps' and figures' styles only where there is a map or a figure, print styles for print
    only, the scripts deferred, the edition's own fonts preloaded (and present)."""
    from languages import LANGUAGES

    seen = {"maps": 0, "figures": 0, "plain": 0}
    for path in pages(site):
        url = url_of(site, path)
        doc = read_html(site, url)
        if doc.head is None or doc.select_one("article.md-content__inner") is None:
            continue
        styles = {urljoin(url, link["href"]): link.get("media")
                  for link in doc.head.select('link[rel="stylesheet"]')}
        own = {href.split("assets/css/")[1]: media for href, media in styles.items()
               if "assets/css/" in href}
        assert own.get("print.css") == "print", url
        assert own.keys() >= {"fonts.css", "reader.css", "print.css"}, url
        has_map = doc.select_one(".map, .locator") is not None
        has_figure = doc.select_one(".figure, table.concepts") is not None
        assert ("maps.css" in own) == has_map, url
        assert ("figures.css" in own) == has_figure, url
        seen["maps" if has_map else "figures" if has_figure else "plain"] += 1
        for script in doc.select("script[src]"):
            assert script.has_attr("defer") or "bundle." in script["src"], (url, script["src"])
        edition = doc.html["lang"]
        preloads = [urljoin(url, link["href"]) for link in doc.head.select('link[rel="preload"]')]
        assert [p.split("assets/fonts/")[1] for p in preloads] == list(
            LANGUAGES[edition].fonts), url
        for preload in preloads:
            assert (site / preload).is_file(), preload
    assert seen["maps"] >= 12 and seen["figures"] >= 4 and seen["plain"] >= 40, seen


def _font_faces() -> list[tuple[str, str, str, list[tuple[int, int]]]]:
    """(family, weight, file under assets/fonts/, code-point ranges) of each upright face of
    fonts.css."""

    css = (ROOT / "docs" / "assets" / "css" / "fonts.css").read_text(encoding="utf-8")
    faces = []
    for block in re.findall(r"@font-face\s*\{([^}]*)\}", css):
        if "font-style: normal" not in block:
            continue
        family = re.search(r'font-family:\s*"([^"]+)"', block).group(1)
        weight = re.search(r"font-weight:\s*(\d+)", block).group(1)
        file = re.search(r'url\("\.\./fonts/([^"]+)"\)', block).group(1)
        ranges = [(int(a, 16), int(b or a, 16)) for a, b in
                  re.findall(r"U\+([0-9A-F]+)(?:-([0-9A-F]+))?", block.split("unicode-range")[1])]
        faces.append((family, weight, file, ranges))
    return faces


def test_a_pages_title_is_drawn_in_preloaded_fonts(site: Path) -> None:
    """Each character of a page's title is set, by the edition's font stack (fonts.css), in a
    face the page preloads: the title is drawn once, and nothing below it moves when a font
    arrives (Lighthouse measured a layout shift of 0.06 on the Arabic paper pages)."""

    css = (ROOT / "docs" / "assets" / "css" / "fonts.css").read_text(encoding="utf-8")
    stacks = {edition: re.findall(r'"([^"]+)"', re.search(
        rf"--reader-{edition}-font:([^;]+);", css).group(1)) for edition in ("fa", "ar")}
    faces = _font_faces()
    checked = 0
    for path in pages(site):
        url = url_of(site, path)
        doc = read_html(site, url)
        title = doc.select_one("article.md-content__inner h1")
        if title is None:
            continue
        edition = doc.html["lang"]
        preloaded = {link["href"].split("assets/fonts/")[1]
                     for link in doc.head.select('link[rel="preload"][as="font"]')}
        for char in set(title.get_text()) - {"\u200c", "\u200e", "\u200f", "\n"}:
            for family in stacks.get(edition, ["Noto Sans"]):
                files = [f for fam, weight, f, ranges in faces if fam == family and weight == "400"
                         and any(a <= ord(char) <= b for a, b in ranges)]
                if files:
                    assert set(files) & preloaded, (url, char, files)
                    break
            else:
                raise AssertionError(f"{url}: {char!r} of the title is in none of its fonts")
        checked += 1
    assert checked >= 70


def test_no_section_is_named_like_the_pages_contents(site: Path) -> None:
    """A page's contents (the folded menu on a phone, the printed contents of the PDF) does not
    list a section with its own name ("Contents: Contents, Summary, …"): a paper's own table of
    contents is headed as the study's."""
    checked = 0
    for path in pages(site):
        url = url_of(site, path)
        if url.startswith(("pdf/", "pagefind/")):
            continue
        contents = read_html(site, url).select_one(".page-contents")
        if contents is None:
            continue
        name = " ".join(contents.summary.get_text().split())
        entries = [" ".join(a.get_text().split()) for a in contents.select("nav a")]
        assert name not in entries, (url, name)
        checked += 1
    assert checked >= 4 * 5, checked  # at least the paper pages of every edition


_ISOLATED_RUN = re.compile(r'<bdi dir="(?:ltr|rtl)"[^>]*>([^<]*)</bdi>')


def test_no_isolated_run_holds_a_bracket_it_does_not_close(site: Path) -> None:
    """A run isolated against its surroundings holds whole brackets and quotations: a bracket
    it opens and does not close, or closes without opening, belongs to the text around it and
    shows on the wrong side of the run («Serzh Sargsyan (9» was one left-to-right unit, the
    "(9" parted from its Arabic date; «يمكن»; «لردٍّّ» was one right-to-left run, the two
    quotations read backwards). A note that quotes the source's visual-order text (a bracket
    where the extraction put it) writes it as code, which is never
    isolated."""
    from html import unescape

    found = []
    for path in pages(site):
        for match in _ISOLATED_RUN.finditer(path.read_text(encoding="utf-8")):
            run = unescape(match.group(1))
            if any(run.count(a) != run.count(b) for a, b in ("()", "[]", "«»", "“”")):
                found.append(f"{url_of(site, path)}: {run!r}")
    assert not found, found[:10]
