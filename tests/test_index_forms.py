"""One form, one entry: `make check` names a form of the index that finds another entry's name,
and a glossary form written under two terms (`hooks/index_forms.py`)."""

from __future__ import annotations

from apparatus import Apparatus, Entity, Term
from conftest import ROOT
from index_forms import shared_forms
from reader_build import ReaderBuild


def _person(entity_id: str, name: str, line: int, match: list[str]) -> Entity:
    return Entity(entity_id, "person", {"en": name}, {}, {}, match, line)


def _index(ilham: list[str]) -> Apparatus:
    return Apparatus(entities={
        "heydar-aliyev": _person("heydar-aliyev", "Heydar Aliyev", 9,
                                 ["Heydar Aliyev", "حیدر علی‌اف"]),
        "ilham-aliyev": _person("ilham-aliyev", "Ilham Aliyev", 23, ilham)})


def test_the_shipped_index_and_glossary_give_each_form_to_one_entry() -> None:
    build, _ = ReaderBuild.read(ROOT / "docs")
    assert len(build.app.entities) > 100 and len(build.app.terms) > 50
    assert shared_forms(build.app) == []


def test_a_form_that_finds_another_entrys_name_is_named_at_its_entry() -> None:
    (problem,) = shared_forms(_index(["Ilham Aliyev", "Aliyev"]))
    assert (problem.file, problem.line) == ("docs/data/entities.yml", 23)
    assert "«Aliyev» also finds «Heydar Aliyev», a form of entity 'heydar-aliyev' (line 9)" \
        in problem.message
    assert "listed under Ilham Aliyev too" in problem.message and "in full" in problem.fix


def test_a_form_written_under_two_entries_is_named_once_at_the_second() -> None:
    (problem,) = shared_forms(_index(["Ilham Aliyev", "حیدر علی‌اف"]))
    assert problem.line == 23 and "the form «حیدر علی‌اف» is also a form of entity " \
        "'heydar-aliyev' (line 9)" in problem.message


def test_forms_that_only_share_a_word_are_each_their_entrys() -> None:
    assert shared_forms(_index(["Ilham Aliyev", "الهام علی‌اف"])) == []


def test_a_glossary_form_under_two_terms_is_named_at_the_second() -> None:
    app = Apparatus(terms={
        "kemalism": Term("kemalism", {"en": "Kemalism"}, {}, ["Kemalism", "Soft power"], 708),
        "soft-power": Term("soft-power", {"en": "soft power"}, {}, ["soft power", "قدرت نرم"],
                           1499)})
    (problem,) = shared_forms(app)
    assert (problem.file, problem.line) == ("docs/data/glossary.yml", 1499)
    assert "the form «soft power» is also a form of 'kemalism' (line 708)" in problem.message
