// Issue 16 item 5: notifications people expect on their first day, and the right to turn them off.
//   - a verification decision (approved, or returned with the admin's note) reaches the organization: every
//     member in the app, owners and admins by e-mail, in the decision's transaction;
//   - certificate-expiry reminders at 60, 30 and 7 days and on expiry, exactly once each however often (or
//     concurrently) the sweep runs, counted in the organization's time zone; a renewal starts a fresh set;
//   - per-user opt-out by kind stops that kind's e-mail (or in-app row) for that user only, never a mandatory
//     kind; nobody reads or writes another user's preferences.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs, signOut } from "@/tests/helpers/act-as";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import { createCertification, createOrganization, createUmkm, createUser, dateInDays } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { decideVerification } from "@/lib/organizations/service";
import { sweepCertificateExpiry } from "@/lib/notifications/certificate-expiry";
import { notify, type NotificationType } from "@/lib/notifications/notify";
import { getNotificationPreferences, updateNotificationPreferences } from "@/lib/notifications/preferences";
import { saveNotificationPreferencesAction } from "@/lib/notifications/actions";
import { GET as getPrefsRoute, PUT as putPrefsRoute } from "@/app/api/v1/notifications/preferences/route";
import { NotificationPreferencesSchema } from "@/lib/notifications/responses";

const t = useTestDatabase();

/** An UMKM with an owner, an admin and a plain member (each with their own e-mail). */
async function team(overrides: { regencyCode?: string; name?: string } = {}) {
  const umkm = await createUmkm(t.db, { verificationStatus: "pending", ...overrides });
  const admin = await createUser(t.db, { name: "Admin Tim" });
  const member = await createUser(t.db, { name: "Anggota Tim" });
  await t.db.membership.createMany({
    data: [
      { userId: admin.id, organizationId: umkm.organization.id, role: "admin" },
      { userId: member.id, organizationId: umkm.organization.id, role: "member" },
    ],
  });
  return { org: umkm.organization, owner: umkm.owner, admin, member };
}

const inbox = async (userId: string, type: string) => t.db.notification.findMany({ where: { userId, type } });
const mails = async (to: string) => t.db.emailOutbox.findMany({ where: { to } });

let platform: Awaited<ReturnType<typeof createOrganization>>;
beforeAll(async () => {
  platform = await createOrganization(t.db, "platform", { name: "Rantai Admin" });
});

describe("a verification decision", () => {
  it("returned with a note: every member sees it in the app with the note, owners and admins get the e-mail", async () => {
    const x = await team({ name: "UD Tenun Dikembalikan" });
    await decideVerification(await actAs(platform.owner), {
      organizationId: x.org.id,
      decision: "returned",
      note: "Foto NIB buram, unggah ulang.",
    });
    for (const u of [x.owner, x.admin, x.member]) {
      const [n] = await inbox(u.id, "verification.returned");
      expect(n, u.name).toBeDefined();
      expect(n.organizationId).toBe(x.org.id);
      expect(n.link).toBe("/profil-usaha");
      expect(n.params).toMatchObject({ organizationName: "UD Tenun Dikembalikan", note: "Foto NIB buram, unggah ulang." });
    }
    for (const u of [x.owner, x.admin]) {
      const [m] = await mails(u.email);
      expect(m.subject).toBe("Verifikasi UD Tenun Dikembalikan dikembalikan");
      expect(m.text).toContain("Foto NIB buram, unggah ulang.");
    }
    expect(await mails(x.member.email)).toHaveLength(0);
  });

  it("approved: the organization hears it, in each reader's language; a buyer's link is its dashboard", async () => {
    const x = await team();
    await t.db.user.update({ where: { id: x.admin.id }, data: { locale: "en" } });
    await decideVerification(await actAs(platform.owner), { organizationId: x.org.id, decision: "verified", note: "" });
    expect(await inbox(x.member.id, "verification.approved")).toHaveLength(1);
    expect((await mails(x.admin.email))[0].subject).toBe(`${x.org.name} has been verified`);
    expect((await mails(x.owner.email))[0].subject).toBe(`${x.org.name} telah diverifikasi`);

    const buyer = await createOrganization(t.db, "buyer", { name: "PT Pembeli Baru" });
    await decideVerification(await actAs(platform.owner), { organizationId: buyer.organization.id, decision: "verified", note: "" });
    expect((await inbox(buyer.owner.id, "verification.approved"))[0].link).toBe("/dasbor");
  });
});

describe("certificate expiry reminders", () => {
  const DAY = 24 * 60 * 60_000;
  // Noon in WIB on 1 December 2026; validUntil dates are calendar days (UTC midnight).
  const base = new Date("2026-12-01T05:00:00Z");
  const at = (days: number) => new Date(base.getTime() + days * DAY);
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const reminders = (certificationId: string) =>
    t.db.certificateExpiryReminder.findMany({ where: { certificationId }, orderBy: { sentAt: "asc" }, select: { threshold: true } });

  it("60, 30, 7 days before and on expiry: once each, however often the sweep runs", async () => {
    const x = await team();
    // 60 days after base
    const cert = await createCertification(t.db, x.org.id, { type: "halal", number: "HALAL-ID-0001", validUntil: day("2027-01-30") });
    const other = await createCertification(t.db, x.org.id, { validUntil: day("2028-06-30") }); // far away: never reminded

    for (const [d, expected] of [
      [0, [60]],
      [1, [60]],
      [30, [60, 30]],
      [45, [60, 30]],
      [53, [60, 30, 7]],
      [59, [60, 30, 7]],
      [60, [60, 30, 7, 0]],
      [61, [60, 30, 7, 0]],
      [90, [60, 30, 7, 0]],
    ] as const) {
      await sweepCertificateExpiry({ now: at(d) });
      await sweepCertificateExpiry({ now: at(d) }); // a second instance, or a restart: nothing more
      expect(
        (await reminders(cert.id)).map((r) => r.threshold),
        `day ${d}`,
      ).toEqual(expected);
    }
    expect(await reminders(other.id)).toEqual([]);
    // Every member got each one in the app; owners and admins by e-mail, plain members not.
    expect(await inbox(x.member.id, "certificate.expiring")).toHaveLength(3);
    expect(await inbox(x.member.id, "certificate.expired")).toHaveLength(1);
    const ownerMail = await mails(x.owner.email);
    expect(ownerMail.map((m) => m.subject)).toEqual([
      "Sertifikat HALAL HALAL-ID-0001 berakhir dalam 60 hari",
      "Sertifikat HALAL HALAL-ID-0001 berakhir dalam 30 hari",
      "Sertifikat HALAL HALAL-ID-0001 berakhir dalam 7 hari",
      "Sertifikat HALAL HALAL-ID-0001 telah berakhir",
    ]);
    expect(ownerMail[0].text).toContain("30 Januari 2027");
    expect(ownerMail[0].text).toContain("/profil-usaha/langkah/sertifikat?ubah=1");
    expect(await mails(x.admin.email)).toHaveLength(4);
    expect(await mails(x.member.email)).toHaveLength(0);
  });

  it("concurrent sweeps send each reminder once", async () => {
    const x = await team();
    const certs = await Promise.all(
      [1, 2, 3].map((i) => createCertification(t.db, x.org.id, { number: `SNI-${i}`, type: "sni", validUntil: day("2026-12-05") })),
    );
    await Promise.all([
      sweepCertificateExpiry({ now: base }),
      sweepCertificateExpiry({ now: base }),
      sweepCertificateExpiry({ now: base }),
    ]);
    for (const c of certs) expect((await reminders(c.id)).map((r) => r.threshold)).toEqual([7]);
    expect(await inbox(x.owner.id, "certificate.expiring")).toHaveLength(3);
    expect(await mails(x.owner.email)).toHaveLength(3);
  });

  it("only the most urgent reminder due is sent, and a renewal starts a fresh set", async () => {
    const x = await team();
    const cert = await createCertification(t.db, x.org.id, { validUntil: day("2026-12-21") }); // 20 days left
    await sweepCertificateExpiry({ now: base });
    expect((await reminders(cert.id)).map((r) => r.threshold)).toEqual([30]);

    await t.db.certification.update({ where: { id: cert.id }, data: { validUntil: day("2027-01-20") } }); // renewed: 50 days left
    await sweepCertificateExpiry({ now: base });
    await sweepCertificateExpiry({ now: at(45) });
    const rows = await t.db.certificateExpiryReminder.findMany({ where: { certificationId: cert.id }, orderBy: { sentAt: "asc" } });
    expect(rows.map((r) => [r.threshold, r.validUntil.toISOString().slice(0, 10)])).toEqual([
      [30, "2026-12-21"],
      [60, "2027-01-20"],
      [7, "2027-01-20"],
    ]);
  });

  it("days are counted in the organization's time zone (at 23:30 WIB it is already tomorrow in WIT)", async () => {
    const jakarta = await team({ regencyCode: "31.71" });
    const jayapura = await team({ regencyCode: "91.71" });
    const c1 = await createCertification(t.db, jakarta.org.id, { validUntil: day("2026-12-09") });
    const c2 = await createCertification(t.db, jayapura.org.id, { validUntil: day("2026-12-09") });
    // 23:30 WIB on 1 December = 01:30 WIT on 2 December: 8 days left in Jakarta, 7 in Jayapura.
    await sweepCertificateExpiry({ now: new Date("2026-12-01T16:30:00Z") });
    expect((await reminders(c1.id)).map((r) => r.threshold)).toEqual([30]);
    expect((await reminders(c2.id)).map((r) => r.threshold)).toEqual([7]);
  });

  it("a certificate that expired long ago is not announced", async () => {
    const x = await team();
    const cert = await createCertification(t.db, x.org.id, { validUntil: day("2026-10-01") });
    await sweepCertificateExpiry({ now: base });
    expect(await reminders(cert.id)).toEqual([]);
  });
});

describe("preferences", () => {
  it("opting out of e-mail for a kind stops that kind's e-mail for that user only; in-app stays", async () => {
    const x = await team();
    await updateNotificationPreferences(await actAs(x.owner), { preferences: [{ kind: "verification", email: false }] });
    await decideVerification(await actAs(platform.owner), { organizationId: x.org.id, decision: "returned", note: "Lengkapi NPWP." });
    expect(await inbox(x.owner.id, "verification.returned")).toHaveLength(1);
    expect(await mails(x.owner.email)).toHaveLength(0);
    expect(await mails(x.admin.email)).toHaveLength(1);
    // Another kind still e-mails the owner.
    await createCertification(t.db, x.org.id, { validUntil: dateInDays(20) });
    await sweepCertificateExpiry();
    expect(await mails(x.owner.email)).toHaveLength(1);
  });

  it("opting out in the app stops the notification row too; turning both back on removes the opt-out", async () => {
    const x = await team();
    const actor = await actAs(x.member);
    await updateNotificationPreferences(actor, { preferences: [{ kind: "certificates", inApp: false, email: false }] });
    await createCertification(t.db, x.org.id, { validUntil: dateInDays(5) });
    await sweepCertificateExpiry();
    expect(await inbox(x.member.id, "certificate.expiring")).toHaveLength(0);
    expect(await inbox(x.owner.id, "certificate.expiring")).toHaveLength(1);
    const back = await updateNotificationPreferences(actor, { preferences: [{ kind: "certificates", inApp: true, email: true }] });
    expect(back.find((p) => p.kind === "certificates")).toMatchObject({ inApp: true, email: true });
    expect(await t.db.notificationPreference.count({ where: { userId: x.member.id } })).toBe(0);
  });

  it("mandatory kinds cannot be turned off (400, nothing written) and are delivered even with a stored opt-out", async () => {
    const x = await team();
    const actor = await actAs(x.owner);
    await expect(updateNotificationPreferences(actor, { preferences: [{ kind: "team", email: false }] })).rejects.toMatchObject({
      code: "invalid_input",
    });
    expect(await t.db.notificationPreference.count({ where: { userId: x.owner.id } })).toBe(0);
    // Even a row written behind the service's back does not silence a mandatory kind.
    await t.db.notificationPreference.create({ data: { userId: x.owner.id, kind: "team", inApp: false, email: false } });
    await t.db.$transaction((tx) =>
      notify(tx, {
        type: "organization.invited" as NotificationType, // the members lane's type (team kind)
        userIds: [x.owner.id],
        params: {},
      }),
    );
    expect(await inbox(x.owner.id, "organization.invited")).toHaveLength(1);
    expect(await mails(x.owner.email)).toHaveLength(1);
    const prefs = await getNotificationPreferences(actor);
    expect(prefs.find((p) => p.kind === "team")).toEqual({ kind: "team", mandatory: true, inApp: true, email: true });
  });

  it("the form action saves the boxes shown: unchecked means off", async () => {
    const x = await team();
    await actAs(x.admin);
    const form = new FormData();
    for (const k of ["rfqs", "quotes", "team"]) form.append("kinds[]", k);
    form.append("inApp[]", "rfqs");
    form.append("email[]", "rfqs");
    form.append("inApp[]", "quotes");
    const r = await saveNotificationPreferencesAction(null, form);
    expect(r.ok).toBe(true);
    const rows = await t.db.notificationPreference.findMany({
      where: { userId: x.admin.id },
      select: { kind: true, inApp: true, email: true },
    });
    expect(rows).toEqual([{ kind: "quotes", inApp: true, email: false }]);
  });

  it("API: GET and PUT act on the caller's own preferences only; no user id can be named; signed out → 401", async () => {
    const a = await team();
    const b = await team();
    const tokA = (await createApiToken(a.owner.id, { name: "erp" })).token;
    await updateNotificationPreferences(await actAs(b.owner), { preferences: [{ kind: "awards", email: false }] });

    const put = await callRoute(putPrefsRoute, "PUT", "/api/v1/notifications/preferences", {
      token: tokA,
      body: { preferences: [{ kind: "quotes", email: false }] },
    });
    expect(put.status, await put.clone().text()).toBe(200);
    const body = NotificationPreferencesSchema.parse(await jsonOf(put));
    expect(body.data.find((p) => p.kind === "quotes")).toMatchObject({ inApp: true, email: false, mandatory: false });
    expect(body.data.find((p) => p.kind === "awards")).toMatchObject({ email: true }); // b's opt-out is b's

    // A userId in the body is refused (strict), in the query ignored: b's settings are untouched either way.
    const sneaky = await callRoute(putPrefsRoute, "PUT", "/api/v1/notifications/preferences", {
      token: tokA,
      body: { userId: b.owner.id, preferences: [{ kind: "awards", email: true }] },
    });
    expect(sneaky.status).toBe(400);
    const got = await callRoute(getPrefsRoute, "GET", `/api/v1/notifications/preferences?userId=${b.owner.id}`, { token: tokA });
    expect(got.status).toBe(200);
    expect(NotificationPreferencesSchema.parse(await jsonOf(got)).data.find((p) => p.kind === "awards")).toMatchObject({ email: true });
    expect(await t.db.notificationPreference.findMany({ where: { userId: b.owner.id }, select: { kind: true, email: true } })).toEqual([
      { kind: "awards", email: false },
    ]);

    const mandatory = await callRoute(putPrefsRoute, "PUT", "/api/v1/notifications/preferences", {
      token: tokA,
      body: { preferences: [{ kind: "security", email: false }] },
    });
    expect(mandatory.status).toBe(400);
    signOut();
    expect((await callRoute(getPrefsRoute, "GET", "/api/v1/notifications/preferences")).status).toBe(401);
    expect(
      (
        await callRoute(putPrefsRoute, "PUT", "/api/v1/notifications/preferences", {
          body: { preferences: [{ kind: "quotes", email: false }] },
        })
      ).status,
    ).toBe(401);
  });
});
