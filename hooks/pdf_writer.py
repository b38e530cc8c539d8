"""The glyphs of a line written again into the page stream (for `pdf_order`): `write` writes them
in a given order, each at the place WeasyPrint gave it, with the marked-content spans whose
`ActualText` tells extractors what to read; `replay` writes the recorded operators as they were."""

from __future__ import annotations

from typing import Any

from pdf_glyphs import FontWidths, Glyph, Recorder


class _Writer:
    """Writes glyphs into a page stream, each moved to its place by the TJ operator's numbers (a
    number n moves the pen back by n/1000 of the size)."""

    def __init__(self, stream: Any, matrix: tuple[float, ...], widths: FontWidths) -> None:
        self.stream, self.widths = stream, widths
        self.font, self.size, self.rise, self.pen = "", 0.0, 0.0, 0.0
        self.parts: list[str] = []
        stream.set_text_matrix(*matrix)

    def flush(self) -> None:
        if self.parts:
            self.stream.show_text("".join(self.parts))
            self.parts.clear()

    def advance(self, glyph: Glyph) -> float:
        return self.widths[glyph.font][0].get(int(glyph.gid, 16), 0) / 1000 * glyph.size

    def span(self, text: str | None) -> None:
        """Begin a marked-content span whose ActualText is `text`, or end it (None)."""
        import pydyf  # type: ignore[import-untyped]

        self.flush()
        if text is None:
            self.stream.end_marked_content()
        else:
            self.stream.begin_marked_content(
                "Span", pydyf.Dictionary({"ActualText": pydyf.String(text)}))

    def put(self, glyph: Glyph, spacing: float = 0.0) -> None:
        if (glyph.font, glyph.size) != (self.font, self.size):
            self.flush()
            self.font, self.size = glyph.font, glyph.size
            self.stream.set_font_size(self.font, self.size)
        if glyph.rise != self.rise:
            self.flush()
            self.rise = glyph.rise
            self.stream.set_text_rise(self.rise)
        move = (self.pen - glyph.x) * 1000 / self.size
        if abs(move) > 1e-3:
            self.parts.append(f"{move:.3f}".rstrip("0").rstrip("."))
        if spacing:
            self.flush()
            self.stream.stream.append(f"{spacing:.3f} Tc".encode())  # pydyf writes no Tc
        self.parts.append(f"<{glyph.gid}>")
        if spacing:
            self.flush()
            self.stream.stream.append(b"0 Tc")
        self.pen = glyph.x + self.advance(glyph) + spacing

    def cluster(self, group: list[Glyph]) -> None:
        """A cluster: if it carries its text (`Glyph.actual`), in a span of its own, the glyph
        that carries it first, its last glyph given the character spacing that takes the span to
        the cluster's far edge (pdftotext spreads a span's text over the glyphs' advances, and a
        mark's is nothing); a bracket drawn mirrored in a span whose ActualText is its own
        character."""
        carrier = next((glyph for glyph in group if glyph.actual is not None), None)
        if carrier is None or carrier.actual is None:
            for glyph in group:
                if glyph.mirrored:
                    self.span(glyph.text)
                    self.put(glyph)
                    self.span(None)
                else:
                    self.put(glyph)
            return
        self.spanned([carrier, *(glyph for glyph in group if glyph is not carrier)],
                     carrier.actual)

    def spanned(self, glyphs: list[Glyph], text: str, leftward: bool = False) -> None:
        """The glyphs in the order given, in a span whose ActualText is `text`, the last given
        the character spacing that takes the span to its glyphs' right edge, or (`leftward`, the
        first glyph standing at the right) to their left edge: pdftotext spreads a span's text
        left to right between its first glyph and the end of its last glyph's advance."""
        last = glyphs[-1]
        if leftward:
            spacing = min(glyph.x for glyph in glyphs) - last.x - self.advance(last)
        else:
            edge = max(glyph.x + self.advance(glyph) for glyph in glyphs)
            spacing = max(0.0, edge - last.x - self.advance(last))
        self.span(text)
        for glyph in glyphs[:-1]:
            self.put(glyph)
        self.put(last, spacing)
        self.span(None)

    def close(self) -> None:
        self.flush()
        if self.rise:
            self.stream.set_text_rise(0)


def write(stream: Any, matrix: tuple[float, ...], glyphs: list[Glyph], widths: FontWidths,
          spans: dict[int, tuple[int, str, bool]] | None = None) -> None:
    """Write the glyphs in the order given, each at its place, cluster by cluster
    (`_Writer.cluster`); `spans`: (count, text, leftward) by the index of a glyph that begins
    `count` glyphs written in one span whose ActualText is `text` (see `pdf_islands`)."""
    writer = _Writer(stream, matrix, widths)
    spans = spans or {}
    index = 0
    while index < len(glyphs):
        if index in spans:
            count, text, leftward = spans[index]
            writer.spanned(glyphs[index:index + count], text, leftward)
            index += count
            continue
        end = index + 1
        while (end < len(glyphs) and end not in spans and glyphs[end].rtl
               and glyphs[end - 1].rtl and glyphs[end].cluster == glyphs[end - 1].cluster):
            end += 1
        writer.cluster(glyphs[index:end])
        index = end
    writer.close()


def replay(stream: Any, recorder: Recorder) -> None:
    """Write the recorded operators as they were."""
    if recorder.matrix is None:
        return
    stream.set_text_matrix(*recorder.matrix)
    for kind, value in recorder.operations:
        if kind == "font":
            stream.set_font_size(*value)
        elif kind == "rise":
            stream.set_text_rise(value)
        else:
            stream.show_text(value)
