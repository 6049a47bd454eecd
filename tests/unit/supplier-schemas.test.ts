// The supplier profile schema shared by the onboarding form and PATCH /api/v1/suppliers/{id}.
import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/auth/schemas";
import { certificationInputSchema, parseRupiahInput, supplierProfileSchema } from "@/lib/suppliers/schemas";

function errorsOf(input: unknown) {
  const r = supplierProfileSchema.safeParse(input);
  return r.success ? {} : fieldErrors(r.error);
}

describe("parseRupiahInput", () => {
  it.each([
    [0, 0n],
    [1500000, 1_500_000n],
    ["1500000", 1_500_000n],
    ["1.500.000", 1_500_000n],
    ["Rp1.500.000", 1_500_000n],
    ["Rp 2.000.000.000", 2_000_000_000n],
    [" 750.000 ", 750_000n],
    ["12.345.678.901.234", 12_345_678_901_234n], // beyond 2^53 would need a string: exact as bigint
    ["", null],
    [null, null],
  ])("%j → %s", (input, expected) => {
    expect(parseRupiahInput(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [-1, "suppliers.errors.rupiahNegative"],
    ["-1.000", "suppliers.errors.rupiahNegative"],
    [1500.5, "suppliers.errors.rupiahFraction"],
    [0.1, "suppliers.errors.rupiahFraction"],
    ["1,5", "suppliers.errors.rupiahFraction"],
    ["1.5", "suppliers.errors.rupiahFraction"],
    ["1.50", "suppliers.errors.rupiahFraction"],
    ["1.500,00", "suppliers.errors.rupiahFraction"],
    ["1.5000", "suppliers.errors.rupiahFraction"],
    ["15.00.000", "suppliers.errors.rupiahFormat"], // groups of three only
    ["1 juta", "suppliers.errors.rupiahFormat"],
    ["1e6", "suppliers.errors.rupiahFormat"],
    [Number.NaN, "suppliers.errors.rupiahFormat"],
    [2 ** 60, "suppliers.errors.rupiahTooLarge"],
    ["99999999999999999999", "suppliers.errors.rupiahTooLarge"],
    [true, "suppliers.errors.rupiahFormat"],
  ])("%j is refused with %s", (input, error) => {
    expect(parseRupiahInput(input)).toEqual({ ok: false, error });
  });
});

describe("supplierProfileSchema", () => {
  it("parses a complete form submission (strings) into typed values", () => {
    const r = supplierProfileSchema.parse({
      name: "  Batik Tulis Sekar  ",
      legalForm: "ud",
      nib: "9120001234567",
      npwp: "01.855.081.4-412.000",
      capitalIdr: "350.000.000",
      annualSalesIdr: "1.200.000.000",
      employees: "12",
      foundedYear: "2009",
      regencyCode: "33.75",
      kbli: ["13134", "14111", "13134"],
      address: "Jl. Hayam Wuruk 1",
      description: "",
    });
    expect(r).toEqual({
      name: "Batik Tulis Sekar",
      legalForm: "ud",
      nib: "9120001234567",
      npwp: "0018550814412000",
      capitalIdr: 350_000_000n,
      annualSalesIdr: 1_200_000_000n,
      employees: 12,
      foundedYear: 2009,
      regencyCode: "33.75",
      kbli: ["13134", "14111"],
      address: "Jl. Hayam Wuruk 1",
      description: null,
    });
  });

  it("parses JSON numbers and leaves absent keys absent (PATCH)", () => {
    expect(supplierProfileSchema.parse({ capitalIdr: 5_000_000, kbli: ["13134"] })).toEqual({ capitalIdr: 5_000_000n, kbli: ["13134"] });
    expect(supplierProfileSchema.parse({})).toEqual({});
  });

  it("clears with null or an empty form field", () => {
    expect(supplierProfileSchema.parse({ nib: "", npwp: null, annualSalesIdr: "", regencyCode: "", legalForm: "" })).toEqual({
      nib: null,
      npwp: null,
      annualSalesIdr: null,
      regencyCode: null,
      legalForm: null,
    });
  });

  it("takes a comma-separated KBLI list (form without JavaScript)", () => {
    expect(supplierProfileSchema.parse({ kbli: "13134, 14111" }).kbli).toEqual(["13134", "14111"]);
  });

  it("refuses negative and fractional Rupiah on the right field", () => {
    expect(errorsOf({ capitalIdr: -5 })).toEqual({ capitalIdr: ["suppliers.errors.rupiahNegative"] });
    expect(errorsOf({ annualSalesIdr: "1,5" })).toEqual({ annualSalesIdr: ["suppliers.errors.rupiahFraction"] });
    expect(errorsOf({ annualSalesIdr: 10.25 })).toEqual({ annualSalesIdr: ["suppliers.errors.rupiahFraction"] });
  });

  it("refuses bad identifiers with a message per problem", () => {
    expect(errorsOf({ nib: "12345" })).toEqual({ nib: ["suppliers.errors.nibFormat"] });
    expect(errorsOf({ npwp: "01.855.081.5-412.000" })).toEqual({ npwp: ["suppliers.errors.npwpChecksum"] });
    expect(errorsOf({ npwp: "12345" })).toEqual({ npwp: ["suppliers.errors.npwpFormat"] });
    expect(errorsOf({ npwp: "1075014506900003" })).toEqual({ npwp: ["suppliers.errors.npwpProvince"] });
    expect(errorsOf({ nib: 9120001234567 })).toEqual({ nib: ["suppliers.errors.nibFormat"] }); // must be a string
  });

  it("refuses bad codes, years, counts and names", () => {
    expect(errorsOf({ kbli: ["1313"] })).toEqual({ "kbli.0": ["suppliers.errors.kbliFormat"] });
    expect(errorsOf({ kbli: ["13134", "C"] })).toEqual({ "kbli.1": ["suppliers.errors.kbliFormat"] });
    expect(errorsOf({ regencyCode: "3375" })).toEqual({ regencyCode: ["suppliers.errors.regencyUnknown"] });
    expect(errorsOf({ foundedYear: "1850" })).toEqual({ foundedYear: ["suppliers.errors.foundedYearRange"] });
    expect(errorsOf({ foundedYear: String(new Date().getUTCFullYear() + 1) })).toEqual({
      foundedYear: ["suppliers.errors.foundedYearRange"],
    });
    expect(errorsOf({ employees: "2,5" })).toEqual({ employees: ["errors.field.integer"] });
    expect(errorsOf({ employees: -1 })).toEqual({ employees: ["suppliers.errors.employeesRange"] });
    expect(errorsOf({ name: " " })).toEqual({ name: ["errors.field.required"] }); // blank is empty (issue 17)
    expect(errorsOf({ legalForm: "gmbh" })).toEqual({ legalForm: ["errors.field.invalidChoice"] });
  });
});

describe("certificationInputSchema", () => {
  const base = { type: "sni", number: "SNI-001/2026", validUntil: "2028-01-31" };

  it("parses dates as UTC calendar days and the TKDN percentage (decimal comma too)", () => {
    expect(certificationInputSchema.parse({ ...base, validFrom: "2026-02-01" })).toMatchObject({
      validFrom: new Date("2026-02-01T00:00:00Z"),
      validUntil: new Date("2028-01-31T00:00:00Z"),
    });
    expect(certificationInputSchema.parse({ ...base, type: "tkdn", percent: "42,5" }).percent).toBe(42.5);
    expect(certificationInputSchema.parse({ ...base, type: "tkdn", percent: 100 }).percent).toBe(100);
  });

  it("lets a halal certificate have no end date", () => {
    expect(certificationInputSchema.safeParse({ type: "halal", number: "ID33110000123450324" }).success).toBe(true);
    expect(certificationInputSchema.safeParse({ type: "iso9001", number: "QMS-1" }).success).toBe(false);
  });

  it.each([
    [{ ...base, validFrom: "2028-02-01" }, "validUntil", "suppliers.errors.validUntilBeforeFrom"],
    [{ ...base, validUntil: "2027-02-30" }, "validUntil", "errors.field.date"],
    [{ ...base, validUntil: "31/01/2028" }, "validUntil", "errors.field.date"],
    [{ ...base, type: "tkdn" }, "percent", "suppliers.errors.tkdnPercentRequired"],
    [{ ...base, type: "tkdn", percent: 100.5 }, "percent", "errors.field.percent"],
    [{ ...base, type: "tkdn", percent: -1 }, "percent", "errors.field.percent"],
    [{ ...base, type: "tkdn", percent: 40.125 }, "percent", "errors.field.percent"],
    [{ ...base, percent: 40 }, "percent", "suppliers.errors.percentOnlyTkdn"],
    [{ ...base, type: "other" }, "name", "suppliers.errors.certNameRequired"],
    [{ ...base, type: "gmp" }, "type", "suppliers.errors.certType"],
    [{ ...base, number: " " }, "number", "errors.field.required"],
  ])("refuses %j on %s", (input, field, message) => {
    const r = certificationInputSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(fieldErrors(r.error!)[field]).toEqual([message]);
  });
});
