// Bulk invitation to a cluster by CSV of NIB (issue 12; docs/decisions/0022-clusters.md), on the cooperative
// importer's engine (lib/csv/import-engine.ts: papaparse, limits, batches, progress, error report):
//  - one column "nib" (others are ignored and kept in the error report); at most 20,000 rows and 10 MB;
//  - only EXISTING UMKM are invited (NIB on SupplierProfile); nobody's data changes: the only rows written are
//    the invitations (ClusterMember, status invited), the invited owners' and admins' in-app notifications
//    (bulk invitations are not e-mailed: one e-mail per UMKM of 20,000 is a flood) and one audit entry;
//  - per row errors: a missing or malformed NIB, a NIB twice in the file, an unknown NIB, an UMKM that is
//    already a member, already invited, or has asked to join (decide its request instead);
//  - an UMKM that left or was declined is invited again;
//  - one transaction per batch of BATCH_SIZE file rows, set-based (jsonb_to_recordset), progress after each.
// Who: the cluster's verified manager; another manager's cluster is not found.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/types";
import { audit } from "@/lib/audit/log";
import { newId } from "@/lib/db/ids";
import { notFound } from "@/lib/errors";
import { excelCsv, excelText, isSpreadsheetScientific } from "@/lib/csv/excel";
import { batchesOf, errorReportCsv, parseCsvFile, type ReportLine } from "@/lib/csv/import-engine";
import type { Locale } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";
import { parseNib } from "@/lib/suppliers/identifiers";
import { clusterOwner } from "./manage";
import { managedBy } from "./access";
import { clusterRoutes } from "./routes";
import { clusterIdSchema } from "./schemas";

const MAX_INVITE_ROWS = 20_000;
export const MAX_INVITE_BYTES = 10 * 1024 * 1024;
const INVITE_COLUMNS = ["nib"] as const;
const BATCH_SIZE = 1000;
const MAX_REPORTED_ERRORS = 1000;

export type InviteErrorKey =
  | "required"
  | "nib"
  | "nibSpreadsheet"
  | "duplicateInFile"
  | "unknownNib"
  | "alreadyMember"
  | "alreadyInvited"
  | "requestPending"
  | "batchFailed";

export interface InviteProgress {
  type: "progress";
  processed: number;
  total: number;
  invited: number;
  failed: number;
}

export interface InviteResult {
  type: "done";
  total: number;
  invited: number;
  failed: number;
  errors: ReportLine[];
  /** The failed rows with their columns plus "baris" and "kesalahan"; empty when none failed. */
  reportCsv: string;
}

export interface InviteFileError {
  type: "error";
  key: string;
  message: string;
}

export function inviteTemplateCsv(): string {
  return excelCsv(["nib"], [[excelText("9120301234567")]]);
}

function lookup(locale: Locale, key: string): string {
  let node: unknown = MESSAGES[locale];
  for (const part of key.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === "string" ? node : key;
}

export function inviteFileErrorMessage(locale: Locale, key: string, missing?: string[]): string {
  return lookup(locale, `clusters.import.fileErrors.${key}`).replace("{columns}", (missing ?? []).join(", "));
}

interface Row {
  row: number;
  nib: string;
}
interface RowError {
  row: number;
  key: InviteErrorKey;
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

async function commitBatch(
  tx: Tx,
  cluster: { id: string; name: string },
  managerName: string,
  actorId: string,
  rows: Row[],
): Promise<{ invited: number; rejected: RowError[] }> {
  // The cluster's row lock serializes invitations and the single-organization paths (ask, invite, decide).
  await tx.$queryRawUnsafe(`SELECT id FROM "Cluster" WHERE id = $1 FOR UPDATE`, cluster.id);
  const found = await tx.$queryRawUnsafe<{ organizationId: string; nib: string; status: string | null }[]>(
    `SELECT sp."organizationId", sp.nib, cm.status::text AS status
       FROM "SupplierProfile" sp
       JOIN "Organization" o ON o.id = sp."organizationId" AND o.type = 'umkm'
       LEFT JOIN "ClusterMember" cm ON cm."clusterId" = $2 AND cm."organizationId" = sp."organizationId"
      WHERE sp.nib = ANY($1::text[])`,
    rows.map((r) => r.nib),
    cluster.id,
  );
  const byNib = new Map(found.map((f) => [f.nib, f]));
  const rejected: RowError[] = [];
  const invite: { id: string; organizationId: string }[] = [];
  for (const r of rows) {
    const f = byNib.get(r.nib);
    if (!f) rejected.push({ row: r.row, key: "unknownNib" });
    else if (f.status === "active") rejected.push({ row: r.row, key: "alreadyMember" });
    else if (f.status === "invited") rejected.push({ row: r.row, key: "alreadyInvited" });
    else if (f.status === "requested") rejected.push({ row: r.row, key: "requestPending" });
    else invite.push({ id: newId(), organizationId: f.organizationId });
  }
  if (invite.length === 0) return { invited: 0, rejected };
  const now = new Date();
  await tx.$executeRawUnsafe(
    `INSERT INTO "ClusterMember" (id, "clusterId", "organizationId", status, "invitedById", "requestedAt", "updatedAt")
     SELECT x.id, $2, x."organizationId", 'invited', $3, $4::timestamptz, $4::timestamptz
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, "organizationId" text)
     ON CONFLICT ("clusterId", "organizationId") DO UPDATE SET
       status = 'invited', "invitedById" = EXCLUDED."invitedById", "requestedAt" = EXCLUDED."requestedAt",
       "decidedAt" = NULL, "joinedAt" = NULL, "leftAt" = NULL, "updatedAt" = EXCLUDED."updatedAt"
     WHERE "ClusterMember".status IN ('declined', 'left')`,
    JSON.stringify(invite),
    cluster.id,
    actorId,
    now,
  );
  // In-app notifications to the invited UMKM's owners and admins, unless they turned cluster notices off.
  await tx.$executeRawUnsafe(
    `INSERT INTO "Notification" (id, "userId", "organizationId", type, params, link, "createdAt")
     SELECT 'n' || md5(random()::text || m."userId" || m."organizationId"), m."userId", m."organizationId", 'cluster.invited',
            jsonb_build_object('clusterName', $2::text, 'managerName', $3::text), $4, $5::timestamptz
       FROM "Membership" m
      WHERE m."organizationId" = ANY($1::text[]) AND m.role IN ('owner', 'admin')
        AND NOT EXISTS (SELECT 1 FROM "NotificationPreference" p WHERE p."userId" = m."userId" AND p.kind = 'clusters' AND NOT p."inApp")`,
    invite.map((i) => i.organizationId),
    cluster.name,
    managerName,
    clusterRoutes.detail(cluster.id),
    now,
  );
  return { invited: invite.length, rejected };
}

/** The actor's own cluster (verified cluster owner), or not found: checked before the upload is processed. */
export async function assertManagedCluster(actor: Actor | null, clusterId: unknown): Promise<{ id: string; name: string }> {
  const a = clusterOwner(actor);
  const id = clusterIdSchema.safeParse(clusterId);
  if (!id.success) throw notFound();
  const cluster = await db.cluster.findFirst({
    where: { id: id.data, ...managedBy(a.membership.organizationId) },
    select: { id: true, name: true },
  });
  if (!cluster) throw notFound();
  return cluster;
}

/**
 * Invites the UMKM of a CSV of NIB into the actor's cluster. Returns a file error (nothing done) or the result
 * with per-row errors and the error report CSV; `onProgress` after each batch.
 */
export async function bulkInviteCsv(
  actor: Actor | null,
  clusterId: unknown,
  csv: string,
  options: { locale?: Locale; onProgress?: (p: InviteProgress) => void | Promise<void> } = {},
): Promise<InviteResult | InviteFileError> {
  const a = clusterOwner(actor);
  const locale = options.locale ?? "id";
  const cluster = await assertManagedCluster(a, clusterId);
  const parsed = parseCsvFile(csv, { requiredColumns: INVITE_COLUMNS, maxRows: MAX_INVITE_ROWS, maxBytes: MAX_INVITE_BYTES });
  if (!parsed.ok) return { type: "error", key: parsed.key, message: inviteFileErrorMessage(locale, parsed.key, parsed.missing) };

  const total = parsed.rows.length;
  const errors: RowError[] = [];
  const valid: Row[] = [];
  const seen = new Set<string>();
  parsed.rows.forEach((raw, i) => {
    const row = i + 2;
    const cell = typeof raw.nib === "string" ? raw.nib.trim() : "";
    if (cell === "") return void errors.push({ row, key: "required" });
    if (isSpreadsheetScientific(cell)) return void errors.push({ row, key: "nibSpreadsheet" });
    const nib = parseNib(cell);
    if (!nib.ok) return void errors.push({ row, key: "nib" });
    if (seen.has(nib.value)) return void errors.push({ row, key: "duplicateInFile" });
    seen.add(nib.value);
    valid.push({ row, nib: nib.value });
  });

  let invited = 0;
  for (const { batch, processed } of batchesOf(valid, total, BATCH_SIZE)) {
    if (batch.length > 0) {
      try {
        const out = await db.$transaction((tx) => commitBatch(tx, cluster, a.membership.organizationName, a.user.id, batch), {
          timeout: 120_000,
          maxWait: 30_000,
        });
        errors.push(...out.rejected);
        invited += out.invited;
      } catch (err) {
        console.error("cluster bulk invite: batch failed", err);
        for (const r of batch) errors.push({ row: r.row, key: "batchFailed" });
      }
    }
    await options.onProgress?.({ type: "progress", processed, total, invited, failed: errors.length });
  }

  await audit(db, {
    organizationId: a.membership.organizationId,
    actorId: a.user.id,
    action: "cluster.members.bulk_invited",
    entityType: "Cluster",
    entityId: cluster.id,
    data: { total, invited, failed: errors.length },
  });

  errors.sort((x, y) => x.row - y.row);
  const reported = errors.map((e) => ({ row: e.row, column: "nib", message: lookup(locale, `clusters.import.errors.${e.key}`) }));
  return {
    type: "done",
    total,
    invited,
    failed: errors.length,
    errors: reported.slice(0, MAX_REPORTED_ERRORS),
    reportCsv: errorReportCsv(INVITE_COLUMNS, parsed.headers, parsed.rows, reported),
  };
}
