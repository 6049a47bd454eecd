// Indonesia's provinces as SVG paths, projected once per process from data/provinces.topo.json (38
// provinces, Kemendagri codes in properties.code — the same codes as the Province table), and the
// colour scale of the statistics map. Server-side only: the page sends finished <path>s, no map JS.
import "server-only";
import { geoMercator, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import topology from "@/data/provinces.topo.json";

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 360;

export interface ProvinceShape {
  code: string;
  name: string;
  d: string;
}

let shapes: ProvinceShape[] | null = null;

export function provinceShapes(): ProvinceShape[] {
  if (shapes) return shapes;
  const topo = topology as unknown as Topology<{ provinces: GeometryCollection<{ code: string; name: string }> }>;
  const fc = feature(topo, topo.objects.provinces) as FeatureCollection<Geometry, { code: string; name: string }>;
  const projection = geoMercator().fitExtent(
    [
      [4, 4],
      [MAP_WIDTH - 4, MAP_HEIGHT - 4],
    ],
    fc,
  );
  const path = geoPath(projection);
  shapes = fc.features.map((f: Feature<Geometry, { code: string; name: string }>) => ({
    code: f.properties.code,
    name: f.properties.name,
    d: path(f) ?? "",
  }));
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
