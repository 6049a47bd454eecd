// The RFQ input schemas shared by the /rfq forms and /api/v1/rfqs: what a buyer may type and what is refused.
import { describe, expect, it } from "vitest";
import { rfqCreateSchema, rfqListQuery, deadlineSchema, quantitySchema } from "@/lib/rfqs/schemas";

const base = {
  title: "Pengadaan kain batik",
  kbli: "13134",
  deliveryRegencyCode: "33.75",
  deadline: "2030-01-01T10:00:00+07:00",
  items: [{ name: "Kain batik", quantity: 10, unit: "lembar" }],
};

const errors = (input: unknown) => {
  const r = rfqCreateSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("RFQ input", () => {
  it("accepts JSON with defaults: public, not sealed, no certificates", () => {
    const r = rfqCreateSchema.parse(base);
    expect(r).toMatchObject({ visibility: "public", sealed: false, requiredCertifications: [] });
    expect(r.deadline).toEqual(new Date("2030-01-01T03:00:00.000Z"));
  });

  it("reads a form: indexed items, Indonesian thousands, checkbox 'on', repeated certificates, local time on the buyer's clock", () => {
    const r = rfqCreateSchema.parse({
      ...base,
      deadline: "2030-01-01T10:00",
      items: {
        "1": { name: "Selendang", quantity: "300", unit: "lembar" },
        "0": { name: "Kain", quantity: "1.500", unit: "lembar", targetUnitPriceIdr: "Rp150.000" },
      },
      requiredCertifications: ["halal", "halal", "tkdn"],
      sealed: "on",
      minTkdn: "40,5",
    });
    expect(r.items.map((i) => [i.name, i.quantity, i.targetUnitPriceIdr])).toEqual([
      ["Kain", 1500, 150000n],
      ["Selendang", 300, undefined],
    ]);
    expect(r.requiredCertifications).toEqual(["halal", "tkdn"]);
    expect(r.sealed).toBe(true);
    expect(r.minTkdn).toBe(40.5);
    // a wall-clock time: the server reads it in the buyer organization's zone (lib/rfqs/deadlines.ts)
    expect(r.deadline).toEqual({ wallClock: "2030-01-01T10:00" });
  });

  it("refuses zero, negative and fractional quantities, fractional Rupiah, empty items, bad codes", () => {
    expect(errors({ ...base, items: [{ name: "Kain", quantity: 0, unit: "m" }] })).toEqual({
      "items.0.quantity": "rfqs.errors.quantityPositive",
    });
    expect(errors({ ...base, items: [{ name: "Kain", quantity: -1, unit: "m" }] })).toEqual({
      "items.0.quantity": "rfqs.errors.quantityPositive",
    });
    expect(errors({ ...base, items: [{ name: "Kain", quantity: "2,5", unit: "m" }] })["items.0.quantity"]).toBeDefined();
    expect(errors({ ...base, items: [{ name: "Kain", quantity: 1.5, unit: "m" }] })).toEqual({
      "items.0.quantity": "errors.field.wholeNumber",
    });
    expect(errors({ ...base, items: [{ name: "Kain", quantity: 1, unit: "m", targetUnitPriceIdr: 10.5 }] })).toEqual({
      "items.0.targetUnitPriceIdr": "products.errors.rupiahFraction",
    });
    expect(errors({ ...base, items: [] })).toEqual({ items: "rfqs.errors.itemsRequired" });
    expect(errors({ ...base, kbli: "131", deliveryRegencyCode: "Pekalongan" })).toEqual({
      kbli: "errors.field.kbli",
      deliveryRegencyCode: "errors.field.region",
    });
    expect(errors({ ...base, minTkdn: 101 })).toEqual({ minTkdn: "errors.field.percent" });
  });

  it("deadlines: ISO with offset or a local wall-clock time; anything else is a format error", () => {
    expect(deadlineSchema.safeParse("besok").success).toBe(false);
    expect(deadlineSchema.safeParse("2030-02-30T10:00").success).toBe(false);
    expect(deadlineSchema.safeParse("2030-01-01T24:00").success).toBe(false);
    expect(deadlineSchema.parse("2030-01-01T23:59")).toEqual({ wallClock: "2030-01-01T23:59" });
    expect(deadlineSchema.safeParse("2030-01-01").success).toBe(false);
    expect(quantitySchema.safeParse("abc").error?.issues[0].message).toBe("errors.field.number");
  });

  it("board filters", () => {
    const q = rfqListQuery.parse({ kbli: "13", province: "33", deadlineBefore: "2030-01-31", certification: "halal,sni", q: "" });
    expect(q).toMatchObject({ kbli: "13", province: "33", certification: ["halal", "sni"], q: undefined });
    expect(q.deadlineBefore?.toISOString()).toBe("2030-01-31T16:59:59.999Z");
    expect(rfqListQuery.safeParse({ province: "Jawa" }).success).toBe(false);
  });
});
