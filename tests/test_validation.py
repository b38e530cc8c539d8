"""Each content mistake stops the build with the file, the line and the excerpt id."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, mkdocs_build
from content import check_site, load_corpus
from model import ContentError
from render import paragraphs

PAPER = Path("docs/data/papers/sample.yml")
RTL_PAPER = Path("docs/data/papers/nemune.yml")


def problems_of(project: Path) -> list[str]:
    return [str(p) for p in check_site(project / "docs")]


def edit(project: Path, rel: Path, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(project: Path, rel: Path, needle: str) -> int:
    lines = (project / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


def test_fixture_is_valid(project_copy: Path) -> None:
    assert problems_of(project_copy) == []
    corpus = load_corpus(project_copy / "docs")
    assert corpus.known_ids() == {"sample-one", "sample-two", "nemune-one"}


def test_duplicate_id(project_copy: Path) -> None:
    edit(project_copy, PAPER, "- id: sample-two", "- id: sample-one")
    (problem,) = problems_of(project_copy)
    line = line_of(project_copy, PAPER, "- id: sample-one")
    assert "duplicate excerpt id" in problem and "excerpt 'sample-one'" in problem
    assert f"{PAPER.as_posix()}:" in problem and f"first used at {PAPER.as_posix()}:{line}" in problem


def test_link_to_unknown_id_in_a_page(project_copy: Path) -> None:
    edit(project_copy, Path("docs/en/index.md"), "[[sample-one]]", "[[sample-nine]]")
    (problem,) = problems_of(project_copy)
    assert problem.startswith("docs/en/index.md:3:")
    assert "link to unknown excerpt id 'sample-nine'" in problem


def test_embed_of_unknown_id(project_copy: Path) -> None:
    edit(project_copy, Path("docs/en/index.md"), "![[nemune-one]]", "![[nemune-two]]")
    (problem,) = problems_of(project_copy)
    assert problem.startswith("docs/en/index.md:5:") and "embed to unknown excerpt id" in problem


def test_link_to_unknown_id_in_a_note(project_copy: Path) -> None:
    edit(project_copy, PAPER, "See [[sample-one]].", "See [[sample-zero]].")
    (problem,) = problems_of(project_copy)
    assert "excerpt 'sample-two'" in problem and "unknown excerpt id 'sample-zero'" in problem
    assert problem.startswith(f"{PAPER.as_posix()}:")


@pytest.mark.parametrize("field, block", [
    ("original", "    original: |\n      İkinci örnek paragraf da aynı amaçla yazılmıştır; "
                 "birinciye bağlantı verir. Bu cümleler"),
    ("translation", "    translation: |\n      The second sample paragraph is written for the same "
                    "purpose; it links to the first. These sentences"),
])
def test_excerpt_without_text(project_copy: Path, field: str, block: str) -> None:
    text = (project_copy / PAPER).read_text(encoding="utf-8")
    start = text.index(block)
    end = text.index("\n", start + len(block)) + 1  # the rest of the paragraph's line
    (project_copy / PAPER).write_text(text[:start] + f"    {field}: ''\n" + text[end:],
                                      encoding="utf-8")
    (problem,) = problems_of(project_copy)
    what = "original text" if field == "original" else "English translation"
    assert f"the excerpt has no {what}" in problem and "excerpt 'sample-two'" in problem
    assert problem.startswith(f"{PAPER.as_posix()}:{line_of(project_copy, PAPER, f'{field}: ' + chr(39))}:")


@pytest.mark.parametrize("snippet, what", [
    ("see [[sample-one]]", "a cross-reference in the translation, «[[sample-one]]»"),
    ("see [the first](../one/)", "a link in the translation, «[the first](../one/)»"),
    ("a **short** sample", "bold in the translation, «**short**»"),
    ("a _short_ sample", "underscores for italics in the translation, «_short_»"),
    ("a `short` sample", "code in the translation, «`short`»"),
    ("a <b>short</b> sample", "an HTML tag in the translation, «<b>» «</b>»"),
])
def test_markup_a_translation_would_show_as_typed_is_named_at_its_line(
        project_copy: Path, snippet: str, what: str) -> None:
    edit(project_copy, PAPER, "a short sample text", snippet)
    (problem,) = problems_of(project_copy)
    assert problem.startswith(f"{PAPER.as_posix()}:{line_of(project_copy, PAPER, snippet)}:")
    assert f"{what}, would be shown as typed" in problem and "excerpt 'sample-one'" in problem


def test_a_translation_may_set_a_title_in_italics_and_its_own_words_in_brackets(
        project_copy: Path) -> None:
    edit(project_copy, PAPER, "a short sample text", "a short [sample] text in *Sample*, 2 < 3")
    assert problems_of(project_copy) == []


@pytest.mark.parametrize("old, new, row", [
    ("a short sample text", "a *short sample text", "a *short"),  # the italics left open
    ("a short sample text", "a *short*s sample text", "a *short*s"),  # a letter after: no italics
    ("one by one.", "one by one.*", "one by one.*"),  # on the translation's second row
])
def test_a_star_that_sets_no_italics_is_named_at_its_line(
        project_copy: Path, old: str, new: str, row: str) -> None:
    edit(project_copy, PAPER, old, new)
    (problem,) = problems_of(project_copy)
    assert problem.startswith(f"{PAPER.as_posix()}:{line_of(project_copy, PAPER, row)}:")
    assert "a `*` in the translation sets no italics and would be shown as typed" in problem
    assert "excerpt 'sample-one'" in problem


def test_italics_may_run_on_to_the_next_line_of_a_translation(project_copy: Path) -> None:
    """The paragraph's rows are joined before `*…*` is set in italics, as the page joins them."""
    edit(project_copy, PAPER, "in Turkish\n      letters only.", "in *Turkish\n      letters* only.")
    assert problems_of(project_copy) == []
    excerpt = load_corpus(project_copy / "docs").excerpts["sample-one"]
    assert "in <em>Turkish letters</em> only." in paragraphs(excerpt.translation, emphasis=True)


def test_an_excerpt_listed_before_an_earlier_sections_is_named(project_copy: Path) -> None:
    """The excerpts follow the paper: sample-two, of the last section, listed first would have
    taken ¶1, and sample-one, of the first, ¶2."""
    text = (project_copy / PAPER).read_text(encoding="utf-8")
    one, two = text.index("  - id: sample-one"), text.index("  - id: sample-two")
    (project_copy / PAPER).write_text(text[:one] + text[two:] + text[one:two], encoding="utf-8")
    (problem,) = problems_of(project_copy)
    assert problem.startswith(f"{PAPER.as_posix()}:{line_of(project_copy, PAPER, 'id: sample-one')}:")
    assert "excerpt 'sample-one'" in problem and "section, 'intro', comes before the section of " \
        "'sample-two', 'end'" in problem and "numbered ¶2" in problem


def test_pages_that_go_back_are_named_once_where_they_do(project_copy: Path) -> None:
    edit(project_copy, PAPER, "    page: 3\n", "    page: 9\n")
    edit(project_copy, PAPER, "    section: end\n", "    section: end\n    page: 5\n")
    (problem,) = problems_of(project_copy)
    assert problem.startswith(f"{PAPER.as_posix()}:{line_of(project_copy, PAPER, 'id: sample-two')}:")
    assert "the pages go back here: p. 5, listed after 'sample-one' on p. 9" in problem
    edit(project_copy, PAPER, "    page: 5\n", "    page: 9\n")  # the same page is in order
    assert problems_of(project_copy) == []


def test_unknown_language_code(project_copy: Path) -> None:
    edit(project_copy, PAPER, "lang: tr", "lang: tk")
    problem = problems_of(project_copy)[0]  # pages naming the unread paper are reported after it
    assert problem.startswith(f"{PAPER.as_posix()}:3:") and "unknown language code 'tk'" in problem


def test_script_does_not_match_language(project_copy: Path) -> None:
    edit(project_copy, RTL_PAPER, "این بند نمونه‌ای کوتاه برای آزمون‌هاست و به پژوهشی ارجاع می‌دهد",
         "This paragraph is written in English although the paper is declared Persian and")
    path = project_copy / RTL_PAPER
    lines = path.read_text(encoding="utf-8").split("\n")
    lines = ["      so the check of its script should fail: nothing else about this excerpt is wrong, "
             "and it is long enough to count as one, with many more English words than Persian."
             if line.startswith("      در متن لاتین آمده است.") else line for line in lines]
    path.write_text("\n".join(lines), encoding="utf-8")
    (problem,) = problems_of(project_copy)
    assert "excerpt 'nemune-one'" in problem and "declared as 'fa'" in problem
    assert f":{line_of(project_copy, RTL_PAPER, 'original: |')}:" in problem


@pytest.mark.parametrize("char", ["\u202b", "\u202e", "\u2067", "\u2069"])
def test_bidi_control_characters(project_copy: Path, char: str) -> None:
    edit(project_copy, RTL_PAPER, "(Davutoglu, 2016: 129) که", f"{char}(Davutoglu, 2016: 129) که")
    (problem,) = problems_of(project_copy)
    assert f"U+{ord(char):04X}" in problem
    assert problem.startswith(f"{RTL_PAPER.as_posix()}:{line_of(project_copy, RTL_PAPER, char)}:")


@pytest.mark.parametrize("snippet, what", [
    ("<script>alert(1)</script>", "<script>"),
    ('<iframe src="https://example.org"></iframe>', "<iframe>"),
    ('<img src="x.png" onerror="alert(1)">', "event handler"),
    ("[click](javascript:alert(1))", "javascript: URL"),
])
def test_unsafe_html_in_a_note(project_copy: Path, snippet: str, what: str) -> None:
    edit(project_copy, PAPER, "See [[sample-one]].", f"See [[sample-one]]. {snippet}")
    (problem,) = [p for p in problems_of(project_copy) if what in p and "content contains" in p]
    assert problem.startswith(f"{PAPER.as_posix()}:{line_of(project_copy, PAPER, snippet)}:")


@pytest.mark.parametrize("snippet, what", [
    ("<script src='x.js'></script>", "<script>"),
    ("<iframe src='https://example.org'></iframe>", "<iframe>"),
    ('<a href="#" onclick="steal()">x</a>', "event handler"),
    ('<a href="javascript:void(0)">x</a>', "javascript: URL"),
])
def test_unsafe_html_in_a_page(project_copy: Path, snippet: str, what: str) -> None:
    edit(project_copy, Path("docs/en/index.md"), "# Fixture home", f"# Fixture home\n\n{snippet}")
    (problem,) = [p for p in problems_of(project_copy) if what in p and "content contains" in p]
    assert problem.startswith("docs/en/index.md:3:")


def test_unknown_section(project_copy: Path) -> None:
    edit(project_copy, PAPER, "section: end", "section: ending")
    (problem,) = problems_of(project_copy)
    assert "unknown section 'ending'" in problem and "intro" in problem


def test_section_heading_missing_in_an_edition(project_copy: Path) -> None:
    edit(project_copy, PAPER, ", fa: نتیجه, ar: خاتمة}", ", ar: خاتمة}")
    (problem,) = problems_of(project_copy)
    line = line_of(project_copy, PAPER, "original: Sonuç")
    assert problem.startswith(f"{PAPER.as_posix()}:{line}:")
    assert "section 'end' has no heading in Persian" in problem and "`fa: " in problem


def test_record_field_misspelt_or_malformed(project_copy: Path) -> None:
    edit(project_copy, PAPER, "  doi: null\n", "  DOI: null\n")
    edit(project_copy, PAPER, "  issn: null", "  issn: 12345678")
    problems = problems_of(project_copy)
    assert len(problems) == 3, problems
    misspelt, missing, issn = sorted(problems, key=lambda p: ("DOI" not in p, "issn" in p))
    assert misspelt.startswith(f"{PAPER.as_posix()}:{line_of(project_copy, PAPER, 'DOI:')}:")
    assert "`record.DOI`" in misspelt and "check its spelling" in misspelt
    assert "`record.doi`: the record has no such field" in missing and "`null`" in missing
    assert issn.startswith(f"{PAPER.as_posix()}:{line_of(project_copy, PAPER, 'issn:')}:")


@pytest.mark.parametrize("doi, accepted", [
    ('"10.1000/x_y%z<1>;(2)"', True),
    ('"10.1000/a{b}"', False),
    ('"https://doi.org/10.1000/ab"', False),
    ('"10.1000/a b"', False),
])
def test_record_doi_as_printed(project_copy: Path, doi: str, accepted: bool) -> None:
    """A DOI is written as the paper prints it; a brace or backslash, which the citation files
    cannot carry, is refused at its line."""
    edit(project_copy, PAPER, "  doi: null", f"  doi: {doi}")
    problems = problems_of(project_copy)
    if accepted:
        assert not problems
        return
    (found,) = problems
    assert found.startswith(f"{PAPER.as_posix()}:{line_of(project_copy, PAPER, '  doi:')}:")
    assert "`record.doi`: not a DOI as the paper prints it" in found and "10.22034/" in found


@pytest.mark.parametrize("date, problem", [
    ('"December 2025"', "not a Gregorian date in numbers"),
    ("{en: December 2025, tr: Aralık 2025}", "missing in fa, ar"),
    ('"2025-12"', None),
    ("{en: Autumn 2024, tr: Güz 2024, fa: پاییز ۲۰۲۴, ar: خريف 2024}", None),
])
def test_record_date_in_numbers_or_in_every_edition(project_copy: Path, date: str,
                                                    problem: str | None) -> None:
    """A date in words would be shown in one language in all four editions: the site writes a
    Gregorian date given in numbers in each edition's words; a date in words is given in all."""
    edit(project_copy, PAPER, "  date: null", f"  date: {date}")
    problems = problems_of(project_copy)
    if problem is None:
        assert not problems
        return
    (found,) = problems
    assert found.startswith(f"{PAPER.as_posix()}:{line_of(project_copy, PAPER, '  date:')}:")
    assert "`record.date`" in found and problem in found


def test_record_note_in_every_edition(project_copy: Path) -> None:
    edit(project_copy, PAPER, "fa: یک یادداشت., ", "")
    (problem,) = problems_of(project_copy)
    assert "`record.note`: the note is missing in fa" in problem


def test_yaml_syntax_error_names_the_line(project_copy: Path) -> None:
    edit(project_copy, PAPER, "    page: 3", "    page: [3")
    problem = problems_of(project_copy)[0]
    assert problem.startswith(f"{PAPER.as_posix()}:") and "YAML syntax error" in problem


def test_every_problem_is_reported_at_once(project_copy: Path) -> None:
    edit(project_copy, PAPER, "- id: sample-two", "- id: sample-one")
    edit(project_copy, Path("docs/en/index.md"), "[[sample-one]]", "[[nowhere]]")
    assert len(problems_of(project_copy)) == 2


def test_load_corpus_raises_with_all_problems(project_copy: Path) -> None:
    edit(project_copy, PAPER, "- id: sample-two", "- id: sample-one")
    with pytest.raises(ContentError) as err:
        load_corpus(project_copy / "docs")
    assert "How to fix" in str(err.value)


def test_the_build_fails_on_a_bad_link(project_copy: Path, tmp_path: Path) -> None:
    good = mkdocs_build(project_copy, tmp_path / "good")
    assert good.returncode == 0, good.stderr
    edit(project_copy, Path("docs/en/index.md"), "[[sample-one]]", "[[sample-nine]]")
    bad = mkdocs_build(project_copy, tmp_path / "bad")
    assert bad.returncode != 0
    assert "docs/en/index.md:3:" in bad.stderr and "sample-nine" in bad.stderr


def test_a_cross_reference_is_not_taken_for_a_broken_markdown_link(project_copy: Path,
                                                                   tmp_path: Path) -> None:
    """`[[id]]` gives the excerpt's address in the reader's edition; MkDocs' check of links to
    Markdown files does not log it as "an unrecognized relative link" on every build (once for
    each cross-reference: 68 lines on the site), which would hide the messages that matter."""
    good = mkdocs_build(project_copy, tmp_path / "good")
    assert good.returncode == 0, good.stderr
    assert 'href="papers/sample/#sample-one"' in (tmp_path / "good" / "index.html").read_text(
        encoding="utf-8")
    assert "unrecognized relative link" not in good.stdout + good.stderr


def test_a_page_that_asks_for_what_the_data_lacks_stops_the_build_with_a_message(
        project_copy: Path, tmp_path: Path) -> None:
    """A page drawing a map the maps' file does not define (the file deleted, say) stopped the
    build with a KeyError's traceback; the page and the fix are named now."""
    assert not (project_copy / "docs" / "data" / "maps.yml").exists()
    edit(project_copy, Path("docs/en/index.md"), "[[sample-one]]", "[[sample-one]]\n\n::: map-caucasus\n")
    bad = mkdocs_build(project_copy, tmp_path / "bad")
    assert bad.returncode != 0
    assert "docs/en/index.md: `::: map-caucasus` draws a map that docs/data/maps.yml does not " \
        "define" in bad.stderr
    assert "Traceback" not in bad.stdout + bad.stderr


def test_a_front_matter_too_deep_to_read_stops_the_build_with_its_line(
        project_copy: Path, tmp_path: Path) -> None:
    """MkDocs reads a page's front matter before any hook sees the page, and nesting 100,000
    lists deep crashed its YAML parser (a segmentation fault, no message): the pages are checked
    first now, and the build names the line."""
    page = Path("docs/en/papers/sample.md")
    edit(project_copy, page, "paper: sample", "paper: sample\nx: " + "[" * 100000 + "]" * 100000)
    bad = mkdocs_build(project_copy, tmp_path / "bad")
    assert bad.returncode == 1, bad.returncode
    assert f"{page.as_posix()}:3: the front matter between the `---` lines is not YAML (lists " \
        "and mappings nest more than 32 deep)" in bad.stderr, bad.stderr[-2000:]
    assert "Traceback" not in bad.stdout + bad.stderr


def test_a_front_matter_key_the_site_does_not_take_stops_the_build_with_its_line(
        project_copy: Path, tmp_path: Path) -> None:
    """MkDocs and the theme take any key: `papr: sample` built the paper's page without its
    record and excerpts, and an icon the theme lacks stopped the build with a traceback."""
    page = Path("docs/en/papers/sample.md")
    edit(project_copy, page, "paper: sample", "papr: sample\nicon: material/no-such")
    bad = mkdocs_build(project_copy, tmp_path / "bad")
    assert bad.returncode == 1, bad.returncode
    for line, message in ((1, "the page of the paper 'sample' does not say `paper: sample`"),
                          (2, "the front matter has a key `papr` the site does not know"),
                          (3, "the theme has no icon 'material/no-such'")):
        assert f"{page.as_posix()}:{line}: {message}" in bad.stderr, bad.stderr[-2000:]
    assert "Traceback" not in bad.stdout + bad.stderr


def test_an_excerpt_with_the_id_of_a_heading_on_its_page_stops_the_build(
        project_copy: Path, tmp_path: Path) -> None:
    """An excerpt renamed `summary` gave its paper's page two elements with that id (the heading
    "Summary" has it too), and the citation link #summary led to the heading. `make check` and
    the build name the heading's line."""
    edit(project_copy, PAPER, "- id: sample-one\n", "- id: summary\n    aliases: [sample-one]\n")
    (problem,) = problems_of(project_copy)
    expected = "docs/en/papers/sample.md:6: this heading's id, 'summary', is also an excerpt's id"
    assert problem.startswith(expected)
    bad = mkdocs_build(project_copy, tmp_path / "bad")
    assert bad.returncode != 0 and expected in bad.stderr
    assert "Traceback" not in bad.stdout + bad.stderr


def test_any_other_id_two_elements_of_a_page_share_stops_the_build(
        project_copy: Path, tmp_path: Path) -> None:
    """Where the two come from elsewhere than a heading (here a paragraph given an excerpt's id
    with an attribute list), the build finds them in the finished page."""
    edit(project_copy, Path("docs/en/papers/sample.md"), "A summary.", "A summary.\n{: #sample-one }")
    assert problems_of(project_copy) == []
    bad = mkdocs_build(project_copy, tmp_path / "bad")
    assert bad.returncode != 0
    assert "docs/en/papers/sample.md: two elements of the page have the id 'sample-one'" \
        in bad.stderr
    assert "Traceback" not in bad.stdout + bad.stderr


def test_the_build_fails_on_a_duplicate_id(project_copy: Path, tmp_path: Path) -> None:
    edit(project_copy, PAPER, "- id: sample-two", "- id: sample-one")
    bad = mkdocs_build(project_copy, tmp_path / "bad")
    assert bad.returncode != 0
    assert "duplicate excerpt id" in bad.stderr and "sample-one" in bad.stderr


def test_a_link_to_a_missing_anchor_stops_the_build(project_copy: Path, tmp_path: Path) -> None:
    """A page's links to anchors, on the page and on another: the excerpts the pipeline adds to
    a page count as its anchors, and a link to none stops the build with the file and line that
    write it and the anchors closest to the one it names (MkDocs' own check, `validation:
    anchors: warn` in strict mode, names the page only)."""
    page = Path("docs/en/papers/sample.md")
    edit(project_copy, page, "A summary.", "A summary; see [the first excerpt](#sample-one)\n"
         "and [the index](../index.md#nemune-one).")
    good = mkdocs_build(project_copy, tmp_path / "good")
    assert good.returncode == 0, good.stderr
    line = next(n for n, text in enumerate(
        (project_copy / page).read_text(encoding="utf-8").split("\n"), start=1) if "(#sample" in text)
    edit(project_copy, page, "(#sample-one)", "(#sample-nine)")
    edit(project_copy, page, "#nemune-one)", "#nemune-on)")
    bad = mkdocs_build(project_copy, tmp_path / "bad")
    assert bad.returncode != 0
    assert "Traceback" not in bad.stderr
    assert f"docs/en/papers/sample.md:{line}: the link '#sample-nine' leads to no anchor: this " \
        "page has no '#sample-nine'" in bad.stderr, bad.stderr
    assert "the closest: #sample-one" in bad.stderr
    assert f"docs/en/papers/sample.md:{line + 1}: the link '../index.md#nemune-on' leads to no " \
        "anchor: 'en/index.md' has no '#nemune-on'" in bad.stderr, bad.stderr
    assert "the closest: #nemune-one" in bad.stderr


def test_an_interface_string_not_yet_translated_is_a_warning_with_its_line(tmp_path: Path) -> None:
    """A string added under `en:` and not yet under another edition: `make check` names the file,
    the English line and the edition, as a warning (the site shows the English meanwhile)."""
    from content import load_ui, ui_translation_warnings

    ui = tmp_path / "docs" / "data" / "ui.yml"
    ui.parent.mkdir(parents=True)
    ui.write_text('en:\n  search: "Search"\n  packet_sources: "The papers"\n'
                  'tr:\n  search: "Ara"\n  packet_sources: "Makaleler"\n'
                  'fa:\n  search: "جست‌وجو"\n'
                  'ar:\n  search: "بحث"\n  packet_sources: "الأوراق"\n', encoding="utf-8")
    warnings = ui_translation_warnings(ui, tmp_path)
    assert [str(w).splitlines()[0] for w in warnings] == [
        "docs/data/ui.yml:3: warning: the interface string 'packet_sources' has no Persian text yet"]
    assert warnings[0].warning and "under `fa:`" in str(warnings[0])
    assert load_ui(ui)["fa"]["packet_sources"] == "The papers"  # English meanwhile


def test_a_translation_keeps_the_words_in_braces_of_its_english_string(tmp_path: Path) -> None:
    """`{n}` in "{n} results" is where the site puts the number: a translation that drops it,
    renames it or writes it twice is an error naming the file, the line and the key."""
    from content import ui_problems

    ui = tmp_path / "docs" / "data" / "ui.yml"
    ui.parent.mkdir(parents=True)
    ui.write_text('en:\n  search_results: "{n} results"\n  made_with: "Made with {theme}"\n'
                  'tr:\n  search_results: "{n} sonuç"\n  made_with: "{tema} ile yapıldı"\n'
                  'fa:\n  search_results: "نتیجه"\n'
                  'ar:\n  search_results: "{n} نتيجة من {n}"\n  made_with: "أُنشئ باستخدام {theme}"\n',
                  encoding="utf-8")
    found = [str(p).splitlines()[0] for p in ui_problems(ui, tmp_path)]
    assert found == [
        "docs/data/ui.yml:6: the string 'made_with' has {tema} where the English one has {theme}",
        "docs/data/ui.yml:8: the string 'search_results' has no word in braces where the English "
        "one has {n}",
        "docs/data/ui.yml:10: the string 'search_results' has {n}, {n} where the English one has "
        "{n}"], found
    assert "keep each word in braces" in str(ui_problems(ui, tmp_path)[0])
    ui.write_text(ui.read_text(encoding="utf-8").replace("{tema}", "{theme}")
                  .replace('"نتیجه"', '"{n} نتیجه"').replace(" من {n}", ""), encoding="utf-8")
    assert ui_problems(ui, tmp_path) == []


def test_a_bullet_that_begins_with_a_number_is_refused_with_its_line(corpus) -> None:
    """"- 1. Introduction" is a numbered list inside a bullet in Markdown (the number is lost and
    the lines under it numbered again), in Persian or Arabic digits too: the page check names
    the line and the escape that keeps the number; an escaped number, a numbered list and a
    number further in the line pass."""
    from pages import check_markdown

    text = ("# Contents\n\n- 1. Introduction\n    - 1.1 Framework\n- ۲. راهبرد\n"
            "- 3\\. Kept as written\n\n1. A numbered list\n- Chapter 4. Fine\n")
    found = [str(p).splitlines() for p in check_markdown("docs/en/x.md", text, corpus)]
    assert [lines[0].split(": this bullet begins with ")[0] for lines in found] == [
        "docs/en/x.md:3", "docs/en/x.md:5"], found
    assert "'۲.'" in found[1][0] and "`- ۲\\. ...`" in found[1][1]


ENGLISH_PAGE = """---
packet: true
title: Soft power
terms: [soft-power, identity]
---
# Soft power

## Introduction

As [[kazemi-abstract]] says, and [[kazemi-shusha]] shows.

::: reader-view

![[kazemi-abstract]]

## Questions { #questions }

```yaml
# a comment in code, not a heading
```
"""


def _translation(tmp_path: Path, text: str) -> list[str]:
    from page_structure import structure_warnings

    docs = tmp_path / "docs"
    for edition, page in (("en", ENGLISH_PAGE), ("fa", text)):
        (docs / edition / "packets").mkdir(parents=True, exist_ok=True)
        (docs / edition / "packets" / "p.md").write_text(page, encoding="utf-8")
    found = structure_warnings(docs)
    assert all(w.warning and "docs/en/packets/p.md is the English page" in w.message
               for w in found)
    return [str(w).splitlines()[0].split(" (docs/en/")[0] for w in found]


def test_a_translation_that_keeps_the_structure_passes(tmp_path: Path) -> None:
    """Words, the title, code and the place of a reference in its sentence are the translator's."""
    page = (ENGLISH_PAGE.replace("title: Soft power", "title: قدرت نرم")
            .replace("# Soft power", "# قدرت نرم").replace("Introduction", "درآمد")
            .replace("As [[kazemi-abstract]] says, and [[kazemi-shusha]] shows.",
                     "چنان‌که [[kazemi-shusha]] نشان می‌دهد و [[kazemi-abstract]] می‌گوید.")
            .replace("# a comment in code", "# توضیحی در کد")
            .replace("title: قدرت نرم", "title: قدرت نرم\ndescription: بسته‌ای دربارهٔ قدرت نرم"))
    assert _translation(tmp_path, page) == []


def test_a_section_far_shorter_than_the_english_one_is_named_at_its_heading(
        tmp_path: Path) -> None:
    """An abridged translation (a summary with half of the English one's sentences) is named at
    its section's heading; one as long as its language writes the English is not. Persian writes
    about 0.85 of the English's letters (`languages.Language.letters_per_english`)."""
    sentence = "The paper traces the alliance from 1918 to the Shusha Declaration of 2021. "
    persian = "مقاله اتحاد را از ۱۹۱۸ تا اعلامیۀ شوشا در ۲۰۲۱ پی می‌گیرد و شواهد آن را می‌آورد. "
    english = ENGLISH_PAGE.replace("As [[kazemi-abstract]] says", sentence * 8 + "As [[kazemi-abstract]] says")
    whole = english.replace(sentence * 8, persian * 8)
    half = english.replace(sentence * 8, persian * 3)

    def warnings(page: str) -> list[str]:
        from page_structure import structure_warnings

        docs = tmp_path / "docs"
        for edition, text in (("en", english), ("fa", page)):
            (docs / edition / "packets").mkdir(parents=True, exist_ok=True)
            (docs / edition / "packets" / "p.md").write_text(text, encoding="utf-8")
        return [str(w).splitlines()[0] for w in structure_warnings(docs)]

    assert warnings(whole) == []
    found = warnings(half)
    assert len(found) == 1 and found[0].startswith("docs/fa/packets/p.md:8: warning: the section "
                                                   "under this heading has about "), found
    assert "in Persian: a part of it may not be translated yet" in found[0]


def test_a_front_matter_key_the_english_page_lacks_is_to_be_removed_not_copied(
        tmp_path: Path) -> None:
    """A key only the translation has: the fix is to remove it (copying it "from the English
    page" is impossible); a value that differs is copied from there."""
    from page_structure import structure_warnings

    _translation(tmp_path, ENGLISH_PAGE.replace("packet: true", "packet: true\nicon: material/map")
                 .replace("[soft-power, identity]", "[soft-power]"))
    fixes = [w.fix for w in structure_warnings(tmp_path / "docs")]
    assert fixes == ["remove `icon:`, which the English page does not have",
                     "copy `terms:` from the English page (only the title and the description are "
                     "translated)"]


@pytest.mark.parametrize("old, new, warning", [
    ("## Questions { #questions }\n", "### Questions { #questions }\n",
     "docs/fa/packets/p.md:16: warning: the headings differ from the English page's from heading "
     "3 on: here # ## ###, in English # ## ##"),
    # an anchor other editions link to: dropped, or translated
    ("## Questions { #questions }\n", "## Questions\n", "docs/fa/packets/p.md:16: warning: this "
     "heading's anchor is missing; the English page's heading here has `{ #questions }`"),
    ("{ #questions }", "{#پرسش‌ها}", "docs/fa/packets/p.md:16: warning: this heading's anchor "
     "is #پرسش‌ها; the English page's heading here has `{ #questions }`"),
    # an anchor of the translation's own, which links in the other editions cannot reach
    ("## Introduction\n", "## Introduction { #intro }\n", "docs/fa/packets/p.md:8: warning: this "
     "heading's anchor is #intro; the English page's heading here has none"),
    ("## Introduction\n", "", "docs/fa/packets/p.md:15: warning: the headings differ from the "
     "English page's from heading 3 on: here # ##, in English # ## ##"),
    ("![[kazemi-abstract]]\n", "", "docs/fa/packets/p.md:12: warning: the blocks and embedded "
     "excerpts differ from the English page's: here nothing, in English ![[kazemi-abstract]] "
     "(item 2)"),
    ("::: reader-view\n\n![[kazemi-abstract]]", "![[kazemi-abstract]]\n\n::: reader-view",
     "docs/fa/packets/p.md:12: warning: the blocks and embedded excerpts differ from the English "
     "page's: here ![[kazemi-abstract]], in English ::: reader-view (item 1)"),
    (", and [[kazemi-shusha]] shows", "", "docs/fa/packets/p.md:8: warning: the page does not "
     "refer to [[kazemi-shusha]], which the English page cites (on its line 10, in the section of "
     "this line)"),
    ("says,", "says ([[masoumi-abstract]]),", "docs/fa/packets/p.md:10: warning: the page refers "
     "to [[masoumi-abstract]], which the English page does not"),
    ("terms: [soft-power, identity]", "terms: [soft-power]", "docs/fa/packets/p.md:1: warning: "
     "the front matter's `terms` differs from the English page's"),
])
def test_a_translation_that_loses_the_structure_is_warned_with_its_line(
        tmp_path: Path, old: str, new: str, warning: str) -> None:
    """A heading, a block, an embedded or cited excerpt or a front-matter value that the
    translation drops, moves or adds: `make check` names the translated file and the line."""
    assert old in ENGLISH_PAGE
    assert _translation(tmp_path, ENGLISH_PAGE.replace(old, new)) == [warning]


def test_every_translated_page_keeps_its_english_pages_structure(corpus) -> None:
    """The shipped editions: no page differs from its English page in headings, anchors, blocks,
    excerpts or front matter (the Persian, Turkish and Arabic pages of one paper each gave its
    table of contents an anchor of their own, so a link to #contents led nowhere there), and no
    section is far shorter than the English one, but on a paper's page in its own language,
    whose summary is shorter by design (300–600 words; `test_papers.test_summary_lengths`)."""
    from page_structure import structure_warnings

    own = {f"{p.lang}/papers/{p.key}.md" for p in corpus.papers.values()}
    assert [str(w).splitlines()[0] for w in structure_warnings(ROOT / "docs", own)] == []
    # the length rule is what sets those pages apart
    assert {w.file for w in structure_warnings(ROOT / "docs")} <= {f"docs/{o}" for o in own}


def test_the_english_contributing_page_is_compared_as_it_includes_contributing_md(
        tmp_path: Path) -> None:
    from page_structure import structure_warnings

    docs = tmp_path / "docs"
    (tmp_path / "CONTRIBUTING.md").write_text("# Contributing\n\n## Pages\n", encoding="utf-8")
    for edition, page in (("en", '--8<-- "CONTRIBUTING.md"\n'),
                          ("tr", "---\n# a YAML comment\nallow_variants: [Shusha]\n---\n"
                                 "# Katkıda bulunmak\n\n## Sayfalar\n"),
                          ("ar", "# المساهمة\n")):
        (docs / edition).mkdir(parents=True)
        (docs / edition / "contributing.md").write_text(page, encoding="utf-8")
    assert [str(w).splitlines()[0].split(" (docs/")[0] for w in structure_warnings(docs)] == [
        "docs/ar/contributing.md:1: warning: the headings differ from the English page's from "
        "heading 2 on: here #, in English # ##"]


def test_a_paragraph_in_latin_letters_in_a_right_to_left_page_must_say_its_language(
        corpus) -> None:
    """An English quotation pasted into a Persian or Arabic page is laid out right to left, its
    phrases reordered around each link: the page check names its first line and the two fixes; a
    marked quotation, a lone citation, a table row and the same text in a Turkish page pass."""
    from pages import check_markdown

    text = ("---\ntitle: x\n---\n# عنوان\n\nمتن.\n\n"
            "> On October 20, 2022, the [[kazemi-ots]] Turkic Council met\n> in Bursa.\n\n"
            '> On October 20, 2022, the Turkic Council met.\n> {: lang="en" dir="ltr" }\n\n'
            "(Nye, 1990: 153)\n\n| Turkic Council | member states of it |\n")
    for rel in ("docs/fa/x.md", "docs/ar/x.md"):
        found = [str(p).splitlines() for p in check_markdown(rel, text, corpus)]
        assert [lines[0].split(": this")[0] for lines in found] == [f"{rel}:8"], found
        assert '{: lang="en" dir="ltr" }' in found[0][1]
    assert check_markdown("docs/tr/x.md", text, corpus) == []


def test_an_abbreviations_or_a_links_definition_is_not_a_latin_paragraph(corpus) -> None:
    """`*[NATO]: North Atlantic Treaty Organization` is shown as a tooltip, not laid out as a
    paragraph: a Persian page may define it in English. A footnote is a paragraph."""
    from pages import check_markdown

    text = ("# عنوان\n\nسازمان NATO و [سند][doc].\n\n"
            "*[NATO]: North Atlantic Treaty Organization of the member states\n\n"
            '[doc]: ../guide.md "The reading guide of this whole site here"\n\n'
            "[^1]: A footnote written in English words only here.\n")
    found = [p.line for p in check_markdown("docs/fa/x.md", text, corpus)]
    assert found == [9], found


def test_an_admonition_needs_a_title_of_its_own_outside_the_english_edition(corpus) -> None:
    """`!!! note` is headed "Note" by the theme: in English that is its title; in another
    edition each admonition or collapsible block names its own, or has none (`""`)."""
    from pages import check_markdown

    text = ('# X\n\n!!! note\n    A.\n\n??? tip "İpucu"\n    B.\n\n???+ warning inline end\n'
            '    C.\n\n!!! danger ""\n    D.\n\n```\n!!! note\n```\n')
    assert check_markdown("docs/en/x.md", text, corpus) == []
    found = [(p.line, p.fix) for p in check_markdown("docs/tr/x.md", text, corpus)]
    assert found == [(3, 'give it a title in Turkish: `!!! note "…"` (or `""` for none)'),
                     (9, 'give it a title in Turkish: `???+ warning "…"` (or `""` for none)')]


def test_an_attribute_list_may_set_what_the_site_publishes(corpus) -> None:
    """An id, classes, `lang`, `dir`, `title`, `data-` attributes and an image's size pass; the
    check reads attribute lists only (a placeholder such as `{n}` is text)."""
    from pages import check_markdown

    text = ('# X\n\n## Part { #part }\n\nA quotation.\n{: .quote lang="en" dir="ltr" '
            'title="x" data-note=1 }\n\n![A map](x.png){ width=300 height="200" loading=lazy }\n\n'
            "Shown as {n} results, {a: b}.\n")
    assert [p.message for p in check_markdown("docs/en/x.md", text, corpus)] == []


def test_a_page_not_yet_translated_is_a_warning(tmp_path: Path) -> None:
    """An English page an edition lacks: `make check` names it and the file to write, as a
    warning (the edition shows the English page, marked as such, meanwhile)."""
    from pages import page_translation_warnings

    docs = tmp_path / "docs"
    for rel in ("en/guide.md", "en/packets/new.md", "tr/guide.md", "tr/packets/new.md",
                "fa/guide.md", "ar/packets/new.md"):
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text("# Page\n", encoding="utf-8")
    found = [str(w).splitlines() for w in page_translation_warnings(docs)]
    assert [lines[0] for lines in found] == [
        "docs/en/packets/new.md:1: warning: this page has no Persian translation yet",
        "docs/en/guide.md:1: warning: this page has no Arabic translation yet"]
    assert "docs/fa/packets/new.md" in found[0][1]


#: interface strings the code names by a prefix and a value it reads elsewhere: `lang_<code>`
#: (the language table), `kind_<kind>` (entities), `note_<type>` (notes), `view_<view>` (the view
#: switch), `map_<name>` (maps.yml's frames and labels)
_NAMED_BY_PREFIX = ("lang_", "kind_", "note_", "view_", "map_")


def test_every_interface_string_is_used() -> None:
    """A string of `ui.yml` that nothing shows is a string translators keep up for nothing: each
    is named by the hooks, the templates or the scripts, or belongs to a family they name by a
    prefix."""
    import re

    import yaml

    ui = yaml.safe_load((ROOT / "docs" / "data" / "ui.yml").read_text(encoding="utf-8"))
    code = "\n".join(path.read_text(encoding="utf-8") for folder, pattern in (
        ("hooks", "*.py"), ("overrides", "**/*.html"), ("docs/assets/js", "*.js"))
        for path in sorted((ROOT / folder).glob(pattern)))
    named = set(re.findall(r"\w+", code))
    unused = [key for key in ui["en"] if key not in named and not key.startswith(_NAMED_BY_PREFIX)]
    assert not unused, f"interface strings nothing shows: {unused}"
