// issue 11 item 2, "cooperative member takeover", on a real database (PostgreSQL and PGlite):
//  - an import creates new UMKM or updates the cooperative's own members; every other existing NIB (another
//    cooperative's unclaimed member, an UMKM of no cooperative, owned or not) is refused for that row, and
//    nothing of that UMKM changes: data, membership, invitations;
//  - a claim succeeds only while the UMKM has no owner (also with two claims at once);
//  - an unverified cooperative's owner invitations wait (stored, not e-mailed, no usable link) until a platform
//    admin verifies it, then go out through the outbox;
//  - an existing UMKM joins a cooperative only by accepting the cooperative's request.
import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});
// The cards' translations, from the real message files (next-intl's request config needs a Next request).
vi.mock("next-intl/server", async () => {
  const { translate } = await import("@/lib/i18n/translate");
  const translator = (ns?: string) => {
    const t = (key: string, values?: Record<string, string | number>) => translate("id", ns ? `${ns}.${key}` : key, values);
    return Object.assign(t, { has: () => true });
  };
  return {
    getTranslations: vi.fn(async (ns?: string) => translator(ns)),
    getLocale: vi.fn(async () => "id"),
    getTimeZone: vi.fn(async () => "Asia/Jakarta"),
  };
});

import { testBackend, useTestDatabase } from "@/tests/helpers/db";
import { actAs, signOut } from "@/tests/helpers/act-as";
import { createCooperative, createOrganization, createUmkm, createUser, uniqueNib } from "@/tests/helpers/factories";
import { importMembersCsv, type ImportResult } from "@/lib/cooperatives/import";
import { IMPORT_COLUMNS } from "@/lib/cooperatives/import-parse";
import { claimInvitation, findClaimableInvitation, listMembers } from "@/lib/cooperatives/members";
import { decideJoinRequest, findJoinCandidates, listIncomingJoinRequests, requestMembership } from "@/lib/cooperatives/join-requests";
import { decideJoinRequestAction, requestMembershipAction } from "@/lib/cooperatives/actions";
import { decideVerification as decideVerificationAction } from "@/lib/auth/actions";
import { renderNotification } from "@/lib/notifications/notify";
import { IncomingJoinRequestsCard } from "@/components/cooperatives/incoming-requests-card";
import { JoinPanel } from "@/components/cooperatives/join-panel";

const t = useTestDatabase();
afterEach(() => signOut());

const freshNib = uniqueNib;

type Row = Partial<Record<(typeof IMPORT_COLUMNS)[number], string>> & { nama_usaha: string; nib: string };

function csv(rows: Row[]): string {
  const base = { kode_kabupaten: "33.75", kbli: "13134", bentuk_usaha: "ud", modal_usaha: "50000000", omzet_tahunan: "200000000" };
  return [IMPORT_COLUMNS.join(","), ...rows.map((r) => IMPORT_COLUMNS.map((c) => ({ ...base, ...r })[c] ?? "").join(","))].join("\n");
}

function done(r: Awaited<ReturnType<typeof importMembersCsv>>): ImportResult {
  if (r.type !== "done") throw new Error(`import refused: ${r.message}`);
  return r;
}

/** The claim link's token from the newest invitation e-mail sent to `to`. */
async function tokenFromEmail(to: string): Promise<string> {
  const mail = await t.db.emailOutbox.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
  const m = /\/klaim\/([A-Za-z0-9_-]+)/.exec(mail.text ?? "");
  if (!m) throw new Error(`no claim link in: ${mail.text}`);
  return m[1];
}

/** Everything a takeover could change about an UMKM, to compare before and after. */
async function snapshot(organizationId: string) {
  const org = await t.db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    include: {
      supplierProfile: { include: { kbli: { orderBy: { kbliCode: "asc" } } } },
      cooperatives: { orderBy: { cooperativeId: "asc" } },
      invitations: { orderBy: { id: "asc" } },
      memberships: true,
    },
  });
  return JSON.parse(JSON.stringify(org, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}

async function coop(overrides: Parameters<typeof createCooperative>[1] = {}) {
  const c = await createCooperative(t.db, { members: 0, ...overrides });
  return { ...c, actor: await actAs(c.owner) };
}

describe("cooperative import: only new UMKM and the cooperative's own members", () => {
  it("refuses cooperative B's import of cooperative A's unclaimed member (B's e-mail): row refused, UMKM, membership and invitations unchanged", async () => {
    const a = await coop({ name: "Koperasi A" });
    const nib = freshNib();
    done(await importMembersCsv(a.actor, csv([{ nama_usaha: "Batik Bu Ani", nib, email_pemilik: "ani@contoh.id", nomor_anggota: "A-1" }])));
    const umkm = await t.db.supplierProfile.findUniqueOrThrow({ where: { nib } });
    const before = await snapshot(umkm.organizationId);
    const mailsBefore = await t.db.emailOutbox.count();

    const b = await coop({ name: "Koperasi B" });
    const r = done(
      await importMembersCsv(
        b.actor,
        csv([
          {
            nama_usaha: "Batik Rebutan",
            nib,
            email_pemilik: "perebut@koperasi-b.id",
            modal_usaha: "10000000",
            kbli: "47713",
            nomor_anggota: "B-9",
          },
        ]),
      ),
    );
    expect(r).toMatchObject({ committed: 0, created: 0, updated: 0, failed: 1, invitations: 0, invitationsHeld: 0 });
    expect(r.errors).toEqual([{ row: 2, column: "nib", message: expect.stringMatching(/sudah terdaftar di Rantai/) }]);
    expect(r.reportCsv).toContain("permintaan keanggotaan");

    expect(await snapshot(umkm.organizationId)).toEqual(before);
    expect(await t.db.cooperativeMembership.count({ where: { memberId: umkm.organizationId, cooperativeId: b.organization.id } })).toBe(0);
    expect(await t.db.organizationInvitation.count({ where: { email: "perebut@koperasi-b.id" } })).toBe(0);
    expect(await t.db.emailOutbox.count()).toBe(mailsBefore);

    // English report for an English-speaking cooperative
    const en = done(await importMembersCsv(b.actor, csv([{ nama_usaha: "Batik Rebutan", nib }]), { locale: "en" }));
    expect(en.errors[0].message).toMatch(/already registered on Rantai/);
    expect(await snapshot(umkm.organizationId)).toEqual(before);
  });

  it("refuses every other existing NIB: unowned and in no cooperative, owned, and a member that left", async () => {
    const a = await coop();
    const loneNib = freshNib();
    const leftNib = freshNib();
    done(
      await importMembersCsv(
        a.actor,
        csv([
          { nama_usaha: "Sendiri", nib: loneNib },
          { nama_usaha: "Keluar", nib: leftNib },
        ]),
      ),
    );
    const lone = await t.db.supplierProfile.findUniqueOrThrow({ where: { nib: loneNib } });
    const left = await t.db.supplierProfile.findUniqueOrThrow({ where: { nib: leftNib } });
    await t.db.cooperativeMembership.deleteMany({ where: { memberId: lone.organizationId } }); // unowned, in no cooperative
    await t.db.cooperativeMembership.updateMany({ where: { memberId: left.organizationId }, data: { status: "left" } });
    const owned = await createUmkm(t.db, { name: "Punya Pemilik" });
    const snaps = await Promise.all([lone, left].map((p) => snapshot(p.organizationId)).concat(snapshot(owned.organization.id)));

    const b = await coop();
    const r = done(
      await importMembersCsv(
        b.actor,
        csv([
          { nama_usaha: "Ambil 1", nib: loneNib, email_pemilik: "x1@contoh.id" },
          { nama_usaha: "Ambil 2", nib: owned.profile.nib!, email_pemilik: "x2@contoh.id" },
        ]),
      ),
    );
    expect(r).toMatchObject({ committed: 0, failed: 2, invitations: 0 });
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [2, "nib"],
      [3, "nib"],
    ]);
    // the cooperative it left cannot re-take it by import either
    const again = done(
      await importMembersCsv(await actAs(a.owner), csv([{ nama_usaha: "Kembali", nib: leftNib, email_pemilik: "x3@contoh.id" }])),
    );
    expect(again).toMatchObject({ committed: 0, failed: 1 });
    expect(await Promise.all([lone, left].map((p) => snapshot(p.organizationId)).concat(snapshot(owned.organization.id)))).toEqual(snaps);
    expect(await t.db.organizationInvitation.count({ where: { email: { in: ["x1@contoh.id", "x2@contoh.id", "x3@contoh.id"] } } })).toBe(0);
  });

  it("creates new UMKM and updates its own members (an owned member only in its membership)", async () => {
    const a = await coop();
    const nib1 = freshNib();
    const nib2 = freshNib();
    const first = done(
      await importMembersCsv(
        a.actor,
        csv([
          { nama_usaha: "Satu", nib: nib1, email_pemilik: "satu@contoh.id" },
          { nama_usaha: "Dua", nib: nib2 },
        ]),
      ),
    );
    expect(first).toMatchObject({ created: 2, updated: 0, invitations: 1 });
    const owned = await createUmkm(t.db, { name: "Anggota Lama" });
    await t.db.cooperativeMembership.create({
      data: { cooperativeId: a.organization.id, memberId: owned.organization.id, status: "active" },
    });

    const second = done(
      await importMembersCsv(
        a.actor,
        csv([
          { nama_usaha: "Satu (baru)", nib: nib1, email_pemilik: "satu@contoh.id" },
          { nama_usaha: "Dua (baru)", nib: nib2 },
          { nama_usaha: "Anggota Lama (baru)", nib: owned.profile.nib! },
          { nama_usaha: "Tiga", nib: freshNib() },
        ]),
      ),
    );
    expect(second).toMatchObject({ created: 1, updated: 3, failed: 0, invitations: 0, profileUnchanged: 1 });
    // the owned member manages its own profile (coop-owned-member.integration.test.ts): its name stays
    expect(second.notices.map((n) => n.row)).toEqual([4]);
    const names = (
      await t.db.organization.findMany({ where: { cooperatives: { some: { cooperativeId: a.organization.id } } }, select: { name: true } })
    )
      .map((o) => o.name)
      .sort();
    expect(names).toEqual(["Anggota Lama", "Dua (baru)", "Satu (baru)", "Tiga"]);
  });
});

describe("cooperative import racing a registration of the same NIB (PostgreSQL: two connections)", () => {
  it.runIf(testBackend() === "postgres")(
    "a NIB registered between the import's check and its insert is refused, and no stray UMKM is left",
    async () => {
      const c = await coop();
      const nib = freshNib();
      let importing: ReturnType<typeof importMembersCsv> | null = null;
      // Another transaction registers the NIB and stays open while the import runs: the import does not see it
      // when it checks, and waits on the NIB's unique index when it inserts.
      await t.db.$transaction(
        async (tx) => {
          await createUmkm(tx, { name: "Daftar Sendiri", nib });
          importing = importMembersCsv(c.actor, csv([{ nama_usaha: "Balapan", nib, email_pemilik: `balapan.${nib}@contoh.id` }]));
          await new Promise((r) => setTimeout(r, 1500));
        },
        { timeout: 20_000 },
      );
      const r = done(await importing!);
      expect(r).toMatchObject({ committed: 0, created: 0, failed: 1, invitations: 0 });
      expect(r.errors[0]).toMatchObject({ column: "nib", message: expect.stringMatching(/sudah terdaftar/) });
      expect(await t.db.organization.count({ where: { name: "Balapan" } })).toBe(0);
      expect(await t.db.cooperativeMembership.count({ where: { cooperativeId: c.organization.id } })).toBe(0);
      expect(await t.db.organizationInvitation.count({ where: { email: `balapan.${nib}@contoh.id` } })).toBe(0);
      const registered = await t.db.supplierProfile.findUniqueOrThrow({ where: { nib }, include: { organization: true } });
      expect(registered.organization.name).toBe("Daftar Sendiri");
    },
  );
});

describe("owner invitations of an unverified cooperative", () => {
  it("are stored but not e-mailed (no usable link) and go out when a platform admin verifies the cooperative", async () => {
    const c = await coop({ verificationStatus: "unverified" });
    const nib = freshNib();
    const r = done(await importMembersCsv(c.actor, csv([{ nama_usaha: "Tunggu Verifikasi", nib, email_pemilik: "tunggu@contoh.id" }])));
    expect(r).toMatchObject({ created: 1, invitations: 0, invitationsHeld: 1 });
    const inv = await t.db.organizationInvitation.findFirstOrThrow({ where: { email: "tunggu@contoh.id" } });
    expect(inv.heldAt).toBeInstanceOf(Date);
    expect(await t.db.emailOutbox.count({ where: { to: "tunggu@contoh.id" } })).toBe(0);
    const members = await listMembers(c.actor, {});
    expect(members.items[0]).toMatchObject({ invitationHeld: true, invitationPending: false });
    // re-uploading does not pile up held invitations
    expect(
      done(await importMembersCsv(c.actor, csv([{ nama_usaha: "Tunggu Verifikasi", nib, email_pemilik: "tunggu@contoh.id" }]))),
    ).toMatchObject({ invitationsHeld: 0 });
    expect(await t.db.organizationInvitation.count({ where: { email: "tunggu@contoh.id" } })).toBe(1);

    const admin = await createOrganization(t.db, "platform", { name: `Rantai Admin ${Math.random()}` });
    await actAs(admin.owner);
    expect(await decideVerificationAction({ organizationId: c.organization.id, decision: "verified" })).toMatchObject({ ok: true });

    const sent = await t.db.organizationInvitation.findUniqueOrThrow({ where: { id: inv.id } });
    expect(sent.heldAt).toBeNull();
    expect(sent.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    const token = await tokenFromEmail("tunggu@contoh.id");
    expect((await findClaimableInvitation(token))?.organization.name).toBe("Tunggu Verifikasi");
    signOut();
    await claimInvitation(token, { name: "Bu Tunggu", password: "rahasia-panjang-1" });
    const profile = await t.db.supplierProfile.findUniqueOrThrow({ where: { nib } });
    expect(await t.db.membership.count({ where: { organizationId: profile.organizationId, role: "owner" } })).toBe(1);
  });

  it("a returned (not verified) decision sends nothing", async () => {
    const c = await coop({ verificationStatus: "unverified" });
    done(await importMembersCsv(c.actor, csv([{ nama_usaha: "Masih Tunggu", nib: freshNib(), email_pemilik: "masih@contoh.id" }])));
    const admin = await createOrganization(t.db, "platform", { name: `Rantai Admin ${Math.random()}` });
    await actAs(admin.owner);
    expect(
      await decideVerificationAction({ organizationId: c.organization.id, decision: "returned", note: "Akta belum ada." }),
    ).toMatchObject({ ok: true });
    expect(await t.db.emailOutbox.count({ where: { to: "masih@contoh.id" } })).toBe(0);
    expect((await t.db.organizationInvitation.findFirstOrThrow({ where: { email: "masih@contoh.id" } })).heldAt).not.toBeNull();
  });
});

describe("claiming an owner invitation", () => {
  async function twoInvitations() {
    const c = await coop();
    const nib = freshNib();
    const [pertama, kedua] = [`pertama.${nib}@contoh.id`, `kedua.${nib}@contoh.id`];
    done(await importMembersCsv(c.actor, csv([{ nama_usaha: "Dua Undangan", nib, email_pemilik: pertama }])));
    // the cooperative corrects the owner's e-mail: a second invitation for the same UMKM
    done(await importMembersCsv(c.actor, csv([{ nama_usaha: "Dua Undangan", nib, email_pemilik: kedua }])));
    signOut();
    const profile = await t.db.supplierProfile.findUniqueOrThrow({ where: { nib } });
    return {
      organizationId: profile.organizationId,
      emails: [pertama, kedua],
      first: await tokenFromEmail(pertama),
      second: await tokenFromEmail(kedua),
    };
  }

  it("is refused once the UMKM has an owner", async () => {
    const { organizationId, emails, first, second } = await twoInvitations();
    await claimInvitation(first, { name: "Pemilik Pertama", password: "rahasia-panjang-1" });
    expect(await findClaimableInvitation(second)).toBeNull();
    await expect(claimInvitation(second, { name: "Pemilik Kedua", password: "rahasia-panjang-2" })).rejects.toMatchObject({
      code: expect.stringMatching(/not_found|conflict/),
    });
    expect(await t.db.membership.count({ where: { organizationId } })).toBe(1);
    expect(await t.db.user.count({ where: { email: emails[1] } })).toBe(0);
  });

  it("two claims at once: one owner", async () => {
    const { organizationId, emails, first, second } = await twoInvitations();
    const results = await Promise.allSettled([
      claimInvitation(first, { name: "Pemilik Pertama", password: "rahasia-panjang-1" }),
      claimInvitation(second, { name: "Pemilik Kedua", password: "rahasia-panjang-2" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    // the loser gets a clean refusal (never a deadlock or a unique-violation error)
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: expect.stringMatching(/^(not_found|conflict)$/) });
    expect(await t.db.membership.count({ where: { organizationId } })).toBe(1);
    expect(await t.db.user.count({ where: { email: { in: emails } } })).toBe(1);
  });
});

describe("membership requests: an existing UMKM joins only by accepting", () => {
  it("a verified cooperative asks; the owner is notified and accepts; only then it is a member", async () => {
    const a = await coop({ name: "Koperasi Asal" });
    const umkm = await createUmkm(t.db, { name: "Tenun Ibu Rina", verificationStatus: "verified" });
    await t.db.cooperativeMembership.create({
      data: { cooperativeId: a.organization.id, memberId: umkm.organization.id, status: "active" },
    });
    const staff = await createUser(t.db);
    await t.db.membership.create({ data: { userId: staff.id, organizationId: umkm.organization.id, role: "member" } });

    const b = await coop({ name: "Koperasi Tujuan" });
    // found by NIB and by name
    expect((await findJoinCandidates(b.actor, umkm.profile.nib!)).map((c) => c.organizationId)).toEqual([umkm.organization.id]);
    expect((await findJoinCandidates(b.actor, "tenun ibu")).map((c) => c.organizationId)).toContain(umkm.organization.id);

    const sent = await requestMembershipAction({ organizationId: umkm.organization.id, memberNumber: "KT-7" });
    expect(sent).toMatchObject({ ok: true, data: { status: "pending" } });
    expect(await t.db.cooperativeMembership.count({ where: { cooperativeId: b.organization.id } })).toBe(0);
    const twice = await requestMembershipAction({ organizationId: umkm.organization.id });
    expect(twice).toMatchObject({ ok: false, error: { code: "conflict" } });

    // the owner (not the plain member) is told, in-app and by e-mail, with a link to the dashboard card
    const note = await t.db.notification.findFirstOrThrow({ where: { userId: umkm.owner.id, type: "cooperative.join_requested" } });
    expect(note.link).toBe("/dasbor#permintaan-koperasi");
    expect(renderNotification("id", note.type, note.params).title).toContain("Koperasi Tujuan");
    expect(renderNotification("en", note.type, note.params).body).toMatch(/asks Tenun Ibu Rina to become a member/);
    expect(await t.db.notification.count({ where: { userId: staff.id } })).toBe(0);
    expect(await t.db.emailOutbox.count({ where: { to: umkm.owner.email } })).toBe(1);

    const requestId = (sent as { data: { id: string } }).data.id;
    // a plain member of the UMKM, another UMKM's owner, and the cooperative itself cannot accept
    await actAs(staff);
    expect((await listIncomingJoinRequests(await actAs(staff))).canDecide).toBe(false);
    expect(await decideJoinRequestAction({ requestId, decision: "accept" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const other = await createUmkm(t.db);
    await actAs(other.owner);
    expect(await decideJoinRequestAction({ requestId, decision: "accept" })).toMatchObject({ ok: false, error: { code: "not_found" } });
    await actAs(b.owner);
    expect(await decideJoinRequestAction({ requestId, decision: "accept" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await t.db.cooperativeMembership.count({ where: { cooperativeId: b.organization.id } })).toBe(0);

    const owner = await actAs(umkm.owner);
    const incoming = await listIncomingJoinRequests(owner);
    expect(incoming.canDecide).toBe(true);
    expect(incoming.items.map((i) => i.cooperative.name)).toEqual(["Koperasi Tujuan"]);
    expect(await decideJoinRequestAction({ requestId, decision: "accept" })).toMatchObject({ ok: true, data: { status: "accepted" } });
    expect(
      await t.db.cooperativeMembership.findUniqueOrThrow({
        where: { cooperativeId_memberId: { cooperativeId: b.organization.id, memberId: umkm.organization.id } },
      }),
    ).toMatchObject({
      status: "active",
      memberNumber: "KT-7",
    });
    // once
    expect(await decideJoinRequestAction({ requestId, decision: "decline" })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await t.db.notification.count({ where: { userId: b.owner.id, type: "cooperative.join_accepted" } })).toBe(1);

    // now it is B's own member: B's import updates it
    const upd = done(await importMembersCsv(await actAs(b.owner), csv([{ nama_usaha: "Tenun Ibu Rina", nib: umkm.profile.nib! }])));
    expect(upd).toMatchObject({ updated: 1, failed: 0 });
  });

  it("declined: no membership, and asking again waits", async () => {
    const umkm = await createUmkm(t.db, { name: "Kopi Pak Dedi" });
    const b = await coop();
    const sent = await requestMembership(b.actor, { organizationId: umkm.organization.id });
    const owner = await actAs(umkm.owner);
    expect(await decideJoinRequest(owner, { requestId: sent.id, decision: "decline" })).toMatchObject({ status: "declined" });
    expect(await t.db.cooperativeMembership.count({ where: { memberId: umkm.organization.id } })).toBe(0);
    expect(await t.db.notification.count({ where: { userId: b.owner.id, type: "cooperative.join_declined" } })).toBe(1);
    await expect(requestMembership(await actAs(b.owner), { organizationId: umkm.organization.id })).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("a cooperative sends at most 100 requests a day", async () => {
    const b = await coop();
    const ids = Array.from({ length: 100 }, (_, i) => `spam-target-${i}-${b.organization.id}`);
    await t.db.organization.createMany({ data: ids.map((id, i) => ({ id, type: "umkm" as const, name: `Sasaran ${i}` })) });
    await t.db.cooperativeJoinRequest.createMany({ data: ids.map((memberId) => ({ cooperativeId: b.organization.id, memberId })) });
    const umkm = await createUmkm(t.db);
    await expect(requestMembership(b.actor, { organizationId: umkm.organization.id })).rejects.toMatchObject({
      code: "conflict",
      messageKey: "cooperatives.joinRequests.errors.tooMany",
    });
    expect(await t.db.notification.count({ where: { userId: umkm.owner.id } })).toBe(0);
    // yesterday's requests do not count
    await t.db.cooperativeJoinRequest.updateMany({
      where: { cooperativeId: b.organization.id },
      data: { createdAt: new Date(Date.now() - 2 * 86_400_000) },
    });
    expect(await requestMembership(b.actor, { organizationId: umkm.organization.id })).toMatchObject({ status: "pending" });
  });

  it("an unverified cooperative cannot ask (403 verification_required)", async () => {
    const umkm = await createUmkm(t.db);
    await coop({ verificationStatus: "unverified" });
    const res = await requestMembershipAction({ organizationId: umkm.organization.id });
    expect(res).toMatchObject({ ok: false, error: { code: "verification_required" } });
    expect(await t.db.cooperativeJoinRequest.count({ where: { memberId: umkm.organization.id } })).toBe(0);
    expect(await t.db.notification.count({ where: { userId: umkm.owner.id } })).toBe(0);
  });

  it("the UMKM dashboard card offers accept/decline to the owner only; an unverified cooperative's panel says to get verified", async () => {
    const umkm = await createUmkm(t.db, { name: "Gerabah Kasongan" });
    const staff = await createUser(t.db);
    await t.db.membership.create({ data: { userId: staff.id, organizationId: umkm.organization.id, role: "member" } });
    const b = await coop({ name: "Koperasi Kasongan" });
    const req = await requestMembership(b.actor, { organizationId: umkm.organization.id });

    const ownerView = JSON.stringify(
      await IncomingJoinRequestsCard({ data: await listIncomingJoinRequests(await actAs(umkm.owner)), umkmName: "Gerabah Kasongan" }),
    );
    expect(ownerView).toContain("permintaan-koperasi");
    expect(ownerView).toContain("Koperasi Kasongan meminta Gerabah Kasongan menjadi anggota.");
    expect(ownerView).toContain(`"requestId":"${req.id}"`); // the accept/decline forms
    const staffView = JSON.stringify(
      await IncomingJoinRequestsCard({ data: await listIncomingJoinRequests(await actAs(staff)), umkmName: "Gerabah Kasongan" }),
    );
    expect(staffView).toContain("Hanya pemilik atau admin");
    expect(staffView).not.toContain(`"requestId"`);

    const panel = JSON.stringify(await JoinPanel({ verified: false, query: "", candidates: [], pending: [] }));
    expect(panel).toContain("belum diverifikasi admin Rantai");
    expect(panel).not.toContain('"name":"cari"');
  });
});
