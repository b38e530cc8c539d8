"""The size the build's code keeps to, so that a newcomer can read any part of it at one sitting:
no module of `hooks/` over 300 lines, no function over 50. A part that grows past them is split
where its concerns part (as `bidi_phrases` was from `bidi_isolation`)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

HOOKS = Path(__file__).resolve().parents[1] / "hooks"
MODULE_LINES, FUNCTION_LINES = 300, 50


def _modules() -> list[Path]:
    return sorted(HOOKS.glob("*.py"))


def test_there_are_modules_to_measure() -> None:
    assert len(_modules()) > 50


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.name)
def test_a_module_and_its_functions_are_short(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MODULE_LINES, f"{path.name}: {len(text.splitlines())} lines"
    long = [f"{node.name} (line {node.lineno}): {node.end_lineno - node.lineno + 1} lines"
            for node in ast.walk(ast.parse(text))
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno
            and node.end_lineno - node.lineno + 1 > FUNCTION_LINES]
    assert not long, f"{path.name}: " + "; ".join(long)
