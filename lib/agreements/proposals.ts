// Starting and changing a partnership agreement (docs/decisions/0011-agreement-life-cycle.md): whom an
// agreement can be made with (counterparty search, a buyer's consortium choices), a draft directly between a
// buyer and an UMKM or cooperative (or a consortium), and amendments. Any change to the content is version N+1
// with a snapshot; acceptances are per version, so an amendment needs every party's acceptance again. Issue 11:
// an amendment of an ACTIVE agreement changes nothing until every party has accepted it — the Agreement row and
// its milestones stay the last accepted version; the amendment waits in its AgreementVersion snapshot
// (Agreement.pendingVersion) and lifecycle.ts applies it with the last acceptance. Drafts and proposed
// agreements (nothing in force yet) are amended in place.
import "server-only";
import { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/types";
import { requireVerified } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/log";
import { forbidden, invalidInput } from "@/lib/errors";
import { authorizeParty } from "./access";
import { checkAgainstRecords, fromSnapshot, toDraftMilestones, writeContent, type Content } from "./content";
import { createDraftAgreement } from "./drafts";
import { lockAgreement, notForMembers, notifyParties, orgId, resetCompletion } from "./locking";
import { getAgreement } from "./queries";
import { agreementSnapshot } from "./snapshot";
import { checkContent, type AgreementAmendInput, type AgreementCreateInput, type MilestoneInput } from "./schemas";
import type { AgreementSnapshotView, AgreementView } from "./views";

/**
 * The consortia an agreement between this buyer and these leads may name: formed for one of the buyer's own
 * RFQs (invited from its matches) and led by the supplier. Anything else (another buyer's consortium, one
 * led by someone else, one with no RFQ) is neither offered nor accepted.
 */
const consortiumOf = (buyerId: string, leadIds: string[]) =>
  ({ leadId: { in: leadIds }, rfq: { is: { buyerId } } }) satisfies Prisma.ConsortiumWhereInput;

/**
 * A draft agreement directly between a buyer organization and an UMKM or cooperative (or a consortium: its
 * lead is the supplier and every member a party). The actor must be the buyer or the supplier; the other
 * must exist with the right type.
 */
export async function createAgreement(actor: Actor | null, input: AgreementCreateInput): Promise<AgreementView> {
  const a = authorizeParty(actor, "agreement:write");
  const me = orgId(a);
  const myType = a.membership.organizationType;
  if (myType === "buyer" && input.buyerOrgId !== me) throw invalidInput({ buyerOrgId: ["agreements.errors.notYourOrganization"] });
  if (myType !== "buyer" && input.supplierOrgId !== me) throw invalidInput({ supplierOrgId: ["agreements.errors.notYourOrganization"] });
  const [buyer, supplier] = await Promise.all([
    db.organization.findFirst({ where: { id: input.buyerOrgId, type: "buyer" }, select: { id: true, name: true } }),
    db.organization.findFirst({
      where: { id: input.supplierOrgId, type: { in: ["umkm", "cooperative"] } },
      select: { id: true, name: true },
    }),
  ]);
  if (!buyer) throw invalidInput({ buyerOrgId: ["agreements.errors.buyerUnknown"] });
  if (!supplier) throw invalidInput({ supplierOrgId: ["agreements.errors.supplierUnknown"] });
  let consortiumMembers: { supplierId: string; shareQuantity: number | null; sharePercent: string | null }[] = [];
  if (input.consortiumId) {
    const c = await db.consortium.findFirst({
      where: { id: input.consortiumId, ...consortiumOf(buyer.id, [supplier.id]) },
      select: { members: { select: { supplierId: true, shareQuantity: true, sharePercent: true } } },
    });
    if (!c) throw invalidInput({ consortiumId: ["agreements.errors.consortiumUnknown"] });
    consortiumMembers = c.members.map((m) => ({
      supplierId: m.supplierId,
      shareQuantity: m.shareQuantity,
      sharePercent: m.sharePercent?.toString() ?? null,
    }));
  }

  const id = await db.$transaction(async (tx) => {
    const created = await createDraftAgreement(tx, {
      title: input.title,
      scheme: input.scheme,
      buyerId: buyer.id,
      supplierId: supplier.id,
      consortiumId: input.consortiumId ?? null,
      consortiumMembers,
      valueIdr: input.valueIdr,
      startDate: input.startDate,
      endDate: input.endDate,
      terms: input.terms ?? "",
      milestones: toDraftMilestones(input.milestones ?? []),
      createdById: a.user.id,
      changeNote: input.changeNote,
    });
    await audit(tx, {
      organizationId: me,
      actorId: a.user.id,
      action: "agreement.created",
      entityType: "Agreement",
      entityId: created.id,
      data: { number: created.number, scheme: input.scheme },
    });
    return created.id;
  });
  return getAgreement(a, id);
}

/**
 * Changes what the agreement says: version N+1 (snapshot kept), acceptances start over for the new
 * version. `version` must be the current one (else 409). A draft (or proposed) agreement is rewritten in
 * place: nothing is in force yet. An active agreement stays in force exactly as last accepted: the
 * amendment waits (pendingVersion) until every party accepts it, then applies. Milestones, when sent,
 * replace the list position by position: rows that already have deliveries or payments keep their id.
 * Proposing (anything but editing a draft) takes an owner or admin; consortium members never amend the
 * lead's agreement.
 */
export async function amendAgreement(actor: Actor | null, id: string, input: AgreementAmendInput): Promise<AgreementView> {
  const a = authorizeParty(actor, "agreement:write");
  await db.$transaction(async (tx) => {
    const ag = await lockAgreement(tx, a, id, { version: input.version, statuses: ["draft", "proposed", "active"] });
    notForMembers(ag, a);
    if (ag.status !== "draft" && !can(a.membership, "agreement:accept")) throw forbidden("agreements.errors.amendNeedsAdmin");
    // Issue 11: an unverified buyer prepares drafts only; changing terms already put to the other side is proposing.
    if (ag.status !== "draft" && a.membership.organizationType === "buyer") requireVerified(a);
    // An amendment of an amendment builds on the version still pending; anything else on the row.
    const base: Content = ag.pendingVersion
      ? fromSnapshot(
          (
            await tx.agreementVersion.findUniqueOrThrow({
              where: { agreementId_version: { agreementId: id, version: ag.pendingVersion } },
              select: { snapshot: true },
            })
          ).snapshot as unknown as AgreementSnapshotView,
        )
      : await tx.agreement.findUniqueOrThrow({
          where: { id },
          select: {
            title: true,
            scheme: true,
            valueIdr: true,
            startDate: true,
            endDate: true,
            terms: true,
            milestones: {
              orderBy: { position: "asc" },
              select: { title: true, quantity: true, unit: true, dueDate: true, amountIdr: true, paymentTermDays: true },
            },
          },
        });
    const next: Content = {
      title: input.title ?? base.title,
      scheme: input.scheme ?? base.scheme,
      valueIdr: input.valueIdr ?? base.valueIdr,
      startDate: input.startDate ?? base.startDate,
      endDate: input.endDate ?? base.endDate,
      terms: input.terms ?? base.terms,
      milestones: input.milestones ? toDraftMilestones(input.milestones) : base.milestones,
    };
    // The merged content must hold together too (e.g. a new end date before the old start date).
    const check = z
      .object({})
      .passthrough()
      .superRefine((_, ctx) => checkContent({ ...next, milestones: next.milestones as MilestoneInput[] }, ctx))
      .safeParse({});
    if (!check.success) {
      const fields: Record<string, string[]> = {};
      for (const i of check.error.issues) (fields[i.path.join(".") || "_"] ??= []).push(i.message);
      throw invalidInput(fields);
    }
    const kept = await checkAgainstRecords(tx, id, next, (field, key) => invalidInput({ [field]: [key] }));
    const version = ag.version + 1;
    const newVersion = {
      versions: { create: { version, snapshot: agreementSnapshot(next), changeNote: input.changeNote ?? null, createdById: a.user.id } },
    };
    if (ag.status === "active") {
      await tx.agreement.update({ where: { id }, data: { version, pendingVersion: version, ...newVersion } });
      await resetCompletion(tx, ag, a, "amended");
    } else {
      await writeContent(tx, id, next, kept, { version, ...newVersion });
    }
    await audit(tx, {
      organizationId: orgId(a),
      actorId: a.user.id,
      action: "agreement.amended",
      entityType: "Agreement",
      entityId: id,
      data: { version, pending: ag.status === "active", fields: Object.keys(input).filter((k) => k !== "version") },
    });
    await notifyParties(tx, ag, a, "agreement.amended", { version });
  });
  return getAgreement(a, id);
}

interface ConsortiumChoice {
  id: string;
  name: string;
  leadId: string;
  rfq: { id: string; title: string };
  members: { organizationId: string; name: string; shareQuantity: number | null; sharePercent: string | null }[];
}

/**
 * The consortia a buyer may make the agreement with, for each of the partners it is looking at: those its
 * own organization formed (invited for one of its RFQs) and the partner leads, newest first. Other buyers'
 * consortia never appear; UMKM and cooperatives get none (a consortium's agreement is the buyer's to start).
 */
export async function consortiumChoices(actor: Actor | null, leadIds: string[]): Promise<ConsortiumChoice[]> {
  const a = authorizeParty(actor, "agreement:write");
  const ids = [...new Set(leadIds)].slice(0, 50);
  if (a.membership.organizationType !== "buyer" || ids.length === 0) return [];
  const rows = await db.consortium.findMany({
    where: consortiumOf(orgId(a), ids),
    select: {
      id: true,
      name: true,
      leadId: true,
      rfq: { select: { id: true, title: true } },
      members: { select: { supplierId: true, shareQuantity: true, sharePercent: true, supplier: { select: { name: true } } } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 100,
  });
  return rows.flatMap((c) =>
    c.rfq
      ? [
          {
            id: c.id,
            name: c.name,
            leadId: c.leadId,
            rfq: c.rfq,
            // The lead first, then the larger shares.
            members: c.members
              .map((m) => ({
                organizationId: m.supplierId,
                name: m.supplier.name,
                shareQuantity: m.shareQuantity,
                sharePercent: m.sharePercent?.toString() ?? null,
              }))
              .sort(
                (x, y) =>
                  Number(y.organizationId === c.leadId) - Number(x.organizationId === c.leadId) ||
                  (y.shareQuantity ?? 0) - (x.shareQuantity ?? 0) ||
                  x.name.localeCompare(y.name),
              ),
          },
        ]
      : [],
  );
}

/**
 * Organizations the actor could make an agreement with: a buyer looks for UMKM and cooperatives, an UMKM
 * or cooperative for buyers. Verified ones first; names only (public facts).
 */
export async function searchCounterparties(actor: Actor | null, q: string | undefined, opts: { id?: string } = {}) {
  const a = authorizeParty(actor, "agreement:write");
  const types = a.membership.organizationType === "buyer" ? (["umkm", "cooperative"] as const) : (["buyer"] as const);
  const term = q?.trim().slice(0, 100);
  const rows = await db.organization.findMany({
    where: {
      type: { in: [...types] },
      id: { not: a.membership.organizationId },
      ...(term ? { name: { contains: term, mode: "insensitive" as const } } : {}),
    },
    select: { id: true, name: true, type: true, verificationStatus: true, regency: { select: { name: true } } },
    orderBy: { name: "asc" },
    take: 20,
  });
  rows.sort((x, y) => Number(y.verificationStatus === "verified") - Number(x.verificationStatus === "verified"));
  if (opts.id && !rows.some((r) => r.id === opts.id)) {
    const picked = await db.organization.findFirst({
      where: { id: opts.id, type: { in: [...types] } },
      select: { id: true, name: true, type: true, verificationStatus: true, regency: { select: { name: true } } },
    });
    if (picked) rows.unshift(picked);
  }
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type,
    verified: r.verificationStatus === "verified",
    place: r.regency?.name ?? null,
  }));
}
