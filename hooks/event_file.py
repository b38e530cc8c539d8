"""The timeline: docs/data/events.yml, dated events, each with its title in the editions'
languages and the excerpts that discuss it. Problems name the file, the line and a fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from apparatus_text import check_texts, edition_texts
from model import ID_RE, Problem
from yaml_lines import unknown_keys

#: the keys of an event (`unknown_keys` reports any other)
EVENT_KEYS = frozenset({"id", "date", "end", "title", "excerpts", "variants"})
_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass
class Event:
    id: str
    date: str
    end: str | None
    title: dict[str, str]
    excerpts: list[str]
    line: int

    @property
    def sort_key(self) -> tuple[int, int, int]:
        match = _ISO.match(self.date)
        assert match
        return tuple(int(g or 0) for g in match.groups())  # type: ignore[return-value]


def real_date(iso: str) -> bool:
    """An ISO year, month or day that exists: "2021", "2021-06", "2021-06-15"."""
    match = _ISO.match(iso)
    if not match:
        return False
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _ends_before(start: str, end: str) -> bool:
    """Whether the ISO date `end` is before `start`, as far as both are given ("1991" does not
    end before "1991-10")."""
    first, last = (_ISO.match(d).groups() for d in (start, end))  # type: ignore[union-attr]
    given = min(sum(g is not None for g in first), sum(g is not None for g in last))
    return tuple(map(int, last[:given])) < tuple(map(int, first[:given]))


def _excerpts(entry: dict[str, Any], excerpt_ids: set[str], rel: str,
              line: int) -> tuple[list[str], list[Problem]]:
    """The excerpts an event lists (perhaps by a former id, an alias), with their problems."""
    problems = []
    where = entry["__lines__"].get("excerpts", line)
    listed = entry.get("excerpts")
    if listed is not None and not isinstance(listed, list):
        problems.append(Problem(rel, where, f"event '{entry['id']}': `excerpts` must be a list of "
                                "excerpt ids", "write e.g. `excerpts: [kazemi-shusha]`"))
        listed = [listed]
    ids = [str(x) for x in listed or []]
    for ex_id in ids:
        if ex_id not in excerpt_ids:
            problems.append(Problem(rel, where, f"event '{entry['id']}' names unknown excerpt "
                                    f"'{ex_id}'", "correct the id or remove it from the list",
                                    missing=ex_id))
    if not ids:
        problems.append(Problem(rel, line, f"event '{entry['id']}' lists no excerpt",
                                "list the excerpts that discuss the event under `excerpts:`"))
    return ids, problems


def _dates(entry: dict[str, Any], rel: str, line: int) -> tuple[str, str | None, list[Problem]]:
    """An event's first and last date (`date:`, `end:`), with their problems; the first is empty
    where the dates cannot be read."""
    when = str(entry.get("date") or "")
    end = str(entry["end"]) if entry.get("end") else None
    for key, value in (("date", when), ("end", end)):
        if value is not None and not real_date(value):
            what = f"`{key}: {value}` is not" if value else "has no `date:`, which must be"
            return "", None, [Problem(rel, entry["__lines__"].get(key, line), f"event "
                                      f"'{entry['id']}' {what} a real ISO date (YYYY, YYYY-MM or "
                                      "YYYY-MM-DD)", f'write e.g. `{key}: "2021-06-15"`')]
    if end and _ends_before(when, end):
        return when, end, [Problem(rel, entry["__lines__"].get("end", line), f"event "
                                   f"'{entry['id']}' ends ({end}) before it begins ({when})",
                                   "check `date:` (the first day, month or year) and `end:` "
                                   "(the last)")]
    return when, end, []


def read_events(events: list[Event], variants: list[tuple[str, str, Any]], excerpt_ids: set[str],
                data: Any, problems: list[Problem], rel: str) -> list[Problem]:
    """docs/data/events.yml into `events`, kept in date order; each entry's `variants:` (name
    forms the site's own text does not use) into `variants`."""
    if data is not None and not isinstance(data, list):
        return problems + [Problem(rel, 1, "the timeline must be a list of events",
                                   "start each event with `- id: ...`, as in the existing file")]
    for entry in data or []:
        line = entry.get("__line__", 1) if isinstance(entry, dict) else 1
        if not isinstance(entry, dict) or not ID_RE.match(str(entry.get("id", ""))):
            problems.append(Problem(rel, line, "an event needs an `id`",
                                    "write e.g. `- id: shusha-declaration-2021`"))
            continue
        first = next((e.line for e in events if e.id == entry["id"]), None)
        if first is not None:
            problems.append(Problem(rel, line, f"duplicate event id '{entry['id']}' (first on "
                                    f"line {first})", "give each event its own id, or merge the "
                                    "two entries"))
            continue
        problems += unknown_keys(entry, EVENT_KEYS, rel, f"event '{entry['id']}'")
        when, end, found = _dates(entry, rel, line)
        problems += found
        if not when:
            continue
        ids, found = _excerpts(entry, excerpt_ids, rel, line)
        problems += found
        titles = edition_texts(entry.get("title"))
        if not titles.get("en"):
            problems.append(Problem(rel, line, f"event '{entry['id']}' has no English title",
                                    "add `title: {en: ...}`"))
        problems += check_texts(rel, entry, "title", f"event '{entry['id']}'")
        variants.append((rel, str(entry["id"]), entry.get("variants")))
        events.append(Event(entry["id"], when, end, titles, ids, line))
    events.sort(key=lambda e: e.sort_key)
    return problems
