"""The citation files and the formatted reference, read by the tools researchers use: pybtex
(BibTeX's plain style), biber (biblatex's data model), citeproc-py with the official APA and
Chicago CSL styles (tests/fixtures/csl/, CC BY-SA 3.0), and rispy (RIS)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import warnings
from pathlib import Path

import pytest
import rispy
from conftest import ROOT, read_html
from pybtex.database import parse_file
from pybtex.plugin import find_plugin
from record_model import Author

CSL = ROOT / "tests" / "fixtures" / "csl"
KEYS = ["kazemi-1403", "masoumi-2025", "karabakh-war", "ases-2025", "kardeslik"]
#: the Gregorian year each paper's citation gives; None where the source states no year
YEARS = {"kazemi-1403": 2025, "masoumi-2025": 2025, "karabakh-war": None, "ases-2025": 2025,
         "kardeslik": None}


def _bib_plain(path: Path) -> str:
    bibliography = parse_file(str(path))
    style = find_plugin("pybtex.style.formatting", "plain")()
    entries = list(style.format_bibliography(bibliography))
    assert len(entries) == 1, path
    return str(entries[0].text.render_as("text"))


def _citeproc(item: dict, style: str) -> str:
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py does not know CSL 1.0.2's citation-key
        source = CiteProcJSON([item])
        bib = CitationStylesBibliography(CitationStylesStyle(str(CSL / f"{style}.csl"),
                                                             validate=False),
                                         source, formatter.plain)
        bib.register(Citation([CitationItem(item["id"])]))
        return str(bib.bibliography()[0])


def _csl(site: Path, key: str) -> dict:
    items = json.loads((site / "cite" / f"{key}.json").read_text(encoding="utf-8"))
    assert isinstance(items, list) and len(items) == 1
    return items[0]


def _ris(site: Path, key: str) -> dict:
    with (site / "cite" / f"{key}.ris").open(encoding="utf-8", newline="") as handle:
        entries = rispy.load(handle)
    assert len(entries) == 1
    return entries[0]


def _shown_reference(site: Path, key: str) -> str:
    return " ".join(read_html(site, f"papers/{key}/").select_one(".cite__reference")
                    .get_text().split())


def test_the_styles_are_the_official_files_with_their_licence() -> None:
    notice = (CSL / "NOTICE.txt").read_text(encoding="utf-8")
    assert "Attribution-ShareAlike 3.0" in notice
    for name, style_id in (("apa", "apa"), ("chicago-author-date", "chicago-author-date")):
        text = (CSL / f"{name}.csl").read_text(encoding="utf-8")
        assert f"<id>http://www.zotero.org/styles/{style_id}</id>" in text
        assert 'license="http://creativecommons.org/licenses/by-sa/3.0/"' in text
        assert name + ".csl" in notice


def test_a_solar_hijri_year_is_given_as_a_gregorian_year(corpus) -> None:
    from cite import gregorian_year

    for key, year in YEARS.items():
        assert gregorian_year(corpus.papers[key]) == year, key


@pytest.mark.parametrize("key", KEYS)
def test_pybtex_plain_formats_every_entry(site: Path, corpus, key: str) -> None:
    text = _bib_plain(site / "cite" / f"{key}.bib")
    if YEARS[key]:
        assert f", {YEARS[key]}." in text, text
    assert "SH [" not in text and "n.d." not in text
    for family, _ in [_family(a) for a in corpus.papers[key].record.authors or []]:
        assert family in text
    assert "i̇" not in text  # a dotted capital İ lowercased by a style


def _family(author: Author) -> tuple[str, str]:
    name = author.name
    family = author.family or name.split()[-1]
    return family, name.removesuffix(family).strip()


def test_bibtex_protects_turkish_capitals_and_proper_nouns(site: Path) -> None:
    text = _bib_plain(site / "cite" / "kardeslik.bib")
    assert "Kardeşlikten Stratejik İttifaka: Karabağ Sonrası Güney Kafkasya’da" in text
    assert "[From brotherhood to strategic alliance: Türkiye–Azerbaijan relations" in text
    assert "South Caucasus after Karabakh]" in text
    kazemi = _bib_plain(site / "cite" / "kazemi-1403.bib")
    assert "[The role of soft power in Türkiye's strategic alliance with the Republic of " \
           "Azerbaijan]" in kazemi
    supplied = _bib_plain(site / "cite" / "karabakh-war.bib")
    assert supplied.startswith("[The Azerbaijan–Armenia conflict, the 2020 war and Türkiye's")


def test_author_less_entries_have_a_key(site: Path) -> None:
    for key in ("ases-2025", "karabakh-war", "kardeslik"):
        entry = parse_file(str(site / "cite" / f"{key}.bib")).entries[key]
        assert not entry.persons.get("author")
        assert entry.fields.get("key"), key


def _biber(bib: Path) -> tuple[subprocess.CompletedProcess[str], Path]:
    """biber's data-model validation of `bib`, and the file biber writes back from what it read."""
    assert shutil.which("biber"), "biber is missing: `make system` installs it"
    out = bib.with_name("out.bib")
    result = subprocess.run(["biber", "--tool", "--validate-datamodel", f"--output-file={out}",
                             str(bib)], capture_output=True, text=True, cwd=bib.parent, timeout=120)
    return result, out


def test_characters_bibtex_reads_as_syntax_are_written_as_themselves(corpus,
                                                                    tmp_path: Path) -> None:
    """A title or a journal with a brace, backslash, tilde or caret keeps it (braces were
    dropped; a backslash began a LaTeX command, a tilde became a space); a DOI with an underscore
    is written verbatim, as biblatex reads it."""
    from dataclasses import replace

    from cite_files import bibtex

    paper = corpus.papers["masoumi-2025"]
    rec = paper.record
    record = rec.model_copy(update={
        "title": rec.title.model_copy(update={"en": "Sets {A} and \\B: 50% of R&D ~ x^2 #1 a_b"}),
        "journal": rec.journal.model_copy(update={"original": "Journal } of {Things"}),
        "doi": "10.1000/x_y%z<1>;(2)"})
    bib = tmp_path / "t.bib"
    bib.write_text(bibtex(replace(paper, record=record)), encoding="utf-8")
    result, out = _biber(bib)
    assert result.returncode == 0 and "ERROR" not in result.stdout, result.stdout + result.stderr
    fields = parse_file(str(out)).entries["masoumi-2025"].fields
    assert fields["title"].endswith(r"[{Sets} \textbraceleft{}A\textbraceright{} and "
                                    r"\textbackslash{}B: 50\% of R\&D \textasciitilde{} "
                                    r"x\textasciicircum{}2 \#1 a\_b]"), fields["title"]
    assert fields["doi"] == "10.1000/x_y%z<1>;(2)"
    assert fields["journaltitle"] == r"{Journal \textbraceright{} of \textbraceleft{}Things}"
    assert "doi:10.1000/x_y%z<1>;(2)" in _bib_plain(bib)


@pytest.mark.parametrize("key", KEYS)
def test_biber_validates_every_entry_against_the_data_model(site: Path, tmp_path: Path,
                                                            key: str) -> None:
    bib = tmp_path / f"{key}.bib"
    shutil.copy(site / "cite" / f"{key}.bib", bib)
    result, _ = _biber(bib)
    assert result.returncode == 0, result.stdout + result.stderr
    problems = [line for line in result.stdout.splitlines() if re.match(r"(WARN|ERROR) -", line)]
    # biblatex wants a date on every entry; a paper whose source states none has no year field
    # (styles print "n.d."), which is the one warning allowed
    allowed = "Missing mandatory field - one of 'date, year' must be defined"
    assert all(allowed in line for line in problems) if YEARS[key] is None else not problems, \
        problems


@pytest.mark.parametrize("key", KEYS)
def test_rispy_reads_every_record(site: Path, corpus, key: str) -> None:
    record = _ris(site, key)
    paper = corpus.papers[key]
    assert record["type_of_reference"] == ("JOUR" if paper.record.journal else "GEN")
    assert record.get("year") == (str(YEARS[key]) if YEARS[key] else None)
    assert record["urls"] == [f"{_site_url()}papers/{key}/"]
    raw = (site / "cite" / f"{key}.ris").read_text(encoding="utf-8")
    assert not re.search(r"^(TT|J2)  - ", raw, re.M), "a title printed nowhere on the paper"
    if key == "kazemi-1403":
        assert any("1403 SH" in note for note in record["notes"])


def _site_url() -> str:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r'site_url: !ENV \[SITE_URL, "([^"]+)"\]', text)
    assert match
    return match.group(1)


@pytest.mark.parametrize("key", KEYS)
def test_the_formats_say_the_same(site: Path, key: str) -> None:
    csl, ris = _csl(site, key), _ris(site, key)
    bib = parse_file(str(site / "cite" / f"{key}.bib")).entries[key]
    year = YEARS[key]
    assert csl.get("issued") == ({"date-parts": [[year]]} if year else None)
    assert bib.fields.get("year") == (str(year) if year else None)
    title = re.sub(r"[{}]", "", str(bib.fields["title"]))
    assert csl["title"] == ris["title"] == title
    assert csl.get("container-title") == ris.get("secondary_title")
    assert csl.get("DOI") == ris.get("doi") == bib.fields.get("doi")
    assert csl.get("volume") == ris.get("volume") and csl.get("issue") == ris.get("number")
    pages = [ris.get("start_page"), ris.get("end_page")]
    assert csl.get("page") == ("-".join(p for p in pages if p) or None)
    assert csl["URL"] == ris["urls"][0] == bib.fields["url"]
    authors = [(a["family"], a["given"]) for a in csl.get("author", [])]
    assert [tuple(a.split(", ")) for a in ris.get("authors", [])] == authors
    assert [(" ".join(p.last_names), " ".join(p.first_names + p.middle_names))
            for p in bib.persons.get("author", [])] == authors


def test_titles_are_original_with_english_in_brackets_or_supplied(site: Path, corpus) -> None:
    for key in KEYS:
        title = _csl(site, key)["title"]
        record = corpus.papers[key].record
        if record.title.original:
            assert title == f"{record.title.original} [{record.title.en}]"
        else:
            assert record.site_title is not None
            assert title == f"[{record.site_title.en}]"
            assert "supplied" in _csl(site, key)["note"]


@pytest.mark.parametrize("style", ["apa", "chicago-author-date"])
@pytest.mark.parametrize("key", KEYS)
def test_citeproc_formats_the_reference_the_site_shows(site: Path, key: str, style: str) -> None:
    item = _csl(site, key)
    formatted = " ".join(_citeproc(item, style).split())
    shown = _shown_reference(site, key)
    for family in [a["family"] for a in item.get("author", [])]:
        assert family in formatted and family in shown
    year = str(YEARS[key]) if YEARS[key] else "n.d."
    assert year in formatted and f"({year})" in shown
    assert item["title"] in formatted and item["title"] in shown
    if item.get("container-title"):
        assert item["container-title"] in formatted and item["container-title"] in shown
    if style == "apa":  # the site's reference is APA's: the same up to the title
        head = formatted.split(item["title"])[0]
        assert shown.startswith(head.strip()), (shown, formatted)


@pytest.mark.parametrize("edition", ["", "fa/", "ar/"])
def test_the_shown_reference_isolates_the_papers_own_language(site: Path, corpus,
                                                              edition: str) -> None:
    """The original title and journal keep their own direction inside the English reference
    (without it, "17(2)" after a Persian journal name is drawn on the wrong side)."""
    doc = read_html(site, f"{edition}papers/kazemi-1403/")
    runs = [(b["lang"], b["dir"], b.get_text()) for b in doc.select(".cite__reference bdi[lang]")]
    record = corpus.papers["kazemi-1403"].record
    assert record.journal is not None
    assert runs == [("fa", "rtl", record.title.original), ("fa", "rtl", record.journal.original)]


#: the reference as a reference list in the edition's language writes it, with the edition's
#: `cite_own` line above it: in the paper's own edition, as printed; in the Turkish edition and in
#: the other edition of the paper's script, with the edition's rendering of the title, the
#: Gregorian year and the paper's language. A Persian or Arabic list gives a Turkish paper as the
#: English reference does, and the English edition has the English reference alone
EDITION_REFERENCES = {
    ("kazemi-1403", "fa"): "کاظمی، احسان و صالحی یگانه، مهرداد (۱۴۰۳). «نقش قدرت نرم در اتحاد راهبردی"
                           " ترکیه با جمهوری آذربایجان». مطالعات اوراسیای مرکزی، دورۀ ۱۷، شمارۀ ۲، صص"
                           " ۲۵۱–۲۷۸.",
    ("kazemi-1403", "ar"): "کاظمی، احسان وصالحی یگانه، مهرداد (2025). «نقش قدرت نرم در اتحاد راهبردی"
                           " ترکیه با جمهوری آذربایجان» [دور القوة الناعمة في التحالف الاستراتيجي بين"
                           " تركيا وجمهورية أذربيجان]. مطالعات اوراسیای مرکزی، المجلد 17، العدد 2، ص ص"
                           " 251–278. (باللغة الفارسية)",
    ("kazemi-1403", "tr"): "Kazemi, E. ve Salehi Yeganeh, M. (2025). نقش قدرت نرم در اتحاد راهبردی"
                           " ترکیه با جمهوری آذربایجان [Türkiye'nin Azerbaycan Cumhuriyeti ile"
                           " Stratejik İttifakında Yumuşak Gücün Rolü]. مطالعات اوراسیای مرکزی,"
                           " 17(2), 251–278. (Farsça)",
    ("masoumi-2025", "fa"): "معصومی، سید ابراهیم (۲۰۲۵). «دیپلماسی رسمی و همگرایی جمهوری اسلامی ایران و"
                            " جمهوری آذربایجان». پژوهش‌های روابط بین‌الملل، دورۀ ۱۴، شمارۀ ۴، صص"
                            " ۱۱۳–۱۴۱. https://doi.org/10.22034/irr.2025.477975.2599",
    ("masoumi-2025", "ar"): "معصومی، سید ابراهیم (2025). «دیپلماسی رسمی و همگرایی جمهوری اسلامی ایران و"
                            " جمهوری آذربایجان» [الدبلوماسية الرسمية والتقارب بين الجمهورية الإسلامية"
                            " الإيرانية وجمهورية أذربيجان]. پژوهش‌های روابط بین‌الملل، المجلد 14،"
                            " العدد 4، ص ص 113–141. https://doi.org/10.22034/irr.2025.477975.2599"
                            " (باللغة الفارسية)",
    ("masoumi-2025", "tr"): "Masoumi, S. E. (2025). دیپلماسی رسمی و همگرایی جمهوری اسلامی ایران و"
                            " جمهوری آذربایجان [İran İslam Cumhuriyeti ile Azerbaycan Cumhuriyeti"
                            " Arasında Resmî Diplomasi ve Yakınsama]. پژوهش‌های روابط بین‌الملل,"
                            " 14(4), 113–141. https://doi.org/10.22034/irr.2025.477975.2599"
                            " (Farsça)",
    ("karabakh-war", "ar"): "[الصراع الأذربيجاني الأرميني وحرب 2020 ودور تركيا]. (د.ت.).",
    ("karabakh-war", "fa"): "[مناقشۀ آذربایجان و ارمنستان، جنگ ۲۰۲۰ و نقش ترکیه]. (بی‌تا). (به زبان"
                            " عربی)",
    ("karabakh-war", "tr"): "[Azerbaycan–Ermenistan çatışması, 2020 savaşı ve Türkiye'nin rolü]."
                            " (t.y.). (Arapça)",
    ("kardeslik", "tr"): "Kardeşlikten Stratejik İttifaka: Karabağ Sonrası Güney Kafkasya’da"
                         " Türkiye-Azerbaycan İlişkileri ve Bölgesel Düzen. (t.y.).",
    ("ases-2025", "tr"): "[Selçuklulardan stratejik ortaklığa Azerbaycan–Türkiye ilişkileri]. (2025)."
                         " ASES International Journal of Economy, 3(2).",
}


@pytest.mark.parametrize("key", KEYS)
def test_each_edition_gives_the_reference_as_its_reference_lists_write_it(site: Path,
                                                                        key: str) -> None:
    import yaml

    ui = yaml.safe_load((ROOT / "docs" / "data" / "ui.yml").read_text(encoding="utf-8"))
    for edition in ("en", "tr", "fa", "ar"):
        prefix = "" if edition == "en" else f"{edition}/"
        cite = read_html(site, f"{prefix}papers/{key}/").select_one("#how-to-cite")
        shown = cite.select_one(".cite__own")
        expected = EDITION_REFERENCES.get((key, edition))
        if expected is None:
            assert shown is None, (key, edition)
            continue
        assert shown["lang"] == edition
        assert shown["dir"] == ("rtl" if edition in ("fa", "ar") else "ltr")
        assert " ".join(shown.get_text().split()) == expected, (key, edition)
        # a line does not break inside a page range ("۲۵۱–" / "۲۷۸")
        for shown_reference in (shown, cite.select_one(".cite__reference")):
            ranges = re.findall(r"\d+–\d+", shown_reference.get_text())
            assert [s.get_text() for s in shown_reference.select("span.unbroken")] == ranges
        label = shown.find_previous_sibling("p")
        assert label is not None and label.get_text() == ui[edition]["cite_own"]
        # the English reference the files carry is still there, below it
        assert cite.select_one(".cite__reference")["lang"] == "en"


@pytest.mark.parametrize(("edition", "names"), [("tr", False), ("ar", True)])
def test_a_reference_in_another_language_isolates_what_the_paper_prints(
        site: Path, corpus, edition: str, names: bool) -> None:
    """In a reference in the edition's language, the runs printed in the paper's language keep
    their language (a screen reader reads them in it, the Persian font draws them): the title and
    the journal's name, and the authors' names where the list writes them as printed (Arabic),
    not in Latin letters (Turkish)."""
    doc = read_html(site, f"{edition}/papers/kazemi-1403/")
    runs = [(b["lang"], b["dir"], b.get_text()) for b in doc.select(".cite__own bdi[lang]")]
    record = corpus.papers["kazemi-1403"].record
    assert record.journal is not None
    printed = ["کاظمی، احسان", "صالحی یگانه، مهرداد"] if names else []
    assert runs == [("fa", "rtl", text)
                    for text in (*printed, record.title.original, record.journal.original)]


def test_a_reference_list_is_in_alphabetical_order() -> None:
    """By the Unicode Collation Algorithm: Persian letters in the Persian alphabet's order (پ after
    ب, گ after ک, where code points put them after every Arabic letter), a bracket or quotation
    mark aside, and an opening article ("The", «ال») aside."""
    from cite_own import list_order

    persian = ["گرجی، علی", "«کتاب»", "پاکزاد، رضا", "بهرامی، سارا", "[مناقشۀ ارمنستان]"]
    assert sorted(persian, key=lambda r: list_order(r, "fa")) == [
        "بهرامی، سارا", "پاکزاد، رضا", "«کتاب»", "گرجی، علی", "[مناقشۀ ارمنستان]"]
    english = ["Baker, A.", "[The Azerbaijan–Armenia conflict]", "Ahmadi, &amp; B."]
    assert sorted(english, key=lambda r: list_order(r, "en")) == [
        "Ahmadi, &amp; B.", "[The Azerbaijan–Armenia conflict]", "Baker, A."]
    arabic = ["كاظمي", "[الصراع الأذربيجاني]", "<bdi>صالح</bdi>"]
    assert sorted(arabic, key=lambda r: list_order(r, "ar")) == [
        "<bdi>صالح</bdi>", "[الصراع الأذربيجاني]", "كاظمي"]


def test_a_brace_in_the_language_note_is_shown_as_written(corpus) -> None:
    """`reference_language` is filled in at its word in braces alone: a stray brace a translator
    leaves in it is shown as typed, not a build that stops with a traceback."""
    from cite_own import edition_reference

    ui = {**corpus.ui["tr"], "reference_language": "({language}) {"}
    parts = edition_reference(corpus.papers["kazemi-1403"], "tr", ui, "Başlık")
    assert parts is not None
    assert "".join(text for text, _ in parts).endswith(" [Başlık]. مطالعات اوراسیای مرکزی, 17(2),"
                                                       " 251–278. (Farsça) {")


@pytest.mark.parametrize("key", ["kardeslik", "ases-2025"])
def test_the_turkish_reference_dates_as_citeproc_does_in_turkish(site: Path, key: str) -> None:
    """APA in Turkish (the CSL locale tr-TR): the same year, or the same word for no date."""
    import re as _re

    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON

    item = _csl(site, key)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bib = CitationStylesBibliography(
            CitationStylesStyle(str(CSL / "apa.csl"), locale="tr-TR", validate=False),
            CiteProcJSON([item]), formatter.plain)
        bib.register(Citation([CitationItem(item["id"])]))
        formatted = str(bib.bibliography()[0])
    date = _re.search(r"\(([^()]*)\)\.", formatted)
    assert date is not None, formatted
    assert f"({date.group(1)})." in EDITION_REFERENCES[(key, "tr")]


def test_names_in_the_printed_script() -> None:
    from cite_own import CONVENTIONS, _name

    two_words = Author(name="Mehrdad Salehi Yeganeh", family="Salehi Yeganeh",
                       original="مهرداد صالحی یگانه")
    assert _name(two_words, CONVENTIONS["fa"]) == "صالحی یگانه، مهرداد"
    # where the printed family name has another number of words, the record says which it is
    joined = Author(name="Ali Abdolrahimi", original="علی عبدالرحیمی",
                    family_original="عبدالرحیمی")
    assert _name(joined, CONVENTIONS["fa"]) == "عبدالرحیمی، علی"
    spaced = Author(name="Sara Abdulrahman", original="سارة عبد الرحمن",
                    family_original="عبد الرحمن")
    assert _name(spaced, CONVENTIONS["ar"]) == "عبد الرحمن، سارة"
    assert _name(Author(name="Ahmet Kemal Yılmaz"), CONVENTIONS["tr"]) == "Yılmaz, A. K."
    assert _name(Author(name="Aliyev"), CONVENTIONS["tr"]) == "Aliyev"


@pytest.mark.parametrize("edition", ["en", "tr", "fa", "ar"])
def test_a_solar_hijri_paper_says_why_its_labels_and_reference_differ(site: Path, corpus,
                                                                      edition: str) -> None:
    """Kazemi's excerpts are labelled with the printed year, 1403, and the reference gives 2025:
    "How to cite" says which gives which, in the edition's language and digits. A paper dated in
    the Gregorian calendar has no such line."""
    from calendar_sh import digits
    from languages import edition_prefix

    page = read_html(site, f"{edition_prefix(edition)}papers/kazemi-1403/")
    (line,) = page.select("#how-to-cite .cite__year")
    text = line.get_text()
    assert digits("1403", edition) in text and digits("2025", edition) in text
    assert text == corpus.ui[edition]["cite_year_sh"].replace(
        "{year}", digits("1403", edition)).replace("{gregorian}", digits("2025", edition))
    assert "(2025)" in page.select_one("#how-to-cite .cite__reference").get_text()
    label = page.select_one("cite.excerpt__label").get_text()
    assert digits("1403", edition) in label and digits("2025", edition) not in label
    for key in corpus.papers:
        if key != "kazemi-1403":
            other = read_html(site, f"{edition_prefix(edition)}papers/{key}/")
            assert other.select_one("#how-to-cite") and not other.select(".cite__year"), key
