// Awarding on a real database (both backends), through POST /api/v1/rfqs/{id}/award: a split award creates
// one draft agreement per winner (value, milestones, terms mentioning PPN), sets quote and RFQ statuses,
// notifies winners and the others; an RFQ is awarded once — also when two officers click at the same moment
// (Promise.all: one 201, one 409); sealed RFQs cannot be awarded before the deadline; bad input is a 400
// that changes nothing; another buyer organization gets 404.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});

import { actAs } from "@/tests/helpers/act-as";
import { awardRfqAction, saveQuoteAction, withdrawQuoteAction } from "@/lib/quotes/actions";
import { todayIn } from "@/lib/i18n/zoned-time";
import { useTestDatabase } from "@/tests/helpers/db";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import { createBuyer, createQuote, createRfq, createUmkm, createUser } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { POST as awardRoute } from "@/app/api/v1/rfqs/[id]/award/route";
import { AwardResultSchema } from "@/lib/quotes/responses";

const t = useTestDatabase();

type Org = Awaited<ReturnType<typeof createUmkm>>;
let umkmA: Org;
let umkmB: Org;
let umkmC: Org;
let buyerA: Awaited<ReturnType<typeof createBuyer>>;
let buyerB: Awaited<ReturnType<typeof createBuyer>>;
const tok: Record<string, string> = {};

beforeAll(async () => {
  umkmA = await createUmkm(t.db, { name: "CV Batik Pemenang Satu" });
  umkmB = await createUmkm(t.db, { name: "UD Pemenang Dua" });
  umkmC = await createUmkm(t.db, { name: "UD Belum Terpilih" });
  buyerA = await createBuyer(t.db, { name: "PT Energi Uji" });
  buyerB = await createBuyer(t.db, { name: "PT Lain Uji" });
  for (const [k, o] of Object.entries({ buyerA, buyerB })) tok[k] = (await createApiToken(o.owner.id, { name: "erp" })).token;
  // a second officer of buyer A (admin: may award) and a plain member (may not)
  const second = await createUser(t.db);
  await t.db.membership.create({ data: { userId: second.id, organizationId: buyerA.organization.id, role: "admin" } });
  tok.buyerA2 = (await createApiToken(second.id, { name: "erp" })).token;
  const member = await createUser(t.db);
  await t.db.membership.create({ data: { userId: member.id, organizationId: buyerA.organization.id, role: "member" } });
  tok.buyerMember = (await createApiToken(member.id, { name: "erp" })).token;
});

const lines = [
  { name: "Kain batik cap", quantity: 100, unit: "lembar", targetUnitPriceIdr: 150_000n },
  { name: "Baut baja M10", quantity: 2000, unit: "pcs", targetUnitPriceIdr: 2_500n },
];

const award = (rfqId: string, token: string, body: unknown) =>
  callRoute(awardRoute, "POST", `/api/v1/rfqs/${rfqId}/award`, { token, body, params: { id: rfqId } });

async function rfqWithQuotes(opts: { sealed?: boolean } = {}) {
  const rfq = await createRfq(t.db, buyerA.organization.id, { items: lines, sealed: opts.sealed });
  const [l1, l2] = rfq.items;
  const qa = await createQuote(t.db, rfq.id, umkmA.organization.id, {
    unitPrices: { [l1.id]: 140_000n, [l2.id]: 3_000n },
    leadTimeDays: 14,
    includesVat: true,
    offeredTkdn: 60,
  });
  const qb = await createQuote(t.db, rfq.id, umkmB.organization.id, {
    unitPrices: { [l1.id]: 160_000n, [l2.id]: 2_400n },
    leadTimeDays: 30,
    includesVat: false,
  });
  const qc = await createQuote(t.db, rfq.id, umkmC.organization.id, {
    unitPrices: { [l1.id]: 170_000n, [l2.id]: 2_900n },
    leadTimeDays: 7,
  });
  return { rfq, l1, l2, qa, qb, qc };
}

describe("split award", () => {
  it("creates one draft agreement per winner, sets statuses, notifies winners and the others, audits", async () => {
    const { rfq, l1, l2, qa, qb, qc } = await rfqWithQuotes();
    const res = await award(rfq.id, tok.buyerA, {
      awards: [
        { quoteId: qa.id, rfqItemIds: [l1.id] },
        { quoteId: qb.id, rfqItemIds: [l2.id] },
      ],
    });
    expect(res.status).toBe(201);
    const out = AwardResultSchema.parse(await jsonOf(res));
    expect(out.agreements).toHaveLength(2);
    const [agA, agB] = [out.agreements.find((a) => a.quoteId === qa.id)!, out.agreements.find((a) => a.quoteId === qb.id)!];
    expect(agA).toMatchObject({
      status: "draft",
      scheme: "rantai_pasok",
      valueIdr: 100 * 140_000,
      rfqItemIds: [l1.id],
      supplier: { id: umkmA.organization.id },
    });
    expect(agB).toMatchObject({ valueIdr: 2000 * 2_400, rfqItemIds: [l2.id] });
    expect(agA.number).toMatch(/^RNT-\d{4}-\d{6}$/);

    const stored = await t.db.agreement.findUniqueOrThrow({
      where: { id: agA.id },
      include: { milestones: true, parties: true },
    });
    expect(stored).toMatchObject({
      status: "draft",
      scheme: "rantai_pasok",
      buyerId: buyerA.organization.id,
      supplierId: umkmA.organization.id,
      rfqId: rfq.id,
      valueIdr: 14_000_000n,
    });
    expect(stored.terms).toContain("sudah termasuk Pajak Pertambahan Nilai (PPN)");
    expect(stored.milestones).toHaveLength(1);
    // The draft starts "today" on the buyer's clock (WIB here), which is tomorrow in UTC after 17.00 UTC.
    const today = new Date(`${todayIn("Asia/Jakarta")}T00:00:00Z`);
    expect(stored.milestones[0]).toMatchObject({ title: "Kain batik cap", quantity: 100, amountIdr: 14_000_000n, paymentTermDays: 30 });
    expect(stored.milestones[0].dueDate.toISOString().slice(0, 10)).toBe(
      new Date(today.getTime() + 14 * 86_400_000).toISOString().slice(0, 10),
    );
    expect((await t.db.agreement.findUniqueOrThrow({ where: { id: agB.id } })).terms).toContain(
      "belum termasuk Pajak Pertambahan Nilai (PPN)",
    );

    const awards = await t.db.award.findMany({ where: { rfqId: rfq.id }, include: { items: true } });
    expect(awards.map((a) => a.agreementId).sort()).toEqual([agA.id, agB.id].sort());

    const statuses = Object.fromEntries((await t.db.quote.findMany({ where: { rfqId: rfq.id } })).map((q) => [q.id, q.status]));
    expect(statuses).toEqual({ [qa.id]: "awarded", [qb.id]: "awarded", [qc.id]: "not_awarded" });
    expect(await t.db.rfq.findUniqueOrThrow({ where: { id: rfq.id }, select: { status: true } })).toEqual({ status: "awarded" });

    const won = await t.db.notification.findMany({ where: { type: "award.won" }, select: { userId: true, link: true } });
    expect(won.map((n) => n.userId).sort()).toEqual([umkmA.owner.id, umkmB.owner.id].sort());
    expect(won.find((n) => n.userId === umkmA.owner.id)?.link).toBe(`/kemitraan/${agA.id}`);
    const lost = await t.db.notification.findMany({ where: { type: "award.lost" }, select: { userId: true } });
    expect(lost.map((n) => n.userId)).toEqual([umkmC.owner.id]);

    const audits = await t.db.auditLog.findMany({
      where: { entityType: "quote", entityId: qc.id },
      select: { action: true, organizationId: true },
    });
    expect(audits.map((a) => a.organizationId).sort()).toEqual([buyerA.organization.id, umkmC.organization.id].sort());
    expect(await t.db.auditLog.count({ where: { action: "rfq.awarded", entityId: rfq.id, organizationId: buyerA.organization.id } })).toBe(
      1,
    );
  });

  it("awards the whole RFQ to one quote when rfqItemIds is omitted, under the scheme the buyer picked", async () => {
    const { rfq, qa } = await rfqWithQuotes();
    expect((await award(rfq.id, tok.buyerA, { awards: [{ quoteId: qa.id }], scheme: "franchise" })).status).toBe(400);
    const out = AwardResultSchema.parse(
      await jsonOf(await award(rfq.id, tok.buyerA, { awards: [{ quoteId: qa.id }], scheme: "subkontrak" })),
    );
    expect(out.agreements[0].scheme).toBe("subkontrak");
    const stored = await t.db.agreement.findUniqueOrThrow({ where: { id: out.agreements[0].id }, select: { scheme: true, terms: true } });
    expect(stored.scheme).toBe("subkontrak");
    expect(stored.terms).toContain("Perjanjian kemitraan subkontrak");
    expect(out.agreements).toHaveLength(1);
    expect(out.agreements[0].valueIdr).toBe(100 * 140_000 + 2000 * 3_000);
    expect(await t.db.milestone.count({ where: { agreementId: out.agreements[0].id } })).toBe(2);
  });
});

describe("an RFQ is awarded once", () => {
  it("a second award is 409 and changes nothing", async () => {
    const { rfq, qa, qb } = await rfqWithQuotes();
    expect((await award(rfq.id, tok.buyerA, { awards: [{ quoteId: qa.id }] })).status).toBe(201);
    const again = await award(rfq.id, tok.buyerA, { awards: [{ quoteId: qb.id }] });
    expect(again.status).toBe(409);
    expect((await jsonOf<{ error: { code: string } }>(again)).error.code).toBe("conflict");
    expect(await t.db.award.count({ where: { rfqId: rfq.id } })).toBe(1);
    expect(await t.db.agreement.count({ where: { rfqId: rfq.id } })).toBe(1);
  });

  it("two officers clicking at once: one 201, one 409, one award, one set of agreements", async () => {
    const { rfq, l1, l2, qa, qb } = await rfqWithQuotes();
    const [r1, r2] = await Promise.all([
      award(rfq.id, tok.buyerA, { awards: [{ quoteId: qa.id }] }),
      award(rfq.id, tok.buyerA2, {
        awards: [
          { quoteId: qa.id, rfqItemIds: [l1.id] },
          { quoteId: qb.id, rfqItemIds: [l2.id] },
        ],
      }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([201, 409]);
    const winner = r1.status === 201 ? await jsonOf<{ agreements: unknown[] }>(r1) : await jsonOf<{ agreements: unknown[] }>(r2);
    expect(await t.db.agreement.count({ where: { rfqId: rfq.id } })).toBe(winner.agreements.length);
    expect(await t.db.awardItem.count({ where: { award: { rfqId: rfq.id } } })).toBe(2);
    expect(await t.db.notification.count({ where: { type: "award.won", params: { path: ["rfqTitle"], equals: rfq.title } } })).toBe(
      winner.agreements.length,
    );
  });
});

describe("who may award, and when", () => {
  it("buyer organization B gets 404 for buyer A's RFQ; a plain member gets 403; suppliers 403", async () => {
    const { rfq, qa } = await rfqWithQuotes();
    expect((await award(rfq.id, tok.buyerB, { awards: [{ quoteId: qa.id }] })).status).toBe(404);
    expect((await award(rfq.id, tok.buyerMember, { awards: [{ quoteId: qa.id }] })).status).toBe(403);
    const supplierToken = (await createApiToken(umkmA.owner.id, { name: "x" })).token;
    expect((await award(rfq.id, supplierToken, { awards: [{ quoteId: qa.id }] })).status).toBe(403);
    expect(await t.db.award.count({ where: { rfqId: rfq.id } })).toBe(0);
  });

  it("a sealed RFQ cannot be awarded before its deadline (409), and can after it", async () => {
    const { rfq, qa } = await rfqWithQuotes({ sealed: true });
    expect((await award(rfq.id, tok.buyerA, { awards: [{ quoteId: qa.id }] })).status).toBe(409);
    await t.db.rfq.update({ where: { id: rfq.id }, data: { deadline: new Date(Date.now() - 1000) } });
    expect((await award(rfq.id, tok.buyerA, { awards: [{ quoteId: qa.id }] })).status).toBe(201);
  });

  it("invalid awards are 400 with field errors and change nothing", async () => {
    const { rfq, l1, qa, qb } = await rfqWithQuotes();
    const other = await rfqWithQuotes();
    const draft = await createQuote(t.db, rfq.id, (await createUmkm(t.db)).organization.id, { status: "draft" });
    const cases: [unknown, string][] = [
      [{ awards: [] }, "awards"],
      [{ awards: [{ quoteId: other.qa.id }] }, "awards.0.quoteId"],
      [{ awards: [{ quoteId: draft.id }] }, "awards.0.quoteId"],
      [{ awards: [{ quoteId: qa.id, rfqItemIds: ["nope"] }] }, "awards.0.rfqItemIds.0"],
      [
        {
          awards: [
            { quoteId: qa.id, rfqItemIds: [l1.id] },
            { quoteId: qb.id, rfqItemIds: [l1.id] },
          ],
        },
        "awards.1.rfqItemIds.0",
      ],
      [{ awards: [{ quoteId: qa.id }, { quoteId: qb.id }] }, "awards.1.rfqItemIds"],
      [{ awards: [{ quoteId: qa.id }, { quoteId: qa.id }] }, "awards.1.quoteId"],
    ];
    for (const [body, field] of cases) {
      const res = await award(rfq.id, tok.buyerA, body);
      const json = await jsonOf<{ error: { code: string; fields?: Record<string, string[]> } }>(res);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(json.error.fields ?? {}), JSON.stringify(json)).toContain(field);
    }
    expect(await t.db.award.count({ where: { rfqId: rfq.id } })).toBe(0);
    expect(await t.db.rfq.findUniqueOrThrow({ where: { id: rfq.id }, select: { status: true } })).toEqual({ status: "open" });
    expect(await t.db.quote.count({ where: { rfqId: rfq.id, status: { in: ["awarded", "not_awarded"] } } })).toBe(0);
  });
});

describe("consortium award", () => {
  it("the draft agreement lists every member with its share", async () => {
    const m1 = await createUmkm(t.db);
    const m2 = await createUmkm(t.db);
    const consortium = await t.db.consortium.create({
      data: {
        name: "Konsorsium Uji",
        leadId: umkmA.organization.id,
        members: {
          create: [
            { supplierId: umkmA.organization.id, shareQuantity: 50 },
            { supplierId: m1.organization.id, shareQuantity: 30 },
            { supplierId: m2.organization.id, shareQuantity: 20 },
          ],
        },
      },
    });
    const rfq = await createRfq(t.db, buyerA.organization.id, { items: [lines[0]] });
    const q = await createQuote(t.db, rfq.id, umkmA.organization.id);
    await t.db.quote.update({ where: { id: q.id }, data: { consortiumId: consortium.id } });
    const out = AwardResultSchema.parse(await jsonOf(await award(rfq.id, tok.buyerA, { awards: [{ quoteId: q.id }] })));
    const parties = await t.db.agreementParty.findMany({
      where: { agreementId: out.agreements[0].id },
      select: { organizationId: true, role: true, shareQuantity: true },
    });
    expect(parties.find((p) => p.organizationId === m1.organization.id)).toMatchObject({ role: "consortium_member", shareQuantity: 30 });
    expect(parties.find((p) => p.organizationId === umkmA.organization.id)).toMatchObject({ role: "supplier", shareQuantity: 50 });
    expect(await t.db.agreement.findUniqueOrThrow({ where: { id: out.agreements[0].id }, select: { consortiumId: true } })).toEqual({
      consortiumId: consortium.id,
    });
  });
});

describe("server actions (the UI's path) check the same rules", () => {
  it("a supplier saves, submits and withdraws through the actions; a buyer member cannot award; buyer B gets not found; the owner awards", async () => {
    const rfq = await createRfq(t.db, buyerA.organization.id, { items: lines });
    await actAs(umkmC.owner);
    const draft = await saveQuoteAction({
      rfqId: rfq.id,
      items: [{ rfqItemId: rfq.items[0].id, unitPriceIdr: "150.000" }],
      leadTimeDays: "10",
      includesVat: "true",
      offeredTkdn: "",
      validUntil: "",
      note: "",
      submit: false,
    });
    expect(draft).toMatchObject({ ok: true, data: { status: "draft" } });
    const bad = await saveQuoteAction({
      rfqId: rfq.id,
      items: [{ rfqItemId: rfq.items[0].id, unitPriceIdr: "150.000,5" }],
      leadTimeDays: "10",
      includesVat: "true",
    });
    expect(bad).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(Object.keys((bad as { error: { fields: Record<string, string[]> } }).error.fields)).toContain("items.0.unitPriceIdr");
    const sent = await saveQuoteAction({
      rfqId: rfq.id,
      items: [{ rfqItemId: rfq.items[0].id, unitPriceIdr: "150.000" }],
      leadTimeDays: "10",
      includesVat: "false",
    });
    expect(sent).toMatchObject({ ok: true, data: { status: "submitted" } });
    const quoteId = (sent as { data: { id: string } }).data.id;

    // a buyer cannot use the supplier's action
    await actAs(buyerA.owner);
    expect(
      await saveQuoteAction({
        rfqId: rfq.id,
        items: [{ rfqItemId: rfq.items[0].id, unitPriceIdr: 1 }],
        leadTimeDays: 1,
        includesVat: false,
      }),
    ).toMatchObject({ ok: false, error: { code: "forbidden" } });

    const member = await t.db.membership.findFirstOrThrow({ where: { organizationId: buyerA.organization.id, role: "member" } });
    await actAs({ id: member.userId }, buyerA.organization.id);
    expect(await awardRfqAction({ rfqId: rfq.id, awards: [{ quoteId }] })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    await actAs(buyerB.owner);
    expect(await awardRfqAction({ rfqId: rfq.id, awards: [{ quoteId }] })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await t.db.award.count({ where: { rfqId: rfq.id } })).toBe(0);

    await actAs(buyerA.owner);
    const ok = await awardRfqAction({ rfqId: rfq.id, awards: [{ quoteId, rfqItemIds: [rfq.items[0].id] }] });
    expect(ok).toMatchObject({
      ok: true,
      data: { agreements: [{ supplierName: umkmC.organization.name, valueIdr: String(100 * 150_000) }] },
    });

    // decided: the supplier can no longer withdraw
    await actAs(umkmC.owner);
    expect(await withdrawQuoteAction({ rfqId: rfq.id })).toMatchObject({ ok: false, error: { code: "conflict" } });
  });
});
