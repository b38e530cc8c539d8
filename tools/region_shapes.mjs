// Reduces Natural Earth's country shapes (the npm package `world-atlas`, public domain) to the
// region the site's maps show, once: `node tools/region_shapes.mjs > docs/data/maps/region.geojson`.
//
// The TopoJSON is decoded by topojson-client and clipped to a longitude/latitude rectangle by
// d3-geo's rectangle clipping; coordinates are kept to three decimals (about 100 m), which is
// finer than the 1:50m source. The build projects the result (hooks/maps.py).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { feature } from "topojson-client";
import { geoIdentity, geoStream } from "d3-geo";

const require = createRequire(import.meta.url);
const SOURCE = "world-atlas/countries-50m.json";
const VERSION = require("world-atlas/package.json").version;
// west, south, east, north: the union of the maps in docs/data/maps.yml
const EXTENT = [[24, 33], [77, 49]];

const round = (v) => Math.round(v * 1000) / 1000;

/** The rings of one geometry after clipping, as GeoJSON polygon coordinates (one ring each). */
function clippedRings(geometry) {
  const rings = [];
  let ring = null;
  const sink = {
    point(x, y) { ring.push([round(x), round(y)]); },
    lineStart() { ring = []; },
    lineEnd() {
      if (ring.length > 3) {
        ring.push(ring[0]);
        rings.push([ring]);
      }
      ring = null;
    },
    polygonStart() {},
    polygonEnd() {},
    sphere() {},
  };
  const clip = geoIdentity().clipExtent(EXTENT).stream(sink);
  geoStream(geometry, clip);
  return rings;
}

const topology = JSON.parse(readFileSync(require.resolve(SOURCE), "utf8"));
const countries = feature(topology, topology.objects.countries).features;
const features = [];
for (const country of countries) {
  if (!country.geometry) continue;
  const polygons = clippedRings(country.geometry);
  if (polygons.length === 0) continue;
  features.push({
    type: "Feature",
    id: country.id,
    properties: { name: country.properties.name },
    geometry: { type: "MultiPolygon", coordinates: polygons },
  });
}
features.sort((a, b) => a.properties.name.localeCompare(b.properties.name));
const collection = {
  type: "FeatureCollection",
  source: `Natural Earth 1:50m countries, via the npm package world-atlas ${VERSION} (${SOURCE})`,
  licence: "public domain (Natural Earth)",
  extent: EXTENT,
  features,
};
process.stdout.write(JSON.stringify(collection) + "\n");
