// What a partnership agreement says (title, scheme, value, term, terms, milestones), moving between its three
// forms: form/API input, a version's snapshot (AgreementVersion.snapshot) and the Agreement row with its
// milestones. Before content is put in force it is checked against what has already happened (deliveries,
// payments, financing). Used by proposals.ts (amend) and lifecycle.ts (the last acceptance applies an amendment).
import "server-only";
import type { Prisma } from "@/lib/db";
import type { PartnershipScheme } from "@/lib/enums";
import { financedAgainst } from "@/lib/financing/lifecycle";
import type { MilestoneInput } from "./schemas";
import type { AgreementSnapshotView } from "./views";

type Tx = Prisma.TransactionClient;

/** A milestone's payment term without paymentTermDays (the Indeks Kemitraan's default, migration *_partnership_index). */
const DEFAULT_PAYMENT_TERM_DAYS = 30;

export const toDraftMilestones = (ms: MilestoneInput[]) =>
  ms.map((m) => ({
    title: m.title,
    quantity: m.quantity ?? null,
    unit: m.unit ?? null,
    dueDate: m.dueDate,
    amountIdr: m.amountIdr ?? null,
    paymentTermDays: m.paymentTermDays ?? null,
  }));

export type Content = {
  title: string;
  scheme: PartnershipScheme;
  valueIdr: bigint;
  startDate: Date;
  endDate: Date;
  terms: string;
  milestones: {
    title: string;
    quantity: number | null;
    unit: string | null;
    dueDate: Date;
    amountIdr: bigint | null;
    paymentTermDays: number | null;
  }[];
};

export const fromSnapshot = (s: AgreementSnapshotView): Content => ({
  title: s.title,
  scheme: s.scheme,
  valueIdr: BigInt(s.valueIdr),
  startDate: new Date(`${s.startDate}T00:00:00.000Z`),
  endDate: new Date(`${s.endDate}T00:00:00.000Z`),
  terms: s.terms,
  milestones: s.milestones.map((m) => ({
    title: m.title,
    quantity: m.quantity,
    unit: m.unit,
    dueDate: new Date(`${m.dueDate}T00:00:00.000Z`),
    amountIdr: m.amountIdr == null ? null : BigInt(m.amountIdr),
    paymentTermDays: m.paymentTermDays,
  })),
});

/**
 * The content that would be in force, checked against what has already happened: milestones that would
 * disappear must have no deliveries or payments, a delivered milestone (not rejected) keeps its payment term and
 * amount or makes them stricter (shorter, larger), the value may not fall below what has been paid or what
 * banks were asked for or granted, and the start may not move past a recorded delivery.
 * `onFail` builds the error (a 400 on the field when proposing, a 409 when applying).
 */
export async function checkAgainstRecords(tx: Tx, id: string, next: Content, onFail: (field: string, key: string) => Error) {
  const kept = await tx.milestone.findMany({
    where: { agreementId: id },
    orderBy: { position: "asc" },
    select: {
      id: true,
      amountIdr: true,
      paymentTermDays: true,
      _count: { select: { deliveries: true, payments: true } },
      deliveries: { where: { status: { in: ["accepted", "pending_review"] } }, select: { id: true }, take: 1 },
    },
  });
  if (kept.slice(next.milestones.length).some((m) => m._count.deliveries + m._count.payments > 0))
    throw onFail("milestones", "agreements.errors.milestoneHasRecords");
  // Issue 13: a milestone's payment term runs from its first delivery that is accepted or waiting for review, and
  // the Indeks Kemitraan counts it late once the term ends unpaid. An amendment may not move that goal post
  // afterwards: no longer term and no smaller amount (which would "settle" it with what was paid).
  const term = (days: number | null) => days ?? DEFAULT_PAYMENT_TERM_DAYS;
  for (const [i, m] of kept.slice(0, next.milestones.length).entries()) {
    if (m.deliveries.length === 0) continue;
    const n = next.milestones[i];
    const longer = term(n.paymentTermDays) > term(m.paymentTermDays);
    const smaller = m.amountIdr !== null && (n.amountIdr === null || n.amountIdr < m.amountIdr);
    if (longer || smaller) throw onFail("milestones", "agreements.errors.milestoneTermStarted");
  }
  const paid = await tx.payment.aggregate({ where: { agreementId: id }, _sum: { amountIdr: true } });
  if ((paid._sum.amountIdr ?? 0n) > next.valueIdr) throw onFail("valueIdr", "agreements.errors.valueBelowPaid");
  // Issue 11: what banks were asked for or granted against this agreement stays covered by its value.
  if ((await financedAgainst(tx, id)) > next.valueIdr) throw onFail("valueIdr", "agreements.errors.valueBelowFinanced");
  // Issue 11: no delivery dated before the agreement starts, also not by moving the start later.
  const first = await tx.delivery.findFirst({ where: { agreementId: id }, orderBy: { deliveredOn: "asc" }, select: { deliveredOn: true } });
  if (first && first.deliveredOn < next.startDate) throw onFail("startDate", "agreements.errors.startAfterDeliveries");
  return kept;
}

/** Writes `next` into the Agreement row and its milestones (position by position; rows with records keep their id). */
export async function writeContent(tx: Tx, id: string, next: Content, kept: { id: string }[], extra: Prisma.AgreementUpdateInput = {}) {
  for (const [i, m] of next.milestones.entries()) {
    const data = {
      position: i + 1,
      title: m.title,
      quantity: m.quantity ?? null,
      unit: m.unit ?? null,
      dueDate: m.dueDate,
      amountIdr: m.amountIdr ?? null,
      paymentTermDays: m.paymentTermDays ?? null,
    };
    if (kept[i]) await tx.milestone.update({ where: { id: kept[i].id }, data });
    else await tx.milestone.create({ data: { ...data, agreementId: id } });
  }
  const removed = kept.slice(next.milestones.length);
  if (removed.length) await tx.milestone.deleteMany({ where: { id: { in: removed.map((m) => m.id) } } });
  await tx.agreement.update({
    where: { id },
    data: {
      title: next.title,
      scheme: next.scheme,
      valueIdr: next.valueIdr,
      startDate: next.startDate,
      endDate: next.endDate,
      terms: next.terms,
      ...extra,
    },
  });
}
