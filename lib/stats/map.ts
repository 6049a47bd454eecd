// Indonesia's provinces as SVG paths, projected once per process from data/provinces.topo.json (38
// provinces, Kemendagri codes in properties.code — the same codes as the Province table), and the
// colour scale of the statistics map. Server-side only: the page sends finished <path>s, no map JS.
//
// The paths are sized for the screen, not for a GIS (issue 14: they are in the page twice, its HTML and the
// React payload): the boundaries are projected to a grid of MAP_GRID units per pixel of the 960 × 360 map,
// each shared border (a TopoJSON arc) is simplified once (Douglas–Peucker, half a pixel), so neighbouring
// provinces still meet exactly, and islands smaller than MAP_MIN_ISLAND square pixels are left out (a
// province always keeps its largest island). Points are written as relative integer steps ("l3-2 4 1"),
// which is also what compresses best.
import "server-only";
import { geoMercator } from "d3-geo";
import { feature } from "topojson-client";
import type { Topology, GeometryCollection, Polygon, MultiPolygon } from "topojson-specification";
import type { FeatureCollection, Geometry } from "geojson";
import topology from "@/data/provinces.topo.json";

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 360;
/** Path units per pixel of the map: its viewBox is MAP_WIDTH × MAP_GRID wide. */
export const MAP_GRID = 2;
/** Douglas–Peucker tolerance, in pixels of the 960-wide map. */
const MAP_TOLERANCE = 0.5;
/** Islands smaller than this (square pixels of the 960-wide map) are left out. */
const MAP_MIN_ISLAND = 1;

export interface ProvinceShape {
  code: string;
  name: string;
  d: string;
}

type Point = [number, number];
type Props = { code: string; name: string };
type ProvinceTopology = Topology<{ provinces: GeometryCollection<Props> }>;

/** Douglas–Peucker: the points of `pts` to keep so that no dropped point is further than `eps` from the line. */
function simplify(pts: Point[], eps: number): Point[] {
  if (pts.length <= 2) return pts;
  const keep = new Uint8Array(pts.length);
  keep[0] = keep[pts.length - 1] = 1;
  const stack: [number, number][] = [[0, pts.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = pts[a];
    const [bx, by] = pts[b];
    const dx = bx - ax;
    const dy = by - ay;
    const len = Math.hypot(dx, dy);
    let far = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = pts[i];
      const d = len === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * px - dx * py + bx * ay - by * ax) / len;
      if (d > far) [far, at] = [d, i];
    }
    if (far > eps) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  return pts.filter((_, i) => keep[i]);
}

/** Shoelace area, in square path units. */
function area(ring: Point[]): number {
  let s = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[(i + 1) % ring.length];
    s += x1 * y2 - x2 * y1;
  }
  return Math.abs(s) / 2;
}

/** "M x y l dx dy dx dy … z": integers, a minus sign needs no separator. */
function ringPath(ring: Point[]): string {
  let d = `M${ring[0][0]} ${ring[0][1]}l`;
  for (let i = 1; i < ring.length; i++) {
    const dx = ring[i][0] - ring[i - 1][0];
    const dy = ring[i][1] - ring[i - 1][1];
    d += `${i > 1 && dx >= 0 ? " " : ""}${dx}${dy >= 0 ? " " : ""}${dy}`;
  }
  return `${d}z`;
}

let shapes: ProvinceShape[] | null = null;

export function provinceShapes(): ProvinceShape[] {
  if (shapes) return shapes;
  const topo = topology as unknown as ProvinceTopology;
  const fc = feature(topo, topo.objects.provinces) as FeatureCollection<Geometry, Props>;
  const projection = geoMercator().fitExtent(
    [
      [4, 4],
      [MAP_WIDTH - 4, MAP_HEIGHT - 4],
    ],
    fc,
  );
  // Each arc once: decoded (delta-encoded, quantized), projected, simplified, snapped to the grid.
  const { scale, translate } = topo.transform!;
  const arcs: Point[][] = topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    const projected = arc.map(([qx, qy]): Point => {
      x += qx;
      y += qy;
      const [px, py] = projection([x * scale[0] + translate[0], y * scale[1] + translate[1]])!;
      return [px * MAP_GRID, py * MAP_GRID];
    });
    const out: Point[] = [];
    for (const [px, py] of simplify(projected, MAP_TOLERANCE * MAP_GRID)) {
      const p: Point = [Math.round(px), Math.round(py)];
      const last = out[out.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
    }
    return out;
  });
  const ring = (indexes: number[]): Point[] => {
    const pts: Point[] = [];
    for (const i of indexes) {
      const arc = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
      pts.push(...(pts.length ? arc.slice(1) : arc));
    }
    return pts;
  };
  const minArea = MAP_MIN_ISLAND * MAP_GRID * MAP_GRID;
  shapes = topo.objects.provinces.geometries.map((g) => {
    const polygons = g.type === "Polygon" ? [(g as Polygon).arcs] : g.type === "MultiPolygon" ? (g as MultiPolygon).arcs : [];
    const islands = polygons.map((rings) => rings.map(ring)).map((rings) => ({ rings, area: area(rings[0]) }));
    const largest = Math.max(...islands.map((i) => i.area));
    const d = islands
      .filter((i) => i.area >= minArea || i.area === largest)
      .flatMap((i) => i.rings.filter((r) => r.length >= 3).map(ringPath))
      .join("");
    const { code, name } = g.properties as Props;
    return { code, name, d };
  });
  return shapes;
}

/** Sequential palette (light → dark green), each step ≥ 3:1 apart from the next in lightness; zero is grey. */
const MAP_COLOURS = ["#d9f0d3", "#a6dba0", "#5aae61", "#1b7837", "#00441b"] as const;
export const MAP_ZERO = "#eceff1";

export interface MapBin {
  colour: string;
  /** inclusive */
  min: number;
  max: number;
}

/** Up to five equal-width bins over 1..max (integers), for the legend and the fill. */
export function mapBins(max: number): MapBin[] {
  if (max <= 0) return [];
  const n = Math.min(MAP_COLOURS.length, max);
  const bins: MapBin[] = [];
  for (let i = 0; i < n; i++) {
    const min = Math.floor((i * max) / n) + 1;
    const hi = Math.floor(((i + 1) * max) / n);
    bins.push({ colour: MAP_COLOURS[Math.round((i * (MAP_COLOURS.length - 1)) / Math.max(1, n - 1))], min, max: hi });
  }
  return bins;
}

export function colourFor(value: number, bins: MapBin[]): string {
  if (value <= 0) return MAP_ZERO;
  return bins.find((b) => value >= b.min && value <= b.max)?.colour ?? bins[bins.length - 1]?.colour ?? MAP_ZERO;
}
