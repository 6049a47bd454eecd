// Issue 16: one certificate reviewed on its own. A certificate an UMKM adds or changes after it was verified
// waits for a platform admin (GET /api/v1/admin/certificates, /admin/sertifikat), who approves or returns it
// with a reason; only that certificate changes, the UMKM's owners and admins are told (in-app and the outbox)
// and the decision is audit-logged. Trust follows the review: the TKDN preference counts a certificate only if
// it was verified before the RFQ's deadline, and matching and the directory count verified certificates only.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs, signOut } from "@/tests/helpers/act-as";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import {
  createBuyer,
  createCertification,
  createOrganization,
  createProduct,
  createQuote,
  createRfq,
  createUmkm,
  createUser,
  dateInDays,
} from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { decideVerification } from "@/lib/organizations/service";
import { addCertification, updateCertification } from "@/lib/suppliers/certifications";
import { listCertificatesForReview, reviewCertificate } from "@/lib/suppliers/certificate-review";
import { reviewCertificateAction } from "@/lib/suppliers/actions";
import { certificateQueueQuerySchema, certificationInputSchema } from "@/lib/suppliers/schemas";
import { CertificateQueuePageSchema, CertificateReviewResultSchema } from "@/lib/suppliers/responses";
import { searchSuppliers } from "@/lib/suppliers/search";
import { supplierSearchQuery } from "@/lib/suppliers/search-query";
import { getRecommendedRfqs } from "@/lib/matching/service";
import { getComparison } from "@/lib/quotes/buyer-reads";
import { GET as queueRoute } from "@/app/api/v1/admin/certificates/route";
import { POST as reviewRoute } from "@/app/api/v1/admin/certificates/[id]/review/route";

const t = useTestDatabase();
afterEach(() => signOut());

let admin: Awaited<ReturnType<typeof createOrganization>>;
let adminToken: string;

beforeAll(async () => {
  admin = await createOrganization(t.db, "platform", { name: "Rantai Admin Sertifikat" });
  adminToken = (await createApiToken(admin.owner.id, { name: "admin" })).token;
});

const halal = (number: string) => certificationInputSchema.parse({ type: "halal", number, issuer: "BPJPH", validFrom: "2026-01-05" });

/** A verified UMKM with an owner, an admin and a plain member. */
async function verifiedUmkm(name: string) {
  const umkm = await createUmkm(t.db, { name, verificationStatus: "verified" });
  const adminUser = await createUser(t.db, { name: `Admin ${name}` });
  const memberUser = await createUser(t.db, { name: `Anggota ${name}` });
  await t.db.membership.createMany({
    data: [
      { organizationId: umkm.organization.id, userId: adminUser.id, role: "admin" },
      { organizationId: umkm.organization.id, userId: memberUser.id, role: "member" },
    ],
  });
  return { ...umkm, adminUser, memberUser };
}

/** The version the admin sees in the queue: a review carries it back. */
const stamp = async (id: string) => (await t.db.certification.findUniqueOrThrow({ where: { id } })).updatedAt.toISOString();

const review = (id: string, token: string | undefined, body: unknown) =>
  callRoute(reviewRoute, "POST", `/api/v1/admin/certificates/${id}/review`, { token, params: { id }, body });

describe("who may review", () => {
  it("everyone but a platform admin gets 404 from the queue and the review, and nothing changes", async () => {
    const u = await verifiedUmkm("UD Sertifikat Rahasia");
    const cert = await createCertification(t.db, u.organization.id, { type: "halal", verificationStatus: "pending" });
    const buyer = await createBuyer(t.db);
    const outsiders = [
      (await createApiToken(buyer.owner.id, { name: "b" })).token,
      (await createApiToken(u.owner.id, { name: "u" })).token, // the UMKM itself cannot approve its own certificate
    ];
    for (const token of outsiders) {
      expect((await callRoute(queueRoute, "GET", "/api/v1/admin/certificates", { token, query: { status: "pending" } })).status).toBe(404);
      expect((await review(cert.id, token, { decision: "approved", updatedAt: await stamp(cert.id) })).status).toBe(404);
    }
    expect((await callRoute(queueRoute, "GET", "/api/v1/admin/certificates", {})).status).toBe(401);
    await expect(listCertificatesForReview(await actAs(buyer.owner), certificateQueueQuerySchema.parse({}))).rejects.toMatchObject({
      code: "not_found",
    });
    await actAs(u.owner);
    expect(
      await reviewCertificateAction({ certificationId: cert.id, decision: "approved", updatedAt: await stamp(cert.id) }),
    ).toMatchObject({
      ok: false,
    });
    expect((await t.db.certification.findUniqueOrThrow({ where: { id: cert.id } })).verificationStatus).toBe("pending");
    expect(await t.db.auditLog.count({ where: { entityId: cert.id } })).toBe(0);
  });
});

describe("the queue and the decisions", () => {
  it("a certificate added after verification waits in the queue; approving it changes only it, notifies owners and admins, and is logged", async () => {
    const u = await verifiedUmkm("CV Halal Setelah Verifikasi");
    const added = await addCertification(await actAs(u.owner), halal("ID-HALAL-BARU-1"));
    const other = await addCertification(await actAs(u.owner), halal("ID-HALAL-BARU-2"));
    const row = await t.db.certification.findUniqueOrThrow({ where: { id: added.id } });
    expect(row).toMatchObject({ verificationStatus: "pending", verifiedAt: null });
    expect(row.submittedAt).toBeInstanceOf(Date);

    const res = await callRoute(queueRoute, "GET", "/api/v1/admin/certificates", {
      token: adminToken,
      query: { status: "pending", limit: "100" },
    });
    expect(res.status).toBe(200);
    const page = CertificateQueuePageSchema.parse(await jsonOf(res));
    const entry = page.data.find((c) => c.id === added.id);
    expect(entry).toMatchObject({
      supplier: { id: u.organization.id, name: "CV Halal Setelah Verifikasi" },
      type: "halal",
      number: "ID-HALAL-BARU-1",
      issuer: "BPJPH",
      validFrom: "2026-01-05",
    });

    expect(entry?.updatedAt).toBe(await stamp(added.id));
    const decided = await review(added.id, adminToken, { decision: "approved", updatedAt: entry!.updatedAt });
    expect(decided.status).toBe(200);
    expect(CertificateReviewResultSchema.parse(await jsonOf(decided))).toMatchObject({
      id: added.id,
      status: "verified",
      returnedReason: null,
    });

    const after = await t.db.certification.findUniqueOrThrow({ where: { id: added.id } });
    expect(after).toMatchObject({ verificationStatus: "verified", verifiedById: admin.owner.id });
    expect(after.verifiedAt).toBeInstanceOf(Date);
    expect((await t.db.certification.findUniqueOrThrow({ where: { id: other.id } })).verificationStatus).toBe("pending");

    const notified = await t.db.notification.findMany({
      where: { type: "certificate.approved", organizationId: u.organization.id },
      select: { userId: true },
    });
    expect(notified.map((n) => n.userId).sort()).toEqual([u.owner.id, u.adminUser.id].sort());
    const mail = await t.db.emailOutbox.findMany({ where: { to: { in: [u.owner.email, u.adminUser.email, u.memberUser.email] } } });
    expect(mail.map((m) => m.to).sort()).toEqual([u.owner.email, u.adminUser.email].sort());
    expect(mail[0].subject).toContain("ID-HALAL-BARU-1");

    const audit = await t.db.auditLog.findMany({ where: { entityId: added.id, action: "certification.approved" } });
    expect(audit.map((a) => a.organizationId).sort()).toEqual([u.organization.id, admin.organization.id].sort());

    // Decided once: a second decision is a conflict, and it has left the queue.
    expect(
      (await review(added.id, adminToken, { decision: "returned", reason: "Terlambat", updatedAt: await stamp(added.id) })).status,
    ).toBe(409);
    const again = await listCertificatesForReview(await actAs(admin.owner), certificateQueueQuerySchema.parse({ limit: 100 }));
    expect(again.data.map((c) => c.id)).not.toContain(added.id);
  });

  it("returning needs a reason; with one, the certificate is returned and the UMKM reads why", async () => {
    const u = await verifiedUmkm("UD Sertifikat Dikembalikan");
    const cert = await addCertification(await actAs(u.owner), halal("ID-HALAL-KABUR"));

    await actAs(admin.owner);
    const refused = await reviewCertificateAction({
      certificationId: cert.id,
      decision: "returned",
      reason: "  ",
      updatedAt: await stamp(cert.id),
    });
    expect(refused).toMatchObject({ ok: false, error: { code: "invalid_input", fields: { reason: [expect.any(String)] } } });
    expect((await review(cert.id, adminToken, { decision: "returned", updatedAt: await stamp(cert.id) })).status).toBe(400);
    expect((await t.db.certification.findUniqueOrThrow({ where: { id: cert.id } })).verificationStatus).toBe("pending");
    expect(await t.db.notification.count({ where: { organizationId: u.organization.id, type: { startsWith: "certificate." } } })).toBe(0);

    const done = await reviewCertificateAction({
      certificationId: cert.id,
      decision: "returned",
      reason: "Dokumen tidak terbaca.",
      updatedAt: await stamp(cert.id),
    });
    expect(done).toMatchObject({ ok: true, data: { status: "returned", returnedReason: "Dokumen tidak terbaca." } });
    expect(await t.db.certification.findUniqueOrThrow({ where: { id: cert.id } })).toMatchObject({
      verificationStatus: "returned",
      returnedReason: "Dokumen tidak terbaca.",
      verifiedAt: null,
    });
    const mail = await t.db.emailOutbox.findFirstOrThrow({ where: { to: u.owner.email } });
    expect(mail.text).toContain("Dokumen tidak terbaca.");
    expect(await t.db.auditLog.count({ where: { entityId: cert.id, action: "certification.returned" } })).toBe(2);

    // Fixed and saved again: back in the queue, the old reason gone.
    await updateCertification(await actAs(u.owner), cert.id, halal("ID-HALAL-JELAS"));
    expect(await t.db.certification.findUniqueOrThrow({ where: { id: cert.id } })).toMatchObject({
      verificationStatus: "pending",
      returnedReason: null,
      number: "ID-HALAL-JELAS",
    });
  });

  it("editing a verified certificate's material fields puts it back to pending; saving it unchanged keeps it verified", async () => {
    const u = await verifiedUmkm("CV Sertifikat Diubah");
    const cert = await addCertification(await actAs(u.owner), halal("ID-HALAL-UBAH"));
    await reviewCertificate(await actAs(admin.owner), cert.id, { decision: "approved", reason: "", updatedAt: await stamp(cert.id) });

    await updateCertification(await actAs(u.owner), cert.id, halal("ID-HALAL-UBAH"));
    expect((await t.db.certification.findUniqueOrThrow({ where: { id: cert.id } })).verificationStatus).toBe("verified");

    await updateCertification(
      await actAs(u.owner),
      cert.id,
      certificationInputSchema.parse({ type: "halal", number: "ID-HALAL-UBAH", issuer: "BPJPH", validFrom: "2026-02-01" }),
    );
    const after = await t.db.certification.findUniqueOrThrow({ where: { id: cert.id } });
    expect(after).toMatchObject({ verificationStatus: "pending", verifiedAt: null, verifiedById: null });
  });

  it("an edit after the admin read the queue: the old version cannot be approved (409, still pending); the new one can", async () => {
    const u = await verifiedUmkm("CV TKDN Diubah Diam-diam");
    const tkdnInput = (percent: number) =>
      certificationInputSchema.parse({
        type: "tkdn",
        number: "TKDN-UBAH-1",
        issuer: "Kemenperin",
        validFrom: "2026-01-05",
        validUntil: "2031-01-05",
        percent,
      });
    const cert = await addCertification(await actAs(u.owner), tkdnInput(40));
    const seen = (await listCertificatesForReview(await actAs(admin.owner), certificateQueueQuerySchema.parse({ limit: 100 }))).data.find(
      (c) => c.id === cert.id,
    )!;
    expect(seen.tkdnPercent).toBe(40);

    await updateCertification(await actAs(u.owner), cert.id, tkdnInput(90));
    const stale = await review(cert.id, adminToken, { decision: "approved", updatedAt: seen.updatedAt.toISOString() });
    expect(stale.status).toBe(409);
    expect(JSON.stringify(await jsonOf(stale))).toMatch(/reload|muat ulang/i);
    expect(await t.db.certification.findUniqueOrThrow({ where: { id: cert.id } })).toMatchObject({ verificationStatus: "pending" });
    expect((await review(cert.id, adminToken, { decision: "approved" })).status).toBe(400); // the stamp is required

    const fresh = (await listCertificatesForReview(await actAs(admin.owner), certificateQueueQuerySchema.parse({ limit: 100 }))).data.find(
      (c) => c.id === cert.id,
    )!;
    expect(fresh.tkdnPercent).toBe(90);
    expect((await review(cert.id, adminToken, { decision: "approved", updatedAt: fresh.updatedAt.toISOString() })).status).toBe(200);
    expect(await t.db.certification.findUniqueOrThrow({ where: { id: cert.id } })).toMatchObject({ verificationStatus: "verified" });
  });

  it("lists oldest first, a page at a time, and leaves out certificates of UMKM still under review", async () => {
    const u = await verifiedUmkm("UD Antrean Sertifikat");
    const a = await addCertification(await actAs(u.owner), halal("ANTRE-1"));
    const b = await addCertification(await actAs(u.owner), halal("ANTRE-2"));
    await t.db.certification.update({ where: { id: a.id }, data: { submittedAt: new Date("2020-01-01T00:00:00Z") } });
    await t.db.certification.update({ where: { id: b.id }, data: { submittedAt: new Date("2020-01-02T00:00:00Z") } });
    const unverified = await createUmkm(t.db, { name: "UD Belum Diverifikasi", verificationStatus: "pending" });
    const withProfile = await createCertification(t.db, unverified.organization.id, { verificationStatus: "pending" });

    const actor = await actAs(admin.owner);
    const first = await listCertificatesForReview(actor, certificateQueueQuerySchema.parse({ limit: 1 }));
    expect(first.data.map((c) => c.id)).toEqual([a.id]);
    const second = await listCertificatesForReview(actor, certificateQueueQuerySchema.parse({ limit: 1, cursor: first.nextCursor }));
    expect(second.data.map((c) => c.id)).toEqual([b.id]);
    const all = await listCertificatesForReview(actor, certificateQueueQuerySchema.parse({ limit: 100 }));
    expect(all.data.map((c) => c.id)).not.toContain(withProfile.id);
    await expect(
      reviewCertificate(actor, withProfile.id, { decision: "approved", reason: "", updatedAt: await stamp(withProfile.id) }),
    ).rejects.toMatchObject({
      code: "conflict",
    });
  });
});

describe("the whole-profile verification", () => {
  it("counts as the review of the certificates approved with the profile: when and by whom", async () => {
    const umkm = await createUmkm(t.db, { name: "UD Diverifikasi Utuh", verificationStatus: "pending" });
    const cert = await createCertification(t.db, umkm.organization.id, { verificationStatus: "unverified" });
    await decideVerification(await actAs(admin.owner), { organizationId: umkm.organization.id, decision: "verified", note: "" });
    const after = await t.db.certification.findUniqueOrThrow({ where: { id: cert.id } });
    expect(after).toMatchObject({ verificationStatus: "verified", verifiedById: admin.owner.id });
    expect(after.verifiedAt).toBeInstanceOf(Date);
    // Added afterwards: it waits for its own review.
    const later = await addCertification(await actAs(umkm.owner), halal("ID-HALAL-SESUDAH"));
    expect((await t.db.certification.findUniqueOrThrow({ where: { id: later.id } })).verificationStatus).toBe("pending");
  });
});

describe("trust follows the review", () => {
  it("the TKDN preference counts a certificate verified before the RFQ's deadline, not one verified after it", async () => {
    const buyer = await createBuyer(t.db, { name: "PT Pembeli TKDN Tepat Waktu" });
    const deadline = new Date(Date.now() - 3_600_000);
    const rfq = await createRfq(t.db, buyer.organization.id, {
      deadline,
      status: "closed",
      items: [{ name: "Kain batik cap", quantity: 10, unit: "lembar", targetUnitPriceIdr: 100_000n }],
    });
    const before = await verifiedUmkm("CV TKDN Sebelum Tenggat");
    await createCertification(t.db, before.organization.id, {
      type: "tkdn",
      tkdnPercent: "45.00",
      validUntil: dateInDays(300),
      verifiedAt: new Date(deadline.getTime() - 60_000),
    });
    const late = await verifiedUmkm("CV TKDN Sesudah Tenggat");
    const lateCert = await addCertification(
      await actAs(late.owner),
      certificationInputSchema.parse({
        type: "tkdn",
        number: "TKDN-TELAT",
        validFrom: "2025-01-01",
        validUntil: "2030-01-01",
        percent: "45",
      }),
    );
    await reviewCertificate(await actAs(admin.owner), lateCert.id, {
      decision: "approved",
      reason: "",
      updatedAt: await stamp(lateCert.id),
    }); // now: after the deadline
    for (const s of [before, late])
      await createQuote(t.db, rfq.id, s.organization.id, { offeredTkdn: "40.00", unitPrices: { [rfq.items[0].id]: 100_000n } });

    const cmp = await getComparison(await actAs(buyer.owner), rfq.id);
    const bySupplier = Object.fromEntries(
      cmp.suppliers.map((s) => [s.supplier.name, { status: s.tkdnStatus, pref: s.column.preferencePercent }]),
    );
    expect(bySupplier).toEqual({
      "CV TKDN Sebelum Tenggat": { status: "verified", pref: 10 },
      "CV TKDN Sesudah Tenggat": { status: "unverified", pref: 0 },
    });
  });

  it("the directory's certificate filter and matching ignore a certificate until it is verified", async () => {
    const u = await verifiedUmkm("UD Kerupuk Menunggu Halal");
    await t.db.supplierProfile.update({ where: { organizationId: u.organization.id }, data: { regencyCode: "33.74" } });
    const halalCert = await addCertification(await actAs(u.owner), halal("HALAL-KERUPUK"));
    const search = () => searchSuppliers(supplierSearchQuery.parse({ q: "Kerupuk Menunggu", certification: "halal" }));
    expect((await search()).data.map((s) => s.id)).not.toContain(u.organization.id);

    // Matching: an RFQ that wants halal and TKDN ≥ 25%; the pending certificates do not count.
    await createProduct(t.db, u.organization.id, { name: "Kerupuk udang", kbliCode: "10794", unit: "kg", monthlyCapacity: 5000 });
    const tkdn = await addCertification(
      await actAs(u.owner),
      certificationInputSchema.parse({
        type: "tkdn",
        number: "TKDN-KERUPUK",
        validFrom: "2025-01-01",
        validUntil: "2030-01-01",
        percent: "60",
      }),
    );
    const buyer = await createBuyer(t.db, { name: "PT Pembeli Kerupuk" });
    const rfq = await createRfq(t.db, buyer.organization.id, {
      title: "Pengadaan kerupuk udang",
      kbliCode: "10794",
      deliveryRegencyCode: "33.74",
      deadline: dateInDays(21),
      requiredCertifications: ["halal"],
      minTkdn: 25,
      items: [{ name: "Kerupuk udang", quantity: 100, unit: "kg" }],
    });
    const rec = async () => (await getRecommendedRfqs(await actAs(u.owner), u.organization.id)).find((r) => r.rfq.id === rfq.id);
    const pending = await rec();
    expect(pending?.qualified ?? false).toBe(false);

    const actor = await actAs(admin.owner);
    await reviewCertificate(actor, halalCert.id, { decision: "approved", reason: "", updatedAt: await stamp(halalCert.id) });
    await reviewCertificate(actor, tkdn.id, { decision: "approved", reason: "", updatedAt: await stamp(tkdn.id) });
    expect((await search()).data.map((s) => s.id)).toContain(u.organization.id);
    expect(await rec()).toMatchObject({ qualified: true, gaps: [] });
  });
});
