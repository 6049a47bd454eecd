// Issue 11 item 8 (review): an unverified buyer cannot propose an agreement. An award creates one draft
// partnership agreement per winning quote and tells every quoting supplier ("award.won" with a link to the
// draft, "award.lost"): a buyer whose verification was returned after it published could still award, so an
// unverified organization still put agreements before suppliers. Awarding now needs a verified buyer (403
// verification_required, nothing written); verified again, the buyer awards as before.
import { beforeAll, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs } from "@/tests/helpers/act-as";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import { createBuyer, createQuote, createRfq as createRfqRow, createUmkm } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { POST as awardRoute } from "@/app/api/v1/rfqs/[id]/award/route";
import { awardRfqAction } from "@/lib/quotes/actions";

const t = useTestDatabase();
let buyer: Awaited<ReturnType<typeof createBuyer>>;
let tok: string;

beforeAll(async () => {
  buyer = await createBuyer(t.db, { name: "PT Pembeli Dikembalikan" });
  tok = (await createApiToken(buyer.owner.id, { name: "erp" })).token;
});

const written = async () => ({
  awards: await t.db.award.count(),
  agreements: await t.db.agreement.count(),
  notifications: await t.db.notification.count(),
  outbox: await t.db.emailOutbox.count(),
  quotes: await t.db.quote.findMany({ select: { id: true, status: true }, orderBy: { id: "asc" } }),
  rfqs: await t.db.rfq.findMany({ select: { id: true, status: true }, orderBy: { id: "asc" } }),
});

it("a buyer whose verification was returned cannot award (API and action): 403 verification_required, nothing written", async () => {
  const rfq = await createRfqRow(t.db, buyer.organization.id, { status: "closed", deadline: new Date(Date.now() - 60_000) });
  const supplier = await createUmkm(t.db, { name: "CV Pemenang", verificationStatus: "verified" });
  const q = await createQuote(t.db, rfq.id, supplier.organization.id, {});
  await t.db.organization.update({ where: { id: buyer.organization.id }, data: { verificationStatus: "returned", verifiedAt: null } });

  const before = await written();
  const res = await callRoute(awardRoute, "POST", "/x", { token: tok, params: { id: rfq.id }, body: { awards: [{ quoteId: q.id }] } });
  expect(res.status).toBe(403);
  expect(((await jsonOf(res)) as { error: { code: string } }).error.code).toBe("verification_required");
  await actAs(buyer.owner);
  const viaAction = await awardRfqAction({ rfqId: rfq.id, awards: [{ quoteId: q.id }] });
  expect(viaAction).toMatchObject({ ok: false, error: { code: "verification_required" } });
  expect(await written()).toEqual(before);

  await t.db.organization.update({
    where: { id: buyer.organization.id },
    data: { verificationStatus: "verified", verifiedAt: new Date() },
  });
  const ok = await callRoute(awardRoute, "POST", "/x", { token: tok, params: { id: rfq.id }, body: { awards: [{ quoteId: q.id }] } });
  expect(ok.status, await ok.clone().text()).toBe(201);
  expect(await t.db.agreement.count()).toBe(before.agreements + 1);
});
