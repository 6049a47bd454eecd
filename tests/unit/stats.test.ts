// Pure parts of the statistics: month keys, the map's colour scale and province shapes, the CSV.
import { describe, expect, it } from "vitest";
import Papa from "papaparse";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { niceTicks, StatsBarChart, type ChartDatum } from "@/components/stats/bar-chart";
import { monthIndex, monthKey, monthOf, partnershipsQuerySchema } from "@/lib/stats/schemas";
import { colourFor, MAP_GRID, MAP_HEIGHT, MAP_WIDTH, MAP_ZERO, mapBins, provinceShapes } from "@/lib/stats/map";
import { partnershipsCsv } from "@/lib/stats/csv";

describe("months", () => {
  it("round-trips YYYY-MM through the rollups' month index", () => {
    expect(monthIndex("2026-03")).toBe(2026 * 12 + 2);
    expect(monthKey(monthIndex("2026-12"))).toBe("2026-12");
    expect(monthKey(monthIndex("2027-01"))).toBe("2027-01");
    expect(monthOf(new Date("2026-11-30T23:59:59Z"))).toBe(monthIndex("2026-11"));
  });

  it("validates the API query: groupBy, months and their order", () => {
    expect(partnershipsQuerySchema.safeParse({ groupBy: "month", from: "2026-01", to: "2026-02" }).success).toBe(true);
    const bad = partnershipsQuerySchema.safeParse({ groupBy: "regency", from: "2026-1" });
    expect(bad.error?.issues.map((i) => i.path[0]).sort()).toEqual(["from", "groupBy"]);
  });
});

describe("the province map", () => {
  it("has the 38 provinces with Kemendagri codes and real paths", () => {
    const shapes = provinceShapes();
    expect(shapes).toHaveLength(38);
    expect(shapes.find((s) => s.code === "33")?.name).toBe("Jawa Tengah");
    for (const s of shapes) expect(s.d).toMatch(/^M\d+ \d+l/);
  });

  it("is drawn for the screen: whole grid units inside the map, small enough to send twice (issue 14)", () => {
    const shapes = provinceShapes();
    // the page carries the paths in its HTML and again in the React payload: 283 KB each, unrounded
    expect(shapes.reduce((n, s) => n + s.d.length, 0)).toBeLessThan(40_000);
    for (const s of shapes) {
      expect(s.d, s.name).not.toMatch(/\./); // integers only
      // absolute start of each ring plus its relative steps stays inside the viewBox
      for (const ring of s.d.split("z").filter(Boolean)) {
        const [, x0, y0, steps] = /^M(\d+) (\d+)l(.*)$/.exec(ring)!;
        const n = (steps.match(/-?\d+/g) ?? []).map(Number);
        let [x, y] = [Number(x0), Number(y0)];
        for (let i = 0; i < n.length; i += 2) {
          x += n[i];
          y += n[i + 1];
          expect(x >= 0 && x <= MAP_WIDTH * MAP_GRID && y >= 0 && y <= MAP_HEIGHT * MAP_GRID, s.name).toBe(true);
        }
      }
    }
    // small provinces keep their shape: Jakarta and Yogyakarta are more than a dot
    for (const code of ["31", "34"]) expect(shapes.find((s) => s.code === code)!.d.length).toBeGreaterThan(30);
  });

  it("colours zero grey and splits 1..max into at most five bins, darkest at the top", () => {
    expect(mapBins(0)).toEqual([]);
    expect(mapBins(3).map((b) => [b.min, b.max])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    const bins = mapBins(100);
    expect(bins.map((b) => [b.min, b.max])).toEqual([
      [1, 20],
      [21, 40],
      [41, 60],
      [61, 80],
      [81, 100],
    ]);
    expect(colourFor(0, bins)).toBe(MAP_ZERO);
    expect(colourFor(1, bins)).toBe(bins[0].colour);
    expect(colourFor(100, bins)).toBe(bins[4].colour);
    expect(new Set(bins.map((b) => b.colour)).size).toBe(5);
  });
});

describe("the server-drawn bar chart", () => {
  const datum = (label: string, agreements: number | null): ChartDatum => ({
    label,
    agreements,
    value: agreements === null ? null : agreements * 1_000_000,
    agreementsLabel: agreements === null ? "< 3" : String(agreements),
    valueLabel: agreements === null ? "< 3" : `Rp${agreements} jt`,
    suppliersLabel: "5",
  });
  const labels = { agreements: "Kemitraan", value: "Nilai", suppliers: "UMKM" };
  const render = (layout: "vertical" | "horizontal", measure: "agreements" | "value" = "agreements") =>
    renderToStaticMarkup(
      createElement(StatsBarChart, {
        ariaLabel: "Grafik: Per skema",
        labels,
        layout,
        measure,
        data: [datum("Subkontrak", 8), datum("Waralaba", 2), datum("Rantai pasok", null)],
      }),
    );

  it("is an SVG image with a name, no script: one bar per published figure, withheld ones read < 3", () => {
    for (const layout of ["vertical", "horizontal"] as const) {
      const svg = render(layout);
      expect(svg).toMatch(/^<svg role="img" aria-label="Grafik: Per skema"/);
      expect(svg.match(/data-bar=""/g)).toHaveLength(2); // the withheld row has no bar
      expect(svg).toContain("<title>Rantai pasok — Kemitraan: &lt; 3; Nilai: &lt; 3; UMKM: 5</title>");
    }
    // bars across: the longest takes 78 % of the width, the others in proportion; the figure follows each bar
    const bars = [...render("vertical").matchAll(/<rect[^>]*width="([\d.]+)%"/g)].map((m) => Number(m[1]));
    expect(bars).toEqual([78, 19.5]);
    expect(render("vertical")).toContain(">8</text>");
    expect(render("vertical", "value")).toContain(">Rp8 jt</text>");
  });

  it("puts round figures on the value axis", () => {
    expect(niceTicks(8, true)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(3, true)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0, true)).toEqual([0, 1]);
    expect(niceTicks(2_300_000_000, true)).toEqual([0, 1e9, 2e9, 3e9]);
  });
});

describe("partnershipsCsv", () => {
  it("writes the header, integer Rupiah and quoted labels", () => {
    const csv = partnershipsCsv([
      { key: "33", label: "Jawa Tengah", suppressed: false, agreements: 4, valueIdr: 9_007_199_254_740_993n, suppliers: 3 },
      { key: "C", label: 'C — Industri Pengolahan, "olahan"', suppressed: false, agreements: 1, valueIdr: 5n, suppliers: 1 },
      { key: "91", label: "Papua", suppressed: true, agreements: null, valueIdr: null, suppliers: null },
      { key: "92", label: "Papua Barat", suppressed: false, agreements: 0, valueIdr: 0n, suppliers: 0 },
    ]);
    expect(csv.startsWith("\uFEFFkey,label,agreements,valueIdr,suppliers\r\n")).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1).trim()).data;
    expect(rows[1]).toEqual(["33", "Jawa Tengah", "4", "9007199254740993", "3"]);
    expect(rows[2][1]).toBe('C — Industri Pengolahan, "olahan"');
    // a withheld row is empty cells (issue 11), a real zero stays 0
    expect(rows[3]).toEqual(["91", "Papua", "", "", ""]);
    expect(rows[4]).toEqual(["92", "Papua Barat", "0", "0", "0"]);
  });
});
