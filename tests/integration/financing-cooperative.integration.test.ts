// A cooperative asks for financing on agreements it holds, exactly like an UMKM (issue 13): as lead supplier or
// consortium member of an active agreement it requests (API and form action), lists its own requests, and
// withdraws them, under the same caps; the bank's view names it as a cooperative. A cooperative that is not a
// party gets 404 and nothing is written; it cannot withdraw another party's request.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()) };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs } from "@/tests/helpers/act-as";
import { callRoute, jsonOf, type RouteHandlerFn } from "@/tests/helpers/api";
import { installWriteLog, type WriteLog } from "@/tests/helpers/write-log";
import { createAgreement, createBuyer, createCooperative, createOrganization, createUmkm } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { POST as requestRoute } from "@/app/api/v1/agreements/[id]/financing/route";
import { GET as listRoute } from "@/app/api/v1/financing/route";
import { GET as getRoute } from "@/app/api/v1/financing/[id]/route";
import { POST as withdrawRoute } from "@/app/api/v1/financing/[id]/withdraw/route";
import { requestFinancingAction, withdrawFinancingAction } from "@/lib/financing/actions";
import { financingPageView } from "@/lib/financing/access";
import { FinancingBankDetailSchema, FinancingPartyPageSchema, FinancingPartySchema } from "@/lib/financing/responses";
import { ErrorResponseSchema } from "@/lib/api/openapi";

const t = useTestDatabase();

type Coop = Awaited<ReturnType<typeof createCooperative>> & { token: string };
let lead: Coop, member: Coop, outsider: Coop;
let bankId: string, bankToken: string;
let agreementId: string, consortiumAgreementId: string;
let log: WriteLog;

const call = (h: unknown, token: string, params: Record<string, string>, body?: unknown) =>
  callRoute(h as RouteHandlerFn, body === undefined ? "GET" : "POST", "/api/v1/x", { token, params, body });

/** Rows written since the mark, but the caller's own token's lastUsedAt (the one write a refused call may do). */
async function writtenSince(mark: number) {
  return (await log.since(mark)).filter((r) => !(r.table === "ApiToken" && r.op === "UPDATE"));
}

async function coop(name: string): Promise<Coop> {
  const c = await createCooperative(t.db, { name, members: 0 });
  return { ...c, token: (await createApiToken(c.owner.id, { name: "coop" })).token };
}

beforeAll(async () => {
  const buyer = (await createBuyer(t.db)).organization;
  const bank = await createOrganization(t.db, "bank");
  bankId = bank.organization.id;
  bankToken = (await createApiToken(bank.owner.id, { name: "bank" })).token;
  lead = await coop("Koperasi Pemimpin");
  member = await coop("Koperasi Anggota Konsorsium");
  outsider = await coop("Koperasi Luar");
  agreementId = (await createAgreement(t.db, buyer.id, lead.organization.id, { valueIdr: 100_000_000n })).id;
  // a consortium agreement led by an UMKM, the cooperative a member
  const umkm = (await createUmkm(t.db)).organization;
  const c = await createAgreement(t.db, buyer.id, umkm.id, { valueIdr: 50_000_000n });
  await t.db.agreementParty.create({ data: { agreementId: c.id, organizationId: member.organization.id, role: "consortium_member" } });
  consortiumAgreementId = c.id;
  log = await installWriteLog(t.sql);
});

describe("a cooperative that holds an agreement", () => {
  let viaApi: string, viaAction: string;

  it("sees its own list on /pembiayaan", async () => {
    expect(financingPageView(await actAs(lead.owner))).toBe("supplier");
  });

  it("asks a bank through the API; the bank sees it as a cooperative", async () => {
    const res = await call(requestRoute, lead.token, { id: agreementId }, { bankId, type: "purchase_order", amountIdr: 60_000_000 });
    expect(res.status).toBe(201);
    const r = FinancingPartySchema.parse(await jsonOf(res));
    viaApi = r.id;
    expect(r).toMatchObject({ status: "submitted", supplier: { id: lead.organization.id }, bank: { id: bankId } });
    const seen = FinancingBankDetailSchema.parse(await jsonOf(await call(getRoute, bankToken, { id: viaApi })));
    expect(seen.supplier).toMatchObject({ id: lead.organization.id, type: "cooperative", sizeClass: null, sizeHistory: [] });
  });

  it("is held to the same caps: above the agreement's open financing → 400, nothing written", async () => {
    const mark = await log.mark();
    const res = await call(requestRoute, lead.token, { id: agreementId }, { bankId, type: "invoice", amountIdr: 50_000_000 });
    expect(res.status).toBe(400);
    expect(ErrorResponseSchema.parse(await jsonOf(res)).error.fields?.amountIdr).toBeDefined();
    expect(await writtenSince(mark)).toEqual([]);
  });

  it("withdraws through the API, then asks again through the form action and withdraws that too", async () => {
    const w = await call(withdrawRoute, lead.token, { id: viaApi }, {});
    expect(w.status).toBe(200);
    expect(FinancingPartySchema.parse(await jsonOf(w)).status).toBe("withdrawn");

    await actAs(lead.owner);
    const asked = await requestFinancingAction({ agreementId, bankId, type: "invoice", amountIdr: "40000000" });
    expect(asked).toMatchObject({ ok: true });
    viaAction = asked.ok ? asked.data.id : "";
    const row = await t.db.financingRequest.findUniqueOrThrow({ where: { id: viaAction } });
    expect(row).toMatchObject({ supplierId: lead.organization.id, bankId, amountIdr: 40_000_000n, status: "submitted" });
    expect(await withdrawFinancingAction({ id: viaAction })).toMatchObject({ ok: true });
    expect((await t.db.financingRequest.findUniqueOrThrow({ where: { id: viaAction } })).status).toBe("withdrawn");
  });

  it("lists its own requests (GET /api/v1/financing), newest first", async () => {
    const page = FinancingPartyPageSchema.parse(await jsonOf(await call(listRoute, lead.token, {})));
    expect(page.data.map((r) => [r.id, r.status])).toEqual([
      [viaAction, "withdrawn"],
      [viaApi, "withdrawn"],
    ]);
  });
});

describe("a cooperative in a consortium", () => {
  let requestId: string;

  it("asks as a consortium member; the lead cooperative of another agreement does not see it", async () => {
    const res = await call(requestRoute, member.token, { id: consortiumAgreementId }, { bankId, type: "invoice", amountIdr: 20_000_000 });
    expect(res.status).toBe(201);
    requestId = FinancingPartySchema.parse(await jsonOf(res)).id;
    const own = FinancingPartyPageSchema.parse(await jsonOf(await call(listRoute, member.token, {})));
    expect(own.data.map((r) => r.id)).toEqual([requestId]);
    const other = FinancingPartyPageSchema.parse(await jsonOf(await call(listRoute, lead.token, {})));
    expect(other.data.map((r) => r.id)).not.toContain(requestId);
  });

  it("cannot be withdrawn by another cooperative (404, nothing written)", async () => {
    const mark = await log.mark();
    expect((await call(withdrawRoute, lead.token, { id: requestId }, {})).status).toBe(404);
    await actAs(outsider.owner);
    expect(await withdrawFinancingAction({ id: requestId })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await writtenSince(mark)).toEqual([]);
  });
});

describe("a cooperative that is not a party", () => {
  it("gets 404 from the API and the action, and nothing is written", async () => {
    const mark = await log.mark();
    const res = await call(requestRoute, outsider.token, { id: agreementId }, { bankId, type: "invoice", amountIdr: 1_000_000 });
    expect(res.status).toBe(404);
    await actAs(outsider.owner);
    const r = await requestFinancingAction({ agreementId, bankId, type: "invoice", amountIdr: "1000000" });
    expect(r).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await writtenSince(mark)).toEqual([]);
    const own = FinancingPartyPageSchema.parse(await jsonOf(await call(listRoute, outsider.token, {})));
    expect(own.data).toEqual([]);
  });
});
