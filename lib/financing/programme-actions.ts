"use server";
// Server actions of the supply-chain financing programme pages (/pembiayaan/program, issue 13; ADR 0026): the
// buyer proposes a programme and refers partners, the bank accepts or declines it, the referred UMKM or
// cooperative answers its referral and requests under the programme. Each calls lib/financing/programmes.ts,
// which checks role, verification and ownership again.
import { bankAction, buyerAction, revalidate, supplierAction } from "@/lib/auth/action-wrapper";
import { createProgramme, decideProgramme, decideReferral, referSupplier, requestUnderProgramme } from "./programmes";
import { financingRoutes } from "./routes";
import {
  financingProgrammeFormSchema,
  programmeDecisionFormSchema,
  programmeRequestFormSchema,
  referralDecisionFormSchema,
  referralFormSchema,
} from "./schemas";

export const createProgrammeAction = buyerAction("financing:programme", financingProgrammeFormSchema, async (input, { actor }) => {
  const p = await createProgramme(actor, input);
  revalidate(financingRoutes.programmes());
  return { id: p.id };
});

export const decideProgrammeAction = bankAction(
  "financing:decide",
  programmeDecisionFormSchema,
  async ({ id, decision, note }, { actor }) => {
    await decideProgramme(actor, id, decision === "accept", note);
    revalidate(financingRoutes.programmes(), financingRoutes.programme(id));
    return { id };
  },
);

export const referSupplierAction = buyerAction(
  "financing:programme",
  referralFormSchema,
  async ({ programmeId, supplierId }, { actor }) => {
    await referSupplier(actor, programmeId, supplierId);
    revalidate(financingRoutes.programmes(), financingRoutes.programme(programmeId));
    return { id: programmeId };
  },
);

export const decideReferralAction = supplierAction("financing:request", referralDecisionFormSchema, async ({ id, decision }, { actor }) => {
  const r = await decideReferral(actor, id, decision === "accept");
  revalidate(financingRoutes.programmes(), financingRoutes.programme(r.programmeId));
  return { id: r.id, programmeId: r.programmeId };
});

export const requestUnderProgrammeAction = supplierAction(
  "financing:request",
  programmeRequestFormSchema,
  async ({ programmeId, ...input }, { actor }) => {
    const r = await requestUnderProgramme(actor, programmeId, input);
    revalidate(financingRoutes.programme(programmeId), financingRoutes.list());
    return { id: r.id };
  },
);
