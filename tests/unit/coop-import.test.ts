// Cooperative member CSV: file handling (BOM, ";" or "," delimiter, header row, limits) and row validation.
import { describe, expect, it } from "vitest";
import {
  IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  TEMPLATE_EXAMPLE,
  importRowSchema,
  parseImportCsv,
  templateCsv,
  validateImportRow,
} from "@/lib/cooperatives/import-parse";

const ref = { regencies: new Set(["33.75", "31.71"]), kbli2020: new Set(["13134", "47713", "10792"]) };
const schema = importRowSchema(ref);
const row = (over: Partial<Record<string, string>> = {}) => ({ ...TEMPLATE_EXAMPLE, ...over });
const errorsOf = (over: Partial<Record<string, string>>) => {
  const r = validateImportRow(row(over), 5, schema);
  return r.ok ? [] : r.errors.map((e) => `${e.column}:${e.key}`);
};

describe("parseImportCsv", () => {
  it("reads comma and semicolon files, with or without a BOM, headers case-insensitive", () => {
    const comma = "nama_usaha,nib,kode_kabupaten,kbli\nA,9120301234567,33.75,13134\n";
    const semi = '\uFEFFNama_Usaha;NIB;kode_kabupaten;kbli\r\nA;9120301234567;33.75;"13134;47713"\r\n';
    const a = parseImportCsv(comma);
    const b = parseImportCsv(semi);
    expect(a).toMatchObject({ ok: true, delimiter: "," });
    expect(b).toMatchObject({ ok: true, delimiter: ";" });
    if (!a.ok || !b.ok) return;
    expect(a.rows[0]).toMatchObject({ nama_usaha: "A", nib: "9120301234567" });
    expect(b.headers[0]).toBe("nama_usaha");
    expect(b.rows[0].kbli).toBe("13134;47713");
  });

  it("skips blank lines and refuses files without the required columns, empty files and too many rows", () => {
    const blank = parseImportCsv("nama_usaha,nib,kode_kabupaten,kbli\n\nA,9120301234567,33.75,13134\n\n");
    expect(blank.ok && blank.rows.length).toBe(1);
    expect(parseImportCsv("nama,nomor\nA,1\n")).toMatchObject({
      ok: false,
      key: "missingColumns",
      missing: ["nama_usaha", "nib", "kode_kabupaten", "kbli"],
    });
    expect(parseImportCsv("")).toMatchObject({ ok: false, key: "empty" });
    expect(parseImportCsv("nama_usaha,nib,kode_kabupaten,kbli\n")).toMatchObject({ ok: false, key: "empty" });
    const many = "nama_usaha,nib,kode_kabupaten,kbli\n" + "A,1,33.75,13134\n".repeat(MAX_IMPORT_ROWS + 1);
    expect(parseImportCsv(many)).toMatchObject({ ok: false, key: "tooManyRows" });
    expect(parseImportCsv("nama_usaha,nib,kode_kabupaten,kbli\n" + "A,1,33.75,13134\n".repeat(MAX_IMPORT_ROWS)).ok).toBe(true);
  });

  it("the template has the Indonesian headers and a valid example row", () => {
    const t = parseImportCsv(templateCsv());
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    expect(t.headers).toEqual([...IMPORT_COLUMNS]);
    expect(validateImportRow(t.rows[0], 2, schema).ok).toBe(true);
    // identifiers are text cells, so Excel keeps their digits (issue 17)
    expect(templateCsv()).toContain('"=""9120301234567"""');
  });

  it("says when Excel turned a NIB or NPWP into scientific notation, instead of 'not 13 digits'", () => {
    expect(errorsOf({ nib: "9,12E+12" })).toEqual(["nib:nibSpreadsheet"]);
    expect(errorsOf({ npwp: "1.23457E+14" })).toEqual(["npwp:npwpSpreadsheet"]);
    expect(errorsOf({ nib: "912030123456" })).toEqual(["nib:nib"]);
  });
});

describe("validateImportRow", () => {
  it("accepts the example and normalises identifiers, amounts and codes", () => {
    const r = validateImportRow(row({ npwp: "01.234.567.4-901.000", modal_usaha: "Rp250.000.000", kbli: "13134; 47713;13134" }), 7, schema);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      row: 7,
      nib: "9120301234567",
      npwp: "0012345674901000",
      capitalIdr: 250_000_000n,
      kbli: ["13134", "47713"],
      legalForm: "ud",
    });
    expect(r.value.size).toEqual({ sizeClass: "mikro", basis: "annual_sales" });
  });

  it("reports each bad column with its key", () => {
    expect(errorsOf({ nib: "12345" })).toEqual(["nib:nib"]);
    expect(errorsOf({ nib: "" })).toEqual(["nib:required"]);
    expect(errorsOf({ npwp: "01.234.567.1-901.000" })).toEqual(["npwp:npwpChecksum"]);
    expect(errorsOf({ npwp: "12345" })).toEqual(["npwp:npwpFormat"]);
    expect(errorsOf({ kode_kabupaten: "99.99" })).toEqual(["kode_kabupaten:regency"]);
    expect(errorsOf({ kbli: "1313" })).toEqual(["kbli:kbliFormat"]);
    expect(errorsOf({ kbli: "99999" })).toEqual(["kbli:kbliUnknown"]);
    expect(errorsOf({ modal_usaha: "-1" })).toEqual(["modal_usaha:rupiahNegative"]);
    expect(errorsOf({ omzet_tahunan: "1500,5" })).toEqual(["omzet_tahunan:rupiahFraction"]);
    expect(errorsOf({ omzet_tahunan: "60000000000" })).toEqual(["omzet_tahunan:notUmkm"]);
    expect(errorsOf({ email_pemilik: "bukan-email" })).toEqual(["email_pemilik:email"]);
    expect(errorsOf({ bentuk_usaha: "korporasi" })).toEqual(["bentuk_usaha:legalForm"]);
    expect(errorsOf({ jumlah_karyawan: "2.5" })).toEqual(["jumlah_karyawan:employees"]);
    expect(errorsOf({ nama_usaha: " " })).toEqual(["nama_usaha:required"]);
    expect(errorsOf({ nib: "1", kbli: "" })).toEqual(["nib:nib", "kbli:required"]);
  });

  it("optional columns may be empty or missing", () => {
    const r = validateImportRow({ nama_usaha: "A", nib: "9120301234567", kode_kabupaten: "33.75", kbli: "13134" }, 2, schema);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject({ npwp: null, capitalIdr: null, annualSalesIdr: null, size: null, ownerEmail: null });
  });
});
