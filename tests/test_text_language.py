"""A text in another of the site's languages than the one it stands for (`text_language`): which
language a text reads as, and what `make check` names in data files and pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from text_language import data_slips, page_slips, slip, written_in
from yaml_lines import (
    _LineLoader,  # the loader `load_yaml` reads data files with
    checked_yaml,
    load_yaml,
)

ROOT = Path(__file__).resolve().parents[1]

EN = ("The editors read the paper with the sources of the war and with the record of the two "
      "governments.")
TR = ("Editörler makaleyi savaşın kaynakları ve iki hükümetin kayıtlarıyla birlikte okudu ve "
      "notlarını buna göre yazdı.")
FA = ("ویراستاران این مقاله را با منابع جنگ و با کارنامۀ دو دولت خوانده‌اند و یادداشت‌های خود "
      "را نوشته‌اند.")
AR = ("يقول المحررون إن الكاتب يكتفي بذكر الحرب ولا يتناول موقف إيران منها، وهو ما كان يمكن أن "
      "يفسر كثيراً.")


@pytest.mark.parametrize("text, lang", [(EN, "en"), (TR, "tr"), (FA, "fa"), (AR, "ar")])
def test_a_text_reads_as_its_language(text: str, lang: str) -> None:
    reading = written_in(text)
    assert reading is not None and reading.lang == lang
    assert reading.words and all(word in text.lower() for word in reading.words)


@pytest.mark.parametrize("text", [
    "Treaty of Gulistan",  # a title: too short to tell
    "الهام علی‌اف به جای پدرش برگزیده می‌شود",  # a name and a few words
    "Erdoğan, Aliyev, Pashinyan, Putin, Raisi, Davutoğlu, Gül, Elçibey, Heydər, Əliyev, Kocharyan, "
    "Sargsyan",  # names: their letters are not words of a language
    # a Turkish note that quotes English, marked as English, at length
    "Özet '<span lang=\"en\">This method allows for the examination of causal mechanisms and the "
    "assessment of the sequence of events and the relationships between variables</span>' "
    "cümlesini iki kez verir.",
])
def test_names_titles_and_marked_quotations_do_not_tell(text: str) -> None:
    assert written_in(text) is None


def test_a_title_in_italics_is_not_the_texts_language() -> None:
    """A Turkish line naming an English book by its long title is not English."""
    text = ("Kaynak: *The Strategic Partnership of Turkey and Azerbaijan in the South Caucasus and "
            "the Caspian*, 2019.")
    assert written_in(text) is None or written_in(text).lang == "tr"  # type: ignore[union-attr]
    assert slip(text, "tr") is None


def test_a_quotation_is_not_the_texts_language() -> None:
    """A Persian note that quotes the Arabic paper in guillemets is Persian."""
    text = f"نویسنده می‌نویسد «{AR}» و این جمله را در نتیجه‌گیری تکرار می‌کند، بی‌آنکه منبعی بدهد."
    reading = written_in(text)
    assert reading is not None and reading.lang == "fa"


def test_an_apostrophe_is_not_a_quotation_mark() -> None:
    """English possessives ("Nye's term for a country's") do not hide the words between them."""
    text = ("Joseph Nye's term for a country's ability to obtain the outcomes it wants through "
            "attraction rather than coercion or payment.")
    reading = written_in(text)
    assert reading is not None and reading.lang == "en"


def _data(text: str):
    return checked_yaml(text, _LineLoader)


def test_a_text_under_another_languages_key_is_named_at_its_line() -> None:
    data = _data(f"soft-power:\n  definition:\n    en: {EN}\n    tr: {TR}\n    fa: {FA}\n"
                 f"    ar: {FA}\n")
    [problem] = data_slips("docs/data/glossary.yml", data)
    assert (problem.file, problem.line) == ("docs/data/glossary.yml", 6)
    assert "`ar:` reads as Persian, not Arabic" in problem.message
    assert "Persian text goes under `fa:`" in problem.fix and "delete `ar:`" in problem.fix


def test_an_excerpts_note_names_the_excerpt() -> None:
    data = _data(f"excerpts:\n  - id: sample-one\n    original: x\n    notes:\n      - text:\n"
                 f"          en: {EN}\n          tr: {EN}\n")
    [problem] = data_slips("docs/data/papers/sample.yml", data)
    assert (problem.line, problem.excerpt) == (7, "sample-one")
    assert "reads as English, not Turkish" in problem.message


def test_a_text_joined_to_another_languages_is_named() -> None:
    """A language's key line deleted inside folded texts joins its text to the one before."""
    data = _data(f"a:\n  fa: >\n    {FA}\n    {AR}\n")
    [problem] = data_slips("docs/data/glossary.yml", data)
    assert problem.line == 2
    assert "a sentence of the text under `fa:` («يقول المحررون إن" in problem.message
    assert "reads as Arabic, not Persian" in problem.message


def test_the_english_text_is_not_to_be_deleted() -> None:
    [problem] = data_slips("docs/data/events.yml", _data(f"- title:\n    en: {TR}\n"))
    assert "reads as Turkish, not English" in problem.message and "delete" not in problem.fix


def test_the_strings_under_an_editions_key_are_in_its_language() -> None:
    """ui.yml gives each edition's strings under its code."""
    data = _data(f"en:\n  about: {EN}\ntr:\n  about: {EN}\n")
    [problem] = data_slips("docs/data/ui.yml", data)
    assert problem.line == 4 and "`about:` reads as English, not Turkish" in problem.message


def test_texts_in_their_own_language_are_left_alone() -> None:
    data = _data(f"a:\n  en: {EN}\n  tr: {TR}\n  fa: {FA}\n  ar: {AR}\n  original: {AR}\n")
    assert data_slips("docs/data/glossary.yml", data) == []


@pytest.mark.parametrize("yaml_text, line, said", [
    ("sections:\n  - id: intro\n    original: x\n    en: Introduction\n    ar: Introduction\n",
     5, "the text under `ar:` is in the Latin script, not in Arabic («Introduction»)"),
    ("short_title:\n  en: چارچوب مفهومی\n", 2,
     "the text under `en:` is in the Arabic script, not in English («چارچوب», «مفهومی»)"),
    ("short_title:\n  fa: الإطار المفاهيمي\n", 2,
     "the text under `fa:` is spelt as Arabic, not Persian, with «ي» («المفاهيمي»)"),
    ("short_title:\n  ar: از برادری تا اتحاد راهبردی\n", 2,
     "the text under `ar:` is spelt as Persian, not Arabic, with «ی» («برادری», «راهبردی»)"),
    ("en:\n  search: Search\nfa:\n  search: Search\n", 4,  # ui.yml: the edition above
     "the text under `fa:` is in the Latin script, not in Persian («Search»)"),
])
def test_a_short_text_in_another_script_or_spelling_is_named(yaml_text: str, line: int,
                                                              said: str) -> None:
    """A heading or a label is too short to read as a language, but its script and its letters
    tell a text pasted under the wrong key, or left untranslated."""
    [problem] = data_slips("docs/data/papers/sample.yml", _data(yaml_text))
    assert problem.line == line and problem.message == said
    assert problem.excerpt is None  # a section is not an excerpt


def test_abbreviations_transliterations_and_untold_spellings_are_left_alone() -> None:
    data = _data("fa:\n  doi: DOI\n  bibtex: BibTeX\nx:\n  translit:\n    fa: Elhām ʿAlī-ef\n"
                 "    ar: Ilhām ʿAliyīf\n  ar: مقدمه\n  fa: «Kardeşlik» مقدمه\n")
    assert data_slips("docs/data/entities.yml", data) == []


def test_a_paragraph_in_another_language_of_the_pages_script_is_named() -> None:
    body = f"# Başlık\n\n{TR}\n\n{EN}\n"
    [problem] = page_slips("docs/tr/guide.md", body)
    assert problem.line == 5 and "the Turkish page reads as English" in problem.message
    assert '`{: lang="en" }`' in problem.fix
    [problem] = page_slips("docs/fa/guide.md", f"{FA}\n\n{AR}\n")
    assert problem.line == 3 and "reads as Arabic, not Persian" in problem.message


def test_a_sentence_left_in_english_is_named_at_its_line() -> None:
    body = f"{TR}\n{TR} {EN}\n{TR}\n"
    [problem] = page_slips("docs/tr/guide.md", body)
    assert problem.line == 2 and "a sentence of this paragraph" in problem.message
    assert "(«The editors read the paper with …»)" in problem.message
    assert 'put it in «» or in <span lang="en">' in problem.fix


def test_a_paragraph_that_says_its_language_is_left_alone() -> None:
    assert page_slips("docs/tr/guide.md", f'{EN}\n{{: lang="en" }}\n') == []


def test_a_paragraph_in_the_other_script_is_left_to_other_checks() -> None:
    """A Latin paragraph on a Persian page is `pages._latin_paragraphs`' to name; a Persian
    paragraph on an English page may be a quotation, which the site marks as Persian."""
    assert page_slips("docs/fa/guide.md", f"{FA}\n\n{EN}\n") == []
    assert page_slips("docs/en/guide.md", f"{EN}\n\n{FA}\n") == []


@pytest.mark.site  # reads every data file of the shipped content
def test_the_shipped_texts_read_as_their_language() -> None:
    """Of the shipped texts of a dozen words or more under an edition's key, none reads as
    another language, and most read as their own: moved under another key, they are named."""
    told, long = 0, 0
    problems = []

    def walk(node) -> None:
        nonlocal told, long
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("en", "tr", "fa", "ar") and isinstance(value, str) and \
                        len(value.split()) >= 12:
                    long += 1
                    reading = written_in(value)
                    told += reading is not None and reading.lang == key
                elif key not in ("__line__", "__lines__"):
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for path in sorted((ROOT / "docs" / "data").rglob("*.yml")):
        data, _ = load_yaml(path, ROOT)
        problems += data_slips(path.name, data)
        walk(data)
    assert problems == []
    assert long > 1000 and told >= 0.85 * long, (told, long)
