// Issue 17 item 2: the dashboard's "Catatan aktivitas" speaks in sentences, in the reader's language, naming
// and linking what each entry is about — and never naming or linking what the reader may not open.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs } from "@/tests/helpers/act-as";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import { createAgreement, createBuyer, createOrganization, createRfq, createUmkm } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { audit } from "@/lib/audit/log";
import { listOwnActivity } from "@/lib/organizations/activity";
import { listOrganizationHistoryForAdmin } from "@/lib/admin/organizations";
import { listUserHistoryForAdmin } from "@/lib/admin/users";
import { RfqSchema } from "@/lib/rfqs/responses";
import { POST as createRoute } from "@/app/api/v1/rfqs/route";
import { POST as publishRoute } from "@/app/api/v1/rfqs/[id]/publish/route";
import { PUT as quotePutRoute } from "@/app/api/v1/rfqs/[id]/quote/route";

const t = useTestDatabase();

let buyer: Awaited<ReturnType<typeof createBuyer>>;
let otherBuyer: Awaited<ReturnType<typeof createBuyer>>;
let umkm: Awaited<ReturnType<typeof createUmkm>>;
let rfqId: string;

const inDays = (d: number) => new Date(Date.now() + d * 24 * 3600 * 1000).toISOString();

beforeAll(async () => {
  buyer = await createBuyer(t.db, { name: "PT Pembeli Kalimat" });
  otherBuyer = await createBuyer(t.db, { name: "PT Pembeli Lain" });
  umkm = await createUmkm(t.db, { name: "CV Batik Kalimat", verificationStatus: "verified" });
  const tokB = (await createApiToken(buyer.owner.id, { name: "erp" })).token;
  const tokS = (await createApiToken(umkm.owner.id, { name: "t" })).token;
  const created = await callRoute(createRoute, "POST", "/api/v1/rfqs", {
    token: tokB,
    body: {
      title: "Seragam batik tulis 2027",
      kbli: "13134",
      deliveryRegencyCode: "31.74",
      deadline: inDays(10),
      items: [{ name: "Kain batik tulis", quantity: 100, unit: "lembar" }],
      visibility: "public",
      sealed: false,
    },
  });
  expect(created.status).toBe(201);
  const rfq = RfqSchema.parse(await jsonOf(created));
  rfqId = rfq.id;
  expect((await callRoute(publishRoute, "POST", "/x", { token: tokB, params: { id: rfqId } })).status).toBe(200);
  const put = await callRoute(quotePutRoute, "PUT", "/x", {
    token: tokS,
    params: { id: rfqId },
    body: { items: [{ rfqItemId: rfq.items[0].id, unitPriceIdr: 120000 }], leadTimeDays: 14, includesVat: false },
  });
  expect(put.status).toBe(200);
});

describe("the activity read (/dasbor)", () => {
  it("tells the buyer's owner what happened to which RFQ, linked to its page, in Bahasa Indonesia and English", async () => {
    const id = await listOwnActivity(await actAs(buyer.owner), { locale: "id" });
    const published = id.find((e) => e.action === "rfq.published");
    expect(published?.sentence.text).toBe("RFQ “Seragam batik tulis 2027” diterbitkan.");
    expect(published?.sentence.subject).toEqual({ text: "RFQ “Seragam batik tulis 2027”", href: `/rfq/${rfqId}` });
    const quote = id.find((e) => e.action === "quote.submitted");
    expect(quote?.sentence.text).toBe("Penawaran diajukan untuk RFQ “Seragam batik tulis 2027”.");
    expect(quote?.sentence.subject?.href).toBe(`/rfq/${rfqId}`);

    const en = await listOwnActivity(await actAs(buyer.owner), { locale: "en" });
    expect(en.find((e) => e.action === "rfq.published")?.sentence.text).toBe("RFQ “Seragam batik tulis 2027” published.");
    expect(en.find((e) => e.action === "rfq.created")?.sentence.text).toBe("RFQ “Seragam batik tulis 2027” created as a draft.");
    // no entry reads like a code any more
    for (const e of [...id, ...en]) expect(e.sentence.text).not.toMatch(/\b[a-z_]+\.[a-z_]+\b/);
  });

  it("links the supplier's own quote to the RFQ on its board", async () => {
    const log = await listOwnActivity(await actAs(umkm.owner), { locale: "id" });
    const quote = log.find((e) => e.action === "quote.submitted");
    expect(quote?.sentence.text).toBe("Penawaran diajukan untuk RFQ “Seragam batik tulis 2027”.");
    expect(quote?.sentence.subject?.href).toBe(`/papan-rfq/${rfqId}`);
  });

  it("never names nor links an RFQ or agreement the reader may not open", async () => {
    const draft = await createRfq(t.db, otherBuyer.organization.id, { status: "draft", title: "Rahasia draf pembeli lain" });
    const agreement = await createAgreement(t.db, otherBuyer.organization.id, buyer.organization.id);
    const elsewhere = await createAgreement(t.db, otherBuyer.organization.id, (await createUmkm(t.db)).organization.id);
    await t.db.$transaction(async (tx) => {
      const base = { organizationId: umkm.organization.id, actorId: null };
      await audit(tx, { ...base, action: "rfq.invited", entityType: "rfq", entityId: draft.id, data: { rfqId: draft.id } });
      await audit(tx, { ...base, action: "payment.recorded", entityType: "Payment", entityId: "p1", data: { agreementId: elsewhere.id } });
    });
    const log = await listOwnActivity(await actAs(umkm.owner), { locale: "id" });
    const invited = log.find((e) => e.action === "rfq.invited");
    expect(invited?.sentence.text).toBe("Pemasok diundang ke sebuah RFQ.");
    expect(invited?.sentence.subject?.href).toBeNull();
    const paid = log.find((e) => e.action === "payment.recorded");
    expect(paid?.sentence.text).toBe("Pembayaran dicatat untuk sebuah perjanjian.");
    expect(paid?.sentence.subject?.href).toBeNull();
    expect(JSON.stringify(log)).not.toContain("Rahasia draf");
    expect(JSON.stringify(log)).not.toContain(elsewhere.number);

    // the same kind of entry about an agreement the reader is a party to names and links it
    await t.db.$transaction((tx) =>
      audit(tx, {
        organizationId: buyer.organization.id,
        action: "payment.recorded",
        entityType: "Payment",
        entityId: "p2",
        data: { agreementId: agreement.id },
      }),
    );
    const own = (await listOwnActivity(await actAs(buyer.owner), { locale: "en" })).find((e) => e.action === "payment.recorded");
    expect(own?.sentence.text).toBe(`Payment recorded for agreement ${agreement.number}.`);
    expect(own?.sentence.subject?.href).toBe(`/kemitraan/${agreement.id}`);
  });
});

describe("the admin's history pages (/admin/organisasi/[id], /admin/pengguna/[id])", () => {
  it("read as sentences naming what happened, linked only to pages an admin can open", async () => {
    const platform = await createOrganization(t.db, "platform");
    const admin = await actAs(platform.owner);
    const history = await listOrganizationHistoryForAdmin(admin, buyer.organization.id, "id");
    const published = history.find((e) => e.action === "rfq.published");
    // named (an admin may know it) but not linked: the buyer's RFQ page answers 404 to an admin
    expect(published?.sentence.text).toBe("RFQ “Seragam batik tulis 2027” diterbitkan.");
    expect(published?.sentence.subject).toEqual({ text: "RFQ “Seragam batik tulis 2027”", href: null });
    expect(history.length).toBeGreaterThan(2);
    for (const e of history) {
      expect(e.sentence.text).not.toMatch(/\b[a-z_]+\.[a-z_]+\b/);
      if (e.sentence.subject?.href) expect(e.sentence.subject.href).toMatch(/^\/(admin|klaster|kawasan|laporan)\//);
    }
    // a suspension of the user reads as a sentence in English too, naming the user with the admin's link
    await t.db.$transaction((tx) =>
      audit(tx, {
        organizationId: platform.organization.id,
        actorId: platform.owner.id,
        action: "user.suspended",
        entityType: "User",
        entityId: umkm.owner.id,
        data: { reason: "Akun disalahgunakan" },
      }),
    );
    const user = await listUserHistoryForAdmin(admin, umkm.owner.id, "en");
    const suspended = user.find((e) => e.action === "user.suspended");
    expect(suspended?.sentence.text).not.toContain("user.suspended");
    expect(suspended?.sentence.subject?.href).toBe(`/admin/pengguna/${umkm.owner.id}`);
    expect(suspended?.note).toBe("Akun disalahgunakan");
    // and nobody else reads it
    await expect(listOrganizationHistoryForAdmin(await actAs(buyer.owner), buyer.organization.id, "id")).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
