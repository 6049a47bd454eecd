// The write path's shared steps for partnership agreements (docs/decisions/0011-agreement-life-cycle.md):
// lock the row with the version the writer read (a stale version is a 409, never a silent overwrite), explain
// a guarded update that matched nothing, tell the other parties, and clear completion confirmations that no
// longer describe the agreement. Used by proposals.ts, lifecycle.ts and execution.ts.
import "server-only";
import type { Prisma } from "@/lib/db";
import type { AuthorizedActor } from "@/lib/auth/authorize";
import type { AgreementStatus } from "@/lib/enums";
import { audit } from "@/lib/audit/log";
import { notify } from "@/lib/notifications/notify";
import { DomainError, conflict, forbidden, notFound } from "@/lib/errors";
import { formatRupiah } from "@/lib/i18n/format";
import { partyWhere } from "./access";
import { agreementRoutes } from "./routes";

type Tx = Prisma.TransactionClient;

export const orgId = (a: AuthorizedActor) => a.membership.organizationId;

/** Why a guarded update matched nothing: gone / not yours (404), someone changed it (409), or its state. */
async function explainMiss(
  tx: Tx,
  a: AuthorizedActor,
  id: string,
  expectedVersion: number | undefined,
  stateKey = "agreements.errors.state",
): Promise<never> {
  const row = await tx.agreement.findFirst({ where: { id, ...partyWhere(orgId(a)) }, select: { version: true } });
  if (!row) throw notFound();
  if (expectedVersion !== undefined && row.version !== expectedVersion) throw staleVersion();
  throw conflict(stateKey);
}

const staleVersion = () => new DomainError("conflict", "agreements.errors.stale", { version: ["agreements.errors.staleField"] });

/**
 * Locks the agreement row for the rest of the transaction (a no-op update): concurrent writers queue up,
 * and the guard (party, version, allowed statuses) is checked atomically with the lock.
 */
export async function lockAgreement(
  tx: Tx,
  a: AuthorizedActor,
  id: string,
  opts: { version?: number; statuses: AgreementStatus[]; stateKey?: string },
) {
  const { count } = await tx.agreement.updateMany({
    where: { id, ...partyWhere(orgId(a)), status: { in: opts.statuses }, ...(opts.version !== undefined ? { version: opts.version } : {}) },
    data: { updatedAt: new Date() },
  });
  if (count === 0) await explainMiss(tx, a, id, opts.version, opts.stateKey);
  return tx.agreement.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      version: true,
      valueIdr: true,
      startDate: true,
      endDate: true,
      activatedAt: true,
      buyerId: true,
      supplierId: true,
      pendingVersion: true,
      buyerConfirmedCompletionAt: true,
      supplierConfirmedCompletionAt: true,
      completionReason: true,
      parties: { select: { organizationId: true, role: true, organization: { select: { name: true } } } },
    },
  });
}
export type LockedAgreement = Awaited<ReturnType<typeof lockAgreement>>;

const others = (ag: LockedAgreement, a: AuthorizedActor) => ag.parties.map((p) => p.organizationId).filter((x) => x !== orgId(a));

/** Notifies the other parties of the agreement. */
export async function notifyParties(
  tx: Tx,
  ag: LockedAgreement,
  a: AuthorizedActor,
  type: Parameters<typeof notify>[1]["type"],
  params: Record<string, string | number> = {},
) {
  await notify(tx, {
    type,
    organizationIds: others(ag, a),
    params: { number: ag.number, title: ag.title, partyName: a.membership.organizationName, ...params },
    link: agreementRoutes.detail(ag.id),
    excludeUserId: a.user.id,
  });
}

/**
 * A party's completion confirmations no longer describe the agreement (it was amended, a delivery or a
 * payment was recorded or reviewed): they are cleared, on the record, and the parties are told.
 */
export async function resetCompletion(tx: Tx, ag: LockedAgreement, a: AuthorizedActor, why: "amended" | "delivery" | "payment") {
  if (!ag.buyerConfirmedCompletionAt && !ag.supplierConfirmedCompletionAt) return;
  await tx.agreement.update({
    where: { id: ag.id },
    data: { buyerConfirmedCompletionAt: null, supplierConfirmedCompletionAt: null, completionReason: null },
  });
  await audit(tx, {
    organizationId: orgId(a),
    actorId: a.user.id,
    action: "agreement.completion_reset",
    entityType: "Agreement",
    entityId: ag.id,
    data: { why },
  });
  await notify(tx, {
    type: "agreement.completion_withdrawn",
    organizationIds: ag.parties.map((p) => p.organizationId),
    params: { number: ag.number, title: ag.title, partyName: a.membership.organizationName, why },
    link: agreementRoutes.detail(ag.id),
  });
}

/** The party's role on the locked agreement; consortium members act only on their own share. */
const roleOf = (ag: LockedAgreement, a: AuthorizedActor) => ag.parties.find((p) => p.organizationId === orgId(a))?.role ?? null;
export const notForMembers = (ag: LockedAgreement, a: AuthorizedActor) => {
  if (roleOf(ag, a) === "consortium_member") throw forbidden("agreements.errors.leadOnly");
};

/** Money in notification texts (a notification's params are plain strings). */
export const rupiahParam = (v: bigint) => formatRupiah(v, "id");
