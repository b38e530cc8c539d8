"""The maps (`::: map-caucasus`, `::: map-corridor`; hooks/maps.py, docs/data/maps.yml): every
feature resolves to its entry and back, every feature is drawn and listed in words, the SVG is
well-formed, inert, light, and fits a phone and a desktop in Chromium."""

from __future__ import annotations

import gzip
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from apparatus import load_apparatus
from collation import sort_key
from conftest import EDITIONS, ROOT, mkdocs_build, read_html
from content import read_corpus
from languages import edition_prefix
from maps_data import SHAPES_FILE, read_map_data
from page_blocks import PAGE_BLOCKS
from playwright.sync_api import Page
from sanitize import UnsafeContent, sanitize
from test_a11y import axe_violations, run_vnu

DOCS = ROOT / "docs"
SHAPES = Path(SHAPES_FILE)
UI = yaml.safe_load((DOCS / "data" / "ui.yml").read_text(encoding="utf-8"))
_SVG = re.compile(r'<svg class="map__svg".*?</svg>', re.S)


def map_data():
    corpus, _ = read_corpus(DOCS)
    app, _ = load_apparatus(DOCS, corpus.known_ids())
    return read_map_data(DOCS, app), app


def maps_url(edition: str) -> str:
    return "maps/" if edition == "en" else f"{edition}/maps/"


def resolve(site: Path, base: str, href: str):
    target = urlsplit(urljoin("http://site/" + base, href))
    assert target.fragment, f"{href} on {base} names no anchor"
    return read_html(site, target.path.lstrip("/")).find(id=target.fragment)


# --- the data ------------------------------------------------------------------------------------

def test_the_data_has_no_problem_and_every_map_has_its_block() -> None:
    (data, problems), _ = map_data()
    assert problems == []
    assert data.frames and data.features
    for name in data.frames:
        assert f"map-{name}" in PAGE_BLOCKS
        assert all(UI[ed].get(f"map_{name}") for ed in EDITIONS)
    for feature in data.features:
        assert feature.source.strip()
        if feature.label:
            assert all(UI[ed].get(feature.label) for ed in EDITIONS), feature.label


def test_every_route_corridor_and_city_of_the_issue_is_on_a_map() -> None:
    (data, _), _ = map_data()
    refs = {f.ref[1] for f in data.features}
    assert {"btc-pipeline", "bte-pipeline", "tanap", "southern-gas-corridor", "btk-railway",
            "middle-corridor", "zangezur-corridor", "lachin-corridor", "nagorno-karabakh"} <= refs
    assert {"baku", "tbilisi", "yerevan", "ankara", "shusha", "nakhchivan", "ganja",
            "stepanakert", "kars", "ceyhan", "erzurum"} <= refs


def maps_copy(tmp_path: Path, text: str) -> Path:
    """docs/ with `text` as its maps.yml, beside the country shapes of the site."""
    docs = tmp_path / "docs"
    (docs / "data" / "maps").mkdir(parents=True)
    (docs / "data" / "maps.yml").write_text(text, encoding="utf-8")
    shutil.copy(DOCS / SHAPES, docs / SHAPES)
    return docs


def test_a_wrong_item_is_reported_with_its_file_and_line(tmp_path: Path) -> None:
    text = (DOCS / "data" / "maps.yml").read_text(encoding="utf-8")
    text = text.replace("{entity: ganja,", "{entity: no-such-place,", 1)
    text = text.replace("kind: rail", "kind: canal", 1)
    text = text.replace("label_to: [46.92, 39.55]", "label_to: [46.92]", 1)
    docs = maps_copy(tmp_path, text)
    _, app = map_data()
    _, problems = read_map_data(docs, app)
    lines = text.split("\n")
    assert len(problems) == 3
    assert problems[0].file == "docs/data/maps.yml"
    assert "no-such-place" in lines[problems[0].line - 1] and "entities.yml" in problems[0].message
    assert "kind" in problems[1].message and "term: btk-railway" in lines[problems[1].line - 1]
    assert "label_to" in problems[2].message and "[longitude, latitude]" in problems[2].message
    assert "entity: nagorno-karabakh" in lines[problems[2].line - 1]


@pytest.mark.parametrize("old, new, needle, problem, fix", [
    # latitude first, as many map sites give a point: off both of Baku's maps
    ("{entity: baku, at: [49.867, 40.409]", "{entity: baku, at: [40.409, 49.867]", "entity: baku",
     "lies off the map 'caucasus' (longitude 40.6 to 50.6, latitude 38.3 to 43.0): "
     "[40.409, 49.867]", "write the longitude first: [49.867, 40.409]"),
    ("{entity: ceyhan, at: [35.817, 37.028], maps: [corridor]",
     "{entity: ceyhan, at: [35.817, 37.028], maps: [corridor, caucasus]", "entity: ceyhan",
     "lies off the map 'caucasus'", "leave 'caucasus' out of its `maps:`"),
    ("label_to: [46.92, 39.55]", "label_to: [56.92, 39.55]", "entity: nagorno-karabakh",
     "lies off the map 'caucasus'", "check its coordinates, [longitude, latitude]"),
], ids=["place latitude first", "place off a map it names", "area label pointing off the map"])
def test_a_point_off_its_map_is_named_with_its_line(tmp_path: Path, old: str, new: str,
                                                    needle: str, problem: str, fix: str) -> None:
    """A place, or an area's label, that would be drawn off a map it is on; a route that runs on
    beyond the map, as the BTC pipeline does, is not a problem (the file as shipped has none)."""
    text = (DOCS / "data" / "maps.yml").read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    _, app = map_data()
    _, problems = read_map_data(maps_copy(tmp_path, text), app)
    assert problems, "no problem named"
    assert needle in text.split("\n")[problems[0].line - 1]
    assert problem in problems[0].message and fix in problems[0].fix


#: a whole list or mapping of the file: its key's line and the indented lines under it
_BLOCK = r"^{}:\n(?:  .*\n)+"


@pytest.mark.parametrize("old, new, needle, word", [
    (_BLOCK.format("maps"), "maps: [caucasus]\n", "maps: [caucasus]", "names each map"),
    (_BLOCK.format("maps"), "maps:\n", "maps:", "names each map"),
    (_BLOCK.format("places"), "places: {baku: 1}\n", "places: {baku: 1}", "list of items"),
    (_BLOCK.format("routes"), "routes: none\n", "routes: none", "list of items"),
    (re.escape("extent: [40.6, 38.3, 50.6, 43.0]"), "extent: [40.6, 38.3]", "caucasus:",
     "extent"),
    ("width: 800", "width: 0", "caucasus:", "whole number from 200 to 2000"),
    ("width: 800", "width: true", "caucasus:", "whole number from 200 to 2000"),
    ("width: 800", "width: 80000", "caucasus:", "whole number from 200 to 2000"),
    ("{entity: baku, at:", "{entity: baku, colour: red, at:", "{entity: baku, colour", "`colour`"),
    ("    width: 800\n", "    width: 800\n    height: 600\n", "height: 600", "`height`"),
    ("^routes:\n", "routs: []\nroutes:\n", "routs: []", "`routs`"),
], ids=["maps a list", "maps emptied", "places a mapping", "routes a word", "extent short",
        "width zero", "width true", "width huge", "place key unknown", "map key unknown",
        "file key misspelt"])
def test_a_wrong_shape_of_the_file_is_one_message(tmp_path: Path, old: str, new: str,
                                                  needle: str, word: str) -> None:
    """A list where the file has a mapping (or the reverse), a map's wrong extent, or a key the
    site does not know, is reported once, at its line, and not again for every item drawn on
    that map (`old`: a regular expression)."""
    text = (DOCS / "data" / "maps.yml").read_text(encoding="utf-8")
    text, found = re.subn(old, lambda _: new, text, count=1, flags=re.M)
    assert found == 1, old
    docs = maps_copy(tmp_path, text)
    _, app = map_data()
    _, problems = read_map_data(docs, app)
    assert len(problems) == 1, problems
    assert needle in text.split("\n")[problems[0].line - 1]
    assert word in problems[0].message and problems[0].fix


def _no_point(data: dict) -> None:
    data["features"][3]["geometry"] = {"type": "Point", "coordinates": [45.0, 40.0]}


def _no_name(data: dict) -> None:
    del data["features"][0]["properties"]["name"]


def _outside_the_earth(data: dict) -> None:
    data["features"][1]["geometry"]["coordinates"][0][0][0] = [460.0, 40.0]


@pytest.mark.parametrize("write, line, word", [
    (None, 1, "missing"),
    ("{\n  \"type\": \"FeatureCollection\",\n  features: []\n}\n", 3, "not JSON"),
    ("[1, 2]", 1, "FeatureCollection"),
    ('{"type": "FeatureCollection", "features": []}', 1, "FeatureCollection"),
    (_no_point, 1, "feature 4 of the file is not a country"),
    (_no_name, 1, "feature 1 of the file is not a country"),
    (_outside_the_earth, 1, "feature 2 of the file is not a country"),
], ids=["missing", "not JSON", "a list", "no country", "a point", "no name", "off the earth"])
def test_a_broken_shapes_file_is_one_message(tmp_path: Path, write, line: int,
                                            word: str) -> None:
    """The country shapes are made by a script, not by hand, but a merge or an editor can break
    them: the file is reported, at its line where JSON gives one, with the command that makes it
    again, and not again for every map."""
    import json

    docs = maps_copy(tmp_path, (DOCS / "data" / "maps.yml").read_text(encoding="utf-8"))
    shapes = docs / SHAPES
    if write is None:
        shapes.unlink()
    elif isinstance(write, str):
        shapes.write_text(write, encoding="utf-8")
    else:
        data = json.loads(shapes.read_text(encoding="utf-8"))
        write(data)
        shapes.write_text(json.dumps(data), encoding="utf-8")
    _, app = map_data()
    _, problems = read_map_data(docs, app)
    assert len(problems) == 1, problems
    assert (problems[0].file, problems[0].line) == (f"docs/{SHAPES}", line)
    assert word in problems[0].message and "tools/region_shapes.mjs" in problems[0].fix


def test_a_problem_in_the_maps_stops_the_build_with_its_message(project_copy: Path) -> None:
    """The build reads the maps with the rest of the content and stops on the problem `make
    check` reports, with its file and line: a map drawn on a page gave a traceback before."""
    maps = (DOCS / "data" / "maps.yml").read_text(encoding="utf-8").split("\nplaces:")[0]
    maps_copy(project_copy, maps.replace("width: 800", "width: 0", 1))
    index = project_copy / "docs" / "en" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n::: map-caucasus\n",
                     encoding="utf-8")
    result = mkdocs_build(project_copy, project_copy / "site")
    output = result.stdout + result.stderr
    line = maps.split("\n").index("  caucasus:") + 1
    assert result.returncode != 0 and "Traceback" not in output, output[-3000:]
    assert f"docs/data/maps.yml:{line}: map 'caucasus' needs" in output, output[-3000:]


@pytest.mark.site
def test_a_name_an_edition_lacks_is_drawn_and_listed_as_english(tmp_path: Path) -> None:
    """A place whose entry has no Persian name yet is labelled on the Persian map with its
    English name, marked English, on the map and in the list under it; a name the edition has
    is not marked."""
    from maps import map_html
    from reader_build import ReaderBuild

    shutil.copytree(DOCS, tmp_path / "docs", ignore=shutil.ignore_patterns("assets", "fonts"))
    entities = tmp_path / "docs" / "data" / "entities.yml"
    text = entities.read_text(encoding="utf-8")
    shusha = 'names: {en: "Shusha", tr: "Şuşa", fa: "شوشا", ar: "شوشا"}'
    assert shusha in text
    entities.write_text(text.replace(shusha, 'names: {en: "Shusha", tr: "Şuşa", ar: "شوشا"}'),
                        encoding="utf-8")
    build = ReaderBuild.load(tmp_path / "docs")
    build.start_edition("fa")
    html = map_html(build, build.maps, "caucasus", lambda url: url)
    assert '<text class="map__label" x=' in html
    assert re.search(r'<text class="map__label" [^>]*lang="en">Shusha</text>', html)
    assert '<li><a href="fa/people-and-places/#entity-shusha"><span lang="en" dir="ltr">Shusha</span>' \
        '</a></li>' in html
    assert re.search(r'<text class="map__label" [^>]*y="[^"]*">باکو</text>', html)  # not marked
    build.start_edition("tr")
    tr = map_html(build, build.maps, "caucasus", lambda url: url)
    assert re.search(r'<text class="map__label" [^>]*y="[^"]*">Şuşa</text>', tr)


def test_hostile_svg_is_still_refused() -> None:
    hostile = [
        '<svg viewBox="0 0 1 1"><script>alert(1)</script></svg>',
        '<svg onload="alert(1)" viewBox="0 0 1 1"></svg>',
        '<svg><a href="javascript:alert(1)"><text x="1" y="1">x</text></a></svg>',
        '<svg><foreignObject><p>x</p></foreignObject></svg>',
        '<svg><use href="#x"></use></svg>',
        '<svg><image href="https://example.org/x.png"></image></svg>',
        '<svg><path d="M0 0" style="fill:url(https://example.org/x)"></path></svg>',
        '<svg><animate attributeName="href" to="javascript:alert(1)"></animate></svg>',
    ]
    for markup in hostile:
        with pytest.raises(UnsafeContent):
            sanitize(markup, "docs/en/maps.md")
    shape = '<svg viewBox="0 0 10 10"><g><path class="a" d="M0 0L1 1Z"></path></g></svg>'
    assert "<path" in sanitize(shape, "docs/en/maps.md")


# --- the built site ------------------------------------------------------------------------------

@pytest.mark.parametrize("edition", list(EDITIONS))
def test_each_map_is_wellformed_inert_light_and_links_every_feature(site: Path, edition: str) -> None:
    (data, _), app = map_data()
    url = maps_url(edition)
    raw = (site / url / "index.html").read_text(encoding="utf-8")
    soup = read_html(site, url)
    svgs = _SVG.findall(raw)
    assert len(svgs) == len(data.frames)
    for name, svg in zip(data.frames, svgs, strict=True):
        ET.fromstring(svg)  # well-formed XML
        assert not re.search(r"<script|\son\w+=|javascript:|<foreignObject|<use\b|<image\b", svg, re.I)
        figure = soup.find(id=f"map-{name}")
        assert len(gzip.compress(str(figure).encode("utf-8"))) < 150_000
        listed = {a["href"] for a in figure.select(".map__list a")}
        for feature in (f for f in data.features if name in f.maps):
            link = figure.find(id=f"map-{name}-{feature.ref[1]}")
            assert link is not None and link.name == "a", (name, feature.ref)
            assert resolve(site, url, link["href"]) is not None, link["href"]
            assert link["href"] in listed, f"{feature.ref} is not in the list under the map"
            if feature.group == "places":
                names = app.entities[feature.ref[1]].names
                assert link.get_text(strip=True) == (names.get(edition) or names["en"])


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_the_list_under_a_map_names_its_places_in_alphabetical_order(site: Path,
                                                                       edition: str) -> None:
    """Places, and countries and seas, in the edition's alphabetical order (the map draws them
    in the data's); the lines and outlines stay in the data's order, grouped by how they are
    drawn."""
    (data, _), _ = map_data()
    soup = read_html(site, maps_url(edition))
    for name in data.frames:
        lists = soup.find(id=f"map-{name}").select_one(".map__list")
        for items in lists.select("ul.map__items--places"):
            names = [a.get_text(strip=True) for a in items.select("a")]
            assert len(names) >= 5
            assert names == sorted(names, key=lambda n: sort_key(n, edition)), (name, names)
        drawn = [a["href"] for a in soup.select(f"#map-{name} .map__places a")]
        listed = [a["href"] for a in lists.select("ul.map__items--places")[0].select("a")]
        assert sorted(drawn) == sorted(listed) and drawn != listed


@pytest.mark.parametrize("edition", ["en", "fa"])
def test_every_entry_on_a_map_links_to_it_highlighted(site: Path, edition: str) -> None:
    (data, _), _ = map_data()
    prefix = edition_prefix(edition)
    pages = {"entity": f"{prefix}people-and-places/", "term": f"{prefix}glossary/"}
    for feature in data.features:
        kind, ident = feature.ref
        entry = read_html(site, pages[kind]).find(id=f"{kind if kind == 'entity' else 'term'}-{ident}")
        links = entry.select(".map-link a")
        assert len(links) >= 1, feature.ref
        for link in links:
            target = resolve(site, pages[kind], link["href"])
            assert target is not None and target.name == "a", link["href"]
        # its locator: a small map with the entry marked, hidden from screen readers (the links
        # say the same in words), valid XML and inert like the big maps
        locators = entry.select("svg.locator")
        assert len(locators) == 1, feature.ref
        locator = locators[0]
        assert locator.get("aria-hidden") == "true" and locator.find("a") is None
        assert len(locator.select(".locator__land path")) >= 5, feature.ref
        marks = locator.select(".locator__dot, .locator__route, .locator__area")
        assert len(marks) == 1, feature.ref
        if marks[0].name == "circle":
            box = next(v for k, v in locator.attrs.items() if k.lower() == "viewbox")
            width, height = map(float, box.split()[2:])
            assert 0 <= float(marks[0]["cx"]) <= width and 0 <= float(marks[0]["cy"]) <= height
        ET.fromstring(str(locator))
        assert len(str(locator)) < 12_000, (feature.ref, len(str(locator)))


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_entries_not_on_a_map_have_no_locator_and_no_list_is_empty(site: Path, edition: str) -> None:
    (data, _), _ = map_data()
    prefix = edition_prefix(edition)
    on_map = {f"{'entity' if k == 'entity' else 'term'}-{i}" for k, i in (f.ref for f in data.features)}
    for url in (f"{prefix}people-and-places/", f"{prefix}glossary/"):
        for locator in read_html(site, url).select("svg.locator"):
            entry = locator.find_parent(class_=["entity", "term"])
            assert entry["id"] in on_map, entry["id"]
    for heading in read_html(site, maps_url(edition)).select(".map__heading"):
        items = heading.find_next_sibling("ul")
        assert items is not None and items.find("li") is not None, heading.get_text()


def test_the_region_file_names_its_source_and_licence() -> None:
    region = (DOCS / "data" / "maps" / "region.geojson").read_text(encoding="utf-8")
    assert '"licence":"public domain (Natural Earth)"' in region and "world-atlas" in region
    assert len(region) < 200_000
    assert shutil.which("node") is None or (ROOT / "tools" / "region_shapes.mjs").is_file()


#: the smallest on-screen size of a map's labels (CSS pixels): a phone keeps the map this legible
#: and pans it sideways, rather than shrink it to the screen's width
LEGIBLE_PX = 11


@pytest.mark.parametrize("edition", ["en", "fa"])
@pytest.mark.parametrize("width", [390, 1280])
def test_maps_fit_phones_and_desktops(site: Path, server: str, page: Page, edition: str,
                                      width: int) -> None:
    """The page never scrolls sideways: on a desktop the map fits its column; on a phone it keeps
    legible labels and pans in a frame that fits the screen, a named region the keyboard reaches,
    starting on the outlined areas of the war."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(server + maps_url(edition))
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    for pan in page.locator(".map__pan").all():
        frame, svg = pan.bounding_box(), pan.locator(".map__svg").bounding_box()
        assert frame is not None and svg is not None and svg["height"] > 100
        assert frame["x"] >= 0 and frame["x"] + frame["width"] <= width
        pans = svg["width"] > frame["width"] + 1
        assert pans == (width < 600), (width, frame, svg)
        assert (pan.get_attribute("tabindex") == "0") == pans
        if pans:
            title = pan.locator("xpath=..").locator(".map__title").inner_text()
            assert pan.get_attribute("role") == "region" and pan.get_attribute("aria-label") == title
    sizes = page.eval_on_selector_all(
        ".map__svg text", "ts => ts.map(t => t.getBoundingClientRect().height)")
    assert sizes and min(sizes) >= LEGIBLE_PX, min(sizes)
    if width < 600:  # the Karabakh outlines are in view, not the map's western edge
        frame = page.locator("#map-caucasus .map__pan").bounding_box()
        area = page.locator("#map-caucasus-nagorno-karabakh .map__area").bounding_box()
        assert frame is not None and area is not None
        assert frame["x"] <= area["x"] and area["x"] + area["width"] <= frame["x"] + frame["width"]


def test_a_phone_opens_the_map_on_the_feature_the_link_names(site: Path, server: str,
                                                              page: Page) -> None:
    page.set_viewport_size({"width": 390, "height": 900})
    for feature in ("map-caucasus-baku", "map-caucasus-erzurum"):
        page.goto(f"{server}fa/maps/#{feature}")
        frame = page.locator("#map-caucasus .map__pan").bounding_box()
        dot = page.locator(f"#{feature} .map__dot").bounding_box()
        assert frame is not None and dot is not None
        assert frame["x"] <= dot["x"] and dot["x"] + dot["width"] <= frame["x"] + frame["width"]


#: in the SVG's own units, so the same at every width: each label's box, the dots, the frame
_LAYOUT = """() => [...document.querySelectorAll('.map__svg')].map(svg => {
  const box = e => { const b = e.getBBox(); return [b.x, b.y, b.x + b.width, b.y + b.height]; };
  const owner = e => e.closest('a') ? e.closest('a').id : '';
  const vb = svg.viewBox.baseVal;
  return {frame: [vb.x, vb.y, vb.x + vb.width, vb.y + vb.height],
          labels: [...svg.querySelectorAll('text')].map(t => [t.textContent, owner(t), box(t)]),
          dots: [...svg.querySelectorAll('.map__dot, .map__leader-end')].map(d => [owner(d), box(d)])};
})"""


def _overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_no_label_hides_another_or_leaves_the_map(site: Path, server: str, page: Page,
                                                  edition: str) -> None:
    """Labels differ in length from one language to the next: in every edition, on a desktop and
    on a phone, no label covers another feature's label or dot (a place's, or the end of an
    area's leader), and none runs past the map's edge."""
    page.goto(server + maps_url(edition))
    page.evaluate("document.fonts.ready")
    problems = []
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        problems += [f"{width}px: {p}" for p in _label_problems(page.evaluate(_LAYOUT))]
    assert not problems, problems


def _label_problems(svgs: list[dict]) -> list[str]:
    problems = []
    for svg in svgs:
        frame, labels = svg["frame"], svg["labels"]
        for i, (name, owner, box) in enumerate(labels):
            if not (frame[0] <= box[0] and box[2] <= frame[2] and frame[1] <= box[1]
                    and box[3] <= frame[3]):
                problems.append(f"{name} runs past the map's edge")
            problems += [f"{name} covers {other}" for other, owner2, box2 in labels[i + 1:]
                         if (owner != owner2 or not owner) and _overlap(box, box2)]
            problems += [f"{name} covers the dot of {dot_owner}" for dot_owner, dot in svg["dots"]
                         if dot_owner != owner and _overlap(box, dot)]
    return problems


def test_the_maps_pages_pass_the_nu_html_checker(site: Path) -> None:
    files = [site / maps_url(e) / "index.html" for e in EDITIONS]
    files += [site / p / "index.html" for p in ("glossary", "people-and-places",
                                                 "fa/glossary", "fa/people-and-places")]
    errors = [f"{m.get('url', '')[-40:]}:{m.get('lastLine')}: {m['message']}"
              for m in run_vnu(files) if m["type"] in ("error", "non-document-error")]
    assert not errors, "\n".join(errors[:20])


@pytest.mark.parametrize("edition", ["en", "fa"])
def test_the_maps_pages_have_no_axe_violation(site: Path, server: str, page: Page,
                                              edition: str) -> None:
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(server + maps_url(edition))
        assert axe_violations(page) == [], (edition, width)


def test_the_packets_print_the_map_in_its_colours(site_pdfs: Path) -> None:
    import fitz  # PyMuPDF, as readers' tools open the PDF

    with fitz.open(site_pdfs / "pdf" / "en" / "packet-war-2020.pdf") as pdf:
        pages = [p for p in pdf if "What the map shows" in p.get_text()]
        assert pages, "the packet's PDF has no map"
        text = pages[0].get_text()
        assert "Khankendi (Stepanakert)" in text and "Nagorno-Karabakh\n(approximate)" in text
        fills = {tuple(round(c, 2) for c in d["fill"]) for d in pages[0].get_drawings()
                 if d.get("fill")}
        assert (0.96, 0.95, 0.92) in fills  # the land's colour, not the SVG default black
        dashed = [d for d in pages[0].get_drawings() if d.get("dashes") not in (None, "[] 0")]
        assert len(dashed) >= 4  # routes told apart by their dash patterns


@pytest.mark.parametrize("edition", ["fa", "ar"])
def test_the_right_to_left_packets_print_the_labels_joined_in_their_fonts(site_pdfs: Path,
                                                                         edition: str) -> None:
    """WeasyPrint sets SVG text letter by letter: the Persian and Arabic labels reach it in their
    joined forms and drawing order, in the print fonts (no system font; see test_pdf)."""
    import fitz

    with fitz.open(site_pdfs / "pdf" / edition / "packet-war-2020.pdf") as pdf:
        spans = [span for page in pdf for block in page.get_text("dict")["blocks"]
                 for line in block.get("lines", []) for span in line["spans"]]
    drawn = [s for s in spans if any(0xFB50 <= ord(c) <= 0xFEFF for c in s["text"])]
    assert drawn, "no label drawn in joined forms"
    assert all(s["font"].split("+")[-1].startswith("Reader-Arabic-Script") for s in drawn)


def test_a_right_to_left_label_is_given_as_it_is_drawn() -> None:
    """Each letter in its joined form (a presentation form), the letters in the order they stand
    from the left, brackets mirrored: read back from the right, the label itself."""
    import unicodedata

    from maps_print import as_drawn, with_map_styles

    label = "خانکندی (استپانکرت)"
    drawn = as_drawn(label)
    letters = [c for c in drawn if unicodedata.bidirectional(c) == "AL"]
    assert letters and all(0xFB50 <= ord(c) <= 0xFEFF for c in letters)
    read = unicodedata.normalize("NFKC", drawn[::-1]).translate(str.maketrans("()", ")("))
    assert read == label
    svg = f'<svg class="map__svg" viewBox="0 0 8 8"><text x="1" y="1">{label}</text></svg>'
    fa = with_map_styles(svg, ROOT / "docs", "fa")
    assert drawn in fa and "letter-spacing: 0" in fa and '"Reader Arabic Script", "Reader Sans"' in fa
    en = with_map_styles(svg.replace(label, "Khankendi"), ROOT / "docs", "en")
    assert ">Khankendi<" in en and '"Reader Sans", "Reader Arabic Script"' in en
