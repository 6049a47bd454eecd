"use server";
// Server actions behind /kemitraan: create, amend, accept, complete, terminate, deliveries, payments,
// ratings. Public endpoints: each goes through partyAction (session → active UMKM, cooperative or buyer →
// permission) and the services put the organization into their where clauses.
// Each export takes a plain object or (previousState, FormData) for useActionState.
import { redirect } from "next/navigation";
import { z } from "zod";
import { memberAction, partyAction, actionLocale, revalidate, type ActionResult } from "@/lib/auth/action-wrapper";
import { partnershipIndexRoutes } from "@/lib/partnership-index/routes";
import { getActor } from "@/lib/auth/session";
import { withQuery } from "@/lib/app-url";
import { translate } from "@/lib/i18n/translate";
import { confirmPaymentReceipt, rateAgreement, recordDelivery, recordPayment, reviewDelivery } from "./execution";
import { decideAgreementFlag } from "./flags";
import { acceptAgreement, completeAgreement, terminateAgreement, withdrawCompletion } from "./lifecycle";
import { amendAgreement, createAgreement } from "./proposals";
import { getAgreement } from "./queries";
import { agreementRoutes } from "./routes";
import {
  agreementAmendSchema,
  agreementFlagDecisionSchema,
  agreementIdSchema,
  calendarDateSchema,
  checkContent,
  declareNoControlSchema,
  completeSchema,
  deliveryInputSchema,
  deliveryReviewSchema,
  milestoneInputSchema,
  paymentInputSchema,
  positiveRupiah,
  ratingInputSchema,
  receiptInputSchema,
  schemeSchema,
  terminateSchema,
  versionSchema,
} from "./schemas";

/** Form rows "milestones.0.title" arrive as { "0": {...} }: an array in row order, fully blank rows dropped. */
const milestoneRows = z.preprocess(
  (v) => {
    if (v == null) return [];
    const rows = Array.isArray(v)
      ? v
      : Object.entries(v as Record<string, unknown>)
          .sort(([a], [b]) => Number(a) - Number(b))
          .map(([, r]) => r);
    return rows.filter(
      (r) =>
        r && typeof r === "object" && Object.values(r as Record<string, unknown>).some((x) => typeof x === "string" && x.trim() !== ""),
    );
  },
  z.array(milestoneInputSchema).max(50, "agreements.errors.tooManyMilestones"),
);

const text = (min: number, max: number) =>
  z.string({ error: "errors.field.required" }).trim().min(min, "errors.field.required").max(max, "errors.field.tooLong");

const contentForm = {
  title: text(3, 200),
  scheme: schemeSchema,
  valueIdr: positiveRupiah,
  startDate: calendarDateSchema,
  endDate: calendarDateSchema,
  terms: z.preprocess((v) => (v == null ? "" : v), z.string().trim().max(20_000, "errors.field.tooLong")),
  milestones: milestoneRows,
};

const createForm = z
  .object({
    ...contentForm,
    counterpartyId: z
      .string({ error: "agreements.fields.counterpartyChoose" })
      .trim()
      .min(1, "agreements.fields.counterpartyChoose")
      .max(64),
    /** "Sebagai konsorsium": one of the partner's consortia offered by consortiumChoices, or blank for the partner alone. */
    consortiumId: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      z.string().trim().max(64, "agreements.errors.consortiumUnknown").optional(),
    ),
  })
  .superRefine(checkContent);

export const createAgreementAction = partyAction("agreement:write", createForm, async ({ counterpartyId, ...input }, { actor }) => {
  const me = actor.membership.organizationId;
  const isBuyer = actor.membership.organizationType === "buyer";
  const a = await createAgreement(actor, {
    ...input,
    buyerOrgId: isBuyer ? me : counterpartyId,
    supplierOrgId: isBuyer ? counterpartyId : me,
  }).catch((err: unknown) => {
    // The counterparty is one field in the form, whichever side it is on.
    const e = err as { fields?: Record<string, string[]> };
    if (e?.fields?.buyerOrgId || e?.fields?.supplierOrgId)
      e.fields.counterpartyId = [...(e.fields.buyerOrgId ?? []), ...(e.fields.supplierOrgId ?? [])];
    throw err;
  });
  revalidate(agreementRoutes.list(), agreementRoutes.detail(a.id));
  redirect(withQuery(agreementRoutes.detail(a.id), { saved: "1" }));
});

const amendForm = z
  .object({ ...contentForm, id: agreementIdSchema, version: versionSchema, changeNote: agreementAmendSchema.shape.changeNote })
  .superRefine(checkContent);

const amendInner = partyAction("agreement:write", amendForm, async ({ id, ...input }, { actor }) => {
  const a = await amendAgreement(actor, id, input);
  revalidate(agreementRoutes.list(), agreementRoutes.detail(id));
  return { id: a.id, version: a.version };
});

/** A stale version: say which version is current now, so the page can offer to reload to it. */
async function withCurrentVersion<T>(r: ActionResult<T>, id: unknown): Promise<ActionResult<T> & { currentVersion?: number }> {
  if (r.ok || r.error.code !== "conflict" || !r.error.fields?.version || typeof id !== "string") return r;
  const current = await getAgreement(await getActor(), id)
    .then((a) => a.version)
    .catch(() => null);
  if (current === null) return r;
  const locale = await actionLocale();
  return {
    ok: false,
    error: { ...r.error, message: translate(locale, "agreements.form.conflict", { version: current }) },
    currentVersion: current,
  };
}

const idOf = (first: unknown, second?: unknown) => {
  const fd = second instanceof FormData ? second : first instanceof FormData ? first : null;
  return fd ? fd.get("id") : (first as { id?: unknown } | null)?.id;
};

export async function amendAgreementAction(first: unknown, second?: unknown) {
  return withCurrentVersion(await amendInner(first, second), idOf(first, second));
}

const versioned = z.object({ id: agreementIdSchema, version: versionSchema });

const acceptInner = partyAction(
  "agreement:accept",
  versioned.extend({ declareNoControl: declareNoControlSchema }),
  async ({ id, version, declareNoControl }, { actor }) => {
    const a = await acceptAgreement(actor, id, { version, declareNoControl });
    revalidate(agreementRoutes.list(), agreementRoutes.detail(id));
    return { id, status: a.status };
  },
);
export async function acceptAgreementAction(first: unknown, second?: unknown) {
  return withCurrentVersion(await acceptInner(first, second), idOf(first, second));
}

/** One side confirms completion (issue 11), with a reason when something is still open. */
const completeInner = partyAction(
  "agreement:accept",
  completeSchema.extend({ id: agreementIdSchema, version: versionSchema }),
  async ({ id, version, reason }, { actor }) => {
    const a = await completeAgreement(actor, id, { version, reason });
    revalidate(agreementRoutes.list(), agreementRoutes.detail(id));
    return { id, status: a.status };
  },
);
export async function completeAgreementAction(first: unknown, second?: unknown) {
  return withCurrentVersion(await completeInner(first, second), idOf(first, second));
}

const withdrawCompletionInner = partyAction("agreement:accept", versioned, async ({ id, version }, { actor }) => {
  const a = await withdrawCompletion(actor, id, { version });
  revalidate(agreementRoutes.list(), agreementRoutes.detail(id));
  return { id, status: a.status };
});
export async function withdrawCompletionAction(first: unknown, second?: unknown) {
  return withCurrentVersion(await withdrawCompletionInner(first, second), idOf(first, second));
}

const terminateInner = partyAction(
  "agreement:accept",
  terminateSchema.extend({ id: agreementIdSchema }),
  async ({ id, ...input }, { actor }) => {
    const a = await terminateAgreement(actor, id, input);
    revalidate(agreementRoutes.list(), agreementRoutes.detail(id));
    return { id, status: a.status };
  },
);
export async function terminateAgreementAction(first: unknown, second?: unknown) {
  return withCurrentVersion(await terminateInner(first, second), idOf(first, second));
}

export const recordDeliveryAction = partyAction(
  "agreement:write",
  deliveryInputSchema.extend({ id: agreementIdSchema }),
  async ({ id, ...input }, { actor }) => {
    await recordDelivery(actor, id, input);
    revalidate(agreementRoutes.list(), agreementRoutes.detail(id));
    return { id };
  },
);

export const reviewDeliveryAction = partyAction(
  "agreement:write",
  deliveryReviewSchema.extend({ id: agreementIdSchema, deliveryId: agreementIdSchema }),
  async ({ id, deliveryId, ...input }, { actor }) => {
    await reviewDelivery(actor, id, deliveryId, input);
    revalidate(agreementRoutes.list(), agreementRoutes.detail(id));
    return { id };
  },
);

export const recordPaymentAction = partyAction(
  "agreement:write",
  z.object({ ...paymentInputSchema.shape, id: agreementIdSchema }).superRefine((v, ctx) => {
    if (v.invoicedOn && v.paidOn < v.invoicedOn)
      ctx.addIssue({ code: "custom", path: ["paidOn"], message: "agreements.errors.paidBeforeInvoice" });
  }),
  async ({ id, ...input }, { actor }) => {
    await recordPayment(actor, id, input);
    revalidate(agreementRoutes.list(), agreementRoutes.detail(id));
    return { id };
  },
);

/** The lead supplier confirms a payment reached it (issue 13: the Indeks Kemitraan counts confirmed payments). */
export const confirmPaymentReceiptAction = partyAction(
  "agreement:write",
  receiptInputSchema.extend({ id: agreementIdSchema, paymentId: agreementIdSchema }),
  async ({ id, paymentId, ...input }, { actor }) => {
    await confirmPaymentReceipt(actor, id, paymentId, input);
    revalidate(agreementRoutes.list(), agreementRoutes.detail(id));
    return { id };
  },
);

export const rateAgreementAction = partyAction(
  "agreement:write",
  ratingInputSchema.extend({ id: agreementIdSchema }),
  async ({ id, ...input }, { actor }) => {
    await rateAgreement(actor, id, input);
    revalidate(agreementRoutes.list(), agreementRoutes.detail(id));
    return { id };
  },
);

/** Issue 13: ministry staff clear or confirm a flagged agreement (/statistik/kemitraan-ditandai). */
export const decideAgreementFlagAction = memberAction(
  "partnership:review",
  agreementFlagDecisionSchema.extend({ id: agreementIdSchema }),
  async ({ id, ...input }, { actor }) => {
    const f = await decideAgreementFlag(actor, id, input);
    revalidate(partnershipIndexRoutes.flaggedAgreements(), agreementRoutes.detail(f.agreement.id));
    return { id, status: f.status };
  },
);
