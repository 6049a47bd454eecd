// Accepting, completing and terminating a partnership agreement (docs/decisions/0011-agreement-life-cycle.md).
// Life cycle: draft → proposed (first acceptance) → active (every party accepted the current version) →
// completed (buyer and lead supplier both confirm) | terminated (with a reason). The last acceptance of a
// pending amendment of an active agreement applies it (content.ts), in the same transaction.
// Concurrency: each write names the version it read and locks the row (locking.ts); a stale version is a 409.
import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/types";
import { requireVerified, type AuthorizedActor } from "@/lib/auth/authorize";
import { audit } from "@/lib/audit/log";
import { notify } from "@/lib/notifications/notify";
import { conflict, forbidden, invalidInput } from "@/lib/errors";
import { authorizeParty } from "./access";
import { checkAgainstRecords, fromSnapshot, writeContent } from "./content";
import { lockAgreement, notForMembers, notifyParties, orgId, resetCompletion, type LockedAgreement } from "./locking";
import { getAgreement } from "./queries";
import { flagAgreement } from "./flags";
import { agreementRoutes } from "./routes";
import { openItems, type AgreementSnapshotView, type AgreementView } from "./views";

type Tx = Prisma.TransactionClient;

/**
 * The actor's organization accepts the current version (once). The first acceptance of a draft proposes
 * it to the other parties; when every party has accepted the current version the agreement is active, or,
 * for a pending amendment of an active agreement, the amendment is applied (same transaction).
 * A buyer organization must be verified to accept (issue 11: an unverified buyer prepares drafts only).
 */
export async function acceptAgreement(
  actor: Actor | null,
  id: string,
  input: { version?: number; declareNoControl?: boolean } = {},
): Promise<AgreementView> {
  const a = authorizeParty(actor, "agreement:accept");
  if (a.membership.organizationType === "buyer") requireVerified(a);
  await db.$transaction(async (tx) => {
    const ag = await lockAgreement(tx, a, id, { version: input.version, statuses: ["draft", "proposed", "active"] });
    // Issue 13 (PP 7/2021): the buyer's first acceptance carries its declaration that it does not own or control
    // the UMKM partner; without it nothing is accepted. Later acceptances (amendments) rest on it.
    if (ag.buyerId === orgId(a)) {
      const { ownershipDeclaredAt } = await tx.agreement.findUniqueOrThrow({ where: { id }, select: { ownershipDeclaredAt: true } });
      if (!ownershipDeclaredAt) {
        if (input.declareNoControl !== true) throw invalidInput({ declareNoControl: ["agreements.errors.declarationRequired"] });
        await tx.agreement.update({ where: { id }, data: { ownershipDeclaredAt: new Date(), ownershipDeclaredById: a.user.id } });
      }
    }
    const mine = await tx.agreementAcceptance.findUnique({
      where: { agreementId_version_organizationId: { agreementId: id, version: ag.version, organizationId: orgId(a) } },
      select: { id: true },
    });
    if (mine) throw conflict("agreements.errors.alreadyAccepted");
    await tx.agreementAcceptance.create({ data: { agreementId: id, version: ag.version, organizationId: orgId(a), userId: a.user.id } });
    const accepted = await tx.agreementAcceptance.findMany({
      where: { agreementId: id, version: ag.version },
      select: { organizationId: true },
    });
    const all = ag.parties.every((p) => accepted.some((x) => x.organizationId === p.organizationId));
    const now = new Date();
    if (all && ag.status === "active" && ag.pendingVersion === ag.version) {
      // The last acceptance of an amendment in force: it becomes what the agreement says.
      const v = await tx.agreementVersion.findUniqueOrThrow({
        where: { agreementId_version: { agreementId: id, version: ag.version } },
        select: { snapshot: true },
      });
      const next = fromSnapshot(v.snapshot as unknown as AgreementSnapshotView);
      const kept = await checkAgainstRecords(tx, id, next, (_field, key) => conflict(key));
      await writeContent(tx, id, next, kept, { pendingVersion: null });
      await resetCompletion(tx, ag, a, "amended");
    } else if (all && ag.status !== "active") {
      await tx.agreement.update({
        where: { id },
        data: { status: "active", activatedAt: ag.activatedAt ?? now, proposedAt: ag.status === "draft" ? now : undefined },
      });
    } else if (ag.status === "draft") {
      await tx.agreement.update({ where: { id }, data: { status: "proposed", proposedAt: now } });
    }
    // Issue 13: checked for ministry review when proposed and again when it becomes active (flags.ts).
    if (ag.status === "draft" || (all && ag.status !== "active")) await flagAgreement(tx, id);
    await audit(tx, {
      organizationId: orgId(a),
      actorId: a.user.id,
      action: "agreement.accepted",
      entityType: "Agreement",
      entityId: id,
      data: { version: ag.version, activated: all },
    });
    if (all && ag.status === "active") {
      // an amendment of an agreement in force: everyone has now accepted the new version
      await notifyParties(tx, ag, a, "agreement.accepted");
    } else if (all) {
      await notify(tx, {
        type: "agreement.activated",
        organizationIds: ag.parties.map((p) => p.organizationId),
        params: { number: ag.number, title: ag.title },
        link: agreementRoutes.detail(id),
        excludeUserId: a.user.id,
      });
    } else {
      await notifyParties(tx, ag, a, ag.status === "draft" ? "agreement.proposed" : "agreement.accepted");
    }
  });
  return getAgreement(a, id);
}

/** The two sides that complete an agreement: its buyer and its (lead) supplier. */
function completionSide(ag: LockedAgreement, a: AuthorizedActor): "buyer" | "supplier" {
  if (ag.buyerId === orgId(a)) return "buyer";
  if (ag.supplierId === orgId(a)) return "supplier";
  throw forbidden("agreements.errors.leadOnly");
}

async function openItemsOf(tx: Tx, id: string) {
  const r = await tx.agreement.findUniqueOrThrow({
    where: { id },
    select: {
      title: true,
      valueIdr: true,
      milestones: { select: { id: true, position: true, title: true, quantity: true, amountIdr: true }, orderBy: { position: "asc" } },
      deliveries: { select: { milestoneId: true, quantity: true, status: true } },
      payments: { select: { milestoneId: true, amountIdr: true } },
    },
  });
  return openItems(r);
}

/**
 * Completion takes both sides (issue 11): the buyer and the lead supplier each confirm, after seeing what is
 * still undelivered or unpaid. With anything open, a confirmation needs a reason (unless the other side
 * already gave one; a second reason is added to it). The first confirmation is recorded and the agreement
 * stays active; the second completes it. completionReason stays set exactly when it completed with
 * something open. Not while an amendment is pending.
 */
export async function completeAgreement(
  actor: Actor | null,
  id: string,
  input: { version?: number; reason?: string } = {},
): Promise<AgreementView> {
  const a = authorizeParty(actor, "agreement:accept");
  await db.$transaction(async (tx) => {
    const ag = await lockAgreement(tx, a, id, { version: input.version, statuses: ["active"] });
    const side = completionSide(ag, a);
    if (ag.pendingVersion !== null) throw conflict("agreements.errors.amendmentPending");
    const accepted = await tx.agreementAcceptance.count({ where: { agreementId: id, version: ag.version } });
    if (accepted < ag.parties.length) throw conflict("agreements.errors.amendmentPending");
    const mineAt = side === "buyer" ? ag.buyerConfirmedCompletionAt : ag.supplierConfirmedCompletionAt;
    const otherAt = side === "buyer" ? ag.supplierConfirmedCompletionAt : ag.buyerConfirmedCompletionAt;
    if (mineAt) throw conflict("agreements.errors.alreadyConfirmed");
    const open = await openItemsOf(tx, id);
    const reason = input.reason?.trim() || null;
    if (open.length > 0 && !reason && !ag.completionReason) throw invalidInput({ reason: ["agreements.errors.completionReasonRequired"] });
    const completionReason = open.length === 0 ? null : [ag.completionReason, reason].filter(Boolean).join("\n");
    const now = new Date();
    const stamp = side === "buyer" ? { buyerConfirmedCompletionAt: now } : { supplierConfirmedCompletionAt: now };
    if (otherAt) {
      await tx.agreement.update({ where: { id }, data: { ...stamp, completionReason, status: "completed", completedAt: now } });
      await audit(tx, {
        organizationId: orgId(a),
        actorId: a.user.id,
        action: "agreement.completed",
        entityType: "Agreement",
        entityId: id,
        data: { open: open.length, reason: completionReason },
      });
      await notify(tx, {
        type: "agreement.completed",
        organizationIds: ag.parties.map((p) => p.organizationId),
        params: { number: ag.number, title: ag.title },
        link: agreementRoutes.detail(id),
        excludeUserId: a.user.id,
      });
    } else {
      await tx.agreement.update({ where: { id }, data: { ...stamp, completionReason } });
      await audit(tx, {
        organizationId: orgId(a),
        actorId: a.user.id,
        action: "agreement.completion_confirmed",
        entityType: "Agreement",
        entityId: id,
        data: { side, open: open.length, reason: completionReason },
      });
      await notifyParties(tx, ag, a, "agreement.completion_confirmed", { open: open.length });
    }
  });
  return getAgreement(a, id);
}

/** The side that confirmed completion takes it back (before the other side confirms). */
export async function withdrawCompletion(actor: Actor | null, id: string, input: { version?: number } = {}): Promise<AgreementView> {
  const a = authorizeParty(actor, "agreement:accept");
  await db.$transaction(async (tx) => {
    const ag = await lockAgreement(tx, a, id, { version: input.version, statuses: ["active"] });
    const side = completionSide(ag, a);
    const mineAt = side === "buyer" ? ag.buyerConfirmedCompletionAt : ag.supplierConfirmedCompletionAt;
    if (!mineAt) throw conflict("agreements.errors.notConfirmed");
    await tx.agreement.update({
      where: { id },
      data: { buyerConfirmedCompletionAt: null, supplierConfirmedCompletionAt: null, completionReason: null },
    });
    await audit(tx, {
      organizationId: orgId(a),
      actorId: a.user.id,
      action: "agreement.completion_withdrawn",
      entityType: "Agreement",
      entityId: id,
      data: { side },
    });
    await notifyParties(tx, ag, a, "agreement.completion_withdrawn", { why: "withdrawn" });
  });
  return getAgreement(a, id);
}

/** Ends a draft, proposed or active agreement early, with the reason on record (buyer or lead supplier). */
export async function terminateAgreement(
  actor: Actor | null,
  id: string,
  input: { version?: number; reason: string },
): Promise<AgreementView> {
  const a = authorizeParty(actor, "agreement:accept");
  await db.$transaction(async (tx) => {
    const ag = await lockAgreement(tx, a, id, { version: input.version, statuses: ["draft", "proposed", "active"] });
    notForMembers(ag, a);
    await tx.agreement.update({ where: { id }, data: { status: "terminated", terminatedAt: new Date(), terminationReason: input.reason } });
    await audit(tx, {
      organizationId: orgId(a),
      actorId: a.user.id,
      action: "agreement.terminated",
      entityType: "Agreement",
      entityId: id,
      data: { reason: input.reason },
    });
    await notifyParties(tx, ag, a, "agreement.terminated", { reason: input.reason });
  });
  return getAgreement(a, id);
}
