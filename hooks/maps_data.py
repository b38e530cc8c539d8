"""The maps' data: `docs/data/maps.yml` (places, regions, routes and areas, each tied to an entry
of the glossary or of the index of people and places) read into typed records and checked.

Every problem names the file, the line and the item, and says how to fix it. Country shapes are
read from `docs/data/maps/region.geojson` (see SOURCE.md there), made by `tools/region_shapes.mjs`,
not edited by hand: it is checked for its structure only (a file a merge or an editor broke is
reported, with the command that makes it again).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from apparatus import Apparatus
from model import Problem
from yaml_lines import load_yaml, unknown_keys

MAPS_FILE = "data/maps.yml"
SHAPES_FILE = "data/maps/region.geojson"
ROUTE_KINDS = ("oil", "gas", "rail", "corridor", "proposed", "road")
SIDES = ("e", "w", "n", "s")

LonLat = tuple[float, float]
#: the keys of the file, of a map, and of an item of each group (`unknown_keys` reports others)
FILE_KEYS = frozenset({"maps", "places", "regions", "routes", "areas"})
FRAME_KEYS = frozenset({"extent", "width"})
_LINKED = ("entity", "term", "maps", "source")
ITEM_KEYS = {"places": frozenset({*_LINKED, "at", "side"}),
             "regions": frozenset({*_LINKED, "at", "side"}),
             "routes": frozenset({*_LINKED, "line", "kind"}),
             "areas": frozenset({*_LINKED, "rings", "label_at", "label_to", "label"})}
#: a country of the shapes file: its name and the outer rings of its polygons
Shape = tuple[str, list[list[LonLat]]]
#: a map's width in SVG units (the map is scaled to the page: this sets its detail and text size)
WIDTHS = range(200, 2001)


@dataclass(frozen=True)
class MapFrame:
    name: str
    extent: tuple[float, float, float, float]  #: west, south, east, north
    width: int


@dataclass(frozen=True)
class Feature:
    """A place, region label, route or area on one or more maps."""

    group: str  #: places, regions, routes or areas
    ref: tuple[str, str]  #: ("entity" or "term", id)
    maps: tuple[str, ...]
    source: str
    line: int
    points: tuple[LonLat, ...] = ()  #: a place or label: one point; a route: its line
    rings: tuple[tuple[LonLat, ...], ...] = ()  #: an area's outline (and holes)
    kind: str = ""
    side: str = "e"
    label: str = ""  #: an area's name as a key of ui.yml, where the entry's name is not its own
    target: LonLat | None = None  #: an area's label placed outside it: where its leader points


@dataclass
class MapData:
    frames: dict[str, MapFrame]
    features: list[Feature]
    shapes: list[Shape] = field(default_factory=list)
    #: the shapes drawn for a frame, once for all editions (`maps._shapes`)
    drawn: dict[tuple[object, ...], list[dict[str, object]]] = field(default_factory=dict)


def _point(value: Any) -> LonLat | None:
    if (isinstance(value, (list, tuple)) and len(value) == 2
            and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
            and -180 <= value[0] <= 180 and -90 <= value[1] <= 90):
        return float(value[0]), float(value[1])
    return None


def _points(value: Any) -> tuple[LonLat, ...] | None:
    if not isinstance(value, list) or len(value) < 2:
        return None
    points = [_point(v) for v in value]
    return None if any(p is None for p in points) else tuple(p for p in points if p)


def _frames(data: Any, rel: str, line: int = 1) -> tuple[dict[str, MapFrame], list[Problem]]:
    frames: dict[str, MapFrame] = {}
    problems = []
    if not isinstance(data, dict):
        return frames, [Problem(rel, line, "`maps:` names each map with its `extent` and `width`",
                                "write it as a mapping: `caucasus: {extent: [40.6, 38.3, 50.6, "
                                "43.0], width: 800}` on the line below `maps:`")]
    for name, entry in data.items():
        if name.startswith("__"):
            continue
        line = (data.get("__lines__") or {}).get(name, 1)
        if isinstance(entry, dict):
            problems += unknown_keys(entry, FRAME_KEYS, rel, f"map '{name}'")
        extent = entry.get("extent") if isinstance(entry, dict) else None
        width = entry.get("width") if isinstance(entry, dict) else None
        if not (isinstance(extent, list) and len(extent) == 4 and isinstance(width, int)
                and not isinstance(width, bool) and width in WIDTHS
                and _point(extent[:2]) and _point(extent[2:]) and extent[0] < extent[2]
                and extent[1] < extent[3]):
            problems.append(Problem(rel, line, f"map '{name}' needs `extent: [west, south, east, "
                                    "north]` in degrees and a `width`, a whole number from "
                                    f"{WIDTHS.start} to {WIDTHS.stop - 1}",
                                    "write it as `{extent: [40.6, 38.3, 50.6, 43.0], width: 800}`"))
            continue
        frames[name] = MapFrame(name, tuple(float(v) for v in extent), width)  # type: ignore[arg-type]
    return frames, problems


def _ref(entry: dict[str, Any], app: Apparatus) -> tuple[tuple[str, str] | None, str]:
    """The entry a feature links to, or why it cannot."""
    if "entity" in entry:
        ref = ("entity", str(entry["entity"]))
        known = ref[1] in app.entities
    elif "term" in entry:
        ref = ("term", str(entry["term"]))
        known = ref[1] in app.terms
    else:
        return None, "needs `entity:` (an id in entities.yml) or `term:` (an id in glossary.yml)"
    where = "entities.yml" if ref[0] == "entity" else "glossary.yml"
    if not known and where not in app.unread:  # an unread file is reported once, by itself
        return None, f"links to {ref[0]} '{ref[1]}', which is not in docs/data/{where}"
    return ref, ""


def _feature(group: str, entry: Any, maps_named: list[str] | None, app: Apparatus,
             ) -> tuple[Feature | None, str]:
    if not isinstance(entry, dict):
        return None, "is not a mapping"
    ref, why = _ref(entry, app)
    if ref is None:
        return None, why
    maps = entry.get("maps")
    if not isinstance(maps, list) or not maps or \
            (maps_named is not None and any(m not in maps_named for m in maps)):
        return None, f"needs `maps:`, a list of map names among {', '.join(maps_named or [])}"
    source = entry.get("source")
    if not isinstance(source, str) or not source.strip():
        return None, "needs a `source:` saying where its coordinates come from"
    common = {"group": group, "ref": ref, "maps": tuple(maps), "source": source.strip(),
              "line": entry.get("__line__", 1)}
    if group == "routes":
        line = _points(entry.get("line"))
        if line is None or entry.get("kind") not in ROUTE_KINDS:
            return None, f"needs `line:` (two or more [lon, lat]) and `kind:` ({', '.join(ROUTE_KINDS)})"
        return Feature(points=line, kind=entry["kind"], **common), ""
    if group == "areas":
        rings = [_points(r) for r in entry.get("rings") or []]
        label = _point(entry.get("label_at"))
        if not rings or any(r is None or len(r) < 3 for r in rings) or label is None:
            return None, "needs `rings:` (lists of three or more [lon, lat]) and `label_at: [lon, lat]`"
        target = _point(entry.get("label_to"))
        if "label_to" in entry and target is None:
            return None, "has a `label_to:` that is not [longitude, latitude] (a point inside the area)"
        key = entry.get("label", "")
        if not isinstance(key, str) or (key and not key.startswith("map_")):
            return None, "has a `label:` that is not a key of ui.yml starting with `map_`"
        return Feature(points=(label,), rings=tuple(r for r in rings if r), label=key,
                       target=target, **common), ""
    point = _point(entry.get("at"))
    side = entry.get("side", "e")
    if point is None or side not in SIDES:
        return None, f"needs `at: [longitude, latitude]` and, if given, `side:` ({', '.join(SIDES)})"
    return Feature(points=(point,), side=side, **common), ""


def _inside(point: LonLat, frame: MapFrame) -> bool:
    west, south, east, north = frame.extent
    return west <= point[0] <= east and south <= point[1] <= north


def _outside(feature: Feature, frames: dict[str, MapFrame], rel: str) -> list[Problem]:
    """A place, or an area's label, off a map it is on, most often written latitude first; a
    route may run on beyond the map, but not lie wholly off it (an area's outline may too)."""
    problems = []
    for frame in (frames[m] for m in feature.maps if m in frames):
        placed = feature.group != "routes"  # a place, a region's or an area's label
        points = [*feature.points, *([feature.target] if feature.target else [])] if placed \
            else [*feature.points, *(p for ring in feature.rings for p in ring)]
        off = [p for p in points if not _inside(p, frame)]
        if not off or (not placed and len(off) < len(points)):
            continue
        west, south, east, north = frame.extent
        lon, lat = off[0]
        swapped = all(_inside((b, a), frame) for a, b in off)
        problems.append(Problem(
            rel, feature.line, f"the item of `{feature.group}` at this line lies off the map "
            f"'{frame.name}' (longitude {west} to {east}, latitude {south} to {north}): "
            f"[{lon:g}, {lat:g}]", f"write the longitude first: [{lat:g}, {lon:g}]" if swapped
            else f"check its coordinates, [longitude, latitude], or leave '{frame.name}' out of "
            "its `maps:`"))
    return problems


def read_map_data(docs_dir: Path, app: Apparatus) -> tuple[MapData, list[Problem]]:
    """The maps' data with every problem found in docs/data/maps.yml."""
    path = docs_dir / MAPS_FILE
    if not path.exists():  # a site without maps
        return MapData({}, []), []
    data, problems = load_yaml(path, docs_dir.parent)
    rel = f"docs/{MAPS_FILE}"
    if problems or not isinstance(data, dict):
        return MapData({}, []), problems or [Problem(rel, 1, "the maps' file is not a mapping",
                                                     "start from the file's history")]
    lines = data.get("__lines__") or {}
    frames, problems = _frames(data.get("maps"), rel, lines.get("maps", 1))
    problems = unknown_keys(data, FILE_KEYS, rel, "the maps' file") + problems
    # a map whose own entry is wrong is still a map, and without `maps:` no name is known: its
    # items are not each reported for it
    declared = [str(n) for n in data["maps"] if not str(n).startswith("__")] \
        if isinstance(data.get("maps"), dict) else None
    features = []
    for group in ("places", "regions", "routes", "areas"):
        entries = data.get(group) or []
        if not isinstance(entries, list):
            problems.append(Problem(rel, lines.get(group, 1), f"`{group}:` is a list of items",
                                    "begin each item with `- ` on a line of its own below "
                                    f"`{group}:`, as the other lists of the file do"))
            continue
        for entry in entries:
            if isinstance(entry, dict):
                problems += unknown_keys(entry, ITEM_KEYS[group], rel, f"an item of `{group}`")
            feature, why = _feature(group, entry, declared, app)
            if feature is None:
                line = entry.get("__line__", 1) if isinstance(entry, dict) else 1
                problems.append(Problem(rel, line, f"the item of `{group}` at this line {why}",
                                        "fix the item as the comment at the top of the file says"))
            else:
                features.append(feature)
                problems += _outside(feature, frames, rel)
    shapes, more = read_shapes(docs_dir)
    return MapData(frames, features, shapes), problems + more


_SHAPES_FIX = ("make the file again with `node tools/region_shapes.mjs > "
               "docs/data/maps/region.geojson` (see SOURCE.md beside it), or restore it from the "
               "repository's history")


def read_shapes(docs_dir: Path) -> tuple[list[Shape], list[Problem]]:
    """The country shapes as (name, rings), from the checked-in GeoJSON file: a
    FeatureCollection of MultiPolygons, each with a `name` property."""
    path, rel = docs_dir / SHAPES_FILE, f"docs/{SHAPES_FILE}"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return [], [Problem(rel, 1, "the file of the country shapes is missing", _SHAPES_FIX)]
    except UnicodeDecodeError:
        return [], [Problem(rel, 1, "the file is not UTF-8 text", _SHAPES_FIX)]
    except json.JSONDecodeError as err:
        return [], [Problem(rel, err.lineno, f"the file is not JSON: {err.msg} (column "
                            f"{err.colno})", _SHAPES_FIX)]
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list) or not features:
        return [], [Problem(rel, 1, "the file is not a GeoJSON FeatureCollection of countries",
                            _SHAPES_FIX)]
    shapes = [_shape(feature) for feature in features]
    bad = [number for number, shape in enumerate(shapes, start=1) if shape is None]
    if bad:
        return [], [Problem(rel, 1, f"feature {bad[0]} of the file is not a country: a `name` "
                            "property and a MultiPolygon of [longitude, latitude] points",
                            _SHAPES_FIX)]
    return [s for s in shapes if s is not None], []


def _shape(feature: Any) -> Shape | None:
    """A feature as (name, the outer ring of each polygon), or None where it is not one."""
    if not isinstance(feature, dict):
        return None
    properties = feature.get("properties")
    name = properties.get("name") if isinstance(properties, dict) else None
    geometry = feature.get("geometry")
    if not isinstance(name, str) or not isinstance(geometry, dict) \
            or geometry.get("type") != "MultiPolygon" \
            or not isinstance(geometry.get("coordinates"), list):
        return None
    rings = []
    for polygon in geometry["coordinates"]:
        ring = _points(polygon[0]) if isinstance(polygon, list) and polygon else None
        if ring is None or len(ring) < 3:
            return None
        rings.append(list(ring))
    return name, rings
