"""Reading YAML: the content's data files with the line of every mapping and key, and pages'
front matter. Before anything is built from a file, its YAML is read as a stream of events and
refused where it holds an alias or nests deeper than any content needs; every problem is a
`Problem` with its line."""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection
from pathlib import Path
from typing import Any

import yaml
from model import Problem
from source_text import _rel, read_text, scan_controls

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it
DUPLICATE_KEY = "the same key is given twice in one mapping:"
ALIAS = ("a value that begins with `*` must be in quotes: YAML reads it as an alias (`*name`), "
         "which content files do not use")
#: how deeply lists and mappings may nest in a content file (the papers and the maps nest six deep)
MAX_DEPTH = 32


class _LineLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A YAML loader that remembers the line of every mapping and of each of its keys."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        lines: dict[Any, int] = {}
        for key_node, _ in node.value:  # a key given twice: YAML would keep the second in silence
            key = self.construct_object(key_node, deep=True)
            try:
                first = lines.get(key)
            except TypeError:  # a list as a key: the mapping's own constructor says so
                break
            if first is not None:
                raise yaml.constructor.ConstructorError(
                    None, None, f"{DUPLICATE_KEY} '{key}' (first given on line {first})",
                    key_node.start_mark)
            lines[key] = key_node.start_mark.line + 1
        mapping = super().construct_mapping(node, deep=True)
        mapping["__line__"] = node.start_mark.line + 1
        mapping["__lines__"] = lines
        return mapping


def strip_lines(value: Any) -> Any:
    """A copy of loaded YAML without the loader's line bookkeeping."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k not in ("__line__", "__lines__")}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value


# Dates stay text: the reader validates them itself (Gregorian and Solar Hijri), with a message.
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _LineLoader.construct_yaml_str)


def _check_events(text: str, loader: type[Any]) -> None:
    """Stop at the first alias, or at lists and mappings nested deeper than `MAX_DEPTH`, reading
    the YAML as a stream of events before anything is built from it: a chain of aliases can
    stand for billions of values, and deep nesting overflows the parser that builds them."""
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        problem = ALIAS if isinstance(event, yaml.AliasEvent) else (
            f"lists and mappings nest more than {MAX_DEPTH} deep" if depth > MAX_DEPTH else "")
        if problem:
            start = event.start_mark
            where = yaml.error.Mark("", 0, start.line, start.column, None, 0) if start else None
            raise yaml.constructor.ConstructorError(None, None, problem, where)


def checked_yaml(text: str, loader: type[Any] = _BaseLoader) -> Any:
    """YAML text as data, once `_check_events` has found no alias and no deep nesting (a
    `yaml.MarkedYAMLError` where it does, as for a syntax error)."""
    _check_events(text, loader)
    return yaml.load(text, Loader=loader)


def _tab_at(text: str, mark: yaml.Mark | None) -> bool:
    """Whether the error is at a tab in a line's indentation, which YAML's own message ("found
    character that cannot start any token") does not name."""
    if mark is None:
        return False
    lines = text.split("\n")
    line = lines[mark.line] if mark.line < len(lines) else ""
    return "\t" in line[: len(line) - len(line.lstrip(" \t"))]


def load_yaml(path: Path, root: Path) -> tuple[Any, list[Problem]]:
    """Parse one YAML file; any error becomes one Problem with its line."""
    rel = _rel(path, root)
    text, problems = read_text(path, root)
    if text is None:
        return None, problems
    controls = scan_controls(rel, text)
    if controls:
        return None, controls
    try:
        return checked_yaml(text, _LineLoader), []
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        message = f"YAML syntax error: {err.problem or err}"
        fix = ("check indentation and quoting on that line; long text goes in a block scalar "
               "introduced by `|`")
        if _tab_at(text, mark):
            message = "a tab character in the indentation: YAML indents with spaces only"
            fix = ("replace the tab with spaces, as many as the lines beside it use (an editor "
                   "set to insert spaces for the Tab key keeps it from coming back)")
        elif DUPLICATE_KEY in str(err.problem):
            message = str(err.problem)
            fix = ("keep one of the two: the second would replace the first without a word (to "
                   "add an entry, give it a new key or id)")
        elif "alias" in str(err.problem):  # ALIAS, or YAML's own (`tr: *Title* ...`)
            message = ALIAS + ("" if ALIAS in str(err.problem) else f" ({err.problem})")
            fix = ('write the value in quotes: `tr: "*Title* …"`, or begin it with another word; '
                   "a value used twice is written out twice")
        elif "nest more than" in str(err.problem):
            message = f"YAML {err.problem}"
            fix = "compare the file with another of its kind: content nests a few levels at most"
        return None, [Problem(rel, line, message, fix)]
    except (yaml.YAMLError, ValueError) as err:
        return None, [Problem(rel, 1, f"the file cannot be read as YAML: {err}",
                              "check the file's structure against an existing one")]


_FRONT_MATTER = re.compile(r"^---\n(.*?)\n---\n", re.S)


def front_matter(text: str) -> dict[str, Any]:
    """A page's front matter as a mapping; empty where there is none or it is not YAML (which
    `check_markdown` reports)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}
    try:
        meta = checked_yaml(match.group(1))
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


def unknown_keys(entry: dict[Any, Any], known: Collection[str], rel: str, what: str,
                 excerpt: str | None = None) -> list[Problem]:
    """A problem for each key of `entry` (a mapping read by `load_yaml`) that is not one of
    `known`: a misspelt key is otherwise dropped without a word (`page_infered: true`)."""
    lines = entry.get("__lines__") or {}
    problems = []
    for key in entry:
        if str(key).startswith("__") or key in known:
            continue
        close = difflib.get_close_matches(str(key), list(known), n=1)
        fix = (f"write `{close[0]}:`" if close else
               f"use one of the keys {what} takes: {', '.join(sorted(known))}") + ", or remove it"
        problems.append(Problem(rel, lines.get(key, entry.get("__line__", 1)),
                                f"{what} has a key `{key}` the site does not know", fix,
                                excerpt=excerpt))
    return problems
