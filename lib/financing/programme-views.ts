// What the /pembiayaan/program pages show each side of a supply-chain financing programme (issue 13; ADR 0026),
// beyond the programme itself (lib/financing/programmes.ts, which answers not found to anyone outside it):
//   buyer     the verified UMKM and cooperative partners it may still refer (a qualifying agreement with it, no
//             open or accepted referral), and the requests made under the programme;
//   bank      the requests made under the programme to it (each opens at /pembiayaan/[id]);
//   supplier  its own referral; once accepted, its qualifying agreements with what is still available under
//             the programme maximum and each agreement's open-financing cap, and its own requests.
import "server-only";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import type { FinancingStatus, FinancingType } from "@/lib/enums";
import { programmeSide } from "./access";
import { getProgramme, qualifyingTerms, qualifyingWhere, SUPPLIER_TYPES, type ProgrammeView } from "./programmes";

export interface ProgrammeRequestRow {
  id: string;
  type: FinancingType;
  amountIdr: bigint;
  status: FinancingStatus;
  createdAt: Date;
  agreement: { id: string; number: string };
  supplier: { id: string; name: string };
}

interface EligiblePartner {
  id: string;
  name: string;
  type: string;
}

interface QualifyingAgreement {
  id: string;
  number: string;
  title: string;
  valueIdr: bigint;
  /** The agreement's value less what is asked or granted against it at every bank (issue 11). */
  openCapIdr: bigint;
  /** A request to the programme's bank on this agreement is still undecided: a new one must wait. */
  openRequest: boolean;
  /** What the supplier may still ask on this agreement under the programme: min(programme remainder, open cap). */
  availableIdr: bigint;
}

interface SupplierProgrammeView {
  referral: ProgrammeView["referrals"][number] | null;
  /** What the supplier asked or was granted under the programme (submitted or approved). */
  usedIdr: bigint;
  /** The programme maximum less what it used (never below zero). */
  remainingIdr: bigint;
  agreements: QualifyingAgreement[];
  canAct: boolean;
}

type ProgrammeDetail =
  | { side: "buyer"; programme: ProgrammeView; canAct: boolean; eligible: EligiblePartner[]; requests: ProgrammeRequestRow[] }
  | { side: "bank"; programme: ProgrammeView; canAct: boolean; requests: ProgrammeRequestRow[] }
  | { side: "supplier"; programme: ProgrammeView; requests: ProgrammeRequestRow[]; supplier: SupplierProgrammeView };

const requestSelect = {
  id: true,
  type: true,
  amountIdr: true,
  status: true,
  createdAt: true,
  agreement: { select: { id: true, number: true } },
  supplier: { select: { id: true, name: true } },
} as const;

const LIMIT = 200;

/** One programme with what the actor's side sees of it; not found for anyone outside it. */
export async function programmeDetail(actor: Actor | null, id: string): Promise<ProgrammeDetail> {
  const programme = await getProgramme(actor, id); // authorizes: outsiders get not found
  const a = actor!;
  const side = programmeSide(a)!;
  const orgId = a.membership!.organizationId;
  if (side === "buyer") {
    const active = new Set(programme.referrals.filter((r) => r.status === "referred" || r.status === "accepted").map((r) => r.supplier.id));
    const eligible =
      programme.status === "active"
        ? await db.organization.findMany({
            where: {
              type: { in: [...SUPPLIER_TYPES] },
              verificationStatus: "verified",
              id: { notIn: [...active] },
              agreementParties: {
                some: {
                  role: { in: ["supplier", "consortium_member"] },
                  agreement: qualifyingTerms(orgId, programme.requireAcceptedDeliveries),
                },
              },
            },
            select: { id: true, name: true, type: true },
            orderBy: [{ name: "asc" }, { id: "asc" }],
            take: LIMIT,
          })
        : [];
    const requests = await db.financingRequest.findMany({
      where: { programmeId: id, agreement: { buyerId: orgId } },
      select: requestSelect,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: LIMIT,
    });
    return { side, programme, canAct: can(a.membership, "financing:programme"), eligible, requests };
  }
  if (side === "bank") {
    const requests = await db.financingRequest.findMany({
      where: { programmeId: id, bankId: orgId },
      select: requestSelect,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: LIMIT,
    });
    return { side, programme, canAct: can(a.membership, "financing:decide"), requests };
  }
  const requests = await db.financingRequest.findMany({
    where: { programmeId: id, supplierId: orgId },
    select: requestSelect,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: LIMIT,
  });
  return { side: "supplier", programme, requests, supplier: await supplierView(a, programme, orgId) };
}

async function supplierView(actor: Actor, programme: ProgrammeView, me: string): Promise<SupplierProgrammeView> {
  const referral = programme.referrals.find((r) => r.supplier.id === me) ?? null;
  // as requestUnderProgramme counts it: submitted or approved requests under the programme
  const used = await db.financingRequest.aggregate({
    where: { programmeId: programme.id, supplierId: me, status: { in: ["submitted", "approved"] } },
    _sum: { amountIdr: true },
  });
  const usedIdr = used._sum.amountIdr ?? 0n;
  const remainingIdr = programme.maxPerUmkmIdr > usedIdr ? programme.maxPerUmkmIdr - usedIdr : 0n;
  const canAct = can(actor.membership, "financing:request");
  if (referral?.status !== "accepted" || programme.status !== "active") return { referral, usedIdr, remainingIdr, agreements: [], canAct };
  const rows = await db.agreement.findMany({
    where: qualifyingWhere(programme.buyer.id, me, programme.requireAcceptedDeliveries),
    select: { id: true, number: true, title: true, valueIdr: true },
    orderBy: [{ startDate: "desc" }, { id: "asc" }],
    take: 50,
  });
  const ids = rows.map((r) => r.id);
  const [financed, open] = await Promise.all([
    db.financingRequest.groupBy({
      by: ["agreementId"],
      where: { agreementId: { in: ids }, status: { in: ["submitted", "approved"] } },
      _sum: { amountIdr: true },
    }),
    db.financingRequest.findMany({
      where: { agreementId: { in: ids }, bankId: programme.bank.id, supplierId: me, status: "submitted" },
      select: { agreementId: true },
    }),
  ]);
  const financedBy = new Map(financed.map((f) => [f.agreementId, f._sum.amountIdr ?? 0n]));
  const openSet = new Set(open.map((o) => o.agreementId));
  const agreements = rows.map((r) => {
    const used = financedBy.get(r.id) ?? 0n;
    const openCapIdr = r.valueIdr > used ? r.valueIdr - used : 0n;
    const openRequest = openSet.has(r.id);
    const availableIdr = openRequest ? 0n : openCapIdr < remainingIdr ? openCapIdr : remainingIdr;
    return { ...r, openCapIdr, openRequest, availableIdr };
  });
  return { referral, usedIdr, remainingIdr, agreements, canAct };
}
