"""The `::: map <name>` block: a map of the region drawn as inline SVG at build time.

Country shapes (docs/data/maps/region.geojson, Natural Earth) and the editors' places, routes and
outlines (docs/data/maps.yml, read by `maps_data`) are projected by pyproj in a Lambert conformal
conic projection fitted to the map's extent; the SVG comes from the autoescaped template
`map.html`. Every place, route and outline is a link to its entry in the glossary or the index of
people and places, labelled with that entry's name in the edition's language, and the list under
the map says in words everything the map shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from apparatus_text import edition_name
from collation import sort_key
from maps_data import Feature, LonLat, MapData, MapFrame
from mkdocs.utils import get_relative_url
from pyproj import Transformer
from reader_build import ReaderBuild
from shapely import make_valid
from shapely.geometry import Polygon, box
from templates import Markup, render

#: countries drawn in a stronger tone: the three of the South Caucasus
FOCUS = {"Azerbaijan", "Armenia", "Georgia"}
#: unlinked labels of countries with no entry of their own: (ui key, lon, lat, map)
COUNTRY_LABELS = (("map_azerbaijan", 47.6, 41.3, "caucasus"), ("map_turkiye", 42.0, 39.0, "caucasus"),
                  ("map_turkiye", 33.0, 38.2, "corridor"))

Point = tuple[float, float]
#: the width of an entry's locator map, in user units (one unit a CSS pixel)
LOCATOR_WIDTH = 176
#: the smallest detail kept in a locator's country outlines, in its user units
LOCATOR_DETAIL = 0.6
#: where a place's label goes from its dot, by side (user units; the text is about 15 high)
LABEL_OFFSETS = {"e": (7.0, 5.0), "w": (-7.0, 5.0), "n": (0.0, -8.0), "s": (0.0, 19.0)}


class Projection:
    """Longitude/latitude to the SVG's user units, for one map frame; `digits` after the point."""

    def __init__(self, frame: MapFrame, digits: int = 1) -> None:
        self.frame, self.digits = frame, digits
        west, south, east, north = frame.extent
        mid_lat, mid_lon = (south + north) / 2, (west + east) / 2
        self.transformer = Transformer.from_crs(
            "EPSG:4326", f"+proj=lcc +lat_1={south + 1} +lat_2={north - 1} +lat_0={mid_lat} "
            f"+lon_0={mid_lon} +datum=WGS84 +units=m", always_xy=True)
        border = [(west + (east - west) * i / 20, lat) for i in range(21) for lat in (south, north)]
        border += [(lon, south + (north - south) * i / 20) for i in range(21) for lon in (west, east)]
        xs, ys = self.transformer.transform([p[0] for p in border], [p[1] for p in border])
        self.left, self.top = min(xs), max(ys)
        self.scale = frame.width / (max(xs) - self.left)
        self.width, self.height = frame.width, round((self.top - min(ys)) * self.scale)

    def points(self, lonlats: Iterable[LonLat]) -> list[Point]:
        pts = list(lonlats)
        xs, ys = self.transformer.transform([p[0] for p in pts], [p[1] for p in pts])
        return [(round((x - self.left) * self.scale, self.digits),
                 round((self.top - y) * self.scale, self.digits))
                for x, y in zip(xs, ys, strict=True)]

    def rounded(self, points: Iterable[Sequence[float]]) -> list[Point]:
        """Points already projected (a cut shape's corners), to this projection's digits."""
        return [(round(p[0], self.digits), round(p[1], self.digits)) for p in points]


def path_data(points: list[Point], closed: bool) -> str:
    """SVG path data of a line (or ring), repeated points dropped (a closed ring's last point,
    the same as its first, too: `Z` draws that side)."""
    kept = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
    if closed and len(kept) > 1 and kept[-1] == kept[0]:
        kept.pop()
    text = "M" + "L".join(f"{x:g} {y:g}" for x, y in kept)
    return text + ("Z" if closed else "")


def entry_name(build: ReaderBuild, ref: tuple[str, str]) -> tuple[str, str]:
    """An entry's name in the edition's language, or its English name with "en" to mark it so
    (`apparatus_text.edition_name`)."""
    kind, ident = ref
    names = build.app.entities[ident].names if kind == "entity" else build.app.terms[ident].names
    return edition_name(names, build.edition)


def entry_href(build: ReaderBuild, ref: tuple[str, str], rel: Callable[[str], str]) -> str:
    kind, ident = ref
    if kind == "entity":
        return rel(build.page_url("people-and-places.md")) + f"#entity-{ident}"
    return rel(build.page_url("glossary.md")) + f"#term-{ident}"


def _shapes(build: ReaderBuild, projection: Projection, tolerance: float = 0.0,
            ) -> list[dict[str, object]]:
    """The countries as paths, cut by shapely to the map's frame (a margin outside it, so that no
    cut edge is drawn) and, for a small map, simplified to `tolerance` user units. Drawn once
    per frame for all editions (and again when the build reads the maps' data again)."""
    key = (projection.frame, projection.digits, tolerance)
    drawn = build.maps.drawn
    if key not in drawn:
        drawn[key] = _draw_shapes(build, projection, tolerance)
    return drawn[key]


def _draw_shapes(build: ReaderBuild, projection: Projection, tolerance: float,
                 ) -> list[dict[str, object]]:
    frame = box(-8, -8, projection.width + 8, projection.height + 8)
    shapes = []
    for name, rings in build.maps.shapes:
        parts = []
        for ring in rings:
            shape = make_valid(Polygon(projection.points(ring))).intersection(frame)
            if tolerance:
                shape = shape.simplify(tolerance, preserve_topology=True)
            parts += [polygon for polygon in getattr(shape, "geoms", [shape])
                      if isinstance(polygon, Polygon) and not polygon.is_empty]
        if parts:
            shapes.append({"focus": name in FOCUS, "d": "".join(
                path_data(projection.rounded(p.exterior.coords), closed=True) for p in parts)})
    return shapes


def _item(build: ReaderBuild, feature: Feature, frame: MapFrame, projection: Projection,
          rel: Callable[[str], str]) -> dict[str, object]:
    name, name_lang = (build.ui[feature.label], "") if feature.label \
        else entry_name(build, feature.ref)
    item: dict[str, object] = {
        "id": f"map-{frame.name}-{feature.ref[1]}", "href": entry_href(build, feature.ref, rel),
        "name": name, "name_lang": name_lang, "kind": feature.kind, "side": feature.side,
        "source": feature.source,
        "label": name if feature.group != "areas" else f"{name} ({build.ui['map_approximate']})",
    }
    if feature.group == "routes":
        item["d"] = path_data(projection.points(feature.points), closed=False)
    elif feature.group == "areas":
        item["d"] = "".join(path_data(projection.points(r), closed=True) for r in feature.rings)
    item["x"], item["y"] = projection.points(feature.points[:1])[0]
    if feature.group == "areas":
        item.update(_area_label(feature, projection, item["x"], item["y"]))  # type: ignore[arg-type]
    if feature.group == "places":  # the label beside the dot, on its side
        dx, dy = LABEL_OFFSETS[feature.side]
        item["lx"], item["ly"] = round(item["x"] + dx, 1), round(item["y"] + dy, 1)  # type: ignore[operator]
    return item


#: an area's label: its second line (the "approximate" note) below the first; its leader starts
#: this far beside the label's first line, at the height of its middle
AREA_LINE = 15.0
LEADER_GAP, LEADER_RISE = 3.0, -4.0


def _area_label(feature: Feature, projection: Projection, x: float, y: float,
                ) -> dict[str, object]:
    """Where an area's label is drawn: centred on `label_at`, or, where `label_to` points into
    the area from outside it, beside `label_at`, away from the area, with a leader line."""
    out: dict[str, object] = {"anchor": "middle", "y2": round(y + AREA_LINE, 1)}
    if feature.target is not None:
        tx, ty = projection.points([feature.target])[0]
        side = 1.0 if tx < x else -1.0  # the label runs away from the area
        out["anchor"] = "start" if side > 0 else "end"
        out["leader"] = path_data([(round(x - side * LEADER_GAP, 1), round(y + LEADER_RISE, 1)),
                                   (tx, ty)], closed=False)
        out["tx"], out["ty"] = tx, ty
    return out


def map_html(build: ReaderBuild, data: MapData, name: str, rel: Callable[[str], str]) -> str:
    """The figure of the map `name`: the SVG, then the list of what it shows."""
    frame = data.frames[name]
    projection = Projection(frame)
    groups: dict[str, list[dict[str, object]]] = {"places": [], "regions": [], "routes": [],
                                                   "areas": []}
    for feature in data.features:
        if name in feature.maps:
            groups[feature.group].append(_item(build, feature, frame, projection, rel))
    countries = []
    for key, lon, lat, on in COUNTRY_LABELS:
        if on == name:
            x, y = projection.points([(lon, lat)])[0]
            countries.append({"label": build.ui[key], "x": x, "y": y})
    # the list under the map names its places, countries and seas in the edition's alphabetical
    # order; the map draws them in the data's (a label drawn later stands over an earlier one)
    listed = {f"listed_{group}": sorted(groups[group],
                                        key=lambda i: sort_key(str(i["name"]), build.edition))
              for group in ("places", "regions")}
    return render("map.html", ui=build.ui, map_name=name, title=build.ui[f"map_{name}"],
                  width=projection.width, height=projection.height, lang=build.edition,
                  shapes=_shapes(build, projection), countries=countries, **groups, **listed)


def locators(build: ReaderBuild) -> dict[tuple[str, str], Markup]:
    """The small map of each entry on a map (the glossary's and the index's locator): the first
    map it is on, drawn small, with the place, route or outline marked. Decorative for screen
    readers, as the "on the map" links beside it say the same in words."""
    data = build.maps
    shapes: dict[str, tuple[Projection, list[dict[str, object]]]] = {}
    out: dict[tuple[str, str], Markup] = {}
    for feature in data.features:
        if feature.ref in out:
            continue
        name = feature.maps[0]
        if name not in shapes:
            frame = data.frames[name]
            projection = Projection(MapFrame(name, frame.extent, LOCATOR_WIDTH), digits=0)
            shapes[name] = projection, _shapes(build, projection, tolerance=LOCATOR_DETAIL)
        projection, land = shapes[name]
        mark: dict[str, object] = {"group": feature.group, "kind": feature.kind}
        if feature.group == "routes":
            mark["d"] = path_data(projection.points(feature.points), closed=False)
        elif feature.group == "areas":
            mark["d"] = "".join(path_data(projection.points(r), closed=True)
                                for r in feature.rings)
        else:
            mark["x"], mark["y"] = projection.points(feature.points[:1])[0]
        out[feature.ref] = Markup(render("locator.html", width=projection.width,
                                  height=projection.height, shapes=land, mark=mark))
    return out


def map_links(build: ReaderBuild, page_url: str) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """For each entry on a map, (map title, link to the map with the entry highlighted), as seen
    from the page at `page_url`: the "on the map" links of the glossary and the index."""
    maps_url = build.page_url("maps.md")
    links: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for feature in build.maps.features:
        for name in feature.maps:
            href = get_relative_url(maps_url, page_url) + f"#map-{name}-{feature.ref[1]}"
            entry = links.setdefault(feature.ref, [])
            if (build.ui[f"map_{name}"], href) not in entry:
                entry.append((build.ui[f"map_{name}"], href))
    return links
