// Pure parts of the statistics: month keys, the map's colour scale and province shapes, the CSV.
import { describe, expect, it } from "vitest";
import Papa from "papaparse";
import { monthIndex, monthKey, monthOf, partnershipsQuerySchema } from "@/lib/stats/schemas";
import { colourFor, MAP_ZERO, mapBins, provinceShapes } from "@/lib/stats/map";
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
    for (const s of shapes) expect(s.d).toMatch(/^M[\d.-]+,[\d.-]+/);
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
