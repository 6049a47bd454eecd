// Cooperative bulk onboarding, part 3: writing one batch of valid rows in one transaction
// (docs/decisions/0008-cooperative-bulk-import.md; the rules are in lib/cooperatives/import.ts's opening
// comment). Set-based SQL per batch (INSERT … SELECT FROM jsonb_to_recordset … ON CONFLICT), not one call
// per row; own members that manage their own profile get only their membership updated and a notice.
import "server-only";
import type { db } from "@/lib/db";
import { newId } from "@/lib/db/ids";
import type { ImportColumn, RowError, ValidRow } from "./import-parse";
import { INVITATION_DAYS, hashInvitationToken, invitationEmail, newInvitationToken } from "./invitations";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

export type NoticeKey = "ownProfile";

export interface RowNotice {
  row: number;
  /** The columns whose values were not applied. */
  columns: ImportColumn[];
  key: NoticeKey;
}

/** What an own member that manages its own profile has stored, to compare a row with (issue 11). */
interface StoredProfile {
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
function profileDifferences(row: ValidRow, stored: StoredProfile): ImportColumn[] {
  const out: ImportColumn[] = [];
  if (row.name !== stored.name) out.push("nama_usaha");
  if (row.npwp !== null && row.npwp !== stored.npwp) out.push("npwp");
  if (row.legalForm !== null && row.legalForm !== stored.legalForm) out.push("bentuk_usaha");
  if (row.regencyCode !== stored.regencyCode) out.push("kode_kabupaten");
  const [primary, ...rest] = stored.kbli;
  const sameKbli =
    row.kbli[0] === primary && row.kbli.length === stored.kbli.length && [...row.kbli.slice(1)].sort().join() === [...rest].sort().join();
  if (!sameKbli) out.push("kbli");
  if (row.capitalIdr !== null && row.capitalIdr.toString() !== stored.capitalIdr) out.push("modal_usaha");
  if (row.annualSalesIdr !== null && row.annualSalesIdr.toString() !== stored.annualSalesIdr) out.push("omzet_tahunan");
  if (row.employees !== null && row.employees !== stored.employees) out.push("jumlah_karyawan");
  if (row.ownerEmail !== null && row.ownerEmail.toLowerCase() !== (stored.email ?? "").toLowerCase()) out.push("email_pemilik");
  return out;
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

export async function commitBatch(
  tx: Tx,
  cooperativeId: string,
  cooperativeName: string,
  actorId: string,
  rows: ValidRow[],
): Promise<BatchOutcome> {
  const nibs = rows.map((r) => r.nib);
  // The cooperative's verification, read under a share lock: a verification decided meanwhile waits for this
  // batch (and then releases the invitations it holds) or is seen here; no invitation is left held by a race.
  const [coop] = await tx.$queryRawUnsafe<{ verificationStatus: string }[]>(
    `SELECT "verificationStatus"::text AS "verificationStatus" FROM "Organization" WHERE id = $1 FOR SHARE`,
    cooperativeId,
  );
  const verified = coop?.verificationStatus === "verified";
  const existing = await timed("q1", () =>
    tx.$queryRawUnsafe<{ organizationId: string; nib: string; sizeClass: string | null; sizeBasis: string | null; inCoop: boolean }[]>(
      `SELECT sp."organizationId", sp.nib, sp."sizeClass"::text AS "sizeClass", sp."sizeBasis"::text AS "sizeBasis",
            EXISTS (SELECT 1 FROM "CooperativeMembership" cm WHERE cm."memberId" = sp."organizationId" AND cm."cooperativeId" = $2 AND cm.status = 'active') AS "inCoop"
       FROM "SupplierProfile" sp WHERE sp.nib = ANY($1::text[]) FOR UPDATE OF sp`,
      nibs,
      cooperativeId,
    ),
  );
  const byNib = new Map(existing.map((e) => [e.nib, e]));
  const rejected: RowError[] = [];
  const notices: RowNotice[] = [];
  const ownIds = existing.filter((e) => e.inCoop).map((e) => e.organizationId);
  // issue 11: an own member with an account holder manages its own data. Its organization row is locked first
  // (a claim locks it too), then read in a new statement, so a claim committed meanwhile is seen here.
  const managed = new Map<string, StoredProfile>();
  if (ownIds.length > 0) {
    await tx.$queryRawUnsafe(`SELECT id FROM "Organization" WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`, ownIds);
    const owned = await timed("q1b", () =>
      tx.$queryRawUnsafe<(Omit<StoredProfile, "kbli"> & { id: string; kbli: string })[]>(
        `SELECT o.id, o.name, o.email, COALESCE(sp."regencyCode", o."regencyCode") AS "regencyCode", sp.npwp, sp."legalForm"::text AS "legalForm",
              sp."capitalIdr"::text AS "capitalIdr", sp."annualSalesIdr"::text AS "annualSalesIdr", sp.employees,
              COALESCE((SELECT string_agg(sk."kbliCode", ';' ORDER BY sk."isPrimary" DESC, sk."kbliCode") FROM "SupplierKbli" sk
                         WHERE sk."supplierId" = o.id AND sk."kbliVersion" = '2020'), '') AS kbli
         FROM "Organization" o JOIN "SupplierProfile" sp ON sp."organizationId" = o.id
        WHERE o.id = ANY($1::text[]) AND EXISTS (SELECT 1 FROM "Membership" m WHERE m."organizationId" = o.id)`,
        ownIds,
      ),
    );
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
    await timed("q2", () =>
      tx.$executeRawUnsafe(
        `INSERT INTO "Organization" (id, type, name, email, "regencyCode", "updatedAt")
       SELECT x.id, 'umkm'::"OrgType", x.name, x.email, x."regencyCode", $2::timestamptz
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, name text, email text, "regencyCode" text)`,
        json(fresh.map((a) => ({ id: a.id, name: a.name, email: a.ownerEmail, regencyCode: a.regencyCode }))),
        now,
      ),
    );
  }
  if (oldProfiled.length > 0) {
    await timed("q3", () =>
      tx.$executeRawUnsafe(
        `UPDATE "Organization" o SET name = x.name, "regencyCode" = x."regencyCode", email = COALESCE(x.email, o.email), "updatedAt" = $2::timestamptz
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, name text, email text, "regencyCode" text)
        WHERE o.id = x.id AND o.type = 'umkm'`,
        json(oldProfiled.map((a) => ({ id: a.id, name: a.name, email: a.ownerEmail, regencyCode: a.regencyCode }))),
        now,
      ),
    );
  }
  const written =
    profiled.length === 0
      ? []
      : await timed("q4", () =>
          tx.$queryRawUnsafe<{ organizationId: string }[]>(
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
          ),
        );
  // A new NIB that another transaction (a sign-up, another cooperative's import) registered after the SELECT
  // above conflicts and is not written: that row is refused like any other existing NIB, and the organization
  // created for it above is removed again, so nothing of the other UMKM changes.
  const writtenIds = new Set(written.map((w) => w.organizationId));
  const lost = profiled.filter((a) => !writtenIds.has(a.id));
  if (lost.length > 0) {
    await tx.$executeRawUnsafe(
      `DELETE FROM "Organization" WHERE id = ANY($1::text[]) AND type = 'umkm'`,
      lost.filter((a) => a.isNew).map((a) => a.id),
    );
    for (const a of lost) rejected.push({ row: a.row, column: "nib", key: "nibRegistered" });
    const lostIds = new Set(lost.map((a) => a.id));
    accepted = accepted.filter((a) => !lostIds.has(a.id));
    profiled = profiled.filter((a) => !lostIds.has(a.id));
    fresh = fresh.filter((a) => !lostIds.has(a.id));
    if (accepted.length === 0) return { created: 0, updated: 0, invitations: 0, invitationsHeld: 0, rejected, notices };
  }
  const sized = profiled.filter((a) => a.sizeChanged && a.size);
  if (sized.length > 0) {
    await timed("q5", () =>
      tx.$executeRawUnsafe(
        `INSERT INTO "SizeClassChange" (id, "supplierId", "sizeClass", basis, "capitalIdr", "annualSalesIdr", "effectiveAt")
       SELECT x.cid, x.id, x."sizeClass"::"SizeClass", x.basis::"SizeBasis", x."capitalIdr"::bigint, x."annualSalesIdr"::bigint, $2::timestamptz
         FROM jsonb_to_recordset($1::jsonb) AS x(cid text, id text, "sizeClass" text, basis text, "capitalIdr" text, "annualSalesIdr" text)`,
        json(
          sized.map((a) => ({
            cid: newId(),
            id: a.id,
            sizeClass: a.size!.sizeClass,
            basis: a.size!.basis,
            capitalIdr: a.capitalIdr,
            annualSalesIdr: a.annualSalesIdr,
          })),
        ),
        now,
      ),
    );
  }
  // KBLI: the file's list replaces the profile's (first code = primary). Only differences are written.
  const kbliRows = profiled.flatMap((a) => a.kbli.map((code, i) => ({ id: a.id, code, primary: i === 0 })));
  if (oldProfiled.length > 0) {
    await timed("q6", () =>
      tx.$executeRawUnsafe(
        `DELETE FROM "SupplierKbli" sk WHERE sk."supplierId" = ANY($1::text[])
         AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS x(id text, code text)
                          WHERE x.id = sk."supplierId" AND x.code = sk."kbliCode" AND sk."kbliVersion" = '2020')`,
        oldProfiled.map((a) => a.id),
        json(kbliRows.filter((k) => oldProfiled.some((o) => o.id === k.id))),
      ),
    );
  }
  if (kbliRows.length > 0)
    await timed("q7", () =>
      tx.$executeRawUnsafe(
        `INSERT INTO "SupplierKbli" ("supplierId", "kbliVersion", "kbliCode", "isPrimary")
     SELECT x.id, '2020', x.code, x."primary" FROM jsonb_to_recordset($1::jsonb) AS x(id text, code text, "primary" boolean)
     ON CONFLICT ("supplierId", "kbliVersion", "kbliCode") DO UPDATE SET "isPrimary" = EXCLUDED."isPrimary"
       WHERE "SupplierKbli"."isPrimary" IS DISTINCT FROM EXCLUDED."isPrimary"`,
        json(kbliRows),
      ),
    );
  await timed("q8", () =>
    tx.$executeRawUnsafe(
      `INSERT INTO "CooperativeMembership" (id, "cooperativeId", "memberId", "memberNumber", status, "joinedAt")
     SELECT x.cid, $2, x.id, x."memberNumber", 'active', $3::timestamptz FROM jsonb_to_recordset($1::jsonb) AS x(cid text, id text, "memberNumber" text)
     ON CONFLICT ("cooperativeId", "memberId") DO UPDATE SET "memberNumber" = COALESCE(EXCLUDED."memberNumber", "CooperativeMembership"."memberNumber"), status = 'active'`,
      json(accepted.map((a) => ({ cid: newId(), id: a.id, memberNumber: a.memberNumber }))),
      cooperativeId,
      now,
    ),
  );

  // Invitations: an UMKM with no owner yet and an owner email gets one (role owner, 30 days), unless an
  // invitation for that email is already pending or held (re-uploads do not pile up invitations). Only a
  // verified cooperative's invitations are e-mailed; an unverified one's are held (no usable token).
  const wantInvite = accepted.filter((a) => a.ownerEmail && !a.hasOwner);
  let invitations = 0;
  let invitationsHeld = 0;
  if (wantInvite.length > 0) {
    const pending = await timed("q9", () =>
      tx.$queryRawUnsafe<{ organizationId: string; email: string }[]>(
        `SELECT "organizationId", email FROM "OrganizationInvitation"
        WHERE "organizationId" = ANY($1::text[]) AND "acceptedAt" IS NULL AND ("expiresAt" > now() OR "heldAt" IS NOT NULL)`,
        wantInvite.map((a) => a.id),
      ),
    );
    const has = new Set(pending.map((p) => `${p.organizationId} ${p.email}`));
    const invites = wantInvite
      .filter((a) => !has.has(`${a.id} ${a.ownerEmail}`))
      .map((a) => {
        const token = newInvitationToken();
        return { a, token, row: { id: newId(), organizationId: a.id, email: a.ownerEmail!, tokenHash: hashInvitationToken(token) } };
      });
    if (invites.length > 0) {
      const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 3600 * 1000);
      await timed("q10", () =>
        tx.$executeRawUnsafe(
          `INSERT INTO "OrganizationInvitation" (id, "organizationId", email, role, "tokenHash", "invitedById", "cooperativeId", "heldAt", "expiresAt", "createdAt")
         SELECT x.id, x."organizationId", x.email, 'owner', x."tokenHash", $2, $5, $6::timestamptz, $3::timestamptz, $4::timestamptz
           FROM jsonb_to_recordset($1::jsonb) AS x(id text, "organizationId" text, email text, "tokenHash" text)`,
          json(invites.map((i) => i.row)),
          actorId,
          expiresAt,
          now,
          cooperativeId,
          verified ? null : now,
        ),
      );
      if (verified) {
        await timed("q11", () =>
          tx.$executeRawUnsafe(
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
          ),
        );
        invitations = invites.length;
      } else {
        invitationsHeld = invites.length;
      }
    }
  }
  return { created: fresh.length, updated: old.length, invitations, invitationsHeld, rejected, notices };
}
