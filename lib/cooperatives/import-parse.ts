// Cooperative bulk onboarding, part 1: the CSV file and its rows (no database). Pure: unit-tested on its own.
// Reading the file is the shared engine's (lib/csv/import-engine.ts); the columns and row rules are here.
// Rules (docs/decisions/0008-cooperative-bulk-import.md):
//  - UTF-8 with an optional BOM; header row required; ";" or "," delimiter auto-detected (Excel in an
//    Indonesian locale writes ";").
//  - at most MAX_IMPORT_ROWS data rows and MAX_IMPORT_BYTES bytes: more → one file error, nothing imported.
//  - every row is validated on its own; errors carry the row number (as a spreadsheet shows it: header = 1),
//    the column and a message key (messages/cooperatives "cooperatives.import.errors.*").
import { excelCsv, excelText, isSpreadsheetScientific } from "@/lib/csv/excel";
import { parseCsvFile, type ParsedCsv } from "@/lib/csv/import-engine";
import { z } from "zod";
import { parseNib, parseNpwp } from "@/lib/suppliers/identifiers";
import { parseRupiahInput } from "@/lib/suppliers/rupiah";
import { deriveSizeClass, type DerivedSizeClass } from "@/lib/suppliers/size-class";
import { LegalForm } from "@/lib/db/generated/enums";

export const MAX_IMPORT_ROWS = 20_000;
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** The template's columns, in order (Indonesian headers). */
export const IMPORT_COLUMNS = [
  "nama_usaha",
  "nib",
  "npwp",
  "bentuk_usaha",
  "kode_kabupaten",
  "kbli",
  "modal_usaha",
  "omzet_tahunan",
  "jumlah_karyawan",
  "email_pemilik",
  "nama_pemilik",
  "nomor_anggota",
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly ImportColumn[] = ["nama_usaha", "nib", "kode_kabupaten", "kbli"];

/** An example row with real codes (33.75 = Kota Pekalongan; 13134 = batik; 10792 = kue basah... see data/). */
export const TEMPLATE_EXAMPLE: Record<ImportColumn, string> = {
  nama_usaha: "Batik Sekar Jagad",
  nib: "9120301234567",
  npwp: "01.234.567.4-901.000",
  bentuk_usaha: "ud",
  kode_kabupaten: "33.75",
  kbli: "13134;47713",
  modal_usaha: "250000000",
  omzet_tahunan: "900000000",
  jumlah_karyawan: "12",
  email_pemilik: "pemilik@contoh.id",
  nama_pemilik: "Siti Aminah",
  nomor_anggota: "KOP-0001",
};

/** The template for Excel (lib/csv/excel.ts); its headers are the column names the importer reads, in any language. */
export function templateCsv(): string {
  // Identifiers go out as text cells, so Excel keeps every digit when the user fills and saves the file.
  const TEXT_COLUMNS: ReadonlySet<ImportColumn> = new Set(["nib", "npwp"]);
  return excelCsv(IMPORT_COLUMNS, [
    IMPORT_COLUMNS.map((c) => (TEXT_COLUMNS.has(c) ? excelText(TEMPLATE_EXAMPLE[c]) : TEMPLATE_EXAMPLE[c])),
  ]);
}

export type ImportErrorKey =
  | "required"
  | "tooLong"
  | "nib"
  | "nibSpreadsheet"
  | "npwpSpreadsheet"
  | "npwpFormat"
  | "npwpChecksum"
  | "npwpProvince"
  | "legalForm"
  | "regency"
  | "kbliFormat"
  | "kbliUnknown"
  | "rupiahNegative"
  | "rupiahFraction"
  | "rupiahFormat"
  | "rupiahTooLarge"
  | "employees"
  | "email"
  | "notUmkm"
  | "duplicateInFile"
  | "nibRegistered"
  | "batchFailed";

export interface RowError {
  /** Row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  column: ImportColumn | null;
  key: ImportErrorKey;
}

export interface ValidRow {
  row: number;
  name: string;
  nib: string;
  npwp: string | null;
  legalForm: LegalForm | null;
  regencyCode: string;
  kbli: string[];
  capitalIdr: bigint | null;
  annualSalesIdr: bigint | null;
  size: DerivedSizeClass | null;
  employees: number | null;
  ownerEmail: string | null;
  ownerName: string | null;
  memberNumber: string | null;
}

export interface ReferenceSets {
  regencies: ReadonlySet<string>;
  kbli2020: ReadonlySet<string>;
}

export type ParsedFile = ParsedCsv;

/** Parses the whole file with the shared engine (lib/csv/import-engine.ts): header row, BOM, delimiter detection, limits. */
export function parseImportCsv(input: string): ParsedFile {
  return parseCsvFile(input, { requiredColumns: REQUIRED_COLUMNS, maxRows: MAX_IMPORT_ROWS, maxBytes: MAX_IMPORT_BYTES });
}

const LEGAL_FORMS = new Set<string>(Object.values(LegalForm));
const EMAIL = z.email();

function custom(ctx: z.RefinementCtx, key: ImportErrorKey) {
  ctx.addIssue({ code: "custom", message: key });
  return z.NEVER;
}

const text = (max: number, required: boolean) =>
  z.string().transform((s, ctx) => {
    const v = s.trim();
    if (v === "") return required ? custom(ctx, "required") : null;
    if (v.length > max) return custom(ctx, "tooLong");
    return v;
  });

const rupiah = z.string().transform((s, ctx) => {
  const r = parseRupiahInput(s);
  if (!r.ok) return custom(ctx, r.error.replace("suppliers.errors.", "") as ImportErrorKey);
  return r.value;
});

/** The row schema, bound to the reference sets (loaded once per import). Messages are ImportErrorKey values. */
export function importRowSchema(ref: ReferenceSets) {
  return z
    .object({
      nama_usaha: text(200, true),
      nib: z.string().transform((s, ctx) => {
        if (s.trim() === "") return custom(ctx, "required");
        if (isSpreadsheetScientific(s)) return custom(ctx, "nibSpreadsheet");
        const r = parseNib(s);
        return r.ok ? r.value : custom(ctx, "nib");
      }),
      npwp: z.string().transform((s, ctx) => {
        if (s.trim() === "") return null;
        if (isSpreadsheetScientific(s)) return custom(ctx, "npwpSpreadsheet");
        const r = parseNpwp(s);
        if (r.ok) return r.value;
        return custom(ctx, r.reason === "format" ? "npwpFormat" : r.reason === "checksum" ? "npwpChecksum" : "npwpProvince");
      }),
      bentuk_usaha: z.string().transform((s, ctx) => {
        const v = s
          .trim()
          .toLowerCase()
          .replace(/[\s.]+/g, "_")
          .replace(/_+$/, "");
        if (v === "") return null;
        return LEGAL_FORMS.has(v) ? (v as LegalForm) : custom(ctx, "legalForm");
      }),
      kode_kabupaten: z.string().transform((s, ctx) => {
        const v = s.trim();
        if (v === "") return custom(ctx, "required");
        return ref.regencies.has(v) ? v : custom(ctx, "regency");
      }),
      kbli: z.string().transform((s, ctx) => {
        const codes = s
          .split(/[;,|\s]+/)
          .map((c) => c.trim())
          .filter(Boolean);
        if (codes.length === 0) return custom(ctx, "required");
        if (codes.some((c) => !/^\d{5}$/.test(c))) return custom(ctx, "kbliFormat");
        if (codes.some((c) => !ref.kbli2020.has(c))) return custom(ctx, "kbliUnknown");
        return [...new Set(codes)];
      }),
      modal_usaha: rupiah,
      omzet_tahunan: rupiah,
      jumlah_karyawan: z.string().transform((s, ctx) => {
        const v = s.trim();
        if (v === "") return null;
        if (!/^\d{1,7}$/.test(v)) return custom(ctx, "employees");
        return Number(v);
      }),
      email_pemilik: z.string().transform((s, ctx) => {
        const v = s.trim().toLowerCase();
        if (v === "") return null;
        if (v.length > 254 || !EMAIL.safeParse(v).success) return custom(ctx, "email");
        return v;
      }),
      nama_pemilik: text(120, false),
      nomor_anggota: text(50, false),
    })
    .superRefine((v, ctx) => {
      if (v.omzet_tahunan === undefined || v.modal_usaha === undefined) return;
      try {
        const size = deriveSizeClass({ capitalIdr: v.modal_usaha, annualSalesIdr: v.omzet_tahunan });
        if (size?.sizeClass === "besar") {
          ctx.addIssue({ code: "custom", message: "notUmkm", path: [v.omzet_tahunan !== null ? "omzet_tahunan" : "modal_usaha"] });
        }
      } catch {
        /* negative amounts are reported by the field */
      }
    });
}

/** Validates one raw row (missing optional columns count as empty). `row` is the spreadsheet row number. */
export function validateImportRow(
  raw: Record<string, string | undefined>,
  row: number,
  schema: ReturnType<typeof importRowSchema>,
): { ok: true; value: ValidRow } | { ok: false; errors: RowError[] } {
  const input = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, typeof raw[c] === "string" ? raw[c] : ""]));
  const r = schema.safeParse(input);
  if (!r.success) {
    const errors: RowError[] = [];
    const seen = new Set<string>();
    for (const issue of r.error.issues) {
      const column = (issue.path[0] as ImportColumn | undefined) ?? null;
      const key = (issue.message as ImportErrorKey) ?? "required";
      const id = `${column}:${key}`;
      if (seen.has(id)) continue;
      seen.add(id);
      errors.push({ row, column, key: IMPORT_COLUMNS.includes(column as ImportColumn) ? key : "required" });
    }
    return { ok: false, errors };
  }
  const d = r.data;
  return {
    ok: true,
    value: {
      row,
      name: d.nama_usaha!,
      nib: d.nib,
      npwp: d.npwp,
      legalForm: d.bentuk_usaha,
      regencyCode: d.kode_kabupaten,
      kbli: d.kbli,
      capitalIdr: d.modal_usaha,
      annualSalesIdr: d.omzet_tahunan,
      size: deriveSizeClass({ capitalIdr: d.modal_usaha, annualSalesIdr: d.omzet_tahunan }),
      employees: d.jumlah_karyawan,
      ownerEmail: d.email_pemilik,
      ownerName: d.nama_pemilik,
      memberNumber: d.nomor_anggota,
    },
  };
}
