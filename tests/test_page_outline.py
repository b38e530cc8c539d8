"""A page's outline (`page_outline`): one title, and headings that go down one level at a time,
as screen readers and the table of contents read them."""

from __future__ import annotations

from page_outline import outline_problems

PAGE = ("---\ntitle: A page\n# a comment in the front matter\n---\n# A page\n\n## Part\n\n"
        "### Section\n\n## Next part\n\n#### Too deep\n\n# Another title\n\n## Back\n")


def test_a_second_title_and_a_skipped_level_are_named_at_their_line() -> None:
    found = [(p.line, p.message) for p in outline_problems("docs/en/x.md", PAGE)]
    assert found == [
        (13, "the heading `#### Too deep` skips a level: the heading before it is level 2"),
        (15, "a second title, `# Another title`: a page has one")], found


def test_a_page_titled_by_its_front_matter_may_start_at_level_two() -> None:
    assert outline_problems("docs/en/x.md", "---\ntitle: A page\n---\n## Part\n\n### Sub\n") == []
    (problem,) = outline_problems("docs/en/x.md", "Text.\n\n### Sub\n")
    assert problem.line == 3 and problem.fix.startswith("make it `## Sub`")


def test_the_shipped_guides_have_one_title() -> None:
    from conftest import ROOT
    from source_text import without_code

    for rel in ("CONTRIBUTING.md", *(f"docs/{e}/contributing.md" for e in ("tr", "fa", "ar"))):
        text = (ROOT / rel).read_text(encoding="utf-8")
        assert outline_problems(rel, without_code(text)) == [], rel
