// The TKDN price preference of Perpres 46/2025 (HEA = price / (1 + TKDN × 25%) for TKDN ≥ 25%) and the
// best-value marking of the comparison table.
import { describe, expect, it } from "vitest";
import {
  assessTkdn,
  bestValueSplit,
  compareQuotes,
  evaluatedPriceIdr,
  tkdnPreferenceMicro,
  tkdnPreferencePercent,
} from "@/lib/quotes/evaluation";

describe("TKDN price preference (Perpres 46/2025)", () => {
  it("gives no preference below 25% TKDN", () => {
    expect(tkdnPreferenceMicro(null)).toBe(0);
    expect(tkdnPreferenceMicro(0)).toBe(0);
    expect(tkdnPreferenceMicro(24.99)).toBe(0);
    expect(evaluatedPriceIdr(1_000_000n, 24.99)).toBe(1_000_000n);
  });

  it("is TKDN × 25% from 25% up, at most 25%", () => {
    expect(tkdnPreferencePercent(25)).toBe(6.25);
    expect(tkdnPreferencePercent("40.00")).toBe(10);
    expect(tkdnPreferencePercent(100)).toBe(25);
    expect(tkdnPreferencePercent(150)).toBe(25); // clamped
  });

  it("evaluates price / (1 + KP) in whole Rupiah, rounded half up", () => {
    expect(evaluatedPriceIdr(1_100_000n, 40)).toBe(1_000_000n);
    // 1.000.000 / 1,125 (TKDN 50% → KP 12,5%) = 888.888,9 → 888.889
    expect(evaluatedPriceIdr(1_000_000n, 50)).toBe(888_889n);
    // 1.000.000 / 1,25 (TKDN 100%)
    expect(evaluatedPriceIdr(1_000_000n, 100)).toBe(800_000n);
    // exact BigInt arithmetic far beyond 2^53
    expect(evaluatedPriceIdr(9_000_000_000_000_000_001n, 100)).toBe(7_200_000_000_000_000_001n);
  });
});

describe("PPN: offers are compared before VAT", () => {
  it("brings a VAT-inclusive price to its price before PPN 11%, then applies the TKDN preference, rounding once", () => {
    expect(evaluatedPriceIdr(111_000n, null, true)).toBe(100_000n);
    expect(evaluatedPriceIdr(7_500n, null, true)).toBe(6_757n); // 6.756,76
    expect(evaluatedPriceIdr(122_100n, 40, true)).toBe(100_000n); // ÷ 1,11 ÷ 1,10
    expect(evaluatedPriceIdr(100_000n, null, false)).toBe(100_000n);
  });

  it("a VAT-exclusive offer beats a nominally cheaper-looking inclusive one only when it really is cheaper", () => {
    const lines = [{ id: "a", quantity: 1 }];
    const cols = compareQuotes(lines, [
      { id: "incl", offeredTkdn: null, includesVat: true, leadTimeDays: 1, prices: { a: 110_000n } }, // 99.099 before VAT
      { id: "excl", offeredTkdn: null, includesVat: false, leadTimeDays: 1, prices: { a: 100_000n } },
    ]);
    expect(cols[0].cells.a?.best).toBe(true);
    expect(cols[1].cells.a?.best).toBe(false);
  });
});

describe("compareQuotes", () => {
  const lines = [
    { id: "a", quantity: 10 },
    { id: "b", quantity: 2 },
  ];

  it("marks the lowest evaluated price per line, so higher TKDN can win at a higher price", () => {
    const cols = compareQuotes(lines, [
      { id: "cheap", offeredTkdn: 0, leadTimeDays: 10, prices: { a: 100_000n, b: 50_000n } },
      { id: "local", offeredTkdn: 60, leadTimeDays: 14, prices: { a: 110_000n, b: 60_000n } }, // KP 15%: a → 95.652, b → 52.174
    ]);
    const [cheap, local] = cols;
    expect(local.cells.a).toMatchObject({ unitPriceIdr: 110_000n, evaluatedUnitPriceIdr: 95_652n, best: true, lineTotalIdr: 1_100_000n });
    expect(cheap.cells.a?.best).toBe(false);
    expect(cheap.cells.b?.best).toBe(true);
    expect(local.cells.b?.best).toBe(false);
    expect(cheap.totalIdr).toBe(1_100_000n);
    expect(local.totalIdr).toBe(1_220_000n);
    expect(local.preferencePercent).toBe(15);
    expect(bestValueSplit(lines, cols)).toEqual({ a: "local", b: "cheap" });
    // overall: cheap 1.100.000 vs local evaluated 956.520 + 104.348 = 1.060.868
    expect(local.bestOverall).toBe(true);
    expect(cheap.bestOverall).toBe(false);
  });

  it("leaves unpriced lines empty and only ranks complete quotes overall", () => {
    const cols = compareQuotes(lines, [
      { id: "partial", offeredTkdn: null, leadTimeDays: 5, prices: { a: 1n } },
      { id: "full", offeredTkdn: null, leadTimeDays: 5, prices: { a: 2n, b: 2n } },
    ]);
    expect(cols[0].cells.b).toBeNull();
    expect(cols[0].linesPriced).toBe(1);
    expect(cols[0].cells.a?.best).toBe(true);
    expect(cols[1].cells.b?.best).toBe(true);
    expect(cols[0].bestOverall).toBe(false);
    expect(cols[1].bestOverall).toBe(true);
  });

  it("marks every tied quote", () => {
    const cols = compareQuotes(
      [{ id: "a", quantity: 1 }],
      [
        { id: "x", offeredTkdn: null, leadTimeDays: 1, prices: { a: 5n } },
        { id: "y", offeredTkdn: null, leadTimeDays: 1, prices: { a: 5n } },
      ],
    );
    expect(cols.map((c) => c.cells.a?.best)).toEqual([true, true]);
  });
});

describe("assessTkdn (issue 11: the preference needs a certificate)", () => {
  const cert = (
    over: Partial<{ tkdnPercent: number | string | null; validFrom: Date | null; validUntil: Date | null; verified: boolean }> = {},
  ) => ({
    tkdnPercent: "45.00",
    validFrom: new Date("2026-01-01T00:00:00Z"),
    validUntil: new Date("2027-01-10T00:00:00Z"),
    verified: true,
    ...over,
  });
  // 2027-01-10 16:59 UTC = 23:59 WIB on the 10th; 17:00 UTC is already the 11th in WIB
  const lastMinute = new Date("2027-01-10T16:59:00Z");
  const nextDayWib = new Date("2027-01-10T17:00:00Z");

  it("a verified certificate valid on the deadline's WIB day with at least the offered value: verified, preference from the offer", () => {
    expect(assessTkdn(40, [cert()], lastMinute)).toEqual({ offered: 40, status: "verified", certifiedPercent: 45, preferenceTkdn: 40 });
    expect(assessTkdn("45", [cert()], lastMinute).status).toBe("verified");
  });

  it("expired on the deadline (WIB), not yet valid, lower, unverified or none: declared only, no preference", () => {
    expect(assessTkdn(40, [cert()], nextDayWib)).toMatchObject({ status: "unverified", certifiedPercent: null, preferenceTkdn: null });
    expect(assessTkdn(40, [cert({ validFrom: new Date("2027-02-01T00:00:00Z"), validUntil: null })], lastMinute)).toMatchObject({
      status: "unverified",
      preferenceTkdn: null,
    });
    expect(assessTkdn(45.01, [cert()], lastMinute)).toMatchObject({ status: "unverified", certifiedPercent: 45, preferenceTkdn: null });
    expect(assessTkdn(40, [cert({ verified: false })], lastMinute)).toMatchObject({ status: "unverified", preferenceTkdn: null });
    expect(assessTkdn(40, [], lastMinute)).toMatchObject({ status: "unverified", certifiedPercent: null, preferenceTkdn: null });
    expect(tkdnPreferencePercent(assessTkdn(40, [], lastMinute).preferenceTkdn)).toBe(0);
  });

  it("the best of several certificates counts; nothing declared → no status", () => {
    expect(assessTkdn(50, [cert({ tkdnPercent: "30" }), cert({ tkdnPercent: "55.5", validUntil: null })], lastMinute)).toMatchObject({
      status: "verified",
      certifiedPercent: 55.5,
    });
    expect(assessTkdn(null, [cert()], lastMinute)).toEqual({ offered: null, status: null, certifiedPercent: 45, preferenceTkdn: null });
  });
});
