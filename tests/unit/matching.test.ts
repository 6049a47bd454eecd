// The matching model's arithmetic and texts without a database: weights add up to 100, the score of the
// documented parts, gaps for hard requirements (certificate expiring before the deadline, TKDN below the
// minimum), consortium shares that add up to the quantity and never exceed a member's capacity, cooperative
// groups proposed before nearby ones, and every reason/gap code labelled in both languages.
import { describe, expect, it } from "vitest";
import { MAX_SCORE, WEIGHTS } from "@/lib/matching/weights";
import { distanceShare, gapsOf, reasonsOf, scoreOf, type MatchSignals } from "@/lib/matching/signals";
import { planConsortia, shares, type PoolMember } from "@/lib/matching/consortium-plan";
import { groupFrequency, groupsLexemes, rfqWords } from "@/lib/matching/rfq-context";
import { buildTsQueryGroups } from "@/lib/suppliers/search-query";
import { gapLabel, reasonLabel } from "@/lib/matching/labels";

const base: MatchSignals = {
  kbliLevel: 5,
  kbliMatched: "13134",
  rfqKbli: "13134",
  words: ["kain", "batik", "tulis"],
  wordHits: [3, 3, 3],
  requiredCertifications: ["halal"],
  certUntil: { halal: "2027-12-31" },
  deadlineDate: "2026-12-15",
  minTkdn: 25,
  tkdn: 40,
  capacity: 1000,
  quantity: 500,
  unit: "lembar",
  km: 20,
  sameRegency: false,
  regencyName: "Kota Pekalongan",
  verified: true,
  completedAgreements: 3,
  deliveries: 4,
  onTimeDeliveries: 4,
};

describe("score", () => {
  it("has maxima that add up to exactly 100", () => {
    expect(MAX_SCORE).toBe(100);
    expect(scoreOf(base)).toBe(100);
  });

  it("drops with a weaker KBLI match, missing words, distance and no verification", () => {
    expect(scoreOf({ ...base, kbliLevel: 4 })).toBe(100 - (WEIGHTS.kbli.exact - WEIGHTS.kbli.class));
    expect(scoreOf({ ...base, kbliLevel: 0, kbliMatched: null })).toBe(100 - WEIGHTS.kbli.exact);
    expect(scoreOf({ ...base, wordHits: [3, 0, 0] })).toBe(Math.round(100 - (WEIGHTS.text * 2) / 3));
    expect(scoreOf({ ...base, km: 2000 })).toBe(100 - WEIGHTS.distance);
    expect(scoreOf({ ...base, verified: false })).toBe(100 - WEIGHTS.verified);
    expect(scoreOf({ ...base, capacity: 250 })).toBe(100 - WEIGHTS.capacity / 2);
    expect(distanceShare(100)).toBe(1);
    expect(distanceShare(800)).toBeCloseTo(0.5);
    expect(distanceShare(null)).toBe(0.5);
  });
});

describe("gaps", () => {
  it("names a certificate that expires before the deadline and a TKDN below the minimum", () => {
    expect(gapsOf(base)).toEqual([]);
    const gaps = gapsOf({ ...base, certUntil: { halal: "2026-12-01" }, tkdn: 20 });
    expect(gaps.map((g) => g.code)).toEqual(["cert_expires", "tkdn_below"]);
    expect(gapLabel("id", gaps[0])).toBe("sertifikat halal berakhir 1 Desember 2026, sebelum batas waktu 15 Desember 2026");
    expect(gapLabel("en", gaps[1])).toBe("TKDN 20% below the minimum 25%");
    expect(gapsOf({ ...base, certUntil: {}, tkdn: null }).map((g) => [g.code, g.fixPath])).toEqual([
      ["cert_missing", "/profil-usaha/langkah/sertifikat"],
      ["tkdn_missing", "/profil-usaha/langkah/sertifikat"],
    ]);
  });

  it("labels every reason in Indonesian and English", () => {
    const reasons = reasonsOf({ ...base, wordHits: [3, 1, 0], capacity: 100 });
    expect(reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(["kbli_exact", "words_product", "words_other", "capacity_partial", "track_record"]),
    );
    for (const r of reasons) {
      expect(reasonLabel("id", r)).not.toMatch(/matching\.|\{/);
      expect(reasonLabel("en", r)).not.toMatch(/matching\.|\{/);
    }
    expect(
      reasonLabel(
        "en",
        reasons.find((r) => r.code === "capacity_partial")!,
      ),
    ).toBe("Capacity 100 lembar/month, 20% of 500 lembar");
    expect(
      reasonLabel(
        "id",
        reasons.find((r) => r.code === "kbli_exact")!,
      ),
    ).toBe("KBLI sama persis (13134)");
  });
});

describe("RFQ words", () => {
  it("drops procurement language and bare numbers", () => {
    expect(rfqWords(["Pengadaan Kain Batik Tulis untuk 20 cabang", "Kain batik tulis 2,15 m"])).toEqual([
      "kain",
      "batik",
      "tulis",
      "cabang",
    ]);
  });

  it("estimates a word group's document share from the common lexemes (prefixes, alternatives)", () => {
    const lexemes = new Map([
      ["lokal", 0.9],
      ["kainan", 0.2],
      ["batik", 0.15],
    ]);
    expect(groupFrequency("'lokal':*", lexemes)).toBe(0.9);
    expect(groupFrequency("'kain':*", lexemes)).toBe(0.2);
    expect(groupFrequency("'kain'", lexemes)).toBe(0);
    expect(groupFrequency("( 'btaik' | 'batik' )", lexemes)).toBe(0.15);
    expect(groupFrequency("'tenun':*", lexemes)).toBe(0);
  });

  it("writes a prefix as the vocabulary's words starting with it when there are few, else keeps the prefix", () => {
    const words = [
      { word: "jahit", known: true, corrections: [], prefixOf: ["jahit", "jahitan"] },
      { word: "kain", known: true, corrections: [], prefixOf: Array.from({ length: 9 }, (_, i) => `kain${"x".repeat(i)}`) },
      { word: "btaik", known: false, corrections: ["batik"], prefixOf: [] },
      { word: "tas", known: true, corrections: [], prefixOf: ["tas", "tasik"] },
      { word: "tenun", known: true, corrections: [] },
    ];
    expect(buildTsQueryGroups(words, 8)).toEqual(["('jahit' | 'jahitan')", "'kain':*", "('btaik':* | 'batik')", "'tas'", "'tenun':*"]);
    // without the option (the directory's search): prefixes as before
    expect(buildTsQueryGroups(words)).toEqual(["'jahit':*", "'kain':*", "('btaik':* | 'batik')", "'tas'", "'tenun':*"]);
    expect(groupsLexemes(["('jahit' | 'jahitan')", "'kain':*", "'d''arc'"])).toEqual(["jahit", "jahitan", "kain", "d'arc"]);
  });
});

describe("consortia", () => {
  const member = (id: string, capacity: number, score: number, lat: number, lon: number, coop?: string): PoolMember => ({
    id,
    name: id,
    score,
    capacity,
    lat,
    lon,
    regencyName: null,
    cooperatives: coop ? [{ id: coop, name: `Koperasi ${coop}` }] : [],
  });

  it("splits the quantity in proportion to capacity, in whole units that add up", () => {
    const s = shares([700, 200, 100], 999);
    expect(s.reduce((a, x) => a + x, 0)).toBe(999);
    expect(s).toEqual([699, 200, 100]);
  });

  it("proposes a cooperative's members first, then nearby UMKM, each covering the quantity with 2–5 members", () => {
    const pool = [
      member("a", 600, 90, -6.9, 109.6),
      member("b", 500, 85, -6.95, 109.7, "k"),
      member("c", 400, 80, -7.0, 109.5, "k"),
      member("d", 300, 70, -7.1, 110.4, "k"),
      member("far", 5000, 60, -2.6, 140.8),
    ];
    const plans = planConsortia(pool, 1100);
    expect(plans[0]).toMatchObject({ kind: "cooperative", cooperative: { id: "k" } });
    expect(plans[0].members.map((m) => m.id).sort()).toEqual(["b", "c", "d"]);
    for (const p of plans) {
      expect(p.coveredQuantity).toBeGreaterThanOrEqual(1100);
      expect(p.members.length).toBeGreaterThanOrEqual(2);
      expect(p.members.length).toBeLessThanOrEqual(5);
      expect(p.members.reduce((a, m) => a + m.shareQuantity, 0)).toBe(1100);
      if (p.kind === "nearby") expect(p.members.map((m) => m.id)).not.toContain("far");
    }
    expect(plans.some((p) => p.kind === "nearby")).toBe(true);
    expect(planConsortia(pool.slice(0, 2), 5000)).toEqual([]);
  });
});

describe("consortium reasons", () => {
  it("format quantities in the reader's language", async () => {
    const { consortiumReasonLabel } = await import("@/lib/matching/responses");
    const r = { code: "covers", params: { covered: 10420, quantity: 9000, unit: "lembar" } };
    expect(consortiumReasonLabel("id", r)).toBe("Kapasitas gabungan 10.420 lembar/bulan menutup kebutuhan 9.000 lembar");
    expect(consortiumReasonLabel("en", r)).toBe("Combined capacity 10,420 lembar/month covers the 9,000 lembar needed");
  });
});
