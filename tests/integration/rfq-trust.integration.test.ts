// Issue 11, the RFQ and quote items, on a real database (both backends), through the HTTP API and the server
// actions:
//   8  an unverified buyer prepares drafts but cannot publish or invite (403 verification_required, nothing
//      written); the board and the RFQ show whether the buyer is verified;
//   11 sealed quotes: before the deadline the buyer organization's activity log, the RFQ history, the
//      quote.received notification and its e-mail name no quoting supplier or person; after it they may;
//      a deadline whose quotes are open (passed, or the RFQ closed) cannot be extended (409);
//      who asked a clarification is withheld from the buyer likewise (its list of clarifications, API and
//      page function, the clarification.asked entry in the activity log and the history, notifications and
//      e-mails), while the asker still sees its own question as its own and other suppliers never see the asker;
//   12 the TKDN price preference only with a verified TKDN certificate valid on the deadline of at least the
//      offered value (comparison and API), a consortium's quote judged on its lead's certificates;
//   14 absurd numbers (quantities, unit prices, quantity × price, sums) → 400 on the field, never a 500.
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
import { createBuyer, createCertification, createQuote, createRfq as createRfqRow, createUmkm } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { RfqPageSchema, RfqSchema } from "@/lib/rfqs/responses";
import { ErrorResponseSchema } from "@/lib/api/openapi";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/rfqs/route";
import { GET as getRoute } from "@/app/api/v1/rfqs/[id]/route";
import { POST as publishRoute } from "@/app/api/v1/rfqs/[id]/publish/route";
import { POST as closeRoute } from "@/app/api/v1/rfqs/[id]/close/route";
import { POST as extendRoute } from "@/app/api/v1/rfqs/[id]/extend/route";
import { POST as inviteRoute } from "@/app/api/v1/rfqs/[id]/invitations/route";
import { POST as consortiaRoute } from "@/app/api/v1/rfqs/[id]/consortia/route";
import { PUT as quotePutRoute } from "@/app/api/v1/rfqs/[id]/quote/route";
import { POST as quoteAttachRoute } from "@/app/api/v1/rfqs/[id]/quote/attachments/route";
import { extendRfqAction, inviteSuppliersAction, publishRfqAction } from "@/lib/rfqs/actions";
import { inviteConsortiumAction, inviteMatchAction } from "@/lib/matching/actions";
import { listClarifications } from "@/lib/rfqs/clarifications";
import { listRfqHistory } from "@/lib/rfqs/history";
import { closeExpiredRfqs } from "@/lib/rfqs/deadlines";
import { GET as clarificationsRoute, POST as askRoute } from "@/app/api/v1/rfqs/[id]/clarifications/route";
import { POST as answerRoute } from "@/app/api/v1/rfqs/[id]/clarifications/[clarificationId]/answer/route";
import { ClarificationListSchema, ClarificationSchema } from "@/lib/rfqs/responses";
import { getComparison } from "@/lib/quotes/buyer-reads";
import { getQuoteContext } from "@/lib/quotes/supplier-reads";
import { RfqQuotesSchema } from "@/lib/quotes/responses";
import { calendarDayIn } from "@/lib/i18n/zoned-time";
import { GET as quotesRoute } from "@/app/api/v1/rfqs/[id]/quotes/route";
import { POST as awardRoute } from "@/app/api/v1/rfqs/[id]/award/route";
import { POST as productsRoute } from "@/app/api/v1/products/route";
import { createRfqAction } from "@/lib/rfqs/actions";
import { awardRfqAction, saveQuoteAction } from "@/lib/quotes/actions";
import { listOwnAuditLog } from "@/lib/organizations/service";
import { placeholderPdf } from "@/tests/helpers/factories";

const t = useTestDatabase();

type Org = Awaited<ReturnType<typeof createBuyer>>;
let verifiedBuyer: Org;
let unverifiedBuyer: Org;
let supplier: Awaited<ReturnType<typeof createUmkm>>;
let supplier2: Awaited<ReturnType<typeof createUmkm>>;
let tokV: string;
let tokU: string;
let tokS: string;
let tokS2: string;

const inDays = (d: number) => new Date(Date.now() + d * 24 * 3600 * 1000).toISOString();

const draftBody = (over: Record<string, unknown> = {}) => ({
  title: "Pengadaan kain batik seragam 2027",
  kbli: "13134",
  deliveryRegencyCode: "31.74",
  deadline: inDays(10),
  items: [{ name: "Kain batik cap", quantity: 100, unit: "lembar" }],
  visibility: "public",
  sealed: false,
  ...over,
});

/** Rows of every table these writes touch, to prove "nothing written". */
const counts = async () => ({
  rfqs: await t.db.rfq.findMany({ select: { id: true, status: true, version: true } }),
  invitations: await t.db.rfqInvitation.count(),
  consortia: await t.db.consortium.count(),
  audit: await t.db.auditLog.count(),
  notifications: await t.db.notification.count(),
  outbox: await t.db.emailOutbox.count(),
});

beforeAll(async () => {
  verifiedBuyer = await createBuyer(t.db, { name: "PT Pembeli Terverifikasi" });
  unverifiedBuyer = await createBuyer(t.db, { name: "PT Pembeli Baru Daftar", verificationStatus: "unverified" });
  supplier = await createUmkm(t.db, { name: "CV Penawar Rahasia Sekali", verificationStatus: "verified" });
  supplier2 = await createUmkm(t.db, { name: "UD Penawar Kedua", verificationStatus: "verified" });
  tokV = (await createApiToken(verifiedBuyer.owner.id, { name: "erp" })).token;
  tokU = (await createApiToken(unverifiedBuyer.owner.id, { name: "erp" })).token;
  tokS = (await createApiToken(supplier.owner.id, { name: "t" })).token;
  tokS2 = (await createApiToken(supplier2.owner.id, { name: "t" })).token;
});

describe("item 8: an unverified buyer prepares drafts but cannot publish or invite", () => {
  it("creates and edits a draft, but publishing and inviting (API) → 403 verification_required, localized, nothing written", async () => {
    const created = await callRoute(createRoute, "POST", "/api/v1/rfqs", { token: tokU, body: draftBody() });
    expect(created.status).toBe(201);
    const rfq = RfqSchema.parse(await jsonOf(created));
    expect(rfq.buyer).toEqual({
      id: unverifiedBuyer.organization.id,
      name: "PT Pembeli Baru Daftar",
      verified: false,
      timeZone: "Asia/Jakarta",
    }); // no region: WIB

    const before = await counts();
    const pub = await callRoute(publishRoute, "POST", "/x", { token: tokU, params: { id: rfq.id }, headers: { "accept-language": "en" } });
    expect(pub.status).toBe(403);
    const err = ErrorResponseSchema.parse(await jsonOf(pub));
    expect(err.error.code).toBe("verification_required");
    expect(err.error.message).toMatch(/not verified yet.*submit it for verification/i);
    const pubId = await callRoute(publishRoute, "POST", "/x", { token: tokU, params: { id: rfq.id } });
    expect(ErrorResponseSchema.parse(await jsonOf(pubId)).error.message).toMatch(/belum terverifikasi/);

    const inv = await callRoute(inviteRoute, "POST", "/x", {
      token: tokU,
      params: { id: rfq.id },
      body: { supplierIds: [supplier.organization.id] },
    });
    expect(inv.status).toBe(403);
    expect(ErrorResponseSchema.parse(await jsonOf(inv)).error.code).toBe("verification_required");
    expect(await counts()).toEqual(before);
    expect((await t.db.rfq.findUniqueOrThrow({ where: { id: rfq.id } })).status).toBe("draft");
  });

  it("the same refusals through the server actions (publish, invite by name, invite from the matching page)", async () => {
    const row = await createRfqRow(t.db, unverifiedBuyer.organization.id, { status: "draft" });
    await actAs(unverifiedBuyer.owner);
    const before = await counts();
    for (const result of [
      await publishRfqAction({ id: row.id }),
      await inviteSuppliersAction({ id: row.id, supplierIds: [supplier.organization.id] }),
      await inviteMatchAction({ rfqId: row.id, supplierId: supplier.organization.id }),
    ]) {
      expect(result).toMatchObject({
        ok: false,
        error: { code: "verification_required", message: expect.stringMatching(/belum terverifikasi/) },
      });
    }
    expect(await counts()).toEqual(before);
  });

  it("a consortium invitation (API and action) on an open RFQ of a buyer that lost its verification → 403, nothing written", async () => {
    // Published while verified, then returned by an admin: the RFQ is open but the buyer may not invite.
    const returned = await createBuyer(t.db, { name: "PT Pembeli Dikembalikan", verificationStatus: "returned" });
    const tok = (await createApiToken(returned.owner.id, { name: "erp" })).token;
    const row = await createRfqRow(t.db, returned.organization.id, { status: "open" });
    const before = await counts();
    const res = await callRoute(consortiaRoute, "POST", "/x", {
      token: tok,
      params: { id: row.id },
      body: { memberIds: [supplier.organization.id, supplier2.organization.id] },
    });
    expect(res.status).toBe(403);
    expect(ErrorResponseSchema.parse(await jsonOf(res)).error.code).toBe("verification_required");
    await actAs(returned.owner);
    const viaAction = await inviteConsortiumAction({ rfqId: row.id, memberIds: [supplier.organization.id, supplier2.organization.id] });
    expect(viaAction).toMatchObject({ ok: false, error: { code: "verification_required" } });
    expect(await counts()).toEqual(before);
  });

  it("a verified buyer publishes and invites as before", async () => {
    const rfq = RfqSchema.parse(await jsonOf(await callRoute(createRoute, "POST", "/api/v1/rfqs", { token: tokV, body: draftBody() })));
    expect(
      (
        await callRoute(inviteRoute, "POST", "/x", {
          token: tokV,
          params: { id: rfq.id },
          body: { supplierIds: [supplier.organization.id] },
        })
      ).status,
    ).toBe(200);
    const pub = await callRoute(publishRoute, "POST", "/x", { token: tokV, params: { id: rfq.id } });
    expect(pub.status).toBe(200);
    expect(RfqSchema.parse(await jsonOf(pub)).buyer.verified).toBe(true);
  });

  it("the board (API) and the RFQ (API) say whether the buyer is verified", async () => {
    const fromVerified = await createRfqRow(t.db, verifiedBuyer.organization.id, { title: "RFQ pembeli terverifikasi papan" });
    // An RFQ published before its buyer's verification was returned stays on the board, flagged.
    const returned = await createBuyer(t.db, { name: "PT Pembeli Status Dikembalikan", verificationStatus: "returned" });
    const fromReturned = await createRfqRow(t.db, returned.organization.id, { title: "RFQ pembeli dikembalikan papan" });
    const board = RfqPageSchema.parse(
      await jsonOf(await callRoute(listRoute, "GET", "/api/v1/rfqs", { token: tokS, query: { limit: "100" } })),
    );
    const byId = new Map(board.data.map((r) => [r.id, r]));
    expect(byId.get(fromVerified.id)?.buyer.verified).toBe(true);
    expect(byId.get(fromReturned.id)?.buyer.verified).toBe(false);
    const one = RfqSchema.parse(await jsonOf(await callRoute(getRoute, "GET", "/x", { token: tokS, params: { id: fromReturned.id } })));
    expect(one.buyer).toEqual({
      id: returned.organization.id,
      name: "PT Pembeli Status Dikembalikan",
      verified: false,
      timeZone: "Asia/Jakarta",
    });
  });
});

describe("item 11: sealed quotes name nobody to the buyer before the deadline", () => {
  const quoteBody = (rfqItemId: string) => ({ items: [{ rfqItemId, unitPriceIdr: 120000 }], leadTimeDays: 14, includesVat: false });
  const names = () => [supplier.organization.name, supplier.owner.name, supplier.owner.email, supplier.organization.id, supplier.owner.id];
  const mentionsSupplier = (value: unknown) => {
    const text = JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
    return names().some((n) => n && text.includes(n));
  };

  it("activity log (/dasbor), RFQ history, quote.received notification and e-mail: no supplier before, names after", async () => {
    const rfq = await createRfqRow(t.db, verifiedBuyer.organization.id, { sealed: true, title: "RFQ tertutup pipa baja" });
    const put = await callRoute(quotePutRoute, "PUT", "/x", { token: tokS, params: { id: rfq.id }, body: quoteBody(rfq.items[0].id) });
    expect(put.status).toBe(200);
    // an attachment whose file name names the supplier (its buyer-side entry carries the file name)
    const fd = new FormData();
    fd.append(
      "file",
      new File([Buffer.from(placeholderPdf("Penawaran"))], `penawaran-${supplier.organization.name}.pdf`, { type: "application/pdf" }),
    );
    const attach = await quoteAttachRoute(
      new Request(`http://rantai.test/api/v1/rfqs/${rfq.id}/quote/attachments`, {
        method: "POST",
        headers: { authorization: `Bearer ${tokS}` },
        body: fd,
      }),
      { params: Promise.resolve({ id: rfq.id }) },
    );
    expect(attach.status, await attach.clone().text()).toBe(201);

    const buyerActor = await actAs(verifiedBuyer.owner);
    // the buyer organization's rows as written: they do name the supplier's user (actorId) …
    const raw = await t.db.auditLog.findMany({
      where: { organizationId: verifiedBuyer.organization.id, entityType: "quote", data: { path: ["rfqId"], equals: rfq.id } },
    });
    expect(raw.length).toBeGreaterThan(0);
    // … but what the buyer reads does not
    const log = (await listOwnAuditLog(buyerActor, { limit: 50 })).filter((e) => e.action.startsWith("quote."));
    expect(log.length).toBeGreaterThan(0);
    expect(log.every((e) => e.sealed && e.actor === null)).toBe(true);
    expect(mentionsSupplier(log)).toBe(false);
    const history = (await listRfqHistory(buyerActor, rfq.id)).filter((e) => e.entityType === "quote");
    expect(history.length).toBeGreaterThan(0);
    expect(mentionsSupplier(history)).toBe(false);
    // the notification and its e-mail say a quote arrived, never who
    const notes = await t.db.notification.findMany({
      where: { type: "quote.received", organizationId: verifiedBuyer.organization.id, params: { path: ["rfqTitle"], equals: rfq.title } },
    });
    expect(notes).toHaveLength(1);
    expect(mentionsSupplier(notes.map((n) => n.params))).toBe(false);
    const mails = await t.db.emailOutbox.findMany({ where: { to: verifiedBuyer.owner.email, text: { contains: rfq.title } } });
    expect(mails.length).toBeGreaterThan(0);
    expect(mentionsSupplier(mails.map((m) => [m.subject, m.text, m.html]))).toBe(false);

    // After the deadline the entries show in full.
    await t.db.rfq.update({ where: { id: rfq.id }, data: { deadline: new Date(Date.now() - 1000) } });
    const after = (await listOwnAuditLog(buyerActor, { limit: 50 })).filter(
      (e) => e.action === "quote.submitted" && (e.data as { rfqId?: string }).rfqId === rfq.id,
    );
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ sealed: false, actor: { name: supplier.owner.name } });
    const historyAfter = (await listRfqHistory(buyerActor, rfq.id)).filter((e) => e.action === "quote.submitted");
    expect(historyAfter[0]).toMatchObject({ sealed: false, actor: { name: supplier.owner.name } });
  });

  it("an open (not sealed) RFQ's quote entries name the supplier; the supplier always sees its own entries", async () => {
    const rfq = await createRfqRow(t.db, verifiedBuyer.organization.id, { sealed: false });
    expect(
      (await callRoute(quotePutRoute, "PUT", "/x", { token: tokS2, params: { id: rfq.id }, body: quoteBody(rfq.items[0].id) })).status,
    ).toBe(200);
    const buyerLog = (await listOwnAuditLog(await actAs(verifiedBuyer.owner), { limit: 50 })).filter(
      (e) => (e.data as { rfqId?: string }).rfqId === rfq.id,
    );
    expect(buyerLog[0]).toMatchObject({ action: "quote.submitted", sealed: false, actor: { name: supplier2.owner.name } });

    const sealedRfq = await createRfqRow(t.db, verifiedBuyer.organization.id, { sealed: true });
    expect(
      (await callRoute(quotePutRoute, "PUT", "/x", { token: tokS2, params: { id: sealedRfq.id }, body: quoteBody(sealedRfq.items[0].id) }))
        .status,
    ).toBe(200);
    const own = (await listOwnAuditLog(await actAs(supplier2.owner), { limit: 50 })).filter(
      (e) => (e.data as { rfqId?: string }).rfqId === sealedRfq.id,
    );
    expect(own[0]).toMatchObject({ action: "quote.submitted", sealed: false, actor: { name: supplier2.owner.name } });
  });
});

describe("item 11: on a sealed RFQ the buyer does not learn who asks a clarification before the deadline", () => {
  const names = () => [supplier.organization.name, supplier.owner.name, supplier.owner.email, supplier.organization.id, supplier.owner.id];
  const mentionsAsker = (value: unknown) => {
    const text = JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
    return names().some((n) => n && text.includes(n));
  };
  const question = "Apakah pipa boleh dikirim bertahap dalam tiga termin?";

  it("buyer's clarifications (API, page function, answer), activity log, history, notifications, e-mail: no asker before, names after", async () => {
    const rfq = await createRfqRow(t.db, verifiedBuyer.organization.id, { sealed: true, title: "RFQ tertutup klarifikasi pipa" });
    const p = { id: rfq.id };
    const start = new Date(Date.now() - 1000);
    const notesBefore = await t.db.notification.count();
    const mailsBefore = await t.db.emailOutbox.count();
    const asked = await callRoute(askRoute, "POST", "/x", { token: tokS, params: p, body: { question } });
    expect(asked.status).toBe(201);
    const q = ClarificationSchema.parse(await jsonOf(asked));
    expect(q.askedByYou).toBe(true);
    // the row and the buyer's audit entry as written do name the asker …
    const rawEntry = await t.db.auditLog.findFirstOrThrow({
      where: { organizationId: verifiedBuyer.organization.id, action: "clarification.asked", entityId: q.id },
    });
    expect(rawEntry.actorId).toBe(supplier.owner.id);

    // … what the buyer reads does not: the API …
    const res = await callRoute(clarificationsRoute, "GET", "/x", { token: tokV, params: p });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(mentionsAsker(text)).toBe(false);
    const list = ClarificationListSchema.parse(JSON.parse(text));
    expect(list.data).toEqual([expect.objectContaining({ id: q.id, question, askedBy: null, askerWithheld: true })]);
    // … the function /rfq/[id] renders from …
    const buyerActor = await actAs(verifiedBuyer.owner);
    const viaPage = await listClarifications(buyerActor, rfq.id);
    expect(viaPage).toEqual([expect.objectContaining({ id: q.id, askedBy: null, askerWithheld: true })]);
    expect(mentionsAsker(viaPage)).toBe(false);
    // … the activity log (/dasbor) and the RFQ's history …
    const log = (await listOwnAuditLog(buyerActor, { limit: 50 })).filter((e) => e.action === "clarification.asked" && e.entityId === q.id);
    expect(log).toEqual([expect.objectContaining({ sealed: true, actor: null, data: { rfqId: rfq.id } })]);
    expect(mentionsAsker(log)).toBe(false);
    const history = (await listRfqHistory(buyerActor, rfq.id)).filter((e) => e.action === "clarification.asked");
    expect(history).toEqual([expect.objectContaining({ sealed: true, actor: null })]);
    expect(mentionsAsker(history)).toBe(false);
    // … nor any notification or e-mail to the buyer organization
    const buyerNotes = await t.db.notification.findMany({
      where: { organizationId: verifiedBuyer.organization.id, createdAt: { gte: start } },
    });
    expect(mentionsAsker(buyerNotes.map((n) => [n.params, n.link]))).toBe(false);
    const buyerMails = await t.db.emailOutbox.findMany({ where: { to: verifiedBuyer.owner.email, createdAt: { gte: start } } });
    expect(mentionsAsker(buyerMails.map((m) => [m.subject, m.text, m.html]))).toBe(false);
    expect(await t.db.notification.count()).toBe(notesBefore); // asking tells nobody yet
    expect(await t.db.emailOutbox.count()).toBe(mailsBefore);

    // The buyer answers (its answer names nobody either) and closes early: still withheld until the deadline.
    const answered = await callRoute(answerRoute, "POST", "/x", {
      token: tokV,
      params: { id: rfq.id, clarificationId: q.id },
      body: { answer: "Boleh, tiga termin dalam 60 hari." },
    });
    expect(answered.status).toBe(200);
    const answeredText = await answered.text();
    expect(mentionsAsker(answeredText)).toBe(false);
    expect(ClarificationSchema.parse(JSON.parse(answeredText))).toMatchObject({ askedBy: null, askerWithheld: true });
    expect((await callRoute(closeRoute, "POST", "/x", { token: tokV, params: p })).status).toBe(200);
    expect(mentionsAsker(await listClarifications(buyerActor, rfq.id))).toBe(false);
    const closedLog = (await listOwnAuditLog(buyerActor, { limit: 50 })).filter((e) => (e.data as { rfqId?: string }).rfqId === rfq.id);
    expect(mentionsAsker(closedLog)).toBe(false);
    // the notification of the answer goes to the asker, and says nothing of it to the buyer
    const buyerNotes2 = await t.db.notification.findMany({
      where: { organizationId: verifiedBuyer.organization.id, createdAt: { gte: start } },
    });
    expect(mentionsAsker(buyerNotes2.map((n) => [n.params, n.link]))).toBe(false);
    const buyerMails2 = await t.db.emailOutbox.findMany({ where: { to: verifiedBuyer.owner.email, createdAt: { gte: start } } });
    expect(mentionsAsker(buyerMails2.map((m) => [m.subject, m.text, m.html]))).toBe(false);

    // The asker still sees its question as its own; another supplier sees the answer and never the asker.
    const own = ClarificationListSchema.parse(await jsonOf(await callRoute(clarificationsRoute, "GET", "/x", { token: tokS, params: p })));
    expect(own.data).toEqual([expect.objectContaining({ id: q.id, askedByYou: true })]);
    const otherText = await (await callRoute(clarificationsRoute, "GET", "/x", { token: tokS2, params: p })).text();
    expect(ClarificationListSchema.parse(JSON.parse(otherText)).data).toEqual([expect.objectContaining({ id: q.id, askedByYou: false })]);
    expect(mentionsAsker(otherText)).toBe(false);
    expect(otherText).not.toContain('askedBy"');

    // After the deadline the buyer sees who asked, as it sees who quoted; other suppliers still do not.
    await t.db.rfq.update({ where: { id: rfq.id }, data: { deadline: new Date(Date.now() - 1000) } });
    const after = ClarificationListSchema.parse(
      await jsonOf(await callRoute(clarificationsRoute, "GET", "/x", { token: tokV, params: p })),
    );
    expect(after.data[0]).toMatchObject({
      askedBy: { id: supplier.organization.id, name: supplier.organization.name },
      askerWithheld: false,
    });
    expect((await listClarifications(buyerActor, rfq.id))[0].askedBy).toEqual({
      id: supplier.organization.id,
      name: supplier.organization.name,
    });
    const logAfter = (await listOwnAuditLog(buyerActor, { limit: 50 })).filter(
      (e) => e.action === "clarification.asked" && e.entityId === q.id,
    );
    expect(logAfter[0]).toMatchObject({
      sealed: false,
      actor: { name: supplier.owner.name },
      data: { rfqId: rfq.id, supplierId: supplier.organization.id },
    });
    const historyAfter = (await listRfqHistory(buyerActor, rfq.id)).filter((e) => e.action === "clarification.asked");
    expect(historyAfter[0]).toMatchObject({ sealed: false, actor: { name: supplier.owner.name } });
    const otherAfter = await (await callRoute(clarificationsRoute, "GET", "/x", { token: tokS2, params: p })).text();
    expect(mentionsAsker(otherAfter)).toBe(false);
  });

  it("an RFQ that is not sealed shows the buyer who asked at once", async () => {
    const rfq = await createRfqRow(t.db, verifiedBuyer.organization.id, { sealed: false });
    const asked = await callRoute(askRoute, "POST", "/x", { token: tokS, params: { id: rfq.id }, body: { question } });
    expect(asked.status).toBe(201);
    const list = ClarificationListSchema.parse(
      await jsonOf(await callRoute(clarificationsRoute, "GET", "/x", { token: tokV, params: { id: rfq.id } })),
    );
    expect(list.data[0]).toMatchObject({
      askedBy: { id: supplier.organization.id, name: supplier.organization.name },
      askerWithheld: false,
    });
    const log = (await listOwnAuditLog(await actAs(verifiedBuyer.owner), { limit: 50 })).filter(
      (e) => e.action === "clarification.asked" && (e.data as { rfqId?: string }).rfqId === rfq.id,
    );
    expect(log[0]).toMatchObject({ sealed: false, actor: { name: supplier.owner.name } });
  });
});

describe("item 11: a deadline whose quotes are open cannot be extended", () => {
  it.each([
    [
      "its deadline passed (still open until a read closes it)",
      async (id: string) => void (await t.db.rfq.update({ where: { id }, data: { deadline: new Date(Date.now() - 1000) } })),
    ],
    [
      "it closed on its deadline",
      async (id: string) =>
        void (await t.db.rfq.update({
          where: { id },
          data: { deadline: new Date(Date.now() - 1000), status: "closed", closedAt: new Date() },
        })),
    ],
    // as a read closes it: an "rfq.closed" audit entry with reason "deadline" (which once reopened it: the rule
    // reads the RFQ's own status and deadline, never the audit log)
    [
      "a read closed it on its deadline",
      async (id: string) => {
        await t.db.rfq.update({ where: { id }, data: { deadline: new Date(Date.now() - 1000) } });
        expect(await closeExpiredRfqs({ rfqIds: [id] })).toBe(1);
      },
    ],
    ["the buyer closed it", async (id: string) => void (await callRoute(closeRoute, "POST", "/x", { token: tokV, params: { id } }))],
  ])("sealed RFQ, %s → 409 with a localized message (API and action); nothing written", async (_name, reveal) => {
    const rfq = await createRfqRow(t.db, verifiedBuyer.organization.id, { sealed: true });
    await reveal(rfq.id);
    const before = await t.db.rfq.findUniqueOrThrow({ where: { id: rfq.id } });
    const audits = await t.db.auditLog.count({ where: { action: "rfq.extended" } });
    const res = await callRoute(extendRoute, "POST", "/x", {
      token: tokV,
      params: { id: rfq.id },
      body: { deadline: inDays(5) },
      headers: { "accept-language": "en" },
    });
    expect(res.status).toBe(409);
    expect(ErrorResponseSchema.parse(await jsonOf(res)).error).toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/new RFQ/),
    });
    await actAs(verifiedBuyer.owner);
    const viaAction = await extendRfqAction({ id: rfq.id, deadline: inDays(5) });
    expect(viaAction).toMatchObject({ ok: false, error: { code: "conflict", message: expect.stringMatching(/buat RFQ baru/) } });
    const now = await t.db.rfq.findUniqueOrThrow({ where: { id: rfq.id } });
    expect(now.deadline.getTime()).toBe(before.deadline.getTime());
    expect(now.status).toBe(before.status);
    expect(await t.db.auditLog.count({ where: { action: "rfq.extended" } })).toBe(audits);
  });

  it("an open RFQ before its deadline is still extended", async () => {
    const rfq = await createRfqRow(t.db, verifiedBuyer.organization.id, { sealed: true });
    const res = await callRoute(extendRoute, "POST", "/x", { token: tokV, params: { id: rfq.id }, body: { deadline: inDays(20) } });
    expect(res.status).toBe(200);
    expect(RfqSchema.parse(await jsonOf(res))).toMatchObject({ status: "open", acceptingQuotes: true });
  });
});

describe("item 12: the TKDN preference needs a certificate valid on the deadline", () => {
  const DAY = 24 * 3600 * 1000;
  const day = (d: number) => new Date(new Date(Date.now() + d * DAY).toISOString().slice(0, 10) + "T00:00:00.000Z");

  it("only a verified TKDN certificate valid on the deadline with at least the offered value earns the preference (comparison and API)", async () => {
    const deadline = new Date(Date.now() + 10 * DAY);
    const rfq = await createRfqRow(t.db, verifiedBuyer.organization.id, {
      deadline,
      items: [{ name: "Kain batik cap", quantity: 10, unit: "lembar", targetUnitPriceIdr: 100_000n }],
    });
    const mk = async (name: string, cert?: Parameters<typeof createCertification>[2]) => {
      const u = await createUmkm(t.db, { name, verificationStatus: "verified" });
      if (cert) await createCertification(t.db, u.organization.id, { type: "tkdn", ...cert });
      await createQuote(t.db, rfq.id, u.organization.id, { offeredTkdn: "40.00", unitPrices: { [rfq.items[0].id]: 100_000n } });
      return u.organization.name;
    };
    const certified = await mk("CV TKDN Bersertifikat", { tkdnPercent: "45.00", validUntil: day(30) });
    // valid through the deadline's own day on the buyer's clock (WIB: the buyer has no region), with exactly the offered value
    const onTheDay = await mk("CV TKDN Berlaku Tepat Batas", {
      tkdnPercent: "40.00",
      validUntil: new Date(`${calendarDayIn(deadline, "Asia/Jakarta")}T00:00:00.000Z`),
    });
    const expired = await mk("CV TKDN Kedaluwarsa Sebelum Batas", { tkdnPercent: "45.00", validUntil: day(5) });
    const notYet = await mk("CV TKDN Belum Berlaku", { tkdnPercent: "45.00", validFrom: day(20), validUntil: day(400) });
    const lower = await mk("CV TKDN Lebih Rendah", { tkdnPercent: "30.00", validUntil: day(30) });
    const pending = await mk("CV TKDN Belum Diverifikasi", { tkdnPercent: "45.00", validUntil: day(30), verificationStatus: "pending" });
    const none = await mk("CV TKDN Tanpa Sertifikat");

    const res = RfqQuotesSchema.parse(await jsonOf(await callRoute(quotesRoute, "GET", "/x", { token: tokV, params: { id: rfq.id } })));
    const api = new Map(res.data.map((q) => [q.supplier.name, q]));
    for (const name of [certified, onTheDay]) {
      expect(api.get(name), name).toMatchObject({ offeredTkdn: 40, tkdnStatus: "verified", tkdnPreferencePercent: 10 });
      expect(api.get(name)!.items[0].evaluatedUnitPriceIdr, name).toBe(90_909); // 100.000 / 1,10
    }
    for (const [name, certifiedPercent] of [
      [expired, null],
      [notYet, null],
      [lower, 30],
      [pending, null],
      [none, null],
    ] as const) {
      expect(api.get(name), name).toMatchObject({
        offeredTkdn: 40,
        tkdnStatus: "unverified",
        tkdnCertifiedPercent: certifiedPercent,
        tkdnPreferencePercent: 0,
      });
      expect(api.get(name)!.items[0].evaluatedUnitPriceIdr, name).toBe(100_000);
    }

    const cmp = await getComparison(await actAs(verifiedBuyer.owner), rfq.id);
    const col = new Map(cmp.suppliers.map((s) => [s.supplier.name, s]));
    expect(col.get(certified)).toMatchObject({
      tkdnStatus: "verified",
      column: { preferencePercent: 10, evaluatedTotalIdr: 909_090n, bestOverall: true },
    });
    expect(col.get(none)).toMatchObject({
      offeredTkdn: 40,
      tkdnStatus: "unverified",
      column: { preferencePercent: 0, evaluatedTotalIdr: 1_000_000n, bestOverall: false },
    });
    expect(col.get(lower)).toMatchObject({ tkdnStatus: "unverified", tkdnCertifiedPercent: 30, column: { preferencePercent: 0 } });
  });

  it("the quote form learns the supplier's own certified TKDN on the deadline (to say whether its TKDN earns the preference)", async () => {
    const rfq = await createRfqRow(t.db, verifiedBuyer.organization.id, { deadline: new Date(Date.now() + 10 * DAY) });
    const valid = await createUmkm(t.db, { verificationStatus: "verified" });
    await createCertification(t.db, valid.organization.id, { type: "tkdn", tkdnPercent: "45.00", validUntil: day(30) });
    await createCertification(t.db, valid.organization.id, { type: "tkdn", tkdnPercent: "80.00", validUntil: day(5) }); // expires before
    const none = await createUmkm(t.db, { verificationStatus: "verified" });
    expect((await getQuoteContext(await actAs(valid.owner), rfq.id)).tkdnCertifiedPercent).toBe(45);
    expect((await getQuoteContext(await actAs(none.owner), rfq.id)).tkdnCertifiedPercent).toBeNull();
  });

  it("a consortium's quote is judged on its lead's certificate, not a member's", async () => {
    const rfq = await createRfqRow(t.db, verifiedBuyer.organization.id, { deadline: new Date(Date.now() + 10 * DAY) });
    const withLeadCert = async (leadHasCert: boolean) => {
      const lead = await createUmkm(t.db, { verificationStatus: "verified" });
      const member = await createUmkm(t.db, { verificationStatus: "verified" });
      await createCertification(t.db, (leadHasCert ? lead : member).organization.id, {
        type: "tkdn",
        tkdnPercent: "50.00",
        validUntil: day(60),
      });
      const c = await t.db.consortium.create({
        data: {
          rfqId: rfq.id,
          name: `Konsorsium ${lead.organization.name}`,
          leadId: lead.organization.id,
          members: { create: [{ supplierId: lead.organization.id }, { supplierId: member.organization.id }] },
        },
      });
      const q = await createQuote(t.db, rfq.id, lead.organization.id, { offeredTkdn: "50.00" });
      await t.db.quote.update({ where: { id: q.id }, data: { consortiumId: c.id } });
      return q.id;
    };
    const leadCertified = await withLeadCert(true);
    const memberCertified = await withLeadCert(false);
    const res = RfqQuotesSchema.parse(await jsonOf(await callRoute(quotesRoute, "GET", "/x", { token: tokV, params: { id: rfq.id } })));
    expect(res.data.find((q) => q.id === leadCertified)).toMatchObject({ tkdnStatus: "verified", tkdnPreferencePercent: 12.5 });
    expect(res.data.find((q) => q.id === memberCertified)).toMatchObject({ tkdnStatus: "unverified", tkdnPreferencePercent: 0 });
  });
});

describe("item 14: large numbers are a 400 on their field, never a 500", () => {
  const BIG_QTY = 1_000_000_000; // the largest quantity an RFQ line takes
  const BIG_PRICE = 1_000_000_000_000; // the largest unit price (Rp1 triliun)
  const fieldsOf = async (res: Response) => {
    expect(res.status, await res.clone().text()).toBe(400);
    return ErrorResponseSchema.parse(await jsonOf(res)).error.fields ?? {};
  };
  const written = async () => ({
    rfqs: await t.db.rfq.count(),
    quotes: await t.db.quote.findMany({ select: { id: true, status: true, revision: true }, orderBy: { id: "asc" } }),
    agreements: await t.db.agreement.count(),
    awards: await t.db.award.count(),
    products: await t.db.product.count(),
  });

  it("RFQ (API and action): quantity beyond int4, price beyond the cap, quantity × target beyond a Rupiah sum → 400 on the field", async () => {
    const before = await written();
    const cases: [Record<string, unknown>[], string][] = [
      [[{ name: "Baut", quantity: 3_000_000_000, unit: "pcs" }], "items.0.quantity"],
      [[{ name: "Baut", quantity: 1e300, unit: "pcs" }], "items.0.quantity"],
      [[{ name: "Baut", quantity: 5, unit: "pcs", targetUnitPriceIdr: "9".repeat(40) }], "items.0.targetUnitPriceIdr"],
      [
        [
          { name: "Baut", quantity: 10, unit: "pcs" },
          { name: "Mur", quantity: BIG_QTY, unit: "pcs", targetUnitPriceIdr: BIG_PRICE },
        ],
        "items.1.targetUnitPriceIdr",
      ],
      [
        Array.from({ length: 3 }, (_, i) => ({ name: `Barang ${i}`, quantity: BIG_QTY, unit: "pcs", targetUnitPriceIdr: 4_000_000 })),
        "items",
      ],
    ];
    for (const [items, field] of cases) {
      const fields = await fieldsOf(await callRoute(createRoute, "POST", "/api/v1/rfqs", { token: tokV, body: draftBody({ items }) }));
      expect(Object.keys(fields), field).toContain(field);
    }
    await actAs(verifiedBuyer.owner);
    const viaAction = await createRfqAction({
      ...draftBody(),
      items: { "0": { name: "Mur", quantity: String(BIG_QTY), unit: "pcs", targetUnitPriceIdr: "1.000.000.000.000" } },
    });
    expect(viaAction).toMatchObject({
      ok: false,
      error: { code: "invalid_input", fields: { "items.0.targetUnitPriceIdr": [expect.stringMatching(/terlalu besar/)] } },
    });
    const hugeQty = await createRfqAction({ ...draftBody(), items: { "0": { name: "Mur", quantity: "9".repeat(400), unit: "pcs" } } });
    expect(hugeQty).toMatchObject({ ok: false, error: { code: "invalid_input", fields: { "items.0.quantity": expect.any(Array) } } });
    expect(await written()).toEqual(before);
  });

  it("quote (API and action): quantity × unit price or the quote's total beyond a Rupiah sum → 400 on the field, nothing saved", async () => {
    const rfq = await createRfqRow(t.db, verifiedBuyer.organization.id, {
      items: [
        { name: "Baja lembaran", quantity: BIG_QTY, unit: "kg" },
        { name: "Baja profil", quantity: BIG_QTY, unit: "kg" },
      ],
    });
    const [l1, l2] = rfq.items;
    const before = await written();
    const line = await fieldsOf(
      await callRoute(quotePutRoute, "PUT", "/x", {
        token: tokS,
        params: { id: rfq.id },
        body: {
          items: [
            { rfqItemId: l1.id, unitPriceIdr: 10 },
            { rfqItemId: l2.id, unitPriceIdr: BIG_PRICE },
          ],
          leadTimeDays: 10,
          includesVat: false,
        },
      }),
    );
    expect(line).toEqual({ "items.1.unitPriceIdr": [expect.stringMatching(/terlalu besar/)] });
    // each line fits (5 × 10^15), the sum (10^16) does not
    const total = await fieldsOf(
      await callRoute(quotePutRoute, "PUT", "/x", {
        token: tokS,
        params: { id: rfq.id },
        body: {
          items: [
            { rfqItemId: l1.id, unitPriceIdr: 5_000_000 },
            { rfqItemId: l2.id, unitPriceIdr: 5_000_000 },
          ],
          leadTimeDays: 10,
          includesVat: false,
        },
        headers: { "accept-language": "en" },
      }),
    );
    expect(total).toEqual({ items: [expect.stringMatching(/quote total is too large/)] });
    await actAs(supplier.owner);
    const viaAction = await saveQuoteAction({
      rfqId: rfq.id,
      items: [{ rfqItemId: l1.id, unitPriceIdr: "1.000.000.000.000" }],
      leadTimeDays: "10",
      includesVat: "false",
    });
    expect(viaAction).toMatchObject({ ok: false, error: { code: "invalid_input", fields: { "items.0.unitPriceIdr": expect.any(Array) } } });
    expect(await written()).toEqual(before);
    // within range it is accepted
    const ok = await callRoute(quotePutRoute, "PUT", "/x", {
      token: tokS,
      params: { id: rfq.id },
      body: {
        items: [
          { rfqItemId: l1.id, unitPriceIdr: 4_000_000 },
          { rfqItemId: l2.id, unitPriceIdr: 4_000_000 },
        ],
        leadTimeDays: 10,
        includesVat: false,
      },
    });
    expect(ok.status).toBe(200);
    expect((await jsonOf<{ totalIdr: unknown }>(ok)).totalIdr).toBe(8_000_000_000_000_000);
  });

  it("award (API and action) of a quote whose agreement value would overflow → 400 on the award, nothing written", async () => {
    // a quote stored before the quote check existed: 2 lines × 10^9 × Rp10^12 = 2 × 10^21 (beyond PostgreSQL bigint)
    const rfq = await createRfqRow(t.db, verifiedBuyer.organization.id, {
      deadline: new Date(Date.now() + 3 * 24 * 3600 * 1000),
      items: [
        { name: "Baja lembaran", quantity: BIG_QTY, unit: "kg" },
        { name: "Baja profil", quantity: BIG_QTY, unit: "kg" },
      ],
    });
    const q = await createQuote(t.db, rfq.id, supplier.organization.id, {
      unitPrices: Object.fromEntries(rfq.items.map((i) => [i.id, BigInt(BIG_PRICE)])),
    });
    const before = await written();
    const fields = await fieldsOf(
      await callRoute(awardRoute, "POST", "/x", { token: tokV, params: { id: rfq.id }, body: { awards: [{ quoteId: q.id }] } }),
    );
    expect(fields).toEqual({ "awards.0.rfqItemIds": [expect.stringMatching(/terlalu besar/)] });
    await actAs(verifiedBuyer.owner);
    const viaAction = await awardRfqAction({ rfqId: rfq.id, awards: [{ quoteId: q.id, rfqItemIds: [rfq.items[0].id] }] });
    expect(viaAction).toMatchObject({ ok: false, error: { code: "invalid_input", fields: { "awards.0.rfqItemIds": expect.any(Array) } } });
    expect(await written()).toEqual(before);
    expect((await t.db.rfq.findUniqueOrThrow({ where: { id: rfq.id } })).status).toBe("open");
  });

  it("product prices and quantities beyond their columns → 400 on the field", async () => {
    const before = await written();
    const base = { name: "Kain batik cap", kbli: "13134", unit: "lembar", priceMinIdr: 100000, priceMaxIdr: 150000 };
    for (const [over, field] of [
      [{ priceMaxIdr: "9".repeat(40) }, "priceMaxIdr"],
      [{ priceMinIdr: 1e300 }, "priceMinIdr"],
      [{ moq: 3_000_000_000 }, "moq"],
      [{ monthlyCapacity: 1e20 }, "monthlyCapacity"],
    ] as const) {
      const fields = await fieldsOf(
        await callRoute(productsRoute, "POST", "/api/v1/products", { token: tokS, body: { ...base, ...over } }),
      );
      expect(Object.keys(fields), field).toContain(field);
    }
    expect(await written()).toEqual(before);
  });
});
