"""The seminar packets: the pages docs/en/packets/*.md whose front matter says `packet: true`,
with their title, the glossary terms they list and the excerpts they embed. Problems name the
file, the line and a fix.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from model import Problem
from source_text import EMBED_RE, read_text
from yaml_lines import front_matter

#: a packet reads the papers against each other: it quotes at least this many of them (the
#: packets' index page and the contributing guide say so)
FEWEST_PAPERS = 3


@dataclass
class Packet:
    id: str
    title: str
    terms: list[str]
    excerpts: list[str]
    file: str
    line: int = 1  #: the line of its `packet: true`


def read_packets(packets: dict[str, Packet], terms: Mapping[str, object], folder: Path,
                 root: Path) -> list[Problem]:
    """docs/en/packets/*.md whose front matter says `packet: true`, into `packets`; `terms`: the
    glossary's, by id (none read: their ids are not checked)."""
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.md")):
        text, unreadable = read_text(path, root)
        if text is None:
            problems += unreadable
            continue
        meta = front_matter(text)
        if not meta.get("packet"):
            continue
        rel = path.resolve().relative_to(root.resolve()).as_posix()
        lines: dict[str, int] = {}  # the line of each key of the front matter (which comes first)
        for number, line in enumerate(text.split("\n"), start=1):
            lines.setdefault(line.split(":")[0], number)
        problems += _packet_meta(rel, meta, lines)
        listed = meta.get("terms") or []
        names = [str(t) for t in (listed if isinstance(listed, list) else [listed])]
        for number, term in enumerate(names):
            if terms and term not in terms:
                problems.append(Problem(rel, lines.get("terms", 1), f"packet names unknown term "
                                        f"'{term}'", "use a term id defined in docs/data/glossary.yml"))
            elif term in names[:number]:
                problems.append(Problem(rel, lines.get("terms", 1), f"packet lists term '{term}' "
                                        "twice", "keep it once, where it comes first"))
        packets[path.stem] = Packet(path.stem, str(meta.get("title") or path.stem), names,
                                    [m.group(1).strip() for m in EMBED_RE.finditer(text)], rel,
                                    lines.get("packet", 1))
    return problems


def packet_papers(packets: Mapping[str, Packet],
                  paper_of: Callable[[str], str | None]) -> list[Problem]:
    """A packet that embeds excerpts of fewer than `FEWEST_PAPERS` papers (`paper_of`: the paper
    of an excerpt id, None for an id no excerpt has)."""
    problems = []
    for packet in packets.values():
        found = [paper_of(ref) for ref in packet.excerpts]
        if None in found:
            continue  # an id no excerpt has is the mistake, named where it is embedded
        papers = list(dict.fromkeys(p for p in found if p is not None))
        if len(papers) < FEWEST_PAPERS:
            quoted = ", ".join(papers) or "none"
            problems.append(Problem(
                packet.file, packet.line,
                f"the packet embeds excerpts of {len(papers)} paper{'s' * (len(papers) != 1)} "
                f"({quoted}): a seminar packet reads at least {FEWEST_PAPERS} of them side by side",
                f"embed excerpts of at least {FEWEST_PAPERS} papers with `![[excerpt-id]]` (each "
                "paper's excerpts and their ids are in docs/data/papers/<paper>.yml)"))
    return problems


def _packet_meta(rel: str, meta: dict[str, Any], lines: dict[str, int]) -> list[Problem]:
    """A packet's `title` (its English title, which its PDF and the export give) is words, and
    its `terms` a list."""
    problems = []
    if not isinstance(meta.get("title"), str) or not meta["title"].strip():
        problems.append(Problem(rel, lines.get("title", 1), "the packet needs a `title:` in words",
                                'write e.g. `title: Soft power and "one nation, two states"`, the '
                                "packet's English title, as its first heading gives it"))
    if meta.get("terms") is not None and not isinstance(meta["terms"], list):
        problems.append(Problem(rel, lines.get("terms", 1), "a packet's `terms` must be a list of "
                                "glossary term ids", "write e.g. `terms: [soft-power, identity]`"))
    return problems
