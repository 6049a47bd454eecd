// Cooperative bulk onboarding, part 2: committing valid rows (docs/decisions/0008-cooperative-bulk-import.md);
// parsing is part 1 (import-parse.ts), writing one batch part 3 (import-batch.ts).
//  - Valid rows are committed, invalid rows are reported and change nothing.
//  - Rows are committed in batches of IMPORT_BATCH_SIZE, one transaction per batch: a batch is written whole or
//    not at all (a database failure fails the batch's rows, never half of one UMKM).
//  - By NIB (issue 11): a new NIB creates the UMKM and makes it a member; a NIB of one of this cooperative's
//    active members updates it; any other existing NIB (owned or not, member of another cooperative or of
//    none) is a row error and nothing of that UMKM changes: an existing UMKM joins only by accepting the
//    cooperative's request (lib/cooperatives/join-requests.ts).
//  - An own member that has an account holder (claimed, or joined by accepting a request) manages its own data
//    (issue 11): the import updates only its membership (member number); its name, e-mail, regency, NPWP,
//    legal form, capital, turnover, size class, employees and KBLI stay as the UMKM keeps them, and a row that
//    states other values gets a notice "not changed: this UMKM manages its own profile" in the report (the row
//    is not a failure). Unclaimed members (no account yet) are updated in full, as the cooperative created them.
//  - Owner invitations go out only from a verified cooperative; an unverified one's are held until it is
//    verified (lib/cooperatives/invitations.ts).
//  - Set-based SQL per batch (INSERT … SELECT FROM jsonb_to_recordset … ON CONFLICT), not one call per row.
import "server-only";
import { db } from "@/lib/db";
import { authorize, ACTORS } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { audit } from "@/lib/audit/log";
import { batchesOf, errorReportCsv, type ReportLine } from "@/lib/csv/import-engine";
import {
  IMPORT_COLUMNS,
  importRowSchema,
  parseImportCsv,
  validateImportRow,
  type ImportErrorKey,
  type RowError,
  type ValidRow,
} from "./import-parse";
import { MESSAGES } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/config";

import { commitBatch, type NoticeKey, type RowNotice } from "./import-batch";
const IMPORT_BATCH_SIZE = 500;
const MAX_REPORTED_ERRORS = 1000;

export interface ImportProgress {
  type: "progress";
  processed: number;
  total: number;
  committed: number;
  failed: number;
}

export type ReportedError = ReportLine;

export interface ImportResult {
  type: "done";
  total: number;
  committed: number;
  created: number;
  updated: number;
  failed: number;
  /**
   * Committed rows of own members that manage their own profile whose business data differ from the UMKM's:
   * only the membership was updated (issue 11). Each has a notice.
   */
  profileUnchanged: number;
  /** Owner invitations e-mailed now. */
  invitations: number;
  /** Owner invitations held until a platform admin verifies the cooperative (not e-mailed yet). */
  invitationsHeld: number;
  errors: ReportedError[];
  /** Rows applied only in part: `column` lists the columns not applied (comma-separated). */
  notices: ReportedError[];
  /**
   * Original columns + "baris" + "kesalahan", one line per failed row and per row with a notice (its message
   * starts with "Tidak diubah" / "Not changed"); empty when there is neither.
   */
  reportCsv: string;
}

export interface ImportFileError {
  type: "error";
  key: string;
  message: string;
}

function lookup(locale: Locale, key: string): string {
  let node: unknown = MESSAGES[locale];
  for (const part of key.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === "string" ? node : key;
}

function importErrorMessage(locale: Locale, key: ImportErrorKey | string): string {
  return lookup(locale, `cooperatives.import.errors.${key}`);
}

function importNoticeMessage(locale: Locale, key: NoticeKey): string {
  return lookup(locale, `cooperatives.import.notices.${key}`);
}

export function importFileErrorMessage(locale: Locale, key: string, missing?: string[]): string {
  return lookup(locale, `cooperatives.import.fileErrors.${key}`).replace("{columns}", (missing ?? []).join(", "));
}

async function loadReferenceSets() {
  const [regencies, kbli] = await Promise.all([
    db.regency.findMany({ select: { code: true } }),
    db.kbliCode.findMany({ where: { version: "2020", level: 5 }, select: { code: true } }),
  ]);
  return { regencies: new Set(regencies.map((r) => r.code)), kbli2020: new Set(kbli.map((k) => k.code)) };
}

export interface ImportOptions {
  locale?: Locale;
  onProgress?: (p: ImportProgress) => void | Promise<void>;
}

/**
 * Imports a cooperative's member CSV. Authorizes the actor (cooperative, "cooperative:members:manage").
 * Returns a file error (nothing imported) or the result with per-row errors and the error report CSV.
 */
export async function importMembersCsv(
  actor: Actor | null,
  csv: string,
  options: ImportOptions = {},
): Promise<ImportResult | ImportFileError> {
  const a = authorize(actor, { orgTypes: ACTORS.cooperative, permission: "cooperative:members:manage", write: true });
  const locale = options.locale ?? "id";
  const parsed = parseImportCsv(csv);
  if (!parsed.ok) return { type: "error", key: parsed.key, message: importFileErrorMessage(locale, parsed.key, parsed.missing) };

  const schema = importRowSchema(await loadReferenceSets());
  const total = parsed.rows.length;
  const errors: RowError[] = [];
  const notices: RowNotice[] = [];
  const valid: ValidRow[] = [];
  const firstRowOfNib = new Map<string, number>();
  parsed.rows.forEach((raw, i) => {
    const v = validateImportRow(raw, i + 2, schema);
    if (!v.ok) return void errors.push(...v.errors);
    if (firstRowOfNib.has(v.value.nib)) return void errors.push({ row: i + 2, column: "nib", key: "duplicateInFile" });
    firstRowOfNib.set(v.value.nib, i + 2);
    valid.push(v.value);
  });

  let committed = 0;
  let created = 0;
  let updated = 0;
  let invitations = 0;
  let invitationsHeld = 0;
  const failedRows = () => new Set(errors.map((e) => e.row)).size;
  const coopId = a.membership.organizationId;
  // Progress counts rows of the file in order: a batch's invalid rows are "processed" along with its valid ones.
  let batchNo = 0;
  for (const { batch, processed } of batchesOf(valid, total, IMPORT_BATCH_SIZE)) {
    if (batch.length > 0) {
      try {
        const out = await db.$transaction((tx) => commitBatch(tx, coopId, a.membership.organizationName, a.user.id, batch), {
          timeout: 120_000,
          maxWait: 30_000,
        });
        errors.push(...out.rejected);
        notices.push(...out.notices);
        // Fresh planner statistics while the tables grow: without them the search-document triggers plan for
        // near-empty tables and each batch gets slower than the last (minutes instead of seconds for 20,000 rows).
        batchNo++;
        if (batchNo <= 2 || batchNo % 2 === 0) {
          await db.$executeRawUnsafe(
            `ANALYZE "Organization", "SupplierProfile", "SupplierKbli", "SupplierSearch", "CooperativeMembership", "Membership", "OrganizationInvitation", "SizeClassChange", "SearchTerm"`,
          );
        }
        committed += batch.length - out.rejected.length;
        created += out.created;
        updated += out.updated;
        invitations += out.invitations;
        invitationsHeld += out.invitationsHeld;
      } catch (err) {
        console.error("cooperative import: batch failed", err);
        for (const r of batch) errors.push({ row: r.row, column: null, key: "batchFailed" });
      }
    }
    await options.onProgress?.({
      type: "progress",
      processed,
      total,
      committed,
      failed: failedRows(),
    });
  }

  await audit(db, {
    organizationId: coopId,
    actorId: a.user.id,
    action: "cooperative.members.import",
    entityType: "Organization",
    entityId: coopId,
    data: { total, committed, created, updated, failed: failedRows(), profileUnchanged: notices.length, invitations, invitationsHeld },
  });

  errors.sort((x, y) => x.row - y.row);
  notices.sort((x, y) => x.row - y.row);
  const reported = errors.map((e) => ({ row: e.row, column: e.column, message: importErrorMessage(locale, e.key) }));
  const noticed = notices.map((n) => ({ row: n.row, column: n.columns.join(", "), message: importNoticeMessage(locale, n.key) }));
  return {
    type: "done",
    total,
    committed,
    created,
    updated,
    failed: failedRows(),
    profileUnchanged: notices.length,
    invitations,
    invitationsHeld,
    errors: reported.slice(0, MAX_REPORTED_ERRORS),
    notices: noticed.slice(0, MAX_REPORTED_ERRORS),
    reportCsv: errorReportCsv(IMPORT_COLUMNS, parsed.headers, parsed.rows, [...reported, ...noticed]),
  };
}
