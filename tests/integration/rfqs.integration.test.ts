// RFQs on a real database (both backends), through the HTTP API and the server actions: the buyer's
// lifecycle (draft → publish → extend → close / cancel) with audit entries, server-enforced deadlines,
// validation (400 with field errors, nothing written), cross-tenant 404s, the supplier board's visibility
// (public or invited; never who else was invited or who asked), clarifications and their notifications,
// attachments, and the buyer's history.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs } from "@/tests/helpers/act-as";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import { createBuyer, createQuote, createRfq as createRfqRow, createUmkm, placeholderPdf } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { RfqPageSchema, RfqSchema, ClarificationListSchema } from "@/lib/rfqs/responses";
import { ErrorResponseSchema } from "@/lib/api/openapi";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/rfqs/route";
import { GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/rfqs/[id]/route";
import { POST as publishRoute } from "@/app/api/v1/rfqs/[id]/publish/route";
import { POST as closeRoute } from "@/app/api/v1/rfqs/[id]/close/route";
import { POST as cancelRoute } from "@/app/api/v1/rfqs/[id]/cancel/route";
import { POST as extendRoute } from "@/app/api/v1/rfqs/[id]/extend/route";
import { GET as invitationsRoute, POST as inviteRoute } from "@/app/api/v1/rfqs/[id]/invitations/route";
import { GET as clarificationsRoute, POST as askRoute } from "@/app/api/v1/rfqs/[id]/clarifications/route";
import { POST as answerRoute } from "@/app/api/v1/rfqs/[id]/clarifications/[clarificationId]/answer/route";
import { POST as attachRoute } from "@/app/api/v1/rfqs/[id]/attachments/route";
import { GET as attachmentRoute } from "@/app/api/v1/rfqs/[id]/attachments/[attachmentId]/route";
import { createRfqAction, publishRfqAction } from "@/lib/rfqs/actions";
import { closeExpiredRfqs } from "@/lib/rfqs/deadlines";
import { listRfqHistory } from "@/lib/rfqs/history";
import { getRfqForActor } from "@/lib/rfqs/queries";

const t = useTestDatabase();

type Org = Awaited<ReturnType<typeof createBuyer>>;
let buyerA: Org;
let buyerB: Org;
let supplier1: Awaited<ReturnType<typeof createUmkm>>;
let supplier2: Awaited<ReturnType<typeof createUmkm>>;
let tokenA: string;
let tokenB: string;
let token1: string;
let token2: string;

const inDays = (d: number) => new Date(Date.now() + d * 24 * 3600 * 1000).toISOString();

const valid = () => ({
  title: "Pengadaan seragam batik karyawan 2027",
  description: "Dua tahap pengiriman.",
  kbli: "13134",
  deliveryRegencyCode: "31.74",
  deadline: inDays(10),
  items: [
    {
      name: "Kain batik cap motif korporat",
      specification: "Katun primisima 2,15 m",
      quantity: 1500,
      unit: "lembar",
      targetUnitPriceIdr: 150000,
    },
    { name: "Selendang batik tulis sutra", quantity: 300, unit: "lembar" },
  ],
  requiredCertifications: ["halal", "tkdn"],
  minTkdn: 25,
  visibility: "public",
  sealed: false,
});

const rfqCount = () => t.db.rfq.count();
const itemCount = () => t.db.rfqItem.count();

async function createViaApi(token: string, body: Record<string, unknown> = valid()) {
  const res = await callRoute(createRoute, "POST", "/api/v1/rfqs", { token, body });
  expect(res.status, await res.clone().text()).toBe(201);
  return RfqSchema.parse(await jsonOf(res));
}

beforeAll(async () => {
  buyerA = await createBuyer(t.db, { name: "PT Energi Contoh (Persero)" });
  buyerB = await createBuyer(t.db, { name: "PT Otomotif Lain" });
  supplier1 = await createUmkm(t.db, { name: "CV Batik Penanya Rahasia" });
  supplier2 = await createUmkm(t.db, { name: "UD Batik Pengamat" });
  tokenA = (await createApiToken(buyerA.owner.id, { name: "erp" })).token;
  tokenB = (await createApiToken(buyerB.owner.id, { name: "erp" })).token;
  token1 = (await createApiToken(supplier1.owner.id, { name: "t" })).token;
  token2 = (await createApiToken(supplier2.owner.id, { name: "t" })).token;
});

describe("creating and validating", () => {
  it("a buyer creates a draft with two line items; it is audited with data.rfqId", async () => {
    const rfq = await createViaApi(tokenA);
    expect(rfq).toMatchObject({
      status: "draft",
      buyer: { id: buyerA.organization.id, name: "PT Energi Contoh (Persero)" },
      kbli: "13134",
      deliveryRegency: { code: "31.74", province: { code: "31" } },
      requiredCertifications: ["halal", "tkdn"],
      minTkdn: 25,
      acceptingQuotes: false,
    });
    expect(rfq.items.map((i) => [i.position, i.name, i.quantity, i.targetUnitPriceIdr])).toEqual([
      [1, "Kain batik cap motif korporat", 1500, 150000],
      [2, "Selendang batik tulis sutra", 300, null],
    ]);
    const log = await t.db.auditLog.findFirstOrThrow({ where: { entityId: rfq.id, action: "rfq.created" } });
    expect(log).toMatchObject({
      organizationId: buyerA.organization.id,
      actorId: buyerA.owner.id,
      data: expect.objectContaining({ rfqId: rfq.id }),
    });
  });

  it.each([
    ["zero quantity", (b: ReturnType<typeof valid>) => (b.items[0].quantity = 0), "items.0.quantity", "more than zero"],
    ["negative quantity", (b: ReturnType<typeof valid>) => (b.items[1].quantity = -5), "items.1.quantity", "more than zero"],
    ["fractional quantity", (b: ReturnType<typeof valid>) => (b.items[0].quantity = 2.5), "items.0.quantity", "whole number"],
    ["deadline in the past", (b: ReturnType<typeof valid>) => (b.deadline = inDays(-1)), "deadline", "future"],
    ["empty items", (b: ReturnType<typeof valid>) => (b.items = []), "items", "at least one item"],
    [
      "fractional Rupiah",
      (b: ReturnType<typeof valid>) => ((b.items[0] as { targetUnitPriceIdr?: number }).targetUnitPriceIdr = 1500.5),
      "items.0.targetUnitPriceIdr",
      "",
    ],
    ["unknown KBLI", (b: ReturnType<typeof valid>) => (b.kbli = "99999"), "kbli", "KBLI"],
    ["unknown regency", (b: ReturnType<typeof valid>) => (b.deliveryRegencyCode = "99.99"), "deliveryRegencyCode", ""],
  ])("%s → 400 with a field error; nothing written", async (_name, mutate, field, words) => {
    const before = [await rfqCount(), await itemCount(), await t.db.auditLog.count()];
    const body = valid();
    mutate(body);
    const res = await callRoute(createRoute, "POST", "/api/v1/rfqs", { token: tokenA, body, headers: { "accept-language": "en" } });
    expect(res.status).toBe(400);
    const json = ErrorResponseSchema.parse(await jsonOf(res));
    expect(json.error.code).toBe("invalid_input");
    expect(Object.keys(json.error.fields ?? {})).toContain(field);
    if (words) expect(json.error.fields![field].join(" ")).toContain(words);
    expect([await rfqCount(), await itemCount(), await t.db.auditLog.count()]).toEqual(before);
  });

  it("the /rfq/baru form action reads nested form fields and reports item errors per field", async () => {
    await actAs(buyerA.owner);
    const fd = new FormData();
    const fields: Record<string, string> = {
      title: "Pengadaan kemasan karton",
      kbli: "17022",
      deliveryRegencyCode: "35.14",
      deadline: inDays(5).slice(0, 16).replace("Z", ""),
      "items.0.name": "Karton box",
      "items.0.quantity": "0",
      "items.0.unit": "pcs",
      "items.0.targetUnitPriceIdr": "4.200",
      "items.1.name": "Pouch",
      "items.1.quantity": "1.000",
      "items.1.unit": "pcs",
      "items.1.targetUnitPriceIdr": "1,5",
      visibility: "public",
    };
    for (const [k, v] of Object.entries(fields)) fd.append(k, v);
    const before = await rfqCount();
    const bad = await createRfqAction(undefined, fd);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(Object.keys(bad.error.fields ?? {}).sort()).toEqual(["items.0.quantity", "items.1.targetUnitPriceIdr"]);
    expect(await rfqCount()).toBe(before);

    fd.set("items.0.quantity", "20.000");
    fd.set("items.1.targetUnitPriceIdr", "1.150");
    fd.append("requiredCertifications[]", "halal");
    fd.set("sealed", "on");
    const good = await createRfqAction(undefined, fd);
    expect(good.ok).toBe(true);
    if (!good.ok) return;
    const row = await t.db.rfq.findUniqueOrThrow({ where: { id: good.data.id }, include: { items: { orderBy: { position: "asc" } } } });
    expect(row).toMatchObject({ status: "draft", sealed: true, requiredCertifications: ["halal"], buyerId: buyerA.organization.id });
    expect(row.items.map((i) => [i.quantity, i.targetUnitPriceIdr])).toEqual([
      [20000, 4200n],
      [1000, 1150n],
    ]);
  });
});

describe("cross-tenant and state rules", () => {
  it("buyer B gets 404 for buyer A's draft on every endpoint, and nothing changes", async () => {
    const rfq = await createViaApi(tokenA);
    const before = await t.db.rfq.findUniqueOrThrow({ where: { id: rfq.id } });
    const p = { id: rfq.id };
    const calls = [
      callRoute(getRoute, "GET", `/api/v1/rfqs/${rfq.id}`, { token: tokenB, params: p }),
      callRoute(patchRoute, "PATCH", `/api/v1/rfqs/${rfq.id}`, { token: tokenB, params: p, body: { title: "Diambil alih pembeli lain" } }),
      callRoute(publishRoute, "POST", `/api/v1/rfqs/${rfq.id}/publish`, { token: tokenB, params: p }),
      callRoute(cancelRoute, "POST", `/api/v1/rfqs/${rfq.id}/cancel`, { token: tokenB, params: p, body: { reason: "Bukan milik kami" } }),
      callRoute(inviteRoute, "POST", `/api/v1/rfqs/${rfq.id}/invitations`, {
        token: tokenB,
        params: p,
        body: { supplierIds: [supplier1.organization.id] },
      }),
      callRoute(invitationsRoute, "GET", `/api/v1/rfqs/${rfq.id}/invitations`, { token: tokenB, params: p }),
      // a supplier cannot see a draft either
      callRoute(getRoute, "GET", `/api/v1/rfqs/${rfq.id}`, { token: token1, params: p }),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.status).toBe(404);
      expect((await jsonOf<{ error: { code: string } }>(res)).error.code).toBe("not_found");
    }
    expect(await t.db.rfq.findUniqueOrThrow({ where: { id: rfq.id } })).toEqual(before);
    expect(await t.db.rfqInvitation.count({ where: { rfqId: rfq.id } })).toBe(0);
    const listB = RfqPageSchema.parse(await jsonOf(await callRoute(listRoute, "GET", "/api/v1/rfqs", { token: tokenB })));
    expect(listB.data.map((r) => r.id)).not.toContain(rfq.id);
  });

  it("publishing with a past deadline → 400; a draft edit works; a published RFQ only takes a later deadline", async () => {
    const rfq = await createViaApi(tokenA);
    const p = { id: rfq.id };
    await t.db.rfq.update({ where: { id: rfq.id }, data: { deadline: new Date(Date.now() - 60_000) } });
    const late = await callRoute(publishRoute, "POST", `/api/v1/rfqs/${rfq.id}/publish`, { token: tokenA, params: p });
    expect(late.status).toBe(400);
    expect(Object.keys((await jsonOf<{ error: { fields: object } }>(late)).error.fields)).toEqual(["deadline"]);
    expect((await t.db.rfq.findUniqueOrThrow({ where: { id: rfq.id } })).status).toBe("draft");

    const patched = await callRoute(patchRoute, "PATCH", `/api/v1/rfqs/${rfq.id}`, {
      token: tokenA,
      params: p,
      body: { deadline: inDays(7), items: [{ name: "Kain batik tulis", quantity: 10, unit: "lembar" }] },
    });
    expect(patched.status).toBe(200);
    expect(RfqSchema.parse(await jsonOf(patched)).items.map((i) => i.name)).toEqual(["Kain batik tulis"]);

    const published = await callRoute(publishRoute, "POST", `/api/v1/rfqs/${rfq.id}/publish`, { token: tokenA, params: p });
    expect(published.status).toBe(200);
    const open = RfqSchema.parse(await jsonOf(published));
    expect(open).toMatchObject({ status: "open", acceptingQuotes: true });

    const again = await callRoute(publishRoute, "POST", `/api/v1/rfqs/${rfq.id}/publish`, { token: tokenA, params: p });
    expect(again.status).toBe(409);
    const titleEdit = await callRoute(patchRoute, "PATCH", `/api/v1/rfqs/${rfq.id}`, {
      token: tokenA,
      params: p,
      body: { title: "Judul baru setelah terbit" },
    });
    expect(titleEdit.status).toBe(409);
    const earlier = await callRoute(extendRoute, "POST", `/api/v1/rfqs/${rfq.id}/extend`, {
      token: tokenA,
      params: p,
      body: { deadline: inDays(3) },
    });
    expect(earlier.status).toBe(400);
    const later = await callRoute(patchRoute, "PATCH", `/api/v1/rfqs/${rfq.id}`, {
      token: tokenA,
      params: p,
      body: { deadline: inDays(12) },
    });
    expect(later.status).toBe(200);
    expect(new Date(RfqSchema.parse(await jsonOf(later)).deadline).getTime()).toBeGreaterThan(new Date(open.deadline).getTime());

    const closed = await callRoute(closeRoute, "POST", `/api/v1/rfqs/${rfq.id}/close`, { token: tokenA, params: p });
    expect(RfqSchema.parse(await jsonOf(closed))).toMatchObject({ status: "closed", acceptingQuotes: false });
    const noReason = await callRoute(cancelRoute, "POST", `/api/v1/rfqs/${rfq.id}/cancel`, {
      token: tokenA,
      params: p,
      body: { reason: "" },
    });
    expect(noReason.status).toBe(400);
    const cancelled = await callRoute(cancelRoute, "POST", `/api/v1/rfqs/${rfq.id}/cancel`, {
      token: tokenA,
      params: p,
      body: { reason: "Anggaran dialihkan" },
    });
    expect(RfqSchema.parse(await jsonOf(cancelled))).toMatchObject({ status: "cancelled", cancelReason: "Anggaran dialihkan" });

    const history = await listRfqHistory(await actAs(buyerA.owner), rfq.id);
    expect(history.map((h) => h.action).reverse()).toEqual([
      "rfq.created",
      "rfq.updated",
      "rfq.published",
      "rfq.extended",
      "rfq.closed",
      "rfq.cancelled",
    ]);
    expect(history.every((h) => h.data.rfqId === rfq.id)).toBe(true);
  });

  it("an open RFQ past its deadline is closed by the server (once, audited) and takes no clarification", async () => {
    const row = await createRfqRow(t.db, buyerA.organization.id, { deadline: new Date(Date.now() - 1000) });
    const res = await callRoute(askRoute, "POST", `/api/v1/rfqs/${row.id}/clarifications`, {
      token: token1,
      params: { id: row.id },
      body: { question: "Apakah masih bisa menawar?" },
    });
    expect(res.status).toBe(409);
    expect((await t.db.rfq.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("closed");
    expect(await closeExpiredRfqs()).toBe(0);
    expect(await t.db.auditLog.count({ where: { entityId: row.id, action: "rfq.closed" } })).toBe(1);
    expect(await t.db.clarification.count({ where: { rfqId: row.id } })).toBe(0);
    // its quotes are open now: the deadline cannot be extended (issue 11: a new round is a new RFQ)
    const ext = await callRoute(extendRoute, "POST", `/api/v1/rfqs/${row.id}/extend`, {
      token: tokenA,
      params: { id: row.id },
      body: { deadline: inDays(2) },
    });
    expect(ext.status).toBe(409);
    expect((await t.db.rfq.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("closed");
  });
});

describe("the supplier board", () => {
  it("suppliers see public open RFQs and the invite-only ones they are invited to — never other invitees", async () => {
    const pub = await createViaApi(tokenA, { ...valid(), title: "RFQ publik kemasan karton", kbli: "17022", deliveryRegencyCode: "35.14" });
    await callRoute(publishRoute, "POST", "/x", { token: tokenA, params: { id: pub.id } });
    const inv = await createViaApi(tokenA, { ...valid(), title: "RFQ undangan fabrikasi flange", visibility: "invited" });
    const noInvitees = await callRoute(publishRoute, "POST", "/x", { token: tokenA, params: { id: inv.id } });
    expect(noInvitees.status).toBe(400);
    const invited = await callRoute(inviteRoute, "POST", "/x", {
      token: tokenA,
      params: { id: inv.id },
      body: { supplierIds: [supplier1.organization.id, "no-such-org"] },
    });
    expect(invited.status).toBe(400);
    await callRoute(inviteRoute, "POST", "/x", {
      token: tokenA,
      params: { id: inv.id },
      body: { supplierIds: [supplier1.organization.id] },
    });
    // draft: not yet
    expect(await t.db.notification.count({ where: { organizationId: supplier1.organization.id, type: "rfq.invited" } })).toBe(0);
    expect((await callRoute(publishRoute, "POST", "/x", { token: tokenA, params: { id: inv.id } })).status).toBe(200);
    expect(await t.db.notification.count({ where: { organizationId: supplier1.organization.id, type: "rfq.invited" } })).toBe(1);
    // inviting another one to the open RFQ notifies it at once
    await callRoute(inviteRoute, "POST", "/x", {
      token: tokenA,
      params: { id: inv.id },
      body: { supplierIds: [supplier2.organization.id] },
    });
    expect(await t.db.notification.count({ where: { organizationId: supplier2.organization.id, type: "rfq.invited" } })).toBe(1);
    // supplier2's invitation is withdrawn from view: a third supplier not invited
    const outsider = await createUmkm(t.db, { name: "UD Tidak Diundang" });
    const tokenOut = (await createApiToken(outsider.owner.id, { name: "t" })).token;

    const list1 = RfqPageSchema.parse(
      await jsonOf(await callRoute(listRoute, "GET", "/api/v1/rfqs", { token: token1, query: { limit: "100" } })),
    );
    expect(list1.data.map((r) => r.id)).toEqual(expect.arrayContaining([pub.id, inv.id]));
    expect(list1.data.find((r) => r.id === inv.id)?.invited).toBe(true);
    const listOut = RfqPageSchema.parse(
      await jsonOf(await callRoute(listRoute, "GET", "/api/v1/rfqs", { token: tokenOut, query: { limit: "100" } })),
    );
    expect(listOut.data.map((r) => r.id)).toContain(pub.id);
    expect(listOut.data.map((r) => r.id)).not.toContain(inv.id);
    expect((await callRoute(getRoute, "GET", "/x", { token: tokenOut, params: { id: inv.id } })).status).toBe(404);

    // supplier1's view of the invite-only RFQ names neither supplier2 nor how many were invited
    const detail = await callRoute(getRoute, "GET", "/x", { token: token1, params: { id: inv.id } });
    const text = await detail.text();
    expect(RfqSchema.parse(JSON.parse(text))).toMatchObject({ invited: true });
    expect(text).not.toContain(supplier2.organization.id);
    expect(text).not.toContain("UD Batik Pengamat");
    expect(JSON.parse(text)).not.toHaveProperty("invitationCount");
    expect((await callRoute(invitationsRoute, "GET", "/x", { token: token1, params: { id: inv.id } })).status).toBe(403);
    const buyerView = await jsonOf<{ data: { supplier: { id: string } }[] }>(
      await callRoute(invitationsRoute, "GET", "/x", { token: tokenA, params: { id: inv.id } }),
    );
    expect(buyerView.data.map((i) => i.supplier.id).sort()).toEqual([supplier1.organization.id, supplier2.organization.id].sort());

    // filters
    const byKbli = RfqPageSchema.parse(
      await jsonOf(await callRoute(listRoute, "GET", "/x", { token: token1, query: { kbli: "170", limit: "100" } })),
    );
    expect(byKbli.data.map((r) => r.id)).toEqual([pub.id]);
    const byProvince = RfqPageSchema.parse(
      await jsonOf(await callRoute(listRoute, "GET", "/x", { token: token1, query: { province: "35", limit: "100" } })),
    );
    expect(byProvince.data.map((r) => r.id)).toEqual([pub.id]);
    const byQ = RfqPageSchema.parse(
      await jsonOf(await callRoute(listRoute, "GET", "/x", { token: token1, query: { q: "flange", limit: "100" } })),
    );
    expect(byQ.data.map((r) => r.id)).toEqual([inv.id]);
    const soon = RfqPageSchema.parse(
      await jsonOf(
        await callRoute(listRoute, "GET", "/x", { token: token1, query: { deadlineBefore: inDays(3).slice(0, 10), limit: "100" } }),
      ),
    );
    expect(soon.data.every((r) => new Date(r.deadline).getTime() < Date.now() + 4 * 86400_000)).toBe(true);
    expect(soon.data.map((r) => r.id)).not.toContain(pub.id);
    const badFilter = await callRoute(listRoute, "GET", "/x", { token: token1, query: { province: "jawa" } });
    expect(badFilter.status).toBe(400);
  });

  it("clarifications: the asker stays anonymous to other suppliers; the answer reaches everyone and notifies asker and quoters", async () => {
    const rfq = await createViaApi(tokenA, { ...valid(), title: "RFQ dengan klarifikasi" });
    await callRoute(publishRoute, "POST", "/x", { token: tokenA, params: { id: rfq.id } });
    const p = { id: rfq.id };
    const tooShort = await callRoute(askRoute, "POST", "/x", { token: token1, params: p, body: { question: "?" } });
    expect(tooShort.status).toBe(400);
    const asked = await callRoute(askRoute, "POST", "/x", {
      token: token1,
      params: p,
      body: { question: "Apakah boleh memakai katun lokal setara primisima?" },
    });
    expect(asked.status).toBe(201);
    const q = await jsonOf<{ id: string }>(asked);
    // buyers cannot ask
    expect(
      (await callRoute(askRoute, "POST", "/x", { token: tokenA, params: p, body: { question: "Pertanyaan dari pembeli?" } })).status,
    ).toBe(403);

    // unanswered: supplier2 does not see it yet; the buyer sees who asked
    const before2 = ClarificationListSchema.parse(
      await jsonOf(await callRoute(clarificationsRoute, "GET", "/x", { token: token2, params: p })),
    );
    expect(before2.data).toEqual([]);
    const buyerList = ClarificationListSchema.parse(
      await jsonOf(await callRoute(clarificationsRoute, "GET", "/x", { token: tokenA, params: p })),
    );
    expect(buyerList.data[0].askedBy).toEqual({ id: supplier1.organization.id, name: "CV Batik Penanya Rahasia" });

    await createQuote(t.db, rfq.id, supplier2.organization.id, {});
    const answered = await callRoute(answerRoute, "POST", "/x", {
      token: tokenA,
      params: { id: rfq.id, clarificationId: q.id },
      body: { answer: "Boleh, asal gramasi setara dan lolos uji luntur." },
    });
    expect(answered.status).toBe(200);
    const wrongBuyer = await callRoute(answerRoute, "POST", "/x", {
      token: tokenB,
      params: { id: rfq.id, clarificationId: q.id },
      body: { answer: "Jawaban dari pembeli lain" },
    });
    expect(wrongBuyer.status).toBe(404);

    const res2 = await callRoute(clarificationsRoute, "GET", "/x", { token: token2, params: p });
    const text2 = await res2.text();
    const after2 = ClarificationListSchema.parse(JSON.parse(text2));
    expect(after2.data).toEqual([
      expect.objectContaining({
        question: expect.stringContaining("katun lokal"),
        answer: expect.stringContaining("lolos uji luntur"),
        askedByYou: false,
      }),
    ]);
    expect(text2).not.toContain(supplier1.organization.id);
    expect(text2).not.toContain("Penanya");
    const mine = ClarificationListSchema.parse(
      await jsonOf(await callRoute(clarificationsRoute, "GET", "/x", { token: token1, params: p })),
    );
    expect(mine.data[0].askedByYou).toBe(true);

    const notified = await t.db.notification.findMany({ where: { type: "rfq.clarification_answered" }, select: { organizationId: true } });
    expect(notified.map((n) => n.organizationId).sort()).toEqual([supplier1.organization.id, supplier2.organization.id].sort());

    const history = await listRfqHistory(await actAs(buyerA.owner), rfq.id);
    expect(history.map((h) => h.action)).toEqual(expect.arrayContaining(["clarification.asked", "clarification.answered"]));
  });

  it("attachments: the buyer uploads a PDF (content-checked); a supplier who can see the RFQ downloads it, another buyer cannot", async () => {
    const rfq = await createViaApi(tokenA, { ...valid(), title: "RFQ dengan gambar kerja" });
    const upload = (bytes: Uint8Array, name: string) => {
      const fd = new FormData();
      fd.append("file", new File([Buffer.from(bytes)], name, { type: "application/pdf" }));
      const req = new Request(`http://rantai.test/api/v1/rfqs/${rfq.id}/attachments`, {
        method: "POST",
        headers: { authorization: `Bearer ${tokenA}` },
        body: fd,
      });
      return attachRoute(req, { params: Promise.resolve({ id: rfq.id }) });
    };
    const fake = await upload(new TextEncoder().encode("not a pdf at all"), "gambar.pdf");
    expect(fake.status).toBe(400);
    const ok = await upload(placeholderPdf("Gambar kerja"), "gambar kerja.pdf");
    expect(ok.status).toBe(201);
    const att = await jsonOf<{ id: string; url: string }>(ok);
    await callRoute(publishRoute, "POST", "/x", { token: tokenA, params: { id: rfq.id } });
    const dl = await callRoute(attachmentRoute, "GET", att.url, { token: token1, params: { id: rfq.id, attachmentId: att.id } });
    expect(dl.status).toBe(200);
    expect(dl.headers.get("content-type")).toBe("application/pdf");
    const other = await callRoute(attachmentRoute, "GET", att.url, { token: tokenB, params: { id: rfq.id, attachmentId: att.id } });
    expect(other.status).toBe(404);
  });

  it("getRfqForActor gives a supplier the shape the quote and matching pages use", async () => {
    const row = await createRfqRow(t.db, buyerA.organization.id, {
      visibility: "invited",
      invitedSupplierIds: [supplier1.organization.id, supplier2.organization.id],
      minTkdn: "40.00",
    });
    const view = await getRfqForActor(await actAs(supplier1.owner), row.id);
    expect(view).toMatchObject({ id: row.id, invited: true, minTkdn: 40, buyer: { id: buyerA.organization.id }, acceptingQuotes: true });
    expect(view).not.toHaveProperty("invitationCount");
    expect(JSON.stringify(view, (_k, v) => (typeof v === "bigint" ? v.toString() : v))).not.toContain(supplier2.organization.id);
    await expect(getRfqForActor(await actAs(buyerB.owner), row.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("the publish action is refused to a supplier (403) and to another buyer (404)", async () => {
    const rfq = await createViaApi(tokenA);
    await actAs(supplier1.owner);
    expect(await publishRfqAction({ id: rfq.id })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    await actAs(buyerB.owner);
    expect(await publishRfqAction({ id: rfq.id })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect((await t.db.rfq.findUniqueOrThrow({ where: { id: rfq.id } })).status).toBe("draft");
  });
});
