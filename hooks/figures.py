"""The papers at a glance: the generated figures `::: concepts` and `::: timeline-chart`.

* `::: concepts`: the papers × concepts matrix, a table with a row per glossary concept (named in
  the edition's language) and a column per paper (its short title in the edition's language);
  each cell counts the excerpts of that paper tagged with the concept (`terms:`) and links to
  that paper's list of them in the concept's glossary entry. A real table rather than a picture:
  screen readers announce each count with its row and column headers, and on a phone the five
  paper columns fit where seventy-odd concept columns would not.
* `::: timeline-chart`: the dated events on a time axis, as inline SVG, one lane per paper; each
  event is one link to its entry in the timeline list on the same page (the chart's text
  alternative). The axis widens where events are dense, so that no two marks overlap; the year
  ticks follow it, and the Persian edition shows the Solar Hijri years beside the Gregorian ones.
  Right-to-left editions run the axis from right to left.

Both are computed from the content at build time, so they never drift from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from apparatus import term_excerpts
from apparatus_text import edition_name, inline_plain, name_order
from calendar_sh import digits, format_date, solar_hijri_new_year
from event_file import Event
from mkdocs.utils import get_relative_url
from reader_build import ReaderBuild
from templates import render

#: the chart's geometry, in SVG units (CSS pixels): lane height, top, dot radius, least gap
#: between two events, margin at each end
_LANE, _TOP, _R, _GAP, _MARGIN = 22, 10, 4.5, 9.0, 24.0
#: before the events are spread apart: years -> x, piecewise linear (the last centuries denser)
_KNOTS = ((1000.0, 0.0), (1900.0, 120.0), (1988.0, 340.0), (2025.0, 860.0))
_MIN_TICK = 40.0  #: the least distance between two labelled year ticks


def cell_level(count: int) -> int:
    """The shade of a matrix cell: 0 (none) to 4 (seven excerpts or more)."""
    return 0 if count == 0 else 1 if count == 1 else 2 if count <= 3 else 3 if count <= 6 else 4


def concepts_html(build: ReaderBuild, page_url: str) -> str:
    """The papers × concepts matrix of the edition being built."""
    corpus, edition = build.corpus, build.edition
    uses = term_excerpts(build.app, list(corpus.excerpts.values()))
    glossary = get_relative_url(build.page_url("glossary.md"), page_url)
    glossary = "" if glossary in (".", "./") else glossary
    papers = [{"key": p.key, "title": p.short_title(edition)} for p in corpus.papers.values()]
    rows = []
    for term in sorted(build.app.terms.values(), key=lambda t: name_order(t.names, edition)):
        cells = []
        for paper in papers:
            ids = [i for i in uses.get(term.id, []) if corpus.excerpts[i].paper == paper["key"]]
            cells.append({
                "paper": paper["key"], "count": digits(str(len(ids)), edition),
                "level": cell_level(len(ids)),
                "href": f"{glossary}#term-{term.id}--{paper['key']}" if ids else "",
                "labels": "; ".join(corpus.label(build.excerpt(i), edition) for i in ids),
            })
        rows.append({"id": term.id, "name": edition_name(term.names, edition),
                     "href": f"{glossary}#term-{term.id}", "cells": cells,
                     "total": digits(str(len(uses.get(term.id, []))), edition)})
    return render("figure-concepts.html", ui=build.ui, papers=papers, rows=rows, dir=build.dir)


# --- the timeline chart ---------------------------------------------------------------------

def year_fraction(iso: str, end: bool = False) -> float:
    """An ISO date, month or year as a fractional year: a year or a month at its start (at its
    end for the `end` of a span), in the order of `Event.sort_key`."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        return parts[0] + (date(*parts).timetuple().tm_yday - 0.5) / 366
    if len(parts) == 2:
        return parts[0] + (parts[1] - (0 if end else 1)) / 12
    return parts[0] + (1.0 if end else 0.0)


def _base(year: float) -> float:
    for (y0, x0), (y1, x1) in pairwise(_KNOTS):
        if year <= y1 or (y1, x1) == _KNOTS[-1]:
            return x0 + (x1 - x0) * (year - y0) / (y1 - y0)
    raise AssertionError("unreachable")


@dataclass
class Axis:
    """The time axis: the events' years and where each is drawn, spread apart by `_GAP`."""

    years: list[float]
    xs: list[float]

    @classmethod
    def spread(cls, years: list[float]) -> Axis:
        xs: list[float] = []
        for year in years:
            x = _base(year) + _MARGIN
            xs.append(max(x, xs[-1] + _GAP) if xs else x)
        return cls(years, xs)

    def x(self, year: float) -> float:
        """Where `year` falls: between the events around it, in proportion."""
        pairs = list(zip(self.years, self.xs, strict=True))
        if year <= pairs[0][0]:
            return pairs[0][1] - (_base(pairs[0][0]) - _base(year))
        for (y0, x0), (y1, x1) in pairwise(pairs):
            if y0 <= year <= y1:
                return x0 if y1 == y0 else x0 + (x1 - x0) * (year - y0) / (y1 - y0)
        return pairs[-1][1] + (_base(year) - _base(pairs[-1][0]))

    @property
    def width(self) -> float:
        return self.xs[-1] + _MARGIN


def tick_years(axis: Axis, first: int, last: int) -> list[int]:
    """The Gregorian years to label: centuries first, then decades, lustra and single years,
    each where it stays `_MIN_TICK` away from those already chosen."""
    chosen: list[tuple[int, float]] = []
    for step in (100, 50, 10, 5, 1):
        for year in range(first - first % step + step, last + 1, step):
            x = axis.x(float(year))
            if all(abs(x - other) >= _MIN_TICK for _, other in chosen):
                chosen.append((year, x))
    return sorted(year for year, _ in chosen)


def _event_mark(build: ReaderBuild, event: Event, x: float, axis: Axis, lanes: dict[str, int],
                flip: float | None) -> dict[str, object]:
    edition = build.edition
    papers = sorted({build.excerpt(i).paper for i in event.excerpts}, key=lambda k: lanes[k])
    end_x = axis.x(year_fraction(event.end, end=True)) if event.end else x
    place = (lambda v: round(flip - v, 1)) if flip is not None else (lambda v: round(v, 1))
    ys = [_TOP + lanes[k] * _LANE + _LANE / 2 for k in papers]
    when = format_date(event.date, edition) + (
        f" – {format_date(event.end, edition)}" if event.end else "")
    title = inline_plain(event.title.get(edition) or event.title["en"])
    return {"id": event.id, "x": place(x), "end": place(min(end_x, axis.width - 4)),
            "dots": [{"y": y, "lane": lanes[k] + 1} for k, y in zip(papers, ys, strict=True)],
            "top": min(ys, default=0), "bottom": max(ys, default=0), "label": f"{when}: {title}"}


def timeline_chart_html(build: ReaderBuild, page_url: str) -> str:
    """The timeline chart of the edition being built."""
    edition, corpus = build.edition, build.corpus
    events = sorted(build.app.events, key=lambda e: e.sort_key)
    if not events:  # nothing to draw: the list (`::: timeline`) says so in words
        return ""
    axis = Axis.spread([year_fraction(e.date) for e in events])
    lanes = {key: n for n, key in enumerate(corpus.papers)}
    flip = axis.width if build.dir == "rtl" else None
    place = (lambda v: round(flip - v, 1)) if flip is not None else (lambda v: round(v, 1))
    axis_y = _TOP + len(lanes) * _LANE + 4
    first, last = int(axis.years[0]), int(axis.years[-1]) + 1
    ticks = [{"x": place(axis.x(float(y))), "label": digits(str(y), edition)}
             for y in tick_years(axis, first, last)]
    solar = []
    if edition == "fa":  # the first day (Nowruz) of the Solar Hijri year that begins in each
        for year in tick_years(axis, first, last):
            nowruz = solar_hijri_new_year(year - 621)
            if nowruz is None:  # a year before the calendar's first
                continue
            solar.append({"x": place(axis.x(year_fraction(nowruz.isoformat()))),
                          "label": digits(str(year - 621), "fa")})
    marks = [_event_mark(build, e, x, axis, lanes, flip) for e, x in zip(events, axis.xs, strict=True)]
    height = axis_y + (44 if solar else 26)
    lane_rows = [{"n": digits(str(n + 1), edition), "y": _TOP + n * _LANE + _LANE / 2,
                  "title": corpus.papers[key].short_title(edition), "lane": n + 1}
                 for key, n in lanes.items()]
    return render("figure-timeline.html", ui=build.ui, dir=build.dir, edition=edition,
                  width=round(axis.width), height=height, axis_y=axis_y,
                  x0=place(4.0), x1=place(axis.width - 4), label_x=place(10.0),
                  ticks=ticks, solar=solar, marks=marks, lanes=lane_rows, r=_R)
