"""The corpus export at the English root: corpus/excerpts.json against its published JSON Schema,
the translation memories read with translate-toolkit, the CSV/TSV tables read with Python's csv
module, no internal file names, and the download page that lists every file."""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT, read_html
from languages import LANGUAGES, edition_prefix
from translate.storage.tmx import tmxfile

MARKUP = re.compile(r"</?(p|span|bdi|a|div|br|em|strong|code)\b[^>]*>")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EDITIONS = ("en", "tr", "fa", "ar")
#: what a reader cannot use: source file names, data and code paths of the repository, the
#: build machine's folders
INTERNAL = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b|[\w/-]+\.(?:ya?ml|py|txt)\b|\bdocs/|\bhooks/"
                      r"|file:/|/tmp/|/work/|site_dir")
COLUMNS = ["id", "paper", "paragraph", "label", "page", "page_inferred", "original",
           "translation", "language_pair", "url"]


def load(site: Path) -> dict:
    return json.loads((site / "corpus" / "excerpts.json").read_text(encoding="utf-8"))


def export_files(site: Path) -> list[Path]:
    files = [p for p in (site / "corpus").iterdir() if p.name != "index.html"]
    return files + sorted((site / "cite").iterdir())


# --- excerpts.json and its schema -----------------------------------------------------------

def test_json_is_valid_against_its_published_schema(site: Path) -> None:
    data = load(site)
    schema = json.loads((site / "corpus" / "excerpts.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["$schema"] == schema["$id"] == data["site_url"] + "corpus/excerpts.schema.json"
    assert data["version"] == schema["properties"]["version"]["const"] == 2
    kept = json.loads((ROOT / "hooks" / "schemas" / "excerpts.schema.json").read_text("utf-8"))
    assert {k: v for k, v in schema.items() if k != "$id"} == kept  # the reviewed schema


def test_schema_refuses_what_the_format_forbids(site: Path) -> None:
    """The published schema is strict enough to catch a changed export."""
    schema = json.loads((site / "corpus" / "excerpts.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for change in (lambda d: d["papers"][0].update(source="x"),  # the old internal field
                   lambda d: d["excerpts"][0].pop("translation"),
                   lambda d: d["excerpts"][0]["notes"].append({"type": "error", "text": "x"}),
                   lambda d: d["excerpts"][0].update(lang="*all*"),
                   lambda d: d.update(version=1)):
        data = load(site)
        change(data)
        assert not validator.is_valid(data)


def test_json_fields(site: Path, corpus) -> None:
    data = load(site)
    base = data["site_url"]
    assert base.startswith("https://") and base.endswith("/")
    assert len(data["excerpts"]) == len(corpus.excerpts)
    keys = {p["key"] for p in data["papers"]}
    assert keys == set(corpus.papers)
    for paper in data["papers"]:
        assert "source" not in paper
        assert paper["urls"]["en"] == f"{base}papers/{paper['key']}/"
    for item in data["excerpts"]:
        assert item["paper"] in keys and item["original"] and item["translation"]
        for text in (item["original"], item["translation"]):
            assert not MARKUP.search(text), ("plain text", item["id"])
        assert item["urls"]["en"] == f"{base}papers/{item['paper']}/#{item['id']}"
        # the English label, with plain spaces (the pages glue "p." to its number)
        label = corpus.label(corpus.excerpts[item["id"]])
        assert item["label"] == " ".join(label.split()) and "\u00a0" not in item["label"]
        assert all(url.startswith(base) for url in item["urls"].values())
    assert all(p["url"].startswith(base) for p in data["packets"])


def test_json_urls_resolve(site: Path) -> None:
    data = load(site)
    for item in data["excerpts"]:
        for url in item["urls"].values():
            path, fragment = url.removeprefix(data["site_url"]).split("#")
            html = (site / path / "index.html").read_text(encoding="utf-8")
            assert f'id="{fragment}"' in html, url


def test_notes_are_plain_text_beside_their_markdown(site: Path, corpus) -> None:
    linked = 0
    for item in load(site)["excerpts"]:
        excerpt = corpus.excerpts[item["id"]]
        for note, source in zip(item["notes"], excerpt.notes, strict=True):
            assert note["texts"] == source.texts and note["text"] == source.texts["en"]
            assert set(note["plain"]) == set(note["texts"])
            for lang, plain in note["plain"].items():
                assert plain and "[[" not in plain and not MARKUP.search(plain), item["id"]
                assert "&amp;" not in plain and "&lt;" not in plain
                for ref in re.findall(r"\[\[([^\]|]+)\]\]", note["texts"][lang]):
                    target = corpus.resolve(ref.strip())
                    assert " ".join(corpus.label(target, lang).split()) in plain, (
                        item["id"], lang, ref)
                    linked += 1
    assert linked > 100


def test_markdown_plain_of_a_note(corpus) -> None:
    from export import markdown_plain

    text = "See [[kazemi-abstract]] and [[kazemi-abstract|the *abstract*]], `code` & *emphasis*.\n\nNext."
    plain = markdown_plain(text, corpus, "fa")
    label = corpus.label(corpus.excerpts["kazemi-abstract"], "fa")
    # plain text has plain spaces: the page's no-break space after «ص.» is one
    assert "\u00a0" in label and "\u00a0" not in plain
    assert plain == f"See {' '.join(label.split())} and the abstract, code & emphasis.\n\nNext."


def test_no_internal_file_name_in_the_export(site: Path, corpus) -> None:
    sources = {p.source for p in corpus.papers.values() if p.source}
    assert sources, "the papers name their source files"
    for path in export_files(site):
        text = path.read_text(encoding="utf-8")
        assert not any(name in text for name in sources), path.name
        match = INTERNAL.search(text)
        assert match is None, (path.name, match and match.group(0))


# --- translation memories ---------------------------------------------------------------------

def excerpt_languages(corpus) -> list[str]:
    return list(dict.fromkeys(x.lang for x in corpus.excerpts.values()))


@pytest.mark.parametrize("lang", ["fa", "ar", "tr"])
def test_tmx_per_language_pair(site: Path, corpus, lang: str) -> None:
    assert lang in excerpt_languages(corpus)
    path = site / "corpus" / f"excerpts-{lang}-en.tmx"
    store = tmxfile.parsefile(str(path))
    header = store.document.getroot().find("header")
    assert store.sourcelanguage == header.get("srclang") == lang  # never *all*
    assert header.get("segtype") == "paragraph"
    expected = [x for x in corpus.excerpts.values() if x.lang == lang]
    exported = {x["id"]: x for x in load(site)["excerpts"]}
    assert [u.getid() for u in store.units] == [x.id for x in expected]
    for unit in store.units:
        item = exported[unit.getid()]
        assert unit.source == item["original"] and unit.gettarget("en") == item["translation"]
        spans = "\n\n" in item["original"] or "\n\n" in item["translation"]
        assert unit.xmlelement.get("segtype") == ("block" if spans else None), unit.getid()
        assert unit.xmlelement.get("srclang") == lang
    assert any(u.xmlelement.get("segtype") == "block" for u in store.units)


def test_tmx_of_the_notes_per_language(site: Path, corpus) -> None:
    exported = load(site)["excerpts"]
    for lang in ("tr", "fa", "ar"):
        store = tmxfile.parsefile(str(site / "corpus" / f"notes-en-{lang}.tmx"))
        assert store.sourcelanguage == "en"
        expected = [(f"{x['id']}/note-{n}", note["plain"]["en"], note["plain"][lang])
                    for x in exported for n, note in enumerate(x["notes"], 1)
                    if note["plain"].get(lang)]
        assert expected
        assert [(u.getid(), u.source, u.gettarget(lang)) for u in store.units] == expected


def test_combined_tmx(site: Path, corpus) -> None:
    root = ET.parse(site / "corpus" / "excerpts.tmx").getroot()
    assert root.tag == "tmx" and root.get("version") == "1.4"
    assert root.find("header") is not None
    units = [u for u in root.findall("body/tu") if "/note-" not in u.get("tuid")]
    assert len(units) == len(corpus.excerpts)
    for unit in units:
        excerpt = corpus.excerpts[unit.get("tuid")]
        assert unit.get("srclang") == excerpt.lang
        langs = [v.get(XML_LANG) for v in unit.findall("tuv")]
        assert langs == [excerpt.lang, "en"]
        assert all(v.findtext("seg") for v in unit.findall("tuv"))
    store = tmxfile.parsefile(str(site / "corpus" / "excerpts.tmx"))
    assert {u.getid() for u in store.units} >= set(corpus.excerpts)


def test_tmx_writer_escapes_and_marks_blocks() -> None:
    from export_tmx import Unit, tmx_document

    text = 'A <b> & "c" ]]> d\n\nsecond paragraph'
    document = tmx_document([Unit("x-1", "fa", (("fa", text), ("en", "one")), (("x-a", "<&>"),)),
                             Unit("x-2", "fa", (("fa", "متن"), ("en", "text")))], "fa")
    store = tmxfile.parsestring(document)
    first, second = store.units
    assert first.source == text and first.gettarget("en") == "one"
    assert first.xmlelement.get("segtype") == "block" and second.xmlelement.get("segtype") is None


# --- CSV and TSV ------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "dialect"), [("pairs.csv", "excel"), ("pairs.tsv", "excel-tab")])
def test_tables_match_the_json(site: Path, name: str, dialect: str) -> None:
    raw = (site / "corpus" / name).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    with (site / "corpus" / name).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, dialect=dialect))
    assert rows[0] == COLUMNS
    records = [dict(zip(COLUMNS, row, strict=True)) for row in rows[1:]]
    items = load(site)["excerpts"]
    assert len(records) == len(items)
    for record, item in zip(records, items, strict=True):
        assert record == {
            "id": item["id"], "paper": item["paper"], "paragraph": str(item["number"]),
            "label": item["label"], "page": item["page"] or "",
            "page_inferred": "yes" if item["page_inferred"] else "no",
            "original": item["original"], "translation": item["translation"],
            "language_pair": f"{item['lang']}-en", "url": item["urls"]["en"]}
    assert any("\n\n" in r["original"] for r in records)  # multi-paragraph fields survive


# --- citation files and the download page -----------------------------------------------------

def test_citation_files(site: Path, corpus) -> None:
    for key in corpus.papers:
        bib = (site / "cite" / f"{key}.bib").read_text(encoding="utf-8")
        assert bib.startswith("@") and f"{{{key}," in bib
        ris = (site / "cite" / f"{key}.ris").read_text(encoding="utf-8")
        assert ris.startswith("TY  - ") and ris.rstrip().endswith("ER  -")


@pytest.mark.parametrize("edition", EDITIONS)
def test_download_page_lists_every_corpus_file(site: Path, edition: str) -> None:
    prefix = edition_prefix(edition)
    doc = read_html(site, f"{prefix}corpus/")
    listed = {}
    for link in doc.select("ul.downloads a[download]"):
        target = (site / prefix / "corpus" / link["href"]).resolve()
        assert target.is_file(), (edition, link["href"])
        if target.parent == (site / "corpus").resolve():
            listed[target.name] = link.parent.get_text()
    files = {p.name for p in (site / "corpus").iterdir() if p.name != "index.html"}
    assert set(listed) == files
    if edition != "en":  # each file described in the edition's language, not English
        english = read_html(site, "corpus/")
        english_text = {a.get_text(): a.parent.get_text() for a in english.select("ul.downloads a")}
        for name, text in listed.items():
            assert text != english_text[name], (edition, name)
    # each paper's citation files, listed with the edition's comma
    comma = LANGUAGES[edition].comma
    for item in doc.select("ul.downloads li:has(a[href$='.bib'])"):
        links = item.select("a")
        assert [link.next_sibling for link in links[:-1]] == [comma] * (len(links) - 1), (
            edition, item.get_text())
