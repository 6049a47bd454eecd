// Issue 11 item 14 (review): a Rupiah field is parsed with BigInt(); a megabytes-long string of digits (a
// server action takes 6 MB) kept the event loop busy for about 2 s per field before being refused as too
// large. Both Rupiah parsers (product/RFQ/quote prices, and the supplier profile's capital and turnover) refuse
// such a string at once, by its length, with the same "too large" message as before.
import { afterEach, describe, expect, it, vi } from "vitest";
import { rupiahSchema } from "@/lib/products/schemas";
import { parseRupiahInput } from "@/lib/suppliers/rupiah";

const HUGE = "9".repeat(6 * 1024 * 1024);

describe("Rupiah fields: huge digit strings", () => {
  afterEach(() => vi.restoreAllMocks());

  // No timed assertion (CI machines are shared and noisy): what made it slow was BigInt() on megabytes of
  // digits, so the test proves that no such string ever reaches BigInt.
  it("a 6 MB digit string is refused as too large before BigInt() sees it (prices; supplier capital and turnover)", () => {
    const bigint = vi.spyOn(globalThis, "BigInt");
    const r = rupiahSchema.safeParse(HUGE);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe("products.errors.rupiahTooLarge");
    expect(parseRupiahInput(HUGE)).toEqual({ ok: false, error: "suppliers.errors.rupiahTooLarge" });
    const longest = Math.max(0, ...bigint.mock.calls.map(([v]) => String(v).length));
    expect(longest).toBeLessThan(64);
  });

  it("leading zeros and thousands separators are still read as before", () => {
    expect(rupiahSchema.parse("0".repeat(5000) + "150000")).toBe(150_000n);
    expect(rupiahSchema.parse("Rp1.500.000")).toBe(1_500_000n);
    expect(parseRupiahInput("0".repeat(5000) + "7")).toEqual({ ok: true, value: 7n });
    expect(rupiahSchema.safeParse("1000000000001").success).toBe(false); // above Rp1 triliun, as before
  });
});
