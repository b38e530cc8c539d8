"""Glossary, people and places, timeline, disputed points, seminar packets and their export."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from apparatus import check_terms, link_entities, load_apparatus
from apparatus_text import inline_html, inline_plain
from conftest import ROOT, read_html
from content import load_ui
from test_validation import edit, problems_of


@pytest.fixture(scope="module")
def app(corpus):
    loaded, problems = load_apparatus(ROOT / "docs", corpus.known_ids())
    assert problems == []
    link_entities(loaded, list(corpus.excerpts.values()))
    return loaded


def test_every_term_used_is_defined(corpus, app) -> None:
    assert check_terms(list(corpus.excerpts.values()), app) == []
    assert len(app.terms) >= 40
    for term in app.terms.values():
        assert set(term.names) == {"en", "tr", "fa", "ar"}, term.id
        assert term.definition.get("en"), term.id


def test_an_entry_not_yet_translated_is_a_warning_and_shows_its_english_as_english(
        project_copy: Path) -> None:
    """A glossary term, index entry or event an edition lacks is not a problem (the edition shows
    the English until it is written) but a warning with its file and line, as an untranslated
    page is; the glossary marks the English name it shows as English."""
    import contextlib
    import io

    import check
    from apparatus_html import glossary_html
    from apparatus_text import edition_name
    from figures import concepts_html
    from reader_build import ReaderBuild
    from render import excerpt_html

    edit(project_copy, Path("docs/data/glossary.yml"), "  fa: قدرت نرم\n", "")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert check.main([str(project_copy / "docs")]) == 0, out.getvalue()
    warnings = [line for line in out.getvalue().splitlines() if ": warning: " in line]
    assert "docs/data/glossary.yml:2: warning: glossary term 'soft-power' has no Persian text " \
        "yet" in warnings
    # the fixture's definition is in English only
    assert "docs/data/glossary.yml:2: warning: the definition of 'soft-power' has no Turkish " \
        "text yet" in warnings
    build = ReaderBuild.load(project_copy / "docs")
    english = '<span lang="en" dir="ltr">soft power</span>'
    build.start_edition("fa")
    assert f'<h2 class="term__name">{english}</h2>' in glossary_html(build, "fa/glossary/")
    # and so do an excerpt's list of terms and the concepts-by-paper table
    ui = {**build.ui, "_edition": "fa"}
    chip = excerpt_html(build.corpus, build.excerpt("sample-one"), ui, lambda i: f"#{i}", [],
                        term_names={"soft-power": edition_name(build.app.terms["soft-power"].names,
                                                              "fa")})
    assert f'<span class="excerpt__term" data-term="soft-power">{english}</span>' in chip
    assert re.search(f'<th scope="row" class="concepts__concept"><a href="[^"]*#term-soft-power">'
                     f'{re.escape(english)}</a>', concepts_html(build, "fa/papers/"))
    build.start_edition("tr")
    assert '<h2 class="term__name">yumuşak güç</h2>' in glossary_html(build, "tr/glossary/")


def test_an_unknown_term_fails_the_check(project_copy: Path) -> None:
    from content import read_corpus

    edit(project_copy, Path("docs/data/papers/sample.yml"), "terms: [soft-power]",
         "terms: [soft-powder]")
    corpus, _ = read_corpus(project_copy / "docs")
    app, _ = load_apparatus(project_copy / "docs", corpus.known_ids())
    (problem,) = check_terms(list(corpus.excerpts.values()), app)
    assert "unknown glossary term 'soft-powder'" in str(problem)
    assert str(problem).startswith("docs/data/papers/sample.yml:") and "sample-one" in str(problem)
    assert problems_of(project_copy) == []  # page checks are unaffected


def test_glossary_pages_list_every_term_with_its_forms_and_uses(site: Path, app) -> None:
    for prefix in ("", "tr/", "fa/", "ar/"):
        doc = read_html(site, f"{prefix}glossary/")
        entries = doc.select("section.term")
        assert {e["data-term"] for e in entries} == set(app.terms)
        for entry in entries:
            for form in entry.select(".term__forms [lang]"):
                assert form["dir"] == ("rtl" if form["lang"] in ("fa", "ar") else "ltr")
    doc = read_html(site, "glossary/")
    soft = doc.select_one("#term-soft-power")
    assert soft.select(".term__uses a.excerpt-ref")


def test_each_form_of_a_name_is_shown_once(site: Path, app) -> None:
    """"Alexander Wendt", not "Alexander Wendt · Alexander Wendt" where the English and Turkish
    forms are the same; a form that differs is kept, in its language; the glossary says which
    languages write a form ("English · Turkish Bayraktar TB2"), named in the edition's language."""
    for prefix in ("", "tr/", "fa/", "ar/"):
        for page, selector in (("glossary/", ".term__forms"), ("people-and-places/", ".entity__names")):
            entries = read_html(site, f"{prefix}{page}").select(selector)
            assert entries, (prefix, page)
            for entry in entries:
                shown = [form.get_text() for form in entry.select("[lang]")]
                assert len(shown) == len(set(shown)), (prefix, page, shown)
        # the edition's form first: the index is in its alphabetical order
        wendt = read_html(site, f"{prefix}people-and-places/").select_one(
            "#entity-alexander-wendt .entity__names")
        latin, fa, ar = ("Alexander Wendt", "الکساندر ونت", "ألكسندر ونت")
        assert [(f["lang"], f.get_text()) for f in wendt.select("[lang]")] == {
            "": [("en", latin), ("fa", fa), ("ar", ar)],
            "tr/": [("tr", latin), ("fa", fa), ("ar", ar)],
            "fa/": [("fa", fa), ("en", latin), ("ar", ar)],
            "ar/": [("ar", ar), ("en", latin), ("fa", fa)]}[prefix]
        # the glossary names the languages that write a form alike
        drone = read_html(site, f"{prefix}glossary/").select("#term-bayraktar-tb2 .term__form")
        ui = load_ui(ROOT / "docs" / "data" / "ui.yml")[prefix.strip("/") or "en"]
        assert [(f.select_one(".term__lang").get_text(), f.select_one("[lang]")["lang"])
                for f in drone] == [(f"{ui['lang_en']}\u00a0· {ui['lang_tr']}", "en"),
                                    (ui["lang_fa"], "fa"), (ui["lang_ar"], "ar")]


def test_terms_are_glossed_in_excerpts_and_summaries(site: Path, app) -> None:
    doc = read_html(site, "papers/kazemi-1403/")
    glosses = doc.select("a.gloss")
    assert glosses
    assert doc.select('[data-role="original"] a.gloss') and doc.select('[data-role="translation"] a.gloss')
    assert doc.select(".md-content p > a.gloss, .md-content li > a.gloss")
    for gloss in glosses:
        assert gloss["data-gloss"] and gloss["href"].endswith(f"glossary/#term-{gloss['data-term']}")


@pytest.mark.parametrize("edition", ["", "fa/"])
def test_a_maxim_of_ataturks_is_not_glossed_as_kemalism(site: Path, edition: str) -> None:
    """«اصل آتاتورک» in kazemi-values is the maxim it quotes, "Peace at home, peace in the
    world", not the ideology: neither it nor "Atatürk's principle" takes Kemalism's gloss."""
    excerpt = read_html(site, f"{edition}papers/kazemi-1403/").select_one("#kazemi-values")
    assert "اصل آتاتورک" in excerpt.get_text() and "Atatürk's principle" in excerpt.get_text()
    assert not excerpt.select('a.gloss[data-term="kemalism"]')


@pytest.mark.parametrize("edition, markup, glossed", [
    # a term inside a run written against its surroundings would cut it in two
    ("ar", "<p>سيؤدي إلى تفعيل (The Middle Corridor) الذي طُرح</p>", []),
    ("fa", "<p>سيؤدي إلى تفعيل (The Middle Corridor) الذي طُرح</p>", []),
    ("en", "<p>the name «طرح کریدور زنگزور در قفقاز» is used</p>", []),
    ("en", "<p>the name «کریدور زنگزور» is used</p>", ["کریدور زنگزور"]),
    # a term that is the whole run, or that holds it, keeps it whole
    ("ar", "<p>ما يسمى (Middle Corridor) الذي طُرح</p>", ["Middle Corridor"]),
    ("ar", "<p>طائرات بيرقدار TB2 التركية</p>", ["بيرقدار TB2"]),
    # in text of the page's own direction, as before
    ("en", "<p>the Middle Corridor was proposed</p>", ["Middle Corridor"]),
    ("ar", '<p dir="ltr">the Middle Corridor was proposed</p>', ["Middle Corridor"]),
])
def test_a_gloss_never_cuts_a_run_written_against_its_surroundings(edition: str, markup: str,
                                                                   glossed: list[str]) -> None:
    from bs4 import BeautifulSoup
    from glosses import gloss_html, gloss_tokens
    from html_tokens import serialize, tokenize
    from reader_build import ReaderBuild

    build = ReaderBuild.load(ROOT / "docs")
    build.start_edition(edition)
    html = gloss_html(markup, build, "papers/x/" if edition == "en" else f"{edition}/papers/x/")
    assert [a.get_text() for a in BeautifulSoup(html, "html.parser").select("a.gloss")] == glossed
    # the later stages read the glossed tokens without parsing them again: they are the
    # tokens of the markup written
    tokens = gloss_tokens(tokenize(markup), build, "papers/x/")
    assert tokens == tokenize(serialize(tokens))


#: a gloss link holding one left-to-right piece of a run whose other piece stands beside it
_CUT_RUN = re.compile(r'</bdi>[\s(\'"“]*<a class="gloss"[^>]*><bdi dir="ltr"'
                      r'|<a class="gloss"[^>]*><bdi dir="ltr"[^>]*>[^<]*</bdi></a>\s*<bdi dir="ltr"')


def test_no_gloss_cuts_a_run_on_the_right_to_left_pages(site: Path) -> None:
    """On the Persian and Arabic pages, a glossed term never stands beside another piece of the
    left-to-right run it was part of (the Arabic paper's "(The Middle Corridor)")."""
    found = []
    for edition in ("fa", "ar"):
        for path in sorted((site / edition).rglob("*.html")):
            text = path.read_text(encoding="utf-8")
            found += [f"{path.relative_to(site)}: {text[m.start() - 60:m.end() + 60]!r}"
                      for m in _CUT_RUN.finditer(text)]
    assert not found, found[:5]


#: names of each edition's glossary and index, in its alphabetical order (each name by the
#: start of it): the order of code points, or the English names' order, reverses some of them
ALPHABETICAL = {
    ("tr", "glossary/"): ["ıraksama", "İkinci Karabağ", "jeopolitik", "süreç izleme", "Şuşa",
                          "TANAP"],
    ("fa", "glossary/"): ["آتش‌بس", "بیانیۀ سه‌جانبۀ", "پان‌ترکیسم", "تاناپ", "کمالیسم",
                          "گروه مینسک", "مؤسسۀ یونس امره"],
    # «البرنامج» under ب, «الهوية» under ه
    ("ar", "glossary/"): ["أمن الطاقة", "البرنامج النووي", "بروتوكولا زيورخ", "نموذج «بام»",
                          "الهوية", "وقف إطلاق النار"],
    ("en", "glossary/"): ["1994 ceasefire", "Azerbaijan Democratic Republic", "Zangezur"],
    ("tr", "people-and-places/"): ["Barry Buzan", "Bülent Ecevit", "Ebulfez Elçibey"],
    ("fa", "people-and-places/"): ["آلپ ارسلان", "ابوالفضل ایلچی‌بیگ", "مولود چاووش‌اوغلو",
                                   "نظامی گنجوی"],
}


def _names(site: Path, edition: str, page: str) -> list[str]:
    doc = read_html(site, f"{'' if edition == 'en' else edition + '/'}{page}")
    if page == "glossary/":
        return [name.get_text() for name in doc.select("section.term .term__name")]
    return [item.select_one(".entity__names [lang]").get_text() for item in doc.select("li.entity")]


@pytest.mark.parametrize("edition, page", ALPHABETICAL)
def test_the_glossary_and_the_index_list_their_names_in_the_editions_alphabetical_order(
        site: Path, edition: str, page: str) -> None:
    names = _names(site, edition, page)
    where = [next(i for i, name in enumerate(names) if name.startswith(start))
             for start in ALPHABETICAL[edition, page]]
    assert where == sorted(where), list(zip(ALPHABETICAL[edition, page], where, strict=True))


@pytest.mark.parametrize("edition", ["en", "tr", "fa", "ar"])
def test_every_list_of_names_is_in_the_editions_alphabetical_order(site: Path, app,
                                                                  edition: str) -> None:
    """The glossary's terms and the concepts table's rows, in the same order, and the index's
    entries of each kind: by their name in the edition's language, which the index shows first,
    a person's by the family name."""
    from collation import sort_key

    prefix = "" if edition == "en" else f"{edition}/"
    glossary = read_html(site, f"{prefix}glossary/")
    names = _names(site, edition, "glossary/")
    assert names == sorted(names, key=lambda name: sort_key(name, edition))
    assert [row["data-term"] for row in glossary.select("table.concepts tbody tr")] == \
        [term["data-term"] for term in glossary.select("section.term")]
    for kind in read_html(site, f"{prefix}people-and-places/").select("ul.entities"):
        items = kind.select("li.entity")
        first = [item.select_one(".entity__names [lang]") for item in items]
        assert {form["lang"] for form in first} == {edition}
        # a person with a family name under it, then the given names
        shown = []
        for item, form in zip(items, first, strict=True):
            family = app.entities[item["data-entity"]].family.get(edition, "")
            name = form.get_text()
            shown.append(f"{family} {name.removesuffix(family).strip()}" if family else name)
        assert shown == sorted(shown, key=lambda name: sort_key(name, edition))


_PERSON = """# people
- id: heydar-aliyev
  kind: {kind}
  names: {{en: "Heydar Aliyev", tr: "Haydar Aliyev", fa: "حیدر علی‌اف", ar: "حيدر علييف"}}
  family: {family}
  about: {{en: "Leader of Soviet Azerbaijan."}}
"""


@pytest.mark.parametrize("kind, family, says", [
    ("place", '{en: "Aliyev", tr: "Aliyev", fa: "علی‌اف", ar: "علييف"}',
     "entity 'heydar-aliyev': `family` is a person's family name in each language"),
    ("person", '{en: "Aliyev", tr: "Aliyev", fa: "علی‌اف"}', "`family` has no ar form"),
    ("person", '{en: "Aliyev", tr: "Aliev", fa: "علی‌اف", ar: "علييف"}',
     "the tr family name «Aliev» is not the end of the tr name «Haydar Aliyev»"),
    # the end of a word is not a family name, nor is the whole name
    ("person", '{en: "liyev", tr: "Aliyev", fa: "علی‌اف", ar: "علييف"}', "«liyev» is not the end"),
    ("person", '{en: "Heydar Aliyev", tr: "Aliyev", fa: "علی‌اف", ar: "علييف"}',
     "«Heydar Aliyev» is not the end"),
], ids=["not-a-person", "a-language-left-out", "another-spelling", "part-of-a-word", "whole-name"])
def test_a_family_name_must_end_each_form_of_a_persons_name(project_copy: Path, kind: str,
                                                             family: str, says: str) -> None:
    """The index lists a person under the family name (`family` in entities.yml): a slip in it is
    reported with the file and the line of the `family:` key, not a person listed under a wrong
    letter."""
    (project_copy / "docs" / "data" / "entities.yml").write_text(
        _PERSON.format(kind=kind, family=family), encoding="utf-8")
    app, problems = load_apparatus(project_copy / "docs", set())
    (problem,) = [str(p) for p in problems if "entities.yml" in str(p)]
    assert problem.startswith("docs/data/entities.yml:5:") and says in problem, problem
    assert app.entities["heydar-aliyev"].family == {}


@pytest.mark.parametrize("family, says", [
    (None, "entity 'heydar-aliyev': a person has no `family:`"),
    ("null", None),
], ids=["left-out", "known-by-a-given-name"])
def test_a_person_without_a_family_name_says_so(project_copy: Path, family: str | None,
                                                says: str | None) -> None:
    """A person entered without `family:` would be listed under the first name unnoticed: it is a
    problem on the entry's line, unless `family: null` says the person is known by a given name
    or a title."""
    entry = _PERSON.format(kind="person", family=family)
    if family is None:
        entry = entry.replace("  family: None\n", "")
    (project_copy / "docs" / "data" / "entities.yml").write_text(entry, encoding="utf-8")
    app, problems = load_apparatus(project_copy / "docs", set())
    found = [str(p) for p in problems if "entities.yml" in str(p)]
    if says is None:
        assert found == [] and app.entities["heydar-aliyev"].family == {}
    else:
        (problem,) = found
        assert problem.startswith("docs/data/entities.yml:2:") and says in problem, problem
        assert "`family: null`" in problem


def test_a_person_is_listed_under_the_family_name(site: Path) -> None:
    """…then under the given names; a person known by a given name or a title is listed under
    it. In each edition, by the names it writes («داوود اوغلو», «إلجي بيك»: two words)."""
    expected = {
        "": ["Heydar Aliyev", "Ilham Aliyev", "Alp Arslan", "Benedict Anderson"],
        "tr/": ["Haydar Aliyev", "İlham Aliyev", "Alparslan", "Benedict Anderson"],
        "fa/": ["مصطفی کمال آتاتورک", "آلپ ارسلان", "بولنت اجویت", "رجب طیب اردوغان"],
        "ar/": ["مصطفى كمال أتاتورك", "بولنت أجاويد", "رجب طيب أردوغان", "ألب أرسلان"]}
    for prefix, first in expected.items():
        people = read_html(site, f"{prefix}people-and-places/").select_one("ul.entities")
        shown = [item.select_one(".entity__names [lang]").get_text()
                 for item in people.select("li.entity")]
        assert shown[:4] == first, (prefix, shown[:4])
        # under E: Ecevit, Elçibey, Enver Paşa (a title), Erdoğan
        if prefix == "tr/":
            e = [name for name in shown if name.split()[-1].startswith("E") or name == "Enver Paşa"]
            assert e == ["Bülent Ecevit", "Ebulfez Elçibey", "Enver Paşa", "Recep Tayyip Erdoğan"]
    fa = [item.select_one(".entity__names [lang]").get_text() for item in
          read_html(site, "fa/people-and-places/").select_one("ul.entities").select("li.entity")]
    assert fa.index("مولود چاووش‌اوغلو") < fa.index("احمد داوود اوغلو") < fa.index("سلیمان دمیرل")


def test_index_of_entities(site: Path, corpus, app) -> None:
    assert len(app.entities) >= 40
    for entity in app.entities.values():
        assert entity.excerpts, f"{entity.id} is named by no excerpt"
        assert set(entity.names) == {"en", "tr", "fa", "ar"}, entity.id
        assert entity.about.get("en")
    doc = read_html(site, "people-and-places/")
    items = doc.select("li.entity")
    assert len(items) == len(app.entities)
    for item in items:
        for link in item.select("a.excerpt-ref"):
            assert link["data-ref"] in corpus.excerpts


def test_timeline_is_ordered_and_linked(site: Path, corpus, app) -> None:
    assert len(app.events) >= 40
    raw = (ROOT / "docs" / "data" / "events.yml").read_text(encoding="utf-8")
    dates = re.findall(r'^\s*date: "?([0-9-]+)"?', raw, re.M)
    assert dates == sorted(dates, key=lambda d: [int(x) for x in d.split("-")]), \
        "events.yml lists its events in date order"
    for prefix in ("", "fa/"):
        doc = read_html(site, f"{prefix}timeline/")
        rendered = [li["data-date"] for li in doc.select("ol.timeline > li.event")]
        assert len(rendered) == len(app.events)
        keys = [[int(x) for x in d.split("-")] for d in rendered]
        assert keys == sorted(keys)
        for li in doc.select("ol.timeline > li.event"):
            assert li.select("a.excerpt-ref")
    fa = read_html(site, "fa/timeline/")
    shusha = fa.select_one('li.event[data-date="2021-06-15"] .event__sh')
    assert shusha is not None and "۱۴۰۰/۰۳/۲۵" in shusha.get_text()  # Persian digits in fa


#: a month name as the style guide writes it, in a date the site writes itself
_ARABIC_MONTH = re.compile(r"^(?:\d+ )?(?:كانون|تشرين)? ?\S+/\S+ \d{4}$")


def test_the_sites_own_dates_name_their_months_as_the_editions_prose_does(site: Path) -> None:
    """The timeline's dates and a record's Gregorian equivalents: in Arabic the Levantine and the
    Egyptian month name («13 تشرين الأول/أكتوبر 1921», not the Egyptian name alone), in Persian the
    ezafe «ۀ» («ژانویۀ», not the CLDR's «ژانویهٔ»)."""
    ar = read_html(site, "ar/timeline/")
    dates = [t.get_text() for t in ar.select(".event__date time")]
    assert "13 تشرين الأول/أكتوبر 1921" in dates
    wrong = [d for d in dates if not all(re.fullmatch(r"\d{4}", part) or _ARABIC_MONTH.match(part)
                                         for part in d.split(" – "))]
    assert not wrong, wrong[:5]
    fa = read_html(site, "fa/timeline/")
    written = " ".join(t.get_text() for t in fa.select(".event__date time"))
    assert "ژانویۀ" in written and "\u0647\u0654" not in written
    record = read_html(site, "ar/papers/kazemi-1403/").select_one(".record").get_text(" ")
    assert "9 آب/أغسطس 2024" in " ".join(record.split())


def test_disagreements_page_quotes_each_side(site: Path, corpus) -> None:
    doc = read_html(site, "disagreements/")
    sections = doc.select(".md-content h2")
    assert len(sections) >= 6
    embedded = doc.select("[data-excerpt]")
    assert len({e["data-paper"] for e in embedded}) == len(corpus.papers)
    assert "recogni" in doc.get_text()


def test_packets(site: Path, corpus, app) -> None:
    assert len(app.packets) >= 3
    for packet in app.packets.values():
        papers = {corpus.excerpts[i].paper for i in packet.excerpts}
        assert len(papers) >= 3, packet.id
        doc = read_html(site, f"packets/{packet.id}/")
        for element in doc.select("[data-excerpt]"):
            assert element["id"] == element["data-excerpt"]
            assert element.select_one('[data-role="original"][lang][dir]')
            assert element.select_one('[data-role="translation"][lang="en"][dir="ltr"]')
            assert element.select_one(".excerpt__from a")["href"].endswith(
                f"papers/{element['data-paper']}/#{element['id']}")
        headings = " ".join(h.get_text() for h in doc.select("h2"))
        for part in ("Introduction", "Terms to know", "Readings", "Discussion"):
            assert part in headings, (packet.id, part)
        assert len(doc.select("[data-excerpt]")) == len(packet.excerpts)


@pytest.mark.unit
def test_a_packet_of_fewer_than_three_papers_is_named_at_its_packet_line() -> None:
    """The packets' page promises excerpts of at least three papers: a packet of two is named at
    its `packet: true` line (an excerpt embedded twice counts once); one that embeds an id no
    excerpt has is left to the message at that embed."""
    from packet_file import Packet, packet_papers

    papers = {"a-1": "a", "a-2": "a", "b-1": "b", "c-1": "c"}

    def packet(*ids: str) -> dict[str, Packet]:
        return {"p": Packet("p", "P", [], list(ids), "docs/en/packets/p.md", 2)}

    assert packet_papers(packet("a-1", "b-1", "c-1"), papers.get) == []
    found = packet_papers(packet("a-1", "a-2", "b-1", "a-1"), papers.get)
    assert [(p.file, p.line) for p in found] == [("docs/en/packets/p.md", 2)]
    assert "excerpts of 2 papers (a, b)" in found[0].message and "![[" in found[0].fix
    assert "0 papers (none)" in packet_papers(packet(), papers.get)[0].message
    assert packet_papers(packet("a-1", "b-1", "nowhere"), papers.get) == []


def test_export_carries_the_apparatus(site: Path, corpus, app) -> None:
    data = json.loads((site / "corpus" / "excerpts.json").read_text(encoding="utf-8"))
    for key in ("terms", "entities", "events", "packets"):
        assert data[key], key
        for item in data[key]:
            assert item["id"] and "names" in item
            assert all(x in corpus.excerpts for x in item["excerpts"])
    assert all("date" in e for e in data["events"])
    assert {t["id"] for t in data["terms"]} == set(app.terms)
    # a person's family name in each language, as the index sorts by it
    entities = {e["id"]: e for e in data["entities"]}
    assert entities["ahmet-davutoglu"]["family"] == {
        "en": "Davutoğlu", "tr": "Davutoğlu", "fa": "داوود اوغلو", "ar": "داود أوغلو"}
    assert entities["alp-arslan"]["family"] == {} and entities["shusha"]["family"] == {}


@pytest.mark.parametrize("edition", ["", "tr/", "fa/", "ar/"])
def test_former_term_ids_still_lead_to_their_entry(site: Path, edition: str) -> None:
    """The Turkic Council is a former name of the Organization of Turkic States, and the BTK
    railway had the id btc-railway: links to the old anchors land on the entry."""
    doc = read_html(site, f"{edition}glossary/")
    for old, new in (("turkic-council", "organization-of-turkic-states"),
                     ("btc-railway", "btk-railway")):
        alias = doc.find(id=f"term-{old}")
        assert alias is not None and alias.find_parent(id=f"term-{new}") is not None


@pytest.mark.parametrize("text, markup, plain", [
    ("Joseph Nye, *<span lang=\"en\">Bound to Lead</span>* kitabında",
     'Joseph Nye, <em><span lang="en">Bound to Lead</span></em> kitabında',
     "Joseph Nye, Bound to Lead kitabında"),
    ("*Strategic Depth* (2001)", "<em>Strategic Depth</em> (2001)", "Strategic Depth (2001)"),
    # what would begin a list, a heading or a quotation is the character it is
    ("16. yüzyılın *başından*", "16. yüzyılın <em>başından</em>", "16. yüzyılın başından"),
    ("- a dash *first*", "- a dash <em>first</em>", "- a dash first"),
    ("# one *number*", "# one <em>number</em>", "# one number"),
    ("> more *than*", "&gt; more <em>than</em>", "> more than"),
    # plain text is escaped, not converted; the lines of a folded value are one line
    ('A "frozen"\n  conflict', "A &#34;frozen&#34; conflict", 'A "frozen" conflict'),
    ("Armenia & Azerbaijan", "Armenia &amp; Azerbaijan", "Armenia & Azerbaijan"),
])
def test_the_apparatus_text_is_one_line_of_inline_markdown(text: str, markup: str,
                                                           plain: str) -> None:
    assert str(inline_html(text)) == markup
    assert inline_plain(text) == plain


def test_works_are_in_italics_and_other_languages_say_so(site: Path) -> None:
    """A work's title in the timeline, the index and the glossary is set in italics, and an
    English title in the Turkish edition is marked as English (a screen reader reads it so)."""
    event = read_html(site, "tr/timeline/").find(id="event-nye-soft-power-1990")
    title = event.select_one(".event__title em")
    assert title is not None and title.get_text() == "Bound to Lead"
    assert title.find("span", lang="en") is not None
    buzan = read_html(site, "tr/people-and-places/").find(id="entity-barry-buzan")
    assert buzan.select_one(".entity__about em span[lang=en]").get_text() == "Regions and Powers"
    term = read_html(site, "glossary/").find(id="term-strategic-depth")
    assert term.select_one(".term__definition em").get_text() == "Strategic Depth"
    event = read_html(site, "timeline/").find(id="event-strategic-depth-2001")
    assert event.select_one('.event__title em span[lang="tr"]').get_text() == "Stratejik Derinlik"


def test_plain_text_consumers_get_the_apparatus_without_markup(site: Path) -> None:
    """The corpus export, a gloss's popup and the timeline chart's labels show the text as it
    reads, not its Markdown or HTML."""
    data = json.loads((site / "corpus" / "excerpts.json").read_text(encoding="utf-8"))
    texts = [*(t for term in data["terms"] for t in term["definition"].values()),
             *(t for entity in data["entities"] for t in entity.get("about", {}).values()),
             *(t for event in data["events"] for t in event["names"].values())]
    assert any("Bound to Lead" in t for t in texts)
    assert not [t for t in texts if re.search(r"[*<>]", t)]
    page = (site / "papers" / "ases-2025" / "index.html").read_text(encoding="utf-8")
    tips = re.findall(r'data-gloss="([^"]*)"', page)
    assert any("Strategic Depth (2001)" in t for t in tips)
    assert not [t for t in tips if re.search(r"\*|&lt;", t)]
    chart = read_html(site, "tr/timeline/")
    labels = [t.get_text() for t in chart.select("svg title")]
    assert any("Bound to Lead" in t for t in labels)
    assert not [t for t in labels if re.search(r"[*<>]", t)]
