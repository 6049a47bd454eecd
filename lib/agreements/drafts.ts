// Creating a draft partnership agreement inside a caller's transaction: from an award (lib/awards) or
// directly (lib/agreements/proposals.ts). Writes the agreement, its parties (buyer, supplier and, for a
// consortium, every member with its share), its milestones and version 1 (a snapshot of what was agreed).
// The caller authorizes and audits; this only writes consistent rows.
import "server-only";
import { randomInt } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/client";
import type { PartnershipScheme } from "@/lib/db/generated/enums";
import { agreementSnapshot, type SnapshotMilestone } from "./snapshot";

export const DEFAULT_SCHEME: PartnershipScheme = "rantai_pasok";

/** A milestone of a draft (dueDate: a calendar date, UTC midnight): what a version's snapshot records. */
type DraftMilestone = SnapshotMilestone;

interface DraftConsortiumMember {
  supplierId: string;
  shareQuantity?: number | null;
  sharePercent?: number | string | null;
}

interface DraftAgreementInput {
  title: string;
  scheme?: PartnershipScheme;
  buyerId: string;
  /** The UMKM, the cooperative, or a consortium's lead */
  supplierId: string;
  consortiumId?: string | null;
  consortiumMembers?: DraftConsortiumMember[];
  rfqId?: string | null;
  valueIdr: bigint;
  startDate: Date;
  endDate: Date;
  terms?: string;
  milestones?: DraftMilestone[];
  createdById?: string | null;
  changeNote?: string;
}

/** `RNT-2026-004217`: readable on paper; uniqueness is the database's (retried on a clash). */
function agreementNumberCandidate(now = new Date()): string {
  return `RNT-${now.getUTCFullYear()}-${String(randomInt(0, 1_000_000)).padStart(6, "0")}`;
}

type DraftTx = Pick<Prisma.TransactionClient, "agreement">;

export async function createDraftAgreement(tx: DraftTx, input: DraftAgreementInput) {
  const scheme = input.scheme ?? DEFAULT_SCHEME;
  const terms = input.terms ?? "";
  const milestones = input.milestones ?? [];
  const members = input.consortiumMembers ?? [];
  const parties: Prisma.AgreementPartyCreateWithoutAgreementInput[] = [
    { organization: { connect: { id: input.buyerId } }, role: "buyer" },
    { organization: { connect: { id: input.supplierId } }, role: "supplier" },
    ...members
      .filter((m) => m.supplierId !== input.supplierId && m.supplierId !== input.buyerId)
      .map((m) => ({
        organization: { connect: { id: m.supplierId } },
        role: "consortium_member" as const,
        shareQuantity: m.shareQuantity ?? null,
        sharePercent: m.sharePercent == null ? null : String(m.sharePercent),
      })),
  ];
  // A lead that is also a member keeps its share on its supplier row.
  const lead = members.find((m) => m.supplierId === input.supplierId);
  if (lead) {
    parties[1] = {
      ...parties[1],
      shareQuantity: lead.shareQuantity ?? null,
      sharePercent: lead.sharePercent == null ? null : String(lead.sharePercent),
    };
  }

  for (let attempt = 0; ; attempt++) {
    const number = agreementNumberCandidate();
    const clash = await tx.agreement.findUnique({ where: { number }, select: { id: true } });
    if (clash) {
      if (attempt > 20) throw new Error("could not allocate an agreement number");
      continue;
    }
    return tx.agreement.create({
      data: {
        number,
        title: input.title,
        scheme,
        buyer: { connect: { id: input.buyerId } },
        supplier: { connect: { id: input.supplierId } },
        consortium: input.consortiumId ? { connect: { id: input.consortiumId } } : undefined,
        rfq: input.rfqId ? { connect: { id: input.rfqId } } : undefined,
        valueIdr: input.valueIdr,
        startDate: input.startDate,
        endDate: input.endDate,
        terms,
        status: "draft",
        version: 1,
        createdById: input.createdById ?? null,
        parties: { create: parties },
        versions: {
          create: {
            version: 1,
            snapshot: agreementSnapshot({
              title: input.title,
              scheme,
              valueIdr: input.valueIdr,
              startDate: input.startDate,
              endDate: input.endDate,
              terms,
              milestones,
            }),
            changeNote: input.changeNote ?? null,
            createdBy: input.createdById ? { connect: { id: input.createdById } } : undefined,
          },
        },
        milestones: {
          create: milestones.map((m, i) => ({
            position: i + 1,
            title: m.title,
            quantity: m.quantity ?? null,
            unit: m.unit ?? null,
            dueDate: m.dueDate,
            amountIdr: m.amountIdr ?? null,
            paymentTermDays: m.paymentTermDays ?? null,
          })),
        },
      },
      select: { id: true, number: true, supplierId: true, valueIdr: true },
    });
  }
}
