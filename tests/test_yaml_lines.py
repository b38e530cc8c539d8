"""What `make check` says of a data file that YAML cannot read (`yaml_lines.load_yaml`): the line,
and in the contributor's words what is wrong there."""

from __future__ import annotations

from pathlib import Path

import pytest
from yaml_lines import load_yaml


def _problems(tmp_path: Path, text: str) -> list[tuple[int, str, str]]:
    path = tmp_path / "paper.yml"
    path.write_text(text, encoding="utf-8")
    _, problems = load_yaml(path, tmp_path)
    return [(p.line, p.message, p.fix) for p in problems]


@pytest.mark.parametrize("text, line", [
    ("notes:\n  - type: context\n    text:\n\t  en: |\n      A note.\n", 4),
    ("notes:\n  - type: context\n    \ttext: A note.\n", 3),
    ("translation: |\n  One line.\n\tAnother.\n", 3),
])
def test_a_tab_in_the_indentation_is_named(tmp_path: Path, text: str, line: int) -> None:
    """YAML says only "found character that cannot start any token"."""
    ((found, message, fix),) = _problems(tmp_path, text)
    assert found == line
    assert message.startswith("a tab character in the indentation")
    assert "spaces" in fix


def test_a_tab_inside_a_text_is_text(tmp_path: Path) -> None:
    assert _problems(tmp_path, "translation: |\n  Column one\tcolumn two.\n") == []


def test_another_syntax_error_keeps_yamls_words(tmp_path: Path) -> None:
    ((found, message, _),) = _problems(tmp_path, "excerpts:\n  - id: one\n    page: [3\n")
    assert message.startswith("YAML syntax error") and "tab" not in message
    assert found >= 3
