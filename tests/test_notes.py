"""Editor's notes in four languages: the shipped content, the pages of each edition, the export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EDITIONS, read_html
from languages import edition_prefix
from model import Note
from note_languages import all_notes, check_note_languages, links, note_problems, numbers


def test_every_note_is_written_in_four_languages(corpus) -> None:
    missing = [(file, excerpt, note.line, lang)
               for file, excerpt, note in all_notes(corpus)
               for lang in EDITIONS if not note.texts.get(lang)]
    assert not missing, missing[:20]


def test_translations_keep_the_links_and_numbers_of_the_english(corpus) -> None:
    problems = check_note_languages(corpus)
    assert not problems, "\n".join(map(str, problems[:20]))


def test_the_mechanical_check_catches_a_dropped_link_or_number() -> None:
    note = Note("context", {"en": "On 9 November 1991, see [[kazemi-ots]].",
                            "tr": "9 Kasım'da, bkz.", "fa": "۹ نوامبر ۱۹۹۱، نک. [[kazemi-ots]].",
                            "ar": "في 9 تشرين الثاني/نوفمبر 1991، انظر [[kazemi-ots]]."}, 10,
                {"en": 11, "tr": 12, "fa": 13, "ar": 14})
    problems = note_problems("docs/data/papers/x.yml", "x-1", note)
    assert [(p.line, "links" in p.message, "numbers" in p.message) for p in problems] == [
        (12, True, False), (12, False, True)]
    assert numbers("۱۴۰۳ و ١٩٩١") == {"1403", "1991"} and links("[[a-b|x]] ![[c]]") == {"a-b", "c"}


def test_a_missing_translation_is_a_warning_naming_file_and_line() -> None:
    note = Note("repair", {"en": "Text."}, 20, {"en": 21})
    problems = note_problems("docs/data/papers/x.yml", "x-1", note)
    assert len(problems) == 3 and all(p.warning and p.line == 21 for p in problems)
    assert "no Persian text" in str(problems[1]) and "warning" in str(problems[1])


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_notes_render_in_the_language_of_the_edition(site: Path, corpus, edition: str) -> None:
    seen = 0
    for paper in corpus.papers.values():
        prefix = edition_prefix(edition)
        doc = read_html(site, f"{prefix}papers/{paper.key}/")
        for excerpt in paper.excerpts:
            element = doc.find(id=excerpt.id)
            assert element is not None, (edition, excerpt.id)
            texts = element.select(".excerpt__note-text")
            assert len(texts) == len(excerpt.notes)
            for text in texts:
                assert text["lang"] == edition
                assert text["dir"] == ("rtl" if edition in ("fa", "ar") else "ltr")
                seen += 1
    assert seen > 200


def test_export_carries_every_language_of_a_note(site: Path, corpus) -> None:
    from translate.storage.tmx import tmxfile

    data = json.loads((site / "corpus" / "excerpts.json").read_text(encoding="utf-8"))
    for item in data["excerpts"]:
        for note in item["notes"]:
            assert set(note["texts"]) == set(EDITIONS), item["id"]
    tmx = tmxfile.parsefile(str(site / "corpus" / "excerpts.tmx"))
    ids = [unit.getid() for unit in tmx.units]
    expected = [f"{e.id}/note-{n}" for e in corpus.excerpts.values()
                for n in range(1, len(e.notes) + 1)]
    assert [i for i in ids if "/note-" in i] == expected
