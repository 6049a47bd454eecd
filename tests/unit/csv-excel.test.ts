// lib/csv/excel.ts: every CSV a page hands out opens cleanly in Excel in Indonesia (issue 17, item 8).
import { describe, expect, it } from "vitest";
import Papa from "papaparse";
import { excelCsv, excelText, isSpreadsheetScientific, localizedExcelCsv, readerLocale, unwrapExcelText } from "@/lib/csv/excel";
import { parseCsvFile } from "@/lib/csv/import-engine";

const body = (csv: string) => csv.slice(1);

describe("excelCsv", () => {
  it("starts with a UTF-8 byte-order mark and separates cells with ';', lines with CRLF", () => {
    const csv = excelCsv(["Nama", "Nilai (Rp)"], [["Kopi Gayo · Aceh", 1_500_000n]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(body(csv)).toBe("Nama;Nilai (Rp)\r\nKopi Gayo · Aceh;1500000\r\n");
  });

  it("quotes cells holding the separator, quotes or line breaks, so the columns stay put", () => {
    const csv = excelCsv(["a", "b"], [["Jl. Merdeka; No. 5", 'PT "Maju"\nJaya']]);
    expect(body(csv)).toBe('a;b\r\n"Jl. Merdeka; No. 5";"PT ""Maju""\nJaya"\r\n');
    expect(Papa.parse<string[]>(body(csv).trim(), { delimiter: ";" }).data[1]).toEqual(["Jl. Merdeka; No. 5", 'PT "Maju"\nJaya']);
  });

  it("neutralises formulas: text starting with = + - @ (or tab/CR) gets a leading apostrophe", () => {
    const hostile = ['=HYPERLINK("http://x","klik")', "+62 812", "-1+1", "@SUM(A1)", "\tx", "=1"];
    const rows = Papa.parse<string[]>(
      body(
        excelCsv(
          ["x"],
          hostile.map((h) => [h]),
        ),
      ),
      { delimiter: ";" },
    ).data.slice(1, -1);
    expect(rows.map((r) => r[0])).toEqual(hostile.map((h) => `'${h}`));
  });

  it("leaves numbers (negative ones too), empty cells and ordinary text alone", () => {
    expect(body(excelCsv(["a", "b", "c", "d", "e"], [[-5, null, undefined, "Batik = seni", 0]]))).toBe(
      "a;b;c;d;e\r\n-5;;;Batik = seni;0\r\n",
    );
  });

  it("escapes a header too", () => {
    expect(body(excelCsv(["=evil"], []))).toBe("'=evil\r\n");
  });
});

describe("localizedExcelCsv: headers in the reader's language", () => {
  it("translates header message keys", () => {
    const keys = ["stats.csv.key", "stats.csv.name", "stats.csv.valueIdr"];
    expect(body(localizedExcelCsv("id", keys, [])).trim()).toBe("Kode;Nama;Nilai (Rp)");
    expect(body(localizedExcelCsv("en", keys, [])).trim()).toBe("Code;Name;Value (Rp)");
  });
});

describe("readerLocale", () => {
  const req = (headers: Record<string, string>) => new Request("http://rantai.test/x.csv", { headers });
  it("prefers the language switcher's cookie, then Accept-Language, else Indonesian", () => {
    expect(readerLocale(req({ cookie: "a=1; NEXT_LOCALE=en", "accept-language": "id" }))).toBe("en");
    expect(readerLocale(req({ cookie: "NEXT_LOCALE=xx", "accept-language": "en-GB,en;q=0.9" }))).toBe("en");
    expect(readerLocale(req({}))).toBe("id");
  });
});

describe("identifiers survive Excel (issue 17: NIB shown as 9,12E+12)", () => {
  it("writes digit identifiers as text cells and refuses anything but digits in them", () => {
    expect(body(excelCsv(["nib", "n"], [[excelText("9120301234567"), 5]]))).toBe('nib;n\r\n"=""9120301234567""";5\r\n');
    expect(() => excelText('1"),HYPERLINK("x')).toThrow();
  });

  it("reads the template's text cells back as their digits, and nothing else", () => {
    const parsed = parseCsvFile(excelCsv(["nib"], [[excelText("0120301234567")], ['="=1+1"']]), {
      requiredColumns: ["nib"],
      maxRows: 10,
      maxBytes: 10_000,
    });
    expect(parsed.ok && parsed.rows.map((r) => r.nib)).toEqual(["0120301234567", `'="=1+1"`]);
    expect(unwrapExcelText('="9120301234567"')).toBe("9120301234567");
    expect(unwrapExcelText('="abc"')).toBe('="abc"');
  });

  it("recognises a number Excel wrote in scientific notation", () => {
    for (const v of ["9,12E+12", "9.12036E+12", "1.23457e+15", " 9E12 "]) expect(isSpreadsheetScientific(v)).toBe(true);
    for (const v of ["9120301234567", "01.234.567.4-901.000", "E+12", "9,12"]) expect(isSpreadsheetScientific(v)).toBe(false);
  });
});
