"use server";
// Server actions for the financing bridge: the supplier (UMKM or cooperative) asks on the agreement page, the
// buyer confirms, the supplier withdraws, the bank decides (/pembiayaan/[id]). The services check role and ownership again.
import { z } from "zod";
import { bankAction, buyerAction, revalidate, supplierAction } from "@/lib/auth/action-wrapper";
import { agreementRoutes } from "@/lib/agreements/routes";
import { agreementIdSchema } from "@/lib/agreements/schemas";
import { financingDecisionSchema, financingIdSchema, financingRequestSchema } from "./schemas";
import { confirmFinancing, decideFinancing, requestFinancing, withdrawFinancing } from "./lifecycle";
import { financingRoutes } from "./routes";

export const requestFinancingAction = supplierAction(
  "financing:request",
  financingRequestSchema.extend({ agreementId: agreementIdSchema }),
  async ({ agreementId, ...input }, { actor }) => {
    const r = await requestFinancing(actor, agreementId, input);
    revalidate(agreementRoutes.detail(agreementId), financingRoutes.list());
    return { id: r.id };
  },
);

const byId = z.object({ id: financingIdSchema, agreementId: agreementIdSchema.optional() });

export const confirmFinancingAction = buyerAction("agreement:accept", byId, async ({ id }, { actor }) => {
  const r = await confirmFinancing(actor, id);
  revalidate(agreementRoutes.detail(r.agreementId));
  return { id };
});

export const withdrawFinancingAction = supplierAction("financing:request", byId, async ({ id }, { actor }) => {
  const r = await withdrawFinancing(actor, id);
  revalidate(agreementRoutes.detail(r.agreementId), financingRoutes.list());
  return { id };
});

export const decideFinancingAction = bankAction(
  "financing:decide",
  z.object({ ...financingDecisionSchema.shape, id: financingIdSchema }).superRefine((v, ctx) => {
    if (v.decision === "declined" && !v.note) ctx.addIssue({ code: "custom", path: ["note"], message: "financing.errors.reasonRequired" });
  }),
  async ({ id, ...input }, { actor }) => {
    await decideFinancing(actor, id, input);
    revalidate(financingRoutes.list(), financingRoutes.detail(id));
    return { id };
  },
);
