// Cooperative bulk onboarding, part 2: committing valid rows (docs/decisions/0008-cooperative-bulk-import.md).
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
import { newId } from "@/lib/db/ids";
import {
  IMPORT_COLUMNS,
  csvCell,
  importRowSchema,
  parseImportCsv,
  validateImportRow,
  type ImportColumn,
  type ImportErrorKey,
  type RowError,
  type ValidRow,
} from "./import-parse";
import { MESSAGES } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/config";

import { INVITATION_DAYS, hashInvitationToken, invitationEmail, newInvitationToken } from "./invitations";

export { INVITATION_DAYS, hashInvitationToken };
export const IMPORT_BATCH_SIZE = 500;
export const MAX_REPORTED_ERRORS = 1000;

export interface ImportProgress {
  type: "progress";
  processed: number;
  total: number;
  committed: number;
  failed: number;
}

export interface ReportedError {
  row: number;
  column: string | null;
  message: string;
}

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

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

function lookup(locale: Locale, key: string): string {
  let node: unknown = MESSAGES[locale];
  for (const part of key.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === "string" ? node : key;
}

export function importErrorMessage(locale: Locale, key: ImportErrorKey | string): string {
  return lookup(locale, `cooperatives.import.errors.${key}`);
}

export function importNoticeMessage(locale: Locale, key: NoticeKey): string {
  return lookup(locale, `cooperatives.import.notices.${key}`);
}

export type NoticeKey = "ownProfile";

export interface RowNotice {
  row: number;
  /** The columns whose values were not applied. */
  columns: ImportColumn[];
  key: NoticeKey;
}

/** What an own member that manages its own profile has stored, to compare a row with (issue 11). */
export interface StoredProfile {
  name: string;
  email: string | null;
  regencyCode: string | null;
  npwp: string | null;
  legalForm: string | null;
  capitalIdr: string | null;
  annualSalesIdr: string | null;
  employees: number | null;
  /** KBLI 2020 codes, primary first, then by code. */
  kbli: string[];
}

/**
 * The columns of `row` that state something other than `stored` (an empty optional cell states nothing).
 * Pure, for the notice of a member that manages its own profile.
 */
export function profileDifferences(row: ValidRow, stored: StoredProfile): ImportColumn[] {
  const out: ImportColumn[] = [];
  if (row.name !== stored.name) out.push("nama_usaha");
  if (row.npwp !== null && row.npwp !== stored.npwp) out.push("npwp");
  if (row.legalForm !== null && row.legalForm !== stored.legalForm) out.push("bentuk_usaha");
  if (row.regencyCode !== stored.regencyCode) out.push("kode_kabupaten");
  const [primary, ...rest] = stored.kbli;
  const sameKbli = row.kbli[0] === primary && row.kbli.length === stored.kbli.length && [...row.kbli.slice(1)].sort().join() === [...rest].sort().join();
  if (!sameKbli) out.push("kbli");
  if (row.capitalIdr !== null && row.capitalIdr.toString() !== stored.capitalIdr) out.push("modal_usaha");
  if (row.annualSalesIdr !== null && row.annualSalesIdr.toString() !== stored.annualSalesIdr) out.push("omzet_tahunan");
  if (row.employees !== null && row.employees !== stored.employees) out.push("jumlah_karyawan");
  if (row.ownerEmail !== null && row.ownerEmail.toLowerCase() !== (stored.email ?? "").toLowerCase()) out.push("email_pemilik");
  return out;
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

const json = (rows: unknown[]) =>
  JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? v.toString() : v instanceof Date ? v.toISOString() : v));

interface BatchOutcome {
  created: number;
  updated: number;
  invitations: number;
  invitationsHeld: number;
  rejected: RowError[];
  notices: RowNotice[];
}

const TIMINGS = process.env.RANTAI_IMPORT_TIMINGS === "1";
async function timed<T>(label: string, f: () => Promise<T>): Promise<T> {
  if (!TIMINGS) return f();
  const t0 = performance.now();
  try {
    return await f();
  } finally {
    console.log(`[import] ${label}: ${Math.round(performance.now() - t0)} ms`);
  }
}

async function commitBatch(tx: Tx, cooperativeId: string, cooperativeName: string, actorId: string, rows: ValidRow[]): Promise<BatchOutcome> {
  const nibs = rows.map((r) => r.nib);
  // The cooperative's verification, read under a share lock: a verification decided meanwhile waits for this
  // batch (and then releases the invitations it holds) or is seen here; no invitation is left held by a race.
  const [coop] = await tx.$queryRawUnsafe<{ verificationStatus: string }[]>(
    `SELECT "verificationStatus"::text AS "verificationStatus" FROM "Organization" WHERE id = $1 FOR SHARE`,
    cooperativeId,
  );
  const verified = coop?.verificationStatus === "verified";
  const existing = await timed("q1", () => tx.$queryRawUnsafe<
    { organizationId: string; nib: string; sizeClass: string | null; sizeBasis: string | null; inCoop: boolean }[]
  >(
    `SELECT sp."organizationId", sp.nib, sp."sizeClass"::text AS "sizeClass", sp."sizeBasis"::text AS "sizeBasis",
            EXISTS (SELECT 1 FROM "CooperativeMembership" cm WHERE cm."memberId" = sp."organizationId" AND cm."cooperativeId" = $2 AND cm.status = 'active') AS "inCoop"
       FROM "SupplierProfile" sp WHERE sp.nib = ANY($1::text[]) FOR UPDATE OF sp`,
    nibs,
    cooperativeId,
  ));
  const byNib = new Map(existing.map((e) => [e.nib, e]));
  const rejected: RowError[] = [];
  const notices: RowNotice[] = [];
  const ownIds = existing.filter((e) => e.inCoop).map((e) => e.organizationId);
  // issue 11: an own member with an account holder manages its own data. Its organization row is locked first
  // (a claim locks it too), then read in a new statement, so a claim committed meanwhile is seen here.
  const managed = new Map<string, StoredProfile>();
  if (ownIds.length > 0) {
    await tx.$queryRawUnsafe(`SELECT id FROM "Organization" WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`, ownIds);
    const owned = await timed("q1b", () => tx.$queryRawUnsafe<(Omit<StoredProfile, "kbli"> & { id: string; kbli: string })[]>(
      `SELECT o.id, o.name, o.email, COALESCE(sp."regencyCode", o."regencyCode") AS "regencyCode", sp.npwp, sp."legalForm"::text AS "legalForm",
              sp."capitalIdr"::text AS "capitalIdr", sp."annualSalesIdr"::text AS "annualSalesIdr", sp.employees,
              COALESCE((SELECT string_agg(sk."kbliCode", ';' ORDER BY sk."isPrimary" DESC, sk."kbliCode") FROM "SupplierKbli" sk
                         WHERE sk."supplierId" = o.id AND sk."kbliVersion" = '2020'), '') AS kbli
         FROM "Organization" o JOIN "SupplierProfile" sp ON sp."organizationId" = o.id
        WHERE o.id = ANY($1::text[]) AND EXISTS (SELECT 1 FROM "Membership" m WHERE m."organizationId" = o.id)`,
      ownIds,
    ));
    for (const o of owned) managed.set(o.id, { ...o, kbli: o.kbli.split(";").filter(Boolean) });
  }
  let accepted: (ValidRow & { id: string; isNew: boolean; hasOwner: boolean; sizeChanged: boolean })[] = [];
  for (const r of rows) {
    const e = byNib.get(r.nib);
    if (e && !e.inCoop) {
      rejected.push({ row: r.row, column: "nib", key: "nibRegistered" });
      continue;
    }
    const stored = e ? managed.get(e.organizationId) : undefined;
    if (stored) {
      const columns = profileDifferences(r, stored);
      if (columns.length > 0) notices.push({ row: r.row, columns, key: "ownProfile" });
    }
    const sizeChanged = r.size !== null && (!e || e.sizeClass !== r.size.sizeClass || e.sizeBasis !== r.size.basis);
    accepted.push({ ...r, id: e?.organizationId ?? newId(), isNew: !e, hasOwner: stored !== undefined, sizeChanged });
  }
  if (accepted.length === 0) return { created: 0, updated: 0, invitations: 0, invitationsHeld: 0, rejected, notices };
  const now = new Date();
  let fresh = accepted.filter((a) => a.isNew);
  const old = accepted.filter((a) => !a.isNew);
  // The rows whose UMKM data this import writes: new UMKM and own members nobody has claimed yet. Own members
  // that manage their own profile get only their membership (below, q8).
  let profiled = accepted.filter((a) => !a.hasOwner);
  const oldProfiled = old.filter((a) => !a.hasOwner);

  if (fresh.length > 0) {
    await timed("q2", () => tx.$executeRawUnsafe(
      `INSERT INTO "Organization" (id, type, name, email, "regencyCode", "updatedAt")
       SELECT x.id, 'umkm'::"OrgType", x.name, x.email, x."regencyCode", $2::timestamptz
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, name text, email text, "regencyCode" text)`,
      json(fresh.map((a) => ({ id: a.id, name: a.name, email: a.ownerEmail, regencyCode: a.regencyCode }))),
      now,
    ));
  }
  if (oldProfiled.length > 0) {
    await timed("q3", () => tx.$executeRawUnsafe(
      `UPDATE "Organization" o SET name = x.name, "regencyCode" = x."regencyCode", email = COALESCE(x.email, o.email), "updatedAt" = $2::timestamptz
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, name text, email text, "regencyCode" text)
        WHERE o.id = x.id AND o.type = 'umkm'`,
      json(oldProfiled.map((a) => ({ id: a.id, name: a.name, email: a.ownerEmail, regencyCode: a.regencyCode }))),
      now,
    ));
  }
  const written = profiled.length === 0 ? [] : await timed("q4", () => tx.$queryRawUnsafe<{ organizationId: string }[]>(
    `INSERT INTO "SupplierProfile" ("organizationId", nib, npwp, "legalForm", "capitalIdr", "annualSalesIdr", "sizeClass", "sizeBasis",
                                    employees, "regencyCode", "updatedAt")
     SELECT x.id, x.nib, x.npwp, x."legalForm"::"LegalForm", x."capitalIdr"::bigint, x."annualSalesIdr"::bigint,
            x."sizeClass"::"SizeClass", x."sizeBasis"::"SizeBasis", x.employees, x."regencyCode", $2::timestamptz
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, nib text, npwp text, "legalForm" text, "capitalIdr" text, "annualSalesIdr" text,
                                                "sizeClass" text, "sizeBasis" text, employees int, "regencyCode" text)
     ON CONFLICT (nib) DO UPDATE SET
       npwp = EXCLUDED.npwp, "legalForm" = EXCLUDED."legalForm", "capitalIdr" = EXCLUDED."capitalIdr",
       "annualSalesIdr" = EXCLUDED."annualSalesIdr", "sizeClass" = EXCLUDED."sizeClass", "sizeBasis" = EXCLUDED."sizeBasis",
       employees = EXCLUDED.employees, "regencyCode" = EXCLUDED."regencyCode", "updatedAt" = EXCLUDED."updatedAt"
     WHERE "SupplierProfile"."organizationId" = EXCLUDED."organizationId"
     RETURNING "organizationId"`,
    json(
      profiled.map((a) => ({
        id: a.id,
        nib: a.nib,
        npwp: a.npwp,
        legalForm: a.legalForm,
        capitalIdr: a.capitalIdr,
        annualSalesIdr: a.annualSalesIdr,
        sizeClass: a.size?.sizeClass ?? null,
        sizeBasis: a.size?.basis ?? null,
        employees: a.employees,
        regencyCode: a.regencyCode,
      })),
    ),
    now,
  ));
  // A new NIB that another transaction (a sign-up, another cooperative's import) registered after the SELECT
  // above conflicts and is not written: that row is refused like any other existing NIB, and the organization
  // created for it above is removed again, so nothing of the other UMKM changes.
  const writtenIds = new Set(written.map((w) => w.organizationId));
  const lost = profiled.filter((a) => !writtenIds.has(a.id));
  if (lost.length > 0) {
    await tx.$executeRawUnsafe(`DELETE FROM "Organization" WHERE id = ANY($1::text[]) AND type = 'umkm'`, lost.filter((a) => a.isNew).map((a) => a.id));
    for (const a of lost) rejected.push({ row: a.row, column: "nib", key: "nibRegistered" });
    const lostIds = new Set(lost.map((a) => a.id));
    accepted = accepted.filter((a) => !lostIds.has(a.id));
    profiled = profiled.filter((a) => !lostIds.has(a.id));
    fresh = fresh.filter((a) => !lostIds.has(a.id));
    if (accepted.length === 0) return { created: 0, updated: 0, invitations: 0, invitationsHeld: 0, rejected, notices };
  }
  const sized = profiled.filter((a) => a.sizeChanged && a.size);
  if (sized.length > 0) {
    await timed("q5", () => tx.$executeRawUnsafe(
      `INSERT INTO "SizeClassChange" (id, "supplierId", "sizeClass", basis, "capitalIdr", "annualSalesIdr", "effectiveAt")
       SELECT x.cid, x.id, x."sizeClass"::"SizeClass", x.basis::"SizeBasis", x."capitalIdr"::bigint, x."annualSalesIdr"::bigint, $2::timestamptz
         FROM jsonb_to_recordset($1::jsonb) AS x(cid text, id text, "sizeClass" text, basis text, "capitalIdr" text, "annualSalesIdr" text)`,
      json(sized.map((a) => ({ cid: newId(), id: a.id, sizeClass: a.size!.sizeClass, basis: a.size!.basis, capitalIdr: a.capitalIdr, annualSalesIdr: a.annualSalesIdr }))),
      now,
    ));
  }
  // KBLI: the file's list replaces the profile's (first code = primary). Only differences are written.
  const kbliRows = profiled.flatMap((a) => a.kbli.map((code, i) => ({ id: a.id, code, primary: i === 0 })));
  if (oldProfiled.length > 0) {
    await timed("q6", () => tx.$executeRawUnsafe(
      `DELETE FROM "SupplierKbli" sk WHERE sk."supplierId" = ANY($1::text[])
         AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS x(id text, code text)
                          WHERE x.id = sk."supplierId" AND x.code = sk."kbliCode" AND sk."kbliVersion" = '2020')`,
      oldProfiled.map((a) => a.id),
      json(kbliRows.filter((k) => oldProfiled.some((o) => o.id === k.id))),
    ));
  }
  if (kbliRows.length > 0) await timed("q7", () => tx.$executeRawUnsafe(
    `INSERT INTO "SupplierKbli" ("supplierId", "kbliVersion", "kbliCode", "isPrimary")
     SELECT x.id, '2020', x.code, x."primary" FROM jsonb_to_recordset($1::jsonb) AS x(id text, code text, "primary" boolean)
     ON CONFLICT ("supplierId", "kbliVersion", "kbliCode") DO UPDATE SET "isPrimary" = EXCLUDED."isPrimary"
       WHERE "SupplierKbli"."isPrimary" IS DISTINCT FROM EXCLUDED."isPrimary"`,
    json(kbliRows),
  ));
  await timed("q8", () => tx.$executeRawUnsafe(
    `INSERT INTO "CooperativeMembership" (id, "cooperativeId", "memberId", "memberNumber", status, "joinedAt")
     SELECT x.cid, $2, x.id, x."memberNumber", 'active', $3::timestamptz FROM jsonb_to_recordset($1::jsonb) AS x(cid text, id text, "memberNumber" text)
     ON CONFLICT ("cooperativeId", "memberId") DO UPDATE SET "memberNumber" = COALESCE(EXCLUDED."memberNumber", "CooperativeMembership"."memberNumber"), status = 'active'`,
    json(accepted.map((a) => ({ cid: newId(), id: a.id, memberNumber: a.memberNumber }))),
    cooperativeId,
    now,
  ));

  // Invitations: an UMKM with no owner yet and an owner email gets one (role owner, 30 days), unless an
  // invitation for that email is already pending or held (re-uploads do not pile up invitations). Only a
  // verified cooperative's invitations are e-mailed; an unverified one's are held (no usable token).
  const wantInvite = accepted.filter((a) => a.ownerEmail && !a.hasOwner);
  let invitations = 0;
  let invitationsHeld = 0;
  if (wantInvite.length > 0) {
    const pending = await timed("q9", () => tx.$queryRawUnsafe<{ organizationId: string; email: string }[]>(
      `SELECT "organizationId", email FROM "OrganizationInvitation"
        WHERE "organizationId" = ANY($1::text[]) AND "acceptedAt" IS NULL AND ("expiresAt" > now() OR "heldAt" IS NOT NULL)`,
      wantInvite.map((a) => a.id),
    ));
    const has = new Set(pending.map((p) => `${p.organizationId} ${p.email}`));
    const invites = wantInvite
      .filter((a) => !has.has(`${a.id} ${a.ownerEmail}`))
      .map((a) => {
        const token = newInvitationToken();
        return { a, token, row: { id: newId(), organizationId: a.id, email: a.ownerEmail!, tokenHash: hashInvitationToken(token) } };
      });
    if (invites.length > 0) {
      const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 3600 * 1000);
      await timed("q10", () => tx.$executeRawUnsafe(
        `INSERT INTO "OrganizationInvitation" (id, "organizationId", email, role, "tokenHash", "invitedById", "cooperativeId", "heldAt", "expiresAt", "createdAt")
         SELECT x.id, x."organizationId", x.email, 'owner', x."tokenHash", $2, $5, $6::timestamptz, $3::timestamptz, $4::timestamptz
           FROM jsonb_to_recordset($1::jsonb) AS x(id text, "organizationId" text, email text, "tokenHash" text)`,
        json(invites.map((i) => i.row)),
        actorId,
        expiresAt,
        now,
        cooperativeId,
        verified ? null : now,
      ));
      if (verified) {
        await timed("q11", () => tx.$executeRawUnsafe(
          `INSERT INTO "EmailOutbox" (id, "to", subject, text, status, attempts, "sendAfter", "createdAt")
           SELECT x.id, x."to", x.subject, x.text, 'pending', 0, $2::timestamptz, $2::timestamptz
             FROM jsonb_to_recordset($1::jsonb) AS x(id text, "to" text, subject text, text text)`,
          json(
            invites.map((i) => ({
              id: newId(),
              to: i.row.email,
              ...invitationEmail({ cooperativeName, umkmName: i.a.name, nib: i.a.nib, token: i.token }),
            })),
          ),
          now,
        ));
        invitations = invites.length;
      } else {
        invitationsHeld = invites.length;
      }
    }
  }
  return { created: fresh.length, updated: old.length, invitations, invitationsHeld, rejected, notices };
}

export interface ImportOptions {
  locale?: Locale;
  onProgress?: (p: ImportProgress) => void | Promise<void>;
}

/**
 * Imports a cooperative's member CSV. Authorizes the actor (cooperative, "cooperative:members:manage").
 * Returns a file error (nothing imported) or the result with per-row errors and the error report CSV.
 */
export async function importMembersCsv(actor: Actor | null, csv: string, options: ImportOptions = {}): Promise<ImportResult | ImportFileError> {
  const a = authorize(actor, { orgTypes: ACTORS.cooperative, permission: "cooperative:members:manage" });
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
  let validIndex = 0;
  let batchNo = 0;
  for (let start = 0; start < total; start += IMPORT_BATCH_SIZE) {
    const endRow = Math.min(start + IMPORT_BATCH_SIZE, total) + 2; // exclusive spreadsheet row
    const batch: ValidRow[] = [];
    while (validIndex < valid.length && valid[validIndex].row < endRow) batch.push(valid[validIndex++]);
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
    await options.onProgress?.({ type: "progress", processed: Math.min(start + IMPORT_BATCH_SIZE, total), total, committed, failed: failedRows() });
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
    reportCsv: errorReportCsv(parsed.headers, parsed.rows, [...reported, ...noticed]),
  };
}

/**
 * The rows that failed or were applied only in part (notices), with their original columns plus "baris" (row)
 * and "kesalahan" (all its errors and notices), in row order.
 */
export function errorReportCsv(headers: string[], rows: Record<string, string>[], errors: ReportedError[]): string {
  if (errors.length === 0) return "";
  const byRow = new Map<number, string[]>();
  for (const e of errors) {
    const list = byRow.get(e.row) ?? [];
    list.push(e.column ? `${e.column}: ${e.message}` : e.message);
    byRow.set(e.row, list);
  }
  const cols = [...IMPORT_COLUMNS, ...headers.filter((h) => !(IMPORT_COLUMNS as readonly string[]).includes(h) && h !== "baris" && h !== "kesalahan")];
  const lines = [[...cols, "baris", "kesalahan"].map(csvCell).join(",")];
  for (const [row, msgs] of [...byRow.entries()].sort((x, y) => x[0] - y[0])) {
    const raw = rows[row - 2] ?? {};
    lines.push([...cols.map((c) => csvCell(raw[c] ?? "")), String(row), csvCell(msgs.join("; "))].join(","));
  }
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}
