// Issue 17 without a database: a multi-line RFQ is matched per line (which UMKM fit which line), the suggested
// split covers every line with as few suppliers as possible and says why, a line nobody supplies alone is shared
// by capacity (and flagged short when even that is not enough), a line without candidates is reported; the
// distance reason names the delivery place; capacity below the need, a long distance and a track record
// without a completed partnership never read as a green tick.
import { describe, expect, it } from "vitest";
import { fitsLine, planSplit, type LineCandidate, type LineMatches } from "@/lib/matching/lines";
import { lineContext, type RfqContext } from "@/lib/matching/rfq-context";
import { reasonLabel, reasonTone, splitReasonLabel } from "@/lib/matching/labels";
import { reasonsOf, type MatchSignals } from "@/lib/matching/signals";
import { ITEM_WORD_WEIGHT } from "@/lib/matching/weights";

const c = (id: string, score: number, capacity: number | null): LineCandidate => ({
  id,
  name: `UMKM ${id}`,
  score,
  qualified: true,
  capacity,
});
const line = (index: number, name: string, quantity: number, unit: string, candidates: LineCandidate[]): LineMatches => ({
  line: { index, name, quantity, unit },
  candidates,
});

describe("fitsLine", () => {
  it("needs every word of the line somewhere and one in a product or business name", () => {
    expect(fitsLine([3, 3])).toBe(true); // "tas kain": a bag maker
    expect(fitsLine([0, 3])).toBe(false); // a batik workshop has "kain" but no "tas"
    expect(fitsLine([1, 1])).toBe(false); // only mentioned in passing
    expect(fitsLine([2, 1])).toBe(true); // business name + description
    expect(fitsLine([])).toBe(true); // a line without known words: the RFQ's relevance stands
  });
});

describe("planSplit", () => {
  it("gives each line whole to one supplier, preferring one that covers several lines", () => {
    const plan = planSplit([
      line(0, "kain batik", 9000, "lembar", [c("a", 90, 10_000), c("b", 95, 12_000)]),
      line(1, "tas kain", 2000, "pcs", [c("b", 80, 3000), c("c", 92, 5000)]),
    ]);
    // b covers both lines alone: one supplier instead of two
    expect(plan.parts.map((p) => [p.lineIndex, p.supplierId, p.quantity])).toEqual([
      [0, "b", 9000],
      [1, "b", 2000],
    ]);
    expect(plan.suppliers).toBe(1);
    expect(plan.uncovered).toEqual([]);
    expect(plan.short).toEqual([]);
    expect(plan.parts[0].reasons.map((r) => r.code)).toEqual(["covers_line", "several_lines", "best_score"]);
  });

  it("uses the best-scoring supplier among equals and a second one for a line the first cannot supply", () => {
    const plan = planSplit([
      line(0, "kain batik", 9000, "lembar", [c("a", 95, 10_000), c("b", 70, 9000)]),
      line(1, "tas kain", 2000, "pcs", [c("c", 88, 2500)]),
    ]);
    expect(plan.parts.map((p) => [p.lineIndex, p.supplierId])).toEqual([
      [0, "a"],
      [1, "c"],
    ]);
    expect(plan.suppliers).toBe(2);
  });

  it("shares a line nobody supplies alone in proportion to capacity, largest first", () => {
    const plan = planSplit([line(0, "kain batik", 9000, "lembar", [c("a", 95, 2000), c("b", 90, 6000), c("c", 80, 4000)])]);
    const parts = plan.parts.map((p) => [p.supplierId, p.quantity]);
    expect(parts).toEqual([
      ["b", 5400],
      ["c", 3600],
    ]);
    expect(plan.parts.reduce((a, p) => a + p.quantity, 0)).toBe(9000);
    expect(plan.parts.every((p) => p.reasons[0].code === "shares_line")).toBe(true);
    expect(plan.short).toEqual([]);
  });

  it("flags a line whose candidates together fall short, and one with no candidate at all", () => {
    const plan = planSplit([
      line(0, "kain batik", 9000, "lembar", [c("a", 95, 2000), c("b", 90, 3000)]),
      line(1, "tas kulit", 500, "pcs", []),
    ]);
    expect(plan.short).toEqual([0]);
    expect(plan.uncovered).toEqual([1]);
    expect(plan.parts.reduce((a, p) => a + p.quantity, 0)).toBe(5000);
    expect(plan.parts.some((p) => p.reasons.some((r) => r.code === "short_line"))).toBe(true);
    expect(plan.parts.every((p) => p.lineIndex === 0)).toBe(true);
  });

  it("suggests the best UMKM for the whole line when no capacity is stated, marked to confirm", () => {
    const plan = planSplit([line(0, "kain batik", 900, "lembar", [c("a", 95, null), c("b", 90, null)])]);
    expect(plan.parts).toHaveLength(1);
    expect(plan.parts[0]).toMatchObject({ supplierId: "a", quantity: 900 });
    expect(plan.parts[0].reasons[0].code).toBe("capacity_unknown");
    expect(plan.short).toEqual([]);
  });

  it("labels every split reason in both languages", () => {
    const plan = planSplit([
      line(0, "kain batik", 9000, "lembar", [c("a", 95, 2000), c("b", 90, 3000)]),
      line(1, "tas kain", 2000, "pcs", [c("c", 88, 2500), c("a", 60, 2500)]),
    ]);
    for (const p of plan.parts)
      for (const r of p.reasons)
        for (const loc of ["id", "en"]) {
          const text = splitReasonLabel(loc, r);
          expect(text).not.toMatch(/matching\.split|\{/);
        }
    expect(splitReasonLabel("id", { code: "covers_line", params: { capacity: 2500, quantity: 2000, unit: "pcs" } })).toBe(
      "Kapasitas 2.500 pcs/bulan menutup seluruh 2.000 pcs",
    );
  });
});

describe("lineContext", () => {
  const ctx = {
    id: "r",
    title: "Seragam",
    buyerId: "b",
    kbliCode: "13134",
    deadline: new Date("2026-12-15T10:00:00Z"),
    deadlineDate: "2026-12-15",
    deliveryRegencyCode: "33.75",
    requiredCertifications: [],
    minTkdn: null,
    quantity: 9000,
    unit: "lembar",
    words: ["kain", "batik", "tas", "seragam"],
    groups: ["'kain'", "'batik'", "'tas'", "'seragam'"],
    weights: [2, 2, 2, 1],
  } satisfies RfqContext;

  it("matches a line on its own words, quantity and unit", () => {
    const lc = lineContext(ctx, {
      index: 1,
      name: "Tas kain",
      quantity: 2000,
      unit: "pcs",
      words: ["tas", "kain"],
      groups: ["'tas'", "'kain'"],
      frequent: [false, false],
    });
    expect(lc).toMatchObject({ quantity: 2000, unit: "pcs", words: ["tas", "kain"], groups: ["'tas'", "'kain'"] });
    expect(lc.weights).toEqual([ITEM_WORD_WEIGHT, ITEM_WORD_WEIGHT]);
  });

  it("keeps the RFQ's words for a line with no known word", () => {
    const lc = lineContext(ctx, { index: 2, name: "XZQ-77", quantity: 10, unit: "set", words: [], groups: [], frequent: [] });
    expect(lc.words).toEqual(ctx.words);
    expect(lc.quantity).toBe(10);
  });
});

const signals: MatchSignals = {
  kbliLevel: 5,
  kbliMatched: "13134",
  rfqKbli: "13134",
  words: ["kain"],
  wordHits: [3],
  requiredCertifications: [],
  certUntil: {},
  deadlineDate: "2026-12-15",
  minTkdn: null,
  tkdn: null,
  capacity: 500,
  quantity: 9000,
  unit: "lembar",
  km: 80,
  sameRegency: false,
  regencyName: "Kabupaten Batang",
  deliveryName: "Kota Semarang",
  verified: true,
  completedAgreements: 0,
  deliveries: 0,
  onTimeDeliveries: 0,
};

describe("reason texts and marks (issue 17, item 12)", () => {
  it("names the delivery place in the distance reason", () => {
    const near = reasonsOf(signals).find((r) => r.code === "distance_near")!;
    expect(reasonLabel("id", near)).toBe("Dekat: ±80 km dari Kabupaten Batang ke lokasi pengiriman di Kota Semarang");
    expect(reasonLabel("en", near)).toBe("Nearby: about 80 km from Kabupaten Batang to the delivery point in Kota Semarang");
    const same = reasonsOf({ ...signals, sameRegency: true, km: 0, regencyName: "Kota Semarang" }).find(
      (r) => r.code === "distance_same_regency",
    )!;
    expect(reasonLabel("id", same)).toBe("Berlokasi di daerah pengiriman (Kota Semarang)");
  });

  it("never gives a green tick to capacity below the need, a long distance or a track record without a completed partnership", () => {
    const tone = (s: MatchSignals, code: string) => reasonTone(reasonsOf(s).find((r) => r.code === code)!);
    expect(tone(signals, "capacity_partial")).toBe("warn");
    expect(tone({ ...signals, capacity: 9000 }, "capacity_full")).toBe("good");
    expect(tone({ ...signals, km: 900 }, "distance_far")).toBe("warn");
    expect(tone({ ...signals, deliveries: 2, onTimeDeliveries: 2 }, "track_record")).toBe("neutral");
    expect(tone({ ...signals, completedAgreements: 2, deliveries: 4, onTimeDeliveries: 1 }, "track_record")).toBe("warn");
    expect(tone({ ...signals, completedAgreements: 2, deliveries: 4, onTimeDeliveries: 4 }, "track_record")).toBe("good");
    expect(tone(signals, "verified")).toBe("good");
  });
});
