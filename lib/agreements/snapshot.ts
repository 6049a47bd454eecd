// What version N of an agreement says, as kept in AgreementVersion.snapshot (BigInt amounts as strings,
// dates as YYYY-MM-DD). Plain module (not "server-only"): the agreements service and the seed factories both
// write versions with it.
import type { PartnershipScheme } from "@/lib/db/generated/enums";

export interface SnapshotMilestone {
  title: string;
  quantity?: number | null;
  unit?: string | null;
  dueDate: Date;
  amountIdr?: bigint | null;
  paymentTermDays?: number | null;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export function agreementSnapshot(a: {
  title: string;
  scheme: PartnershipScheme;
  valueIdr: bigint;
  startDate: Date;
  endDate: Date;
  terms: string;
  milestones: SnapshotMilestone[];
}) {
  return {
    title: a.title,
    scheme: a.scheme,
    valueIdr: a.valueIdr.toString(),
    startDate: day(a.startDate),
    endDate: day(a.endDate),
    terms: a.terms,
    milestones: a.milestones.map((m, i) => ({
      position: i + 1,
      title: m.title,
      quantity: m.quantity ?? null,
      unit: m.unit ?? null,
      dueDate: day(m.dueDate),
      amountIdr: m.amountIdr == null ? null : m.amountIdr.toString(),
      paymentTermDays: m.paymentTermDays ?? null,
    })),
  };
}
