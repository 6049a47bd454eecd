// NIB and NPWP validation (domain.md "Identifiers"). The NPWP examples are constructed by hand: the first 8
// digits are a serial, the 9th the Luhn check digit over them (worked example in the first test).
import { describe, expect, it } from "vitest";
import { formatNpwp, luhnValid, parseNib, parseNpwp, PROVINCE_CODES } from "@/lib/suppliers/identifiers";

describe("luhnValid", () => {
  it("accepts 01855081 + check digit 4 (worked: 4 + 2·1→2 + 8 + 2·0→0 + 5 + 2·5→1 + 8 + 2·1→2 + 0 = 30)", () => {
    expect(luhnValid("018550814")).toBe(true);
  });
  it("rejects every other check digit", () => {
    for (let d = 0; d <= 9; d++) if (d !== 4) expect(luhnValid(`01855081${d}`), String(d)).toBe(false);
  });
  it("rejects non-digits and too-short input", () => {
    expect(luhnValid("0185508a4")).toBe(false);
    expect(luhnValid("0")).toBe(false);
  });
});

describe("parseNib", () => {
  it("accepts 13 digits, ignoring spaces", () => {
    expect(parseNib("9120001234567")).toEqual({ ok: true, value: "9120001234567" });
    expect(parseNib(" 9120 0012 34567 ")).toEqual({ ok: true, value: "9120001234567" });
  });
  it.each(["912000123456", "91200012345678", "91200012345a7", "9120-001234567", ""])("refuses %j", (v) => {
    expect(parseNib(v)).toEqual({ ok: false, reason: "format" });
  });
});

describe("parseNpwp — 15-digit old form", () => {
  it("accepts the printed layout and plain digits, normalised to 16 digits with a leading 0", () => {
    expect(parseNpwp("01.855.081.4-412.000")).toEqual({ ok: true, value: "0018550814412000", kind: "entity" });
    expect(parseNpwp("018550814412000")).toEqual({ ok: true, value: "0018550814412000", kind: "entity" });
    expect(parseNpwp("09.254.294.3-407.000")).toEqual({ ok: true, value: "0092542943407000", kind: "entity" });
    // 31234567 → check digit 1 (7·2=14→5, 6, 5·2=10→1, 4, 3·2=6, 2, 1·2=2, 3: sum 29 → 1)
    expect(parseNpwp("31.234.567.1-001.000")).toMatchObject({ ok: true, value: "0312345671001000" });
  });
  it("refuses a wrong check digit (9th digit)", () => {
    expect(parseNpwp("01.855.081.5-412.000")).toEqual({ ok: false, reason: "checksum" });
    expect(parseNpwp("018550813412000")).toEqual({ ok: false, reason: "checksum" });
  });
  it("does not check the tax office or branch digits", () => {
    expect(parseNpwp("01.855.081.4-999.001")).toMatchObject({ ok: true });
  });
  it.each([
    "01.855.081.4412.000", // missing dash
    "01.855.0814-412.000", // wrong grouping
    "1.855.081.4-412.000",
    "01855081441200", // 14 digits
    "01855081441200012", // 17 digits
    "NPWP 018550814412000",
    "",
  ])("refuses the layout %j", (v) => {
    expect(parseNpwp(v)).toEqual({ ok: false, reason: "format" });
  });
});

describe("parseNpwp — 16 digits", () => {
  it("starting with 0 is an entity: the embedded old NPWP's check digit is verified", () => {
    expect(parseNpwp("0018550814412000")).toEqual({ ok: true, value: "0018550814412000", kind: "entity" });
    expect(parseNpwp("0018550817412000")).toEqual({ ok: false, reason: "checksum" });
    expect(parseNpwp("001.855.081.4-412.000")).toEqual({ ok: true, value: "0018550814412000", kind: "entity" });
  });
  it("starting with a province code is a NIK (no check digit)", () => {
    expect(parseNpwp("3375014506900003")).toEqual({ ok: true, value: "3375014506900003", kind: "nik" }); // Kota Pekalongan
    expect(parseNpwp("3375 0145 0690 0003")).toMatchObject({ ok: true, kind: "nik" });
    expect(parseNpwp("9601010101900001")).toMatchObject({ ok: true, kind: "nik" }); // Papua Barat Daya
  });
  it.each(["1075014506900003", "2075014506900003", "9775014506900003", "5475014506900003", "9975014506900003"])(
    "refuses a NIK-like number whose first two digits are no province (%s)",
    (v) => {
      expect(parseNpwp(v)).toEqual({ ok: false, reason: "province" });
    },
  );
  it("knows the 38 provinces", () => {
    expect(PROVINCE_CODES.size).toBe(38);
  });
});

describe("formatNpwp", () => {
  it("prints an entity NPWP in the old layout with its leading 0, a NIK in groups of four", () => {
    expect(formatNpwp("0018550814412000")).toBe("001.855.081.4-412.000");
    expect(formatNpwp("3375014506900003")).toBe("3375 0145 0690 0003");
  });
});
