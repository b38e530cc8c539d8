"""One pattern for the written forms of every term and name (`form_match`): it finds what a
single alternation of the forms, longest first, finds."""

from __future__ import annotations

import re

import pytest
from form_match import form_pattern


def alternation(forms: list[str]) -> re.Pattern[str]:
    """The plain pattern: every form in one alternation, longest first."""
    def escaped(form: str) -> str:
        body = re.escape(form.replace("هٔ", "ۀ")).replace("ۀ", "(?:ۀ|هٔ)")
        return f"(?-i:{body})" if form != form.lower() else body

    unique = sorted({f.replace("هٔ", "ۀ") for f in forms if f}, key=len, reverse=True)
    return re.compile(r"(?<![\w\u200c])(?:" + "|".join(map(escaped, unique))
                      + r")(?![\w\u200c])", re.I)


def found(pattern: re.Pattern[str] | None, text: str) -> list[tuple[int, str]]:
    assert pattern is not None
    return [(m.start(), m.group(0)) for m in pattern.finditer(text)]


@pytest.mark.parametrize("forms, text, expected", [
    (["soft power", "soft"], "Soft power, soft powers and soft drinks.",
     [(0, "Soft power"), (12, "soft"), (28, "soft")]),
    (["Strategic Depth", "depth"], "strategic depth; Strategic Depth",
     [(10, "depth"), (17, "Strategic Depth")]),
    (["قدرت نرم", "قدرت"], "قدرت نرم‌افزاری و قدرت نرم", [(0, "قدرت"), (18, "قدرت نرم")]),
    (["منطقۀ قفقاز"], "منطقهٔ قفقاز و منطقۀ قفقاز", [(0, "منطقهٔ قفقاز"), (15, "منطقۀ قفقاز")]),
    # a form with a capital only as written; Turkish dotless ı matches I when case is ignored
    (["İran", "ırak"], "İRAN, iran, İran, Irak, IRAK", [(12, "İran"), (18, "Irak"), (24, "IRAK")]),
])
def test_forms_are_found_as_whole_words_longest_first(forms, text, expected) -> None:
    assert found(form_pattern(forms), text) == expected
    assert found(form_pattern(forms), text) == found(alternation(forms), text)


def test_no_form_no_pattern() -> None:
    assert form_pattern([]) is None and form_pattern([""]) is None


def test_it_finds_what_one_alternation_finds_in_every_excerpt_and_note(corpus) -> None:
    from apparatus import load_apparatus
    from conftest import ROOT

    app, _ = load_apparatus(ROOT / "docs", corpus.known_ids())
    forms = [f for term in app.terms.values() for f in term.match]
    forms += [f for entity in app.entities.values() for f in entity.match]
    texts = [t for e in corpus.excerpts.values()
             for t in (e.original, e.translation, *(n.text for n in e.notes))]
    fast, plain = form_pattern(forms), alternation(forms)
    assert sum(len(found(fast, t)) for t in texts) > 500
    for text in texts:
        assert found(fast, text) == found(plain, text), text[:80]
