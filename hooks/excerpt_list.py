"""A paper's excerpts as a list: each of a quotation's length, and all in the paper's order.

The ¶ numbers of a paper's excerpts are their places in the list (`paper_file`): an excerpt listed
out of the paper's order would take a later passage's number, and its section would show it out of
sequence.
"""

from __future__ import annotations

import re

from model import Excerpt, Paper, Problem

MIN_WORDS, MAX_WORDS = 40, 250  #: an excerpt's length, in words of the original


def excerpt_lengths(paper: Paper, rel: str) -> list[Problem]:
    """40–250 words: fewer only for the one excerpt of a run-in section (it quotes the whole
    section); more only with `long_excerpt:` saying why."""
    run_in = {s.id for s in paper.sections if s.run_in}
    problems = []
    for excerpt in paper.excerpts:
        words = len(excerpt.original.split())
        alone = sum(e.section == excerpt.section for e in paper.excerpts) == 1
        if not words:
            continue  # reported as an excerpt without text
        if words < MIN_WORDS and not (excerpt.section in run_in and alone):
            problems.append(Problem(
                rel, excerpt.line, f"the original has {words} words; an excerpt has {MIN_WORDS} "
                f"to {MAX_WORDS}", "quote the whole paragraph, or, for a run-in subheading quoted "
                "whole, give its section `run_in: true`", excerpt.id))
        if words > MAX_WORDS and not excerpt.long_reason:
            problems.append(Problem(
                rel, excerpt.line, f"the original has {words} words; an excerpt has {MIN_WORDS} "
                f"to {MAX_WORDS}", "split it into two excerpts, or, if it must stay whole, say why "
                "under `long_excerpt:`", excerpt.id))
    return problems


def _first_page(page: str | None) -> int:
    """The page a passage begins on (0 where it is not known)."""
    return int(re.split("[-–]", page)[0]) if page else 0


def excerpt_order(paper: Paper, rel: str) -> list[Problem]:
    """An excerpt listed after one of a later section (as `sections:` orders them), and the first
    excerpt after which the pages go back (the pages are then counted again from the next)."""
    rank = {s.id: i for i, s in enumerate(paper.sections)}
    problems = []
    by_section: Excerpt | None = None  #: the excerpt furthest on by its section, so far
    by_page: Excerpt | None = None  #: and by its page
    for excerpt in (e for e in paper.excerpts if e.section in rank):  # unknown: named apart
        page = _first_page(excerpt.page)
        if by_section and rank[excerpt.section] < rank[by_section.section]:
            problems.append(Problem(
                rel, excerpt.line, f"the excerpt's section, '{excerpt.section}', comes before the "
                f"section of '{by_section.id}', '{by_section.section}', in the paper, but the "
                f"excerpt is listed after it: it would be numbered ¶{excerpt.number}, out of the "
                "paper's order", "move it up the list to its place in the paper (the ¶ numbers "
                "follow the list; the ids stay as they are)", excerpt.id))
            continue
        by_section = excerpt
        if by_page and 0 < page < _first_page(by_page.page):
            problems.append(Problem(
                rel, excerpt.line, f"the pages go back here: p. {excerpt.page}, listed after "
                f"'{by_page.id}' on p. {by_page.page}", "list the excerpts in the paper's order "
                "(the ¶ numbers follow the list); if they are, one of the two pages is wrong",
                excerpt.id))
            by_page, page = None, -1
        if page > 0:
            by_page = excerpt
    return problems
