// Reading partnership agreements (docs/decisions/0011-agreement-life-cycle.md): the list a party (or ministry
// staff) sees, counts per status, one agreement with everything about it, and version N as it was written.
// Every read puts the reader's organization into its where clause (lib/agreements/access.ts); an agreement
// the actor is not a party to does not exist (404).
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/types";
import type { AgreementStatus } from "@/lib/enums";
import { decodeCursor, paginate, type Page, cursorInstant } from "@/lib/api/pagination";
import { notFound } from "@/lib/errors";
import { authorizeReader } from "./access";
import {
  detailSelect,
  summarySelect,
  toSummary,
  toView,
  type AgreementSnapshotView,
  type AgreementSummary,
  type AgreementView,
} from "./views";

const listCursor = z.tuple([cursorInstant, z.string().min(1)]);

/** The agreements the actor's organization is a party to (ministry staff: all), most recently changed first. */
export async function listAgreements(
  actor: Actor | null,
  query: { status?: AgreementStatus; limit: number; cursor?: string },
): Promise<Page<AgreementSummary>> {
  const { where } = authorizeReader(actor);
  const after = decodeCursor(query.cursor, listCursor);
  const rows = await db.agreement.findMany({
    where: {
      ...where,
      ...(query.status ? { status: query.status } : {}),
      ...(after ? { OR: [{ updatedAt: { lt: new Date(after[0]) } }, { updatedAt: new Date(after[0]), id: { lt: after[1] } }] } : {}),
    },
    select: summarySelect,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = paginate(rows, query.limit, (r) => [r.updatedAt.toISOString(), r.id]);
  return { data: page.data.map(toSummary), nextCursor: page.nextCursor };
}

/** Counts per status for the list's tabs. */
export async function countAgreementsByStatus(actor: Actor | null): Promise<Record<AgreementStatus, number>> {
  const { where } = authorizeReader(actor);
  const groups = await db.agreement.groupBy({ by: ["status"], where, _count: { _all: true } });
  const out = { draft: 0, proposed: 0, active: 0, completed: 0, terminated: 0 };
  for (const g of groups) out[g.status] = g._count._all;
  return out;
}

/** One agreement with everything about it; not found unless the actor is a party (or ministry staff). */
export async function getAgreement(actor: Actor | null, id: string): Promise<AgreementView> {
  const { actor: a, where, ministry } = authorizeReader(actor);
  const row = await db.agreement.findFirst({ where: { id, ...where }, select: detailSelect });
  if (!row) throw notFound();
  const pending = row.pendingVersion
    ? await db.agreementVersion.findUnique({
        where: { agreementId_version: { agreementId: id, version: row.pendingVersion } },
        select: { version: true, snapshot: true, changeNote: true, createdAt: true, createdBy: { select: { name: true } } },
      })
    : null;
  return toView(row, ministry ? null : a.membership.organizationId, pending);
}

/** Version N of an agreement as it was written (and who accepted that version). */
export async function getAgreementVersion(actor: Actor | null, id: string, version: number) {
  const { where } = authorizeReader(actor);
  const row = await db.agreementVersion.findFirst({
    where: { agreementId: id, version, agreement: where },
    select: {
      version: true,
      snapshot: true,
      changeNote: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      agreement: {
        select: {
          number: true,
          version: true,
          pendingVersion: true,
          _count: { select: { parties: true } },
          acceptances: {
            where: { version },
            select: { acceptedAt: true, organizationId: true, organization: { select: { name: true } }, user: { select: { name: true } } },
          },
        },
      },
    },
  });
  if (!row) throw notFound();
  // The version in force: the latest one every party accepted (issue 11: while an amendment is pending the
  // current version number is the amendment's, not the one in force).
  const byVersion = await db.agreementAcceptance.groupBy({ by: ["version"], where: { agreementId: id }, _count: { _all: true } });
  const fully = byVersion.filter((g) => g._count._all >= row.agreement._count.parties).map((g) => g.version);
  return {
    version: row.version,
    currentVersion: row.agreement.version,
    inForceVersion: fully.length ? Math.max(...fully) : null,
    pendingVersion: row.agreement.pendingVersion,
    number: row.agreement.number,
    changeNote: row.changeNote,
    createdAt: row.createdAt,
    createdBy: row.createdBy?.name ?? null,
    snapshot: row.snapshot as unknown as AgreementSnapshotView,
    acceptances: row.agreement.acceptances.map((x) => ({
      organizationId: x.organizationId,
      organizationName: x.organization.name,
      userName: x.user?.name ?? null,
      acceptedAt: x.acceptedAt,
    })),
  };
}
