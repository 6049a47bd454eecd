// Financing bridge over /api/v1 on a real database: the supplying UMKM asks a partner bank on an active
// agreement; the buyer confirms; the bank sees only requests addressed to it, with only the shared fields,
// and approves or declines; both parties see the status. Other banks and outsiders get 404.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/helpers/db";
import { callRoute, jsonOf, type RouteHandlerFn } from "@/tests/helpers/api";
import { createAgreement, createBuyer, createOrganization, createUmkm } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { GET as agreementFinancing, POST as requestRoute } from "@/app/api/v1/agreements/[id]/financing/route";
import { GET as listRoute } from "@/app/api/v1/financing/route";
import { GET as getRoute } from "@/app/api/v1/financing/[id]/route";
import { POST as decisionRoute } from "@/app/api/v1/financing/[id]/decision/route";
import { POST as confirmRoute } from "@/app/api/v1/financing/[id]/confirm/route";
import { FinancingBankDetailSchema, FinancingBankPageSchema, FinancingPartySchema } from "@/lib/financing/responses";
import { ErrorResponseSchema } from "@/lib/api/openapi";

const t = useTestDatabase();

type Who = { id: string; token: string };
let buyer: Who, umkm: Who, bank: Who, otherBank: Who, outsider: Who;
let activeId: string, draftId: string;

async function who(kind: "buyer" | "umkm" | "bank") {
  const made =
    kind === "buyer"
      ? await createBuyer(t.db)
      : kind === "umkm"
        ? await createUmkm(t.db, { verificationStatus: "verified" })
        : await createOrganization(t.db, "bank");
  return { id: made.organization.id, token: (await createApiToken(made.owner.id, { name: "t" })).token };
}

const call = (h: unknown, token: string, params: Record<string, string>, body?: unknown) =>
  callRoute(h as RouteHandlerFn, body === undefined ? "GET" : "POST", "/api/v1/x", { token, params, body });

beforeAll(async () => {
  [buyer, umkm, bank, otherBank, outsider] = [
    await who("buyer"),
    await who("umkm"),
    await who("bank"),
    await who("bank"),
    await who("umkm"),
  ];
  activeId = (
    await createAgreement(t.db, buyer.id, umkm.id, { status: "active", valueIdr: 200_000_000n, terms: "Rahasia dagang: harga khusus" })
  ).id;
  draftId = (await createAgreement(t.db, buyer.id, umkm.id, { status: "draft" })).id;
});

describe("financing requests", () => {
  let requestId: string;

  it("refuses requests on a draft agreement, above the value, to a non-bank, and from the buyer or an outsider", async () => {
    expect((await call(requestRoute, umkm.token, { id: draftId }, { bankId: bank.id, type: "invoice", amountIdr: 1_000_000 })).status).toBe(
      409,
    );
    const above = await call(requestRoute, umkm.token, { id: activeId }, { bankId: bank.id, type: "invoice", amountIdr: 300_000_000 });
    expect(above.status).toBe(400);
    expect(ErrorResponseSchema.parse(await jsonOf(above)).error.fields?.amountIdr?.[0]).toMatch(/melebihi nilai perjanjian/);
    expect(
      (await call(requestRoute, umkm.token, { id: activeId }, { bankId: buyer.id, type: "invoice", amountIdr: 1_000_000 })).status,
    ).toBe(400);
    expect(
      (await call(requestRoute, buyer.token, { id: activeId }, { bankId: bank.id, type: "invoice", amountIdr: 1_000_000 })).status,
    ).toBe(403);
    expect(
      (await call(requestRoute, outsider.token, { id: activeId }, { bankId: bank.id, type: "invoice", amountIdr: 1_000_000 })).status,
    ).toBe(404);
    expect(await t.db.financingRequest.count()).toBe(0);
  });

  it("the UMKM asks; a second open request to the same bank is a conflict", async () => {
    const res = await call(requestRoute, umkm.token, { id: activeId }, { bankId: bank.id, type: "purchase_order", amountIdr: 150_000_000 });
    expect(res.status).toBe(201);
    const r = FinancingPartySchema.parse(await jsonOf(res));
    requestId = r.id;
    expect(r).toMatchObject({ status: "submitted", amountIdr: 150_000_000, bank: { id: bank.id }, buyerConfirmedAt: null });
    expect(
      (await call(requestRoute, umkm.token, { id: activeId }, { bankId: bank.id, type: "invoice", amountIdr: 1_000_000 })).status,
    ).toBe(409);
    expect(await t.db.notification.count({ where: { type: "financing.requested", organizationId: bank.id } })).toBeGreaterThan(0);
  });

  it("the buyer confirms; the bank sees only the shared fields; other banks and parties see nothing of the inbox", async () => {
    expect((await call(confirmRoute, buyer.token, { id: requestId }, {})).status).toBe(200);
    expect((await call(confirmRoute, buyer.token, { id: requestId }, {})).status).toBe(409);

    const seen = await jsonOf(await call(getRoute, bank.token, { id: requestId }));
    const view = FinancingBankDetailSchema.parse(seen); // strict: no extra fields
    expect(view).toMatchObject({
      buyerConfirmed: true,
      agreement: { valueIdr: 200_000_000, buyer: { id: buyer.id } },
      supplier: { id: umkm.id },
    });
    expect(view.agreement.schedule.length).toBeGreaterThan(0);
    expect(JSON.stringify(seen)).not.toContain("Rahasia dagang");

    const inbox = FinancingBankPageSchema.parse(await jsonOf(await call(listRoute, bank.token, {})));
    expect(inbox.data.map((x) => x.id)).toEqual([requestId]);
    const otherInbox = FinancingBankPageSchema.parse(await jsonOf(await call(listRoute, otherBank.token, {})));
    expect(otherInbox.data).toEqual([]);
    expect((await call(getRoute, otherBank.token, { id: requestId })).status).toBe(404);
    expect((await call(getRoute, umkm.token, { id: requestId })).status).toBe(403);
    expect((await call(decisionRoute, otherBank.token, { id: requestId }, { decision: "approved" })).status).toBe(404);
  });

  it("the bank declines only with a reason, approves once; both parties see the status", async () => {
    const noReason = await call(decisionRoute, bank.token, { id: requestId }, { decision: "declined" });
    expect(noReason.status).toBe(400);
    expect(ErrorResponseSchema.parse(await jsonOf(noReason)).error.fields?.note).toBeDefined();
    const ok = FinancingBankDetailSchema.parse(
      await jsonOf(await call(decisionRoute, bank.token, { id: requestId }, { decision: "approved", note: "Plafon disetujui" })),
    );
    expect(ok.status).toBe("approved");
    expect((await call(decisionRoute, bank.token, { id: requestId }, { decision: "declined", note: "Berubah pikiran" })).status).toBe(409);

    for (const party of [buyer, umkm]) {
      const list = (await jsonOf<{ data: unknown[] }>(await call(agreementFinancing, party.token, { id: activeId }))).data.map((x) =>
        FinancingPartySchema.parse(x),
      );
      expect(list).toEqual([expect.objectContaining({ id: requestId, status: "approved", decisionNote: "Plafon disetujui" })]);
    }
    const outsiders = await jsonOf<{ data: unknown[] }>(await call(agreementFinancing, outsider.token, { id: activeId }));
    expect(outsiders.data).toEqual([]);
  });
});
