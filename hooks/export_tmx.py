"""The translation memories of the corpus export (TMX 1.4, written with ElementTree).

* `corpus/excerpts-<src>-en.tmx`: one file per original language, each excerpt as a unit whose
  variants are the original (`srclang`) and the English translation;
* `corpus/notes-en-<lang>.tmx`: one file per language the editors' notes are translated into,
  each note as a unit with its English text and its translation, as plain text;
* `corpus/excerpts.tmx`: everything in one file (every unit names its own `srclang`; the header
  says `*all*` because the file holds three source languages).

A unit whose text runs over more than one paragraph is marked `segtype="block"`; the header's
segment type is `paragraph`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TOOL = "karabakh-reader"


@dataclass(frozen=True)
class Unit:
    """One translation unit: its id, its source language and its variants, source first."""

    tuid: str
    srclang: str
    variants: tuple[tuple[str, str], ...]  #: (language, plain text)
    props: tuple[tuple[str, str], ...] = field(default=())  #: (x-type, value)

    @property
    def segtype(self) -> str:
        return "block" if any("\n\n" in text for _, text in self.variants) else "paragraph"


def unit_element(unit: Unit) -> ET.Element:
    attributes = {"tuid": unit.tuid, "srclang": unit.srclang}
    if unit.segtype == "block":
        attributes["segtype"] = "block"
    element = ET.Element("tu", attributes)
    for kind, value in unit.props:
        ET.SubElement(element, "prop", {"type": kind}).text = value
    for lang, text in unit.variants:
        variant = ET.SubElement(element, "tuv", {XML_LANG: lang})
        ET.SubElement(variant, "seg").text = text
    return element


def tmx_document(units: Iterable[Unit], srclang: str) -> str:
    """A TMX 1.4 document of `units`; `srclang` is a language code, or `*all*`."""
    root = ET.Element("tmx", {"version": "1.4"})
    ET.SubElement(root, "header", {
        "creationtool": TOOL, "creationtoolversion": "2", "segtype": "paragraph",
        "o-tmf": "karabakh-reader", "adminlang": "en", "srclang": srclang,
        "datatype": "plaintext"})
    body = ET.SubElement(root, "body")
    body.extend(unit_element(unit) for unit in units)
    ET.indent(root, space="  ")
    text = ET.tostring(root, encoding="unicode", xml_declaration=False)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{text}\n'


def tmx_files(excerpt_units: list[Unit], note_units: list[Unit]) -> dict[str, str]:
    """File name (in `corpus/`) to TMX text: one file per language pair, and the combined one."""
    files: dict[str, str] = {}
    for src in dict.fromkeys(u.srclang for u in excerpt_units):
        units = [u for u in excerpt_units if u.srclang == src]
        files[f"excerpts-{src}-en.tmx"] = tmx_document(units, src)
    targets = dict.fromkeys(lang for u in note_units for lang, _ in u.variants[1:])
    for lang in targets:
        pairs = [Unit(u.tuid, u.srclang, (u.variants[0], v), u.props)
                 for u in note_units for v in u.variants[1:] if v[0] == lang]
        files[f"notes-en-{lang}.tmx"] = tmx_document(pairs, "en")
    combined: list[Unit] = []
    for unit in excerpt_units:
        combined.append(unit)
        combined.extend(n for n in note_units if dict(n.props).get("x-excerpt") == unit.tuid)
    files["excerpts.tmx"] = tmx_document(combined, "*all*")
    return files
