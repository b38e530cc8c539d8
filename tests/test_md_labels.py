"""Reference links and footnotes whose label the text does not define (`md_labels`): Markdown
shows them as typed, brackets and all."""

from __future__ import annotations

import markdown
import pytest
from md_labels import undefined_labels

TEXT = ("A claim[^a] and [the guide][G] and [Guide][] and ![a map][map].\n"
        "Another[^b], [the index][nowhere], [[sample-one]], [[sample-one|this]] and [sic].\n\n"
        "[^a]: The note.\n[g]:  guide.md\n[guide]: guide.md\n")


def test_each_undefined_label_is_named_at_its_line() -> None:
    found = [(p.line, p.message.split(":")[0]) for p in undefined_labels("docs/en/x.md", TEXT, 5)]
    assert found == [(5, "the link `[a map][map]` names the label `map`, which is not defined"),
                     (6, "the link `[the index][nowhere]` names the label `nowhere`, which is "
                         "not defined"),
                     (6, "the footnote `[^b]` has no text")], found


@pytest.mark.parametrize("shown", ["[^b]", "[the index][nowhere]", "![a map][map]"])
def test_what_is_named_is_what_markdown_shows_as_typed(shown: str) -> None:
    html = markdown.markdown(TEXT, extensions=["footnotes"])
    assert shown in html
    assert "[the guide][G]" not in html and "[^a]" not in html and "[Guide][]" not in html
