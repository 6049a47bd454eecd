// Quotes on a real database (both backends), through the HTTP API (/api/v1/rfqs/{id}/quote and /quotes):
// one quote per supplier per RFQ (revisions, drafts, withdrawal), nothing changes after the deadline (409),
// sealed RFQs reveal only a count before the deadline, cross-tenant requests are 404, invalid input is a 400
// with field errors that changes nothing; audit entries and the buyer's notification.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/helpers/db";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import { createBuyer, createRfq, createUmkm, createQuote as createQuoteRow, createCooperative } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { DELETE as withdrawRoute, GET as ownRoute, PUT as putRoute } from "@/app/api/v1/rfqs/[id]/quote/route";
import { GET as quotesRoute } from "@/app/api/v1/rfqs/[id]/quotes/route";
import { POST as attachRoute } from "@/app/api/v1/rfqs/[id]/quote/attachments/route";
import { DELETE as detachRoute, GET as attachmentRoute } from "@/app/api/v1/rfqs/[id]/quote/attachments/[attachmentId]/route";
import { placeholderPdf } from "@/tests/helpers/factories";
import { GET as rfqRoute } from "@/app/api/v1/rfqs/[id]/route";
import { OwnQuoteSchema, RfqQuotesSchema } from "@/lib/quotes/responses";
import { getComparison } from "@/lib/quotes/buyer-reads";
import { listOwnQuotes } from "@/lib/quotes/supplier-reads";
import { actAs } from "@/tests/helpers/act-as";
import { listRfqHistory } from "@/lib/rfqs/history";

const t = useTestDatabase();

type Org = Awaited<ReturnType<typeof createUmkm>>;
let umkmA: Org;
let umkmB: Org;
let buyerA: Awaited<ReturnType<typeof createBuyer>>;
let buyerB: Awaited<ReturnType<typeof createBuyer>>;
const tok: Record<string, string> = {};

beforeAll(async () => {
  umkmA = await createUmkm(t.db, { name: "CV Batik Sekar Uji" });
  umkmB = await createUmkm(t.db, { name: "UD Logam Uji" });
  buyerA = await createBuyer(t.db, { name: "PT Pembeli Satu" });
  buyerB = await createBuyer(t.db, { name: "PT Pembeli Dua" });
  for (const [k, o] of Object.entries({ umkmA, umkmB, buyerA, buyerB })) tok[k] = (await createApiToken(o.owner.id, { name: "erp" })).token;
});

const twoLines = [
  { name: "Kain batik cap", quantity: 100, unit: "lembar", targetUnitPriceIdr: 150_000n },
  { name: "Selendang batik", quantity: 50, unit: "lembar", targetUnitPriceIdr: 80_000n },
];

const put = (rfqId: string, token: string, body: unknown) =>
  callRoute(putRoute, "PUT", `/api/v1/rfqs/${rfqId}/quote`, { token, body, params: { id: rfqId } });
const getOwn = (rfqId: string, token: string) =>
  callRoute(ownRoute, "GET", `/api/v1/rfqs/${rfqId}/quote`, { token, params: { id: rfqId } });
const listQuotes = (rfqId: string, token: string) =>
  callRoute(quotesRoute, "GET", `/api/v1/rfqs/${rfqId}/quotes`, { token, params: { id: rfqId } });

const quoteRows = (rfqId: string) =>
  t.db.quote.findMany({
    where: { rfqId },
    select: {
      id: true,
      supplierId: true,
      status: true,
      revision: true,
      leadTimeDays: true,
      items: { select: { rfqItemId: true, unitPriceIdr: true } },
    },
    orderBy: { id: "asc" },
  });

describe("one quote per supplier per RFQ", () => {
  it("PUT creates, a second PUT revises the same quote (revision counter), GET shows it to its supplier", async () => {
    const rfq = await createRfq(t.db, buyerA.organization.id, { items: twoLines });
    const [l1, l2] = rfq.items;
    const first = await put(rfq.id, tok.umkmA, {
      items: [
        { rfqItemId: l1.id, unitPriceIdr: 140000 },
        { rfqItemId: l2.id, unitPriceIdr: "75.000" },
      ],
      leadTimeDays: 21,
      includesVat: true,
      offeredTkdn: 45,
      note: "Pewarna alami",
    });
    expect(first.status).toBe(200);
    const q1 = OwnQuoteSchema.parse(await jsonOf(first));
    expect(q1).toMatchObject({
      status: "submitted",
      revision: 0,
      totalIdr: 100 * 140_000 + 50 * 75_000,
      offeredTkdn: 45,
      includesVat: true,
    });

    const second = await put(rfq.id, tok.umkmA, {
      items: [
        { rfqItemId: l1.id, unitPriceIdr: 135000 },
        { rfqItemId: l2.id, unitPriceIdr: 75000 },
      ],
      leadTimeDays: 18,
      includesVat: true,
    });
    const q2 = OwnQuoteSchema.parse(await jsonOf(second));
    expect(q2.id).toBe(q1.id);
    expect(q2.revision).toBe(1);
    expect(q2.items.find((i) => i.rfqItemId === l1.id)?.unitPriceIdr).toBe(135_000);

    const rows = await quoteRows(rfq.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "submitted", revision: 1, leadTimeDays: 18 });

    const own = OwnQuoteSchema.parse(await jsonOf(await getOwn(rfq.id, tok.umkmA)));
    expect(own.id).toBe(q1.id);

    // the buyer was told once (first submission), the revision is audited for both organizations
    const notes = await t.db.notification.findMany({ where: { type: "quote.received", userId: buyerA.owner.id } });
    expect(notes).toHaveLength(1);
    const audits = await t.db.auditLog.findMany({
      where: { entityType: "quote", entityId: q1.id },
      select: { action: true, organizationId: true, data: true },
    });
    expect(
      audits
        .map(
          (x) =>
            `${x.action}@${x.organizationId === buyerA.organization.id ? "buyer" : x.organizationId === umkmA.organization.id ? "supplier" : "?"}`,
        )
        .sort(),
    ).toEqual(["quote.revised@buyer", "quote.revised@supplier", "quote.submitted@buyer", "quote.submitted@supplier"]);
    expect(audits[0].data).toMatchObject({ rfqId: rfq.id });
  });

  it("a draft is invisible to the buyer until submitted; a submitted quote cannot go back to draft", async () => {
    const rfq = await createRfq(t.db, buyerA.organization.id, { items: twoLines });
    const body = { items: [{ rfqItemId: rfq.items[0].id, unitPriceIdr: 150000 }], leadTimeDays: 10, includesVat: false };
    const draft = await jsonOf(await put(rfq.id, tok.umkmB, { ...body, submit: false }));
    expect(draft).toMatchObject({ status: "draft" });
    const seen = RfqQuotesSchema.parse(await jsonOf(await listQuotes(rfq.id, tok.buyerA)));
    expect(seen).toMatchObject({ count: 0, data: [] });
    expect(
      await t.db.notification.count({
        where: { type: "quote.received", userId: buyerA.owner.id, params: { path: ["rfqTitle"], equals: rfq.title } },
      }),
    ).toBe(0);
    // …nor in the buyer organization's audit trail
    const draftId = (draft as { id: string }).id;
    expect(await t.db.auditLog.count({ where: { entityId: draftId, organizationId: buyerA.organization.id } })).toBe(0);
    expect(
      await t.db.auditLog.count({ where: { entityId: draftId, organizationId: umkmB.organization.id, action: "quote.drafted" } }),
    ).toBe(1);

    const sent = await jsonOf(await put(rfq.id, tok.umkmB, body));
    expect(sent).toMatchObject({ status: "submitted", revision: 0 });
    expect(RfqQuotesSchema.parse(await jsonOf(await listQuotes(rfq.id, tok.buyerA))).count).toBe(1);

    const back = await put(rfq.id, tok.umkmB, { ...body, submit: false });
    expect(back.status).toBe(409);
    expect((await quoteRows(rfq.id))[0].status).toBe("submitted");
  });

  it("withdraw before the deadline; the buyer no longer sees it; a new PUT submits it again", async () => {
    const rfq = await createRfq(t.db, buyerA.organization.id, { items: twoLines });
    const body = { items: [{ rfqItemId: rfq.items[0].id, unitPriceIdr: 150000 }], leadTimeDays: 10, includesVat: false };
    await put(rfq.id, tok.umkmA, body);
    const w = await callRoute(withdrawRoute, "DELETE", `/api/v1/rfqs/${rfq.id}/quote`, { token: tok.umkmA, params: { id: rfq.id } });
    expect(w.status).toBe(200);
    expect(await jsonOf(w)).toMatchObject({ status: "withdrawn" });
    expect(RfqQuotesSchema.parse(await jsonOf(await listQuotes(rfq.id, tok.buyerA))).count).toBe(0);
    // the supplier still sees its own (withdrawn) quote
    expect(await jsonOf(await getOwn(rfq.id, tok.umkmA))).toMatchObject({ status: "withdrawn" });
    expect(await jsonOf(await put(rfq.id, tok.umkmA, body))).toMatchObject({ status: "submitted" });
    expect(await t.db.quote.count({ where: { rfqId: rfq.id } })).toBe(1);
  });
});

describe("the deadline", () => {
  it("no quote is created, revised or withdrawn after the deadline (409) and nothing changes", async () => {
    const rfq = await createRfq(t.db, buyerA.organization.id, { items: twoLines });
    const body = { items: [{ rfqItemId: rfq.items[0].id, unitPriceIdr: 150000 }], leadTimeDays: 10, includesVat: false };
    await put(rfq.id, tok.umkmA, body);
    await t.db.rfq.update({ where: { id: rfq.id }, data: { deadline: new Date(Date.now() - 60_000) } });
    const before = await quoteRows(rfq.id);

    const revise = await put(rfq.id, tok.umkmA, { ...body, items: [{ rfqItemId: rfq.items[0].id, unitPriceIdr: 1 }] });
    expect(revise.status).toBe(409);
    expect((await jsonOf<{ error: { code: string } }>(revise)).error.code).toBe("conflict");
    expect((await put(rfq.id, tok.umkmB, body)).status).toBe(409);
    expect(
      (await callRoute(withdrawRoute, "DELETE", `/api/v1/rfqs/${rfq.id}/quote`, { token: tok.umkmA, params: { id: rfq.id } })).status,
    ).toBe(409);
    expect(await quoteRows(rfq.id)).toEqual(before);
  });

  it("a closed (or awarded) RFQ takes no quotes either", async () => {
    const rfq = await createRfq(t.db, buyerA.organization.id, { items: twoLines, status: "closed" });
    const res = await put(rfq.id, tok.umkmA, {
      items: [{ rfqItemId: rfq.items[0].id, unitPriceIdr: 1000 }],
      leadTimeDays: 1,
      includesVat: false,
    });
    expect(res.status).toBe(409);
    expect(await t.db.quote.count({ where: { rfqId: rfq.id } })).toBe(0);
  });
});

describe("sealed RFQs", () => {
  it("before the deadline the buyer gets only the count — no prices, no suppliers — and after it everything", async () => {
    const rfq = await createRfq(t.db, buyerA.organization.id, { items: twoLines, sealed: true });
    await put(rfq.id, tok.umkmA, { items: [{ rfqItemId: rfq.items[0].id, unitPriceIdr: 987_654 }], leadTimeDays: 10, includesVat: false });
    await put(rfq.id, tok.umkmB, { items: [{ rfqItemId: rfq.items[0].id, unitPriceIdr: 876_543 }], leadTimeDays: 12, includesVat: true });

    const res = await listQuotes(rfq.id, tok.buyerA);
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(JSON.parse(text)).toEqual({ rfqId: rfq.id, sealed: true, pricesRevealed: false, count: 2, data: [] });
    for (const leak of ["987654", "876543", umkmA.organization.name, umkmB.organization.name, umkmA.organization.id])
      expect(text).not.toContain(leak);

    // the quote.received notification carries no price either (and its rendered e-mail neither)
    const mails = await t.db.emailOutbox.findMany({ where: { to: buyerA.owner.email } });
    expect(mails.length).toBeGreaterThan(0);
    for (const m of mails) {
      expect(m.text).not.toMatch(/987[.,]?654|876[.,]?543/);
    }

    // nor does the RFQ itself (buyer or other supplier), nor the comparison page's data
    for (const token of [tok.buyerA, tok.umkmB]) {
      const body = await (await callRoute(rfqRoute, "GET", `/api/v1/rfqs/${rfq.id}`, { token, params: { id: rfq.id } })).text();
      expect(body).not.toContain("987654");
    }
    const comparison = await getComparison(await actAs(buyerA.owner), rfq.id);
    expect(comparison).toMatchObject({ pricesRevealed: false, count: 2, suppliers: [], canAward: false, awardBlockedReason: "sealed" });
    expect(JSON.stringify(comparison, (_k, v) => (typeof v === "bigint" ? v.toString() : v))).not.toMatch(/987654|876543/);

    // each supplier always sees its own quote (and only its own)
    expect(await jsonOf(await getOwn(rfq.id, tok.umkmA))).toMatchObject({ items: [{ unitPriceIdr: 987_654 }] });
    const mine = await listOwnQuotes(await actAs(umkmB.owner));
    expect(JSON.stringify(mine, (_k, v) => (typeof v === "bigint" ? v.toString() : v))).not.toContain("987654");

    // nor the buyer's audit trail: it says quotes arrived, not who sent them
    const history = (await listRfqHistory(await actAs(buyerA.owner), rfq.id)).filter((e) => e.entityType === "quote");
    expect(history.map((e) => e.action)).toEqual(["quote.submitted", "quote.submitted"]);
    expect(history.every((e) => e.sealed && e.actor === null && e.entityId === "")).toBe(true);
    expect(JSON.stringify(history)).not.toMatch(
      new RegExp([umkmA.owner.name, umkmB.owner.name, umkmA.organization.id, umkmB.organization.id].join("|")),
    );

    await t.db.rfq.update({ where: { id: rfq.id }, data: { deadline: new Date(Date.now() - 1000) } });
    const revealed = (await listRfqHistory(await actAs(buyerA.owner), rfq.id)).filter((e) => e.entityType === "quote");
    expect(revealed.map((e) => e.actor?.name).sort()).toEqual([umkmA.owner.name, umkmB.owner.name].sort());
    const after = RfqQuotesSchema.parse(await jsonOf(await listQuotes(rfq.id, tok.buyerA)));
    expect(after.pricesRevealed).toBe(true);
    expect(after.data.map((q) => q.items[0].unitPriceIdr).sort()).toEqual([876_543, 987_654]);
  });
});

describe("cross-tenant: not yours is not found", () => {
  it("UMKM B gets 404 for UMKM A's quote and cannot withdraw or see it", async () => {
    const rfq = await createRfq(t.db, buyerA.organization.id, { items: twoLines });
    await put(rfq.id, tok.umkmA, { items: [{ rfqItemId: rfq.items[0].id, unitPriceIdr: 123_456 }], leadTimeDays: 10, includesVat: false });
    const res = await getOwn(rfq.id, tok.umkmB);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("123456");
    expect(
      (await callRoute(withdrawRoute, "DELETE", `/api/v1/rfqs/${rfq.id}/quote`, { token: tok.umkmB, params: { id: rfq.id } })).status,
    ).toBe(404);
    expect((await quoteRows(rfq.id))[0].status).toBe("submitted");
    // suppliers cannot list an RFQ's quotes at all
    expect((await listQuotes(rfq.id, tok.umkmB)).status).toBe(403);
  });

  it("buyer organization B gets 404 for buyer A's quotes", async () => {
    const rfq = await createRfq(t.db, buyerA.organization.id, { items: twoLines });
    await createQuoteRow(t.db, rfq.id, umkmA.organization.id);
    const res = await listQuotes(rfq.id, tok.buyerB);
    expect(res.status).toBe(404);
    expect((await jsonOf<{ error: { code: string } }>(res)).error.code).toBe("not_found");
  });

  it("an invitation-only RFQ is not found for a supplier that was not invited (no quote possible)", async () => {
    const rfq = await createRfq(t.db, buyerA.organization.id, {
      items: twoLines,
      visibility: "invited",
      invitedSupplierIds: [umkmA.organization.id],
    });
    const body = { items: [{ rfqItemId: rfq.items[0].id, unitPriceIdr: 1000 }], leadTimeDays: 1, includesVat: false };
    expect((await put(rfq.id, tok.umkmB, body)).status).toBe(404);
    expect((await put(rfq.id, tok.umkmA, body)).status).toBe(200);
    // a buyer cannot quote
    expect((await put(rfq.id, tok.buyerA, body)).status).toBe(403);
  });
});

describe("invalid input: 400 with field errors, nothing changes", () => {
  it("fractional Rupiah, negative prices, unknown and foreign line ids, duplicates", async () => {
    const rfq = await createRfq(t.db, buyerA.organization.id, { items: twoLines });
    const other = await createRfq(t.db, buyerA.organization.id);
    const [l1, l2] = rfq.items;
    await put(rfq.id, tok.umkmA, { items: [{ rfqItemId: l1.id, unitPriceIdr: 100_000 }], leadTimeDays: 10, includesVat: false });
    const before = await quoteRows(rfq.id);
    const audits = await t.db.auditLog.count();

    const cases: [unknown, string][] = [
      [{ items: [{ rfqItemId: l1.id, unitPriceIdr: 1500.5 }], leadTimeDays: 10, includesVat: false }, "items.0.unitPriceIdr"],
      [{ items: [{ rfqItemId: l1.id, unitPriceIdr: "1.500,50" }], leadTimeDays: 10, includesVat: false }, "items.0.unitPriceIdr"],
      [{ items: [{ rfqItemId: l1.id, unitPriceIdr: -5 }], leadTimeDays: 10, includesVat: false }, "items.0.unitPriceIdr"],
      [
        {
          items: [
            { rfqItemId: l1.id, unitPriceIdr: 5 },
            { rfqItemId: "no-such-line", unitPriceIdr: 5 },
          ],
          leadTimeDays: 10,
          includesVat: false,
        },
        "items.1.rfqItemId",
      ],
      [{ items: [{ rfqItemId: other.items[0].id, unitPriceIdr: 5 }], leadTimeDays: 10, includesVat: false }, "items.0.rfqItemId"],
      [
        {
          items: [
            { rfqItemId: l2.id, unitPriceIdr: 5 },
            { rfqItemId: l2.id, unitPriceIdr: 6 },
          ],
          leadTimeDays: 10,
          includesVat: false,
        },
        "items.1.rfqItemId",
      ],
      [{ items: [], leadTimeDays: 10, includesVat: false }, "items"],
      [{ items: [{ rfqItemId: l1.id, unitPriceIdr: 5 }], leadTimeDays: -1, includesVat: false }, "leadTimeDays"],
      [{ items: [{ rfqItemId: l1.id, unitPriceIdr: 5 }], leadTimeDays: 1.5, includesVat: false }, "leadTimeDays"],
      [{ items: [{ rfqItemId: l1.id, unitPriceIdr: 5 }], leadTimeDays: 10 }, "includesVat"],
      [{ items: [{ rfqItemId: l1.id, unitPriceIdr: 5 }], leadTimeDays: 10, includesVat: false, offeredTkdn: 120 }, "offeredTkdn"],
      [{ items: [{ rfqItemId: l1.id, unitPriceIdr: 5 }], leadTimeDays: 10, includesVat: false, validUntil: "2026-02-30" }, "validUntil"],
      [
        {
          items: [{ rfqItemId: l1.id, unitPriceIdr: 5 }],
          leadTimeDays: 10,
          includesVat: false,
          consortiumShares: [{ supplierId: umkmB.organization.id, shareQuantity: 5 }],
        },
        "consortiumShares",
      ],
    ];
    for (const [body, field] of cases) {
      const res = await put(rfq.id, tok.umkmA, body);
      const json = await jsonOf<{ error: { code: string; message: string; fields?: Record<string, string[]> } }>(res);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(json.error.code).toBe("invalid_input");
      expect(Object.keys(json.error.fields ?? {}), JSON.stringify(json.error)).toContain(field);
      expect(json.error.fields?.[field]?.[0]).not.toMatch(/^quotes\.|^errors\.|^products\./); // translated, not a key
    }
    expect(await quoteRows(rfq.id)).toEqual(before);
    expect(await t.db.auditLog.count()).toBe(audits);
    // a new supplier's invalid quote creates nothing
    expect((await put(rfq.id, tok.umkmB, cases[0][0])).status).toBe(400);
    expect(await t.db.quote.count({ where: { rfqId: rfq.id, supplierId: umkmB.organization.id } })).toBe(0);
  });
});

describe("consortium quotes", () => {
  it("the lead of an invited consortium quotes for it and states each member's share", async () => {
    const coop = await createCooperative(t.db, { members: 2 });
    const [m1, m2] = coop.memberIds;
    const consortium = await t.db.consortium.create({
      data: {
        name: "Konsorsium Batik Pesisir",
        leadId: umkmA.organization.id,
        members: { create: [{ supplierId: umkmA.organization.id }, { supplierId: m1 }, { supplierId: m2 }] },
      },
    });
    const rfq = await createRfq(t.db, buyerA.organization.id, { items: twoLines, visibility: "invited" });
    await t.db.rfqInvitation.create({ data: { rfqId: rfq.id, supplierId: umkmA.organization.id, consortiumId: consortium.id } });

    const res = await put(rfq.id, tok.umkmA, {
      items: [{ rfqItemId: rfq.items[0].id, unitPriceIdr: 140_000 }],
      leadTimeDays: 30,
      includesVat: false,
      consortiumShares: [
        { supplierId: umkmA.organization.id, shareQuantity: 40 },
        { supplierId: m1, shareQuantity: 30 },
        { supplierId: m2, shareQuantity: 30 },
      ],
    });
    expect(res.status).toBe(200);
    const q = OwnQuoteSchema.parse(await jsonOf(res));
    expect(q.consortiumId).toBe(consortium.id);
    expect(q.consortiumShares.map((s) => s.shareQuantity).sort()).toEqual([30, 30, 40]);

    // someone outside the consortium cannot be given a share
    const bad = await put(rfq.id, tok.umkmA, {
      items: [{ rfqItemId: rfq.items[0].id, unitPriceIdr: 1 }],
      leadTimeDays: 1,
      includesVat: false,
      consortiumShares: [{ supplierId: umkmB.organization.id, shareQuantity: 1 }],
    });
    expect(bad.status).toBe(400);
    expect(Object.keys((await jsonOf<{ error: { fields: Record<string, string[]> } }>(bad)).error.fields)).toContain(
      "consortiumShares.0.supplierId",
    );
  });
});

describe("quote attachments", () => {
  const upload = (rfqId: string, token: string, bytes: Uint8Array, name = "rincian-harga.pdf", type = "application/pdf") => {
    const fd = new FormData();
    fd.append("file", new File([Buffer.from(bytes)], name, { type }));
    return attachRoute(
      new Request(`http://rantai.test/api/v1/rfqs/${rfqId}/quote/attachments`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
        body: fd,
      }),
      { params: Promise.resolve({ id: rfqId }) },
    );
  };
  const download = (rfqId: string, attId: string, token: string) =>
    callRoute(attachmentRoute, "GET", `/api/v1/rfqs/${rfqId}/quote/attachments/${attId}`, {
      token,
      params: { id: rfqId, attachmentId: attId },
    });

  it("the supplier attaches a PDF; it and the buyer (once prices are visible) can download it, nobody else", async () => {
    const rfq = await createRfq(t.db, buyerA.organization.id, { items: twoLines, sealed: true });
    // no quote yet → nothing to attach to
    expect((await upload(rfq.id, tok.umkmA, placeholderPdf("Rincian harga"))).status).toBe(404);
    await put(rfq.id, tok.umkmA, { items: [{ rfqItemId: rfq.items[0].id, unitPriceIdr: 140_000 }], leadTimeDays: 10, includesVat: false });

    const res = await upload(rfq.id, tok.umkmA, placeholderPdf("Rincian harga"));
    expect(res.status).toBe(201);
    const att = await jsonOf<{ id: string; filename: string; url: string }>(res);
    expect(att.filename).toBe("rincian-harga.pdf");
    expect((await jsonOf<{ attachments: { id: string }[] }>(await getOwn(rfq.id, tok.umkmA))).attachments.map((a) => a.id)).toEqual([
      att.id,
    ]);

    // content decides the type: HTML disguised as a PDF is refused
    const fake = await upload(rfq.id, tok.umkmA, new TextEncoder().encode("<html><script>alert(1)</script></html>"));
    expect(fake.status).toBe(400);
    expect(Object.keys((await jsonOf<{ error: { fields: Record<string, string[]> } }>(fake)).error.fields)).toEqual(["file"]);

    const mine = await download(rfq.id, att.id, tok.umkmA);
    expect(mine.status).toBe(200);
    expect(mine.headers.get("content-type")).toBe("application/pdf");
    expect((await download(rfq.id, att.id, tok.umkmB)).status).toBe(404);
    expect((await download(rfq.id, att.id, tok.buyerB)).status).toBe(404);
    // sealed: the buyer neither, until the deadline
    expect((await download(rfq.id, att.id, tok.buyerA)).status).toBe(404);
    expect(
      (
        await callRoute(detachRoute, "DELETE", `/api/v1/rfqs/${rfq.id}/quote/attachments/${att.id}`, {
          token: tok.umkmB,
          params: { id: rfq.id, attachmentId: att.id },
        })
      ).status,
    ).toBe(404);

    await t.db.rfq.update({ where: { id: rfq.id }, data: { deadline: new Date(Date.now() - 1000) } });
    expect((await download(rfq.id, att.id, tok.buyerA)).status).toBe(200);
    // after the deadline nothing is added or removed
    expect((await upload(rfq.id, tok.umkmA, placeholderPdf("Lagi"))).status).toBe(409);
    expect(
      (
        await callRoute(detachRoute, "DELETE", `/api/v1/rfqs/${rfq.id}/quote/attachments/${att.id}`, {
          token: tok.umkmA,
          params: { id: rfq.id, attachmentId: att.id },
        })
      ).status,
    ).toBe(409);
    expect(await t.db.quoteAttachment.count({ where: { quote: { rfqId: rfq.id } } })).toBe(1);
  });
});
