// Issue 11 item 14 (review): a Rupiah field is parsed with BigInt(); a megabytes-long string of digits (a
// server action takes 6 MB) kept the event loop busy for about 2 s per field before being refused as too
// large. Both Rupiah parsers (product/RFQ/quote prices, and the supplier profile's capital and turnover) refuse
// such a string at once, by its length, with the same "too large" message as before.
import { describe, expect, it } from "vitest";
import { rupiahSchema } from "@/lib/products/schemas";
import { parseRupiahInput } from "@/lib/suppliers/rupiah";

const HUGE = "9".repeat(6 * 1024 * 1024);

describe("Rupiah fields: huge digit strings", () => {
  it("a 6 MB digit string is refused as too large within milliseconds (prices; supplier capital and turnover)", () => {
    let t = performance.now();
    const r = rupiahSchema.safeParse(HUGE);
    const priceMs = performance.now() - t;
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe("products.errors.rupiahTooLarge");
    t = performance.now();
    expect(parseRupiahInput(HUGE)).toEqual({ ok: false, error: "suppliers.errors.rupiahTooLarge" });
    const profileMs = performance.now() - t;
    // BigInt() of 6 MB of digits takes ~2 s; a length check takes a few ms
    expect(priceMs).toBeLessThan(400);
    expect(profileMs).toBeLessThan(400);
  });

  it("leading zeros and thousands separators are still read as before", () => {
    expect(rupiahSchema.parse("0".repeat(5000) + "150000")).toBe(150_000n);
    expect(rupiahSchema.parse("Rp1.500.000")).toBe(1_500_000n);
    expect(parseRupiahInput("0".repeat(5000) + "7")).toEqual({ ok: true, value: 7n });
    expect(rupiahSchema.safeParse("1000000000001").success).toBe(false); // above Rp1 triliun, as before
  });
});
