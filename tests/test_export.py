"""The corpus export: corpus/excerpts.json and corpus/excerpts.tmx at the English root."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

MARKUP = re.compile(r"</?(p|span|bdi|a|div|br|em|strong|code)\b[^>]*>")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def load(site: Path) -> dict:
    return json.loads((site / "corpus" / "excerpts.json").read_text(encoding="utf-8"))


def test_json_schema(site: Path, corpus) -> None:
    data = load(site)
    assert set(data) >= {"papers", "excerpts"}
    assert len(data["excerpts"]) == len(corpus.excerpts)
    keys = {p["key"] for p in data["papers"]}
    assert keys == set(corpus.papers)
    for paper in data["papers"]:
        assert paper["lang"] in ("fa", "ar", "tr")
        assert {"title", "record", "reference", "urls", "sections"} <= set(paper)
        assert set(paper["urls"]) == {"en", "tr", "fa", "ar"}
    for item in data["excerpts"]:
        assert {"id", "paper", "lang", "original", "translation", "page", "section", "terms",
                "urls", "label", "number"} <= set(item)
        assert item["paper"] in keys and item["original"] and item["translation"]
        for text in (item["original"], item["translation"]):
            assert not MARKUP.search(text), ("plain text", item["id"])
        assert set(item["urls"]) == {"en", "tr", "fa", "ar"}
        assert item["urls"]["en"] == f"papers/{item['paper']}/#{item['id']}"
        assert isinstance(item["terms"], list)


def test_json_urls_resolve(site: Path) -> None:
    for item in load(site)["excerpts"]:
        for url in item["urls"].values():
            path, fragment = url.split("#")
            html = (site / path / "index.html").read_text(encoding="utf-8")
            assert f'id="{fragment}"' in html, url


def test_tmx(site: Path, corpus) -> None:
    root = ET.parse(site / "corpus" / "excerpts.tmx").getroot()
    assert root.tag == "tmx" and root.get("version") == "1.4"
    assert root.find("header") is not None
    units = [u for u in root.findall("body/tu") if "/note-" not in u.get("tuid")]
    assert len(units) == len(corpus.excerpts)
    for unit in units:
        excerpt = corpus.excerpts[unit.get("tuid")]
        langs = [v.get(XML_LANG) for v in unit.findall("tuv")]
        assert langs == [excerpt.lang, "en"]
        assert all(v.findtext("seg") for v in unit.findall("tuv"))


def test_citation_files(site: Path, corpus) -> None:
    for key in corpus.papers:
        bib = (site / "cite" / f"{key}.bib").read_text(encoding="utf-8")
        assert bib.startswith("@") and f"{{{key}," in bib
        ris = (site / "cite" / f"{key}.ris").read_text(encoding="utf-8")
        assert ris.startswith("TY  - ") and ris.rstrip().endswith("ER  -")


def test_export_is_linked_from_the_site(site: Path) -> None:
    html = (site / "corpus" / "index.html").read_text(encoding="utf-8")
    assert 'href="excerpts.json"' in html and 'href="excerpts.tmx"' in html
