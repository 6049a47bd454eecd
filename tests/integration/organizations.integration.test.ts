// Organizations: what a member sees of their own organization, and platform admins' verification decisions
// (lib/organizations/service.ts), directly and through the server action the admin page calls.
//
// Server actions ask getActor() who is calling; this file mocks only that function to return a real Actor
// loaded from the test database (tests/helpers/act-as.ts explains the pattern). Functions in lib/ that take
// the actor as an argument are called with one built the same way.
import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs, signOut } from "@/tests/helpers/act-as";
import { createBuyer, createCertification, createCooperative, createOrganization, createUmkm } from "@/tests/helpers/factories";
import { decideVerification, getOrganizationOverview, listOrganizationsForReview, listOwnAuditLog } from "@/lib/organizations/service";
import { decideVerification as decideVerificationAction, resubmitVerification } from "@/lib/auth/actions";
import type { Actor } from "@/lib/auth/types";
import { DomainError } from "@/lib/errors";

const t = useTestDatabase();
afterEach(() => signOut());

async function platformAdmin() {
  const { organization, owner } = await createOrganization(t.db, "platform", { name: `Rantai Admin ${Math.random()}` });
  return { organization, owner, actor: await actAs(owner) };
}

async function rejection(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

describe("verification decisions", () => {
  it("a platform admin verifies a buyer: status, date, and an audit row for the buyer and for the platform", async () => {
    const { organization: buyer } = await createBuyer(t.db, { verificationStatus: "unverified" });
    const admin = await platformAdmin();

    const res = await decideVerificationAction({ organizationId: buyer.id, decision: "verified" });
    expect(res).toEqual({ ok: true, data: { organizationId: buyer.id, decision: "verified" } });

    const after = await t.db.organization.findUniqueOrThrow({ where: { id: buyer.id } });
    expect(after.verificationStatus).toBe("verified");
    expect(after.verifiedAt).toBeInstanceOf(Date);
    expect(after.verificationNote).toBeNull();

    const rows = await t.db.auditLog.findMany({ where: { entityId: buyer.id, action: "organization.verified" } });
    expect(rows.map((r) => r.organizationId).sort()).toEqual([admin.organization.id, buyer.id].sort());
    expect(rows.every((r) => r.actorId === admin.owner.id)).toBe(true);
    // Named in the data, so the platform's own log says which organization it verified.
    expect(rows[0].data).toMatchObject({ decision: "verified", organizationName: buyer.name });
  });

  it("verifies an UMKM's supplier profile together with the organization", async () => {
    const { organization: umkm } = await createUmkm(t.db, { verificationStatus: "pending" });
    const withDoc = await createCertification(t.db, umkm.id, { type: "halal", verificationStatus: "unverified" });
    const withoutDoc = await createCertification(t.db, umkm.id, { type: "sni", withDocument: false, verificationStatus: "unverified" });
    const admin = await platformAdmin();
    await decideVerification(admin.actor, { organizationId: umkm.id, decision: "verified", note: "" });
    const profile = await t.db.supplierProfile.findUniqueOrThrow({ where: { organizationId: umkm.id } });
    expect(profile.verificationStatus).toBe("verified");
    expect(profile.verifiedAt).toBeInstanceOf(Date);
    // Certificates reviewed with their documents are verified; one without a document is not.
    const certs = await t.db.certification.findMany({ where: { organizationId: umkm.id }, select: { id: true, verificationStatus: true } });
    expect(Object.fromEntries(certs.map((c) => [c.id, c.verificationStatus]))).toEqual({
      [withDoc.id]: "verified",
      [withoutDoc.id]: "unverified",
    });
  });

  it("returning requires a note; with one, the organization is returned and sees the note", async () => {
    const { organization: coop } = await createCooperative(t.db, { verificationStatus: "unverified", members: 0 });
    await platformAdmin();

    const noNote = await decideVerificationAction({ organizationId: coop.id, decision: "returned", note: "   " });
    expect(noNote.ok).toBe(false);
    if (!noNote.ok) {
      expect(noNote.error.code).toBe("invalid_input");
      expect(Object.keys(noNote.error.fields ?? {})).toEqual(["note"]);
    }
    expect((await t.db.organization.findUniqueOrThrow({ where: { id: coop.id } })).verificationStatus).toBe("unverified");

    const note = "Akta pendirian koperasi belum diunggah.";
    expect((await decideVerificationAction({ organizationId: coop.id, decision: "returned", note })).ok).toBe(true);
    const after = await t.db.organization.findUniqueOrThrow({ where: { id: coop.id } });
    expect(after).toMatchObject({ verificationStatus: "returned", verificationNote: note, verifiedAt: null });
  });

  it("a returned buyer's owner resubmits with a message: pending again, in the review list, audit-logged; a member cannot, nor twice", async () => {
    const { organization: buyer, owner } = await createBuyer(t.db, { verificationStatus: "unverified" });
    const admin = await platformAdmin();
    await decideVerification(admin.actor, { organizationId: buyer.id, decision: "returned", note: "Surat kuasa belum ada." });

    // a plain member of the buyer may not (org:update is for owners and admins)
    const { owner: memberUser } = await createBuyer(t.db);
    await t.db.membership.create({ data: { userId: memberUser.id, organizationId: buyer.id, role: "member" } });
    await actAs(memberUser, buyer.id);
    expect(await resubmitVerification({ message: "Sudah" })).toMatchObject({ ok: false, error: { code: "forbidden" } });

    await actAs(owner, buyer.id);
    const empty = await resubmitVerification({ message: "  " });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(Object.keys(empty.error.fields ?? {})).toEqual(["message"]);
    expect((await t.db.organization.findUniqueOrThrow({ where: { id: buyer.id } })).verificationStatus).toBe("returned");

    expect((await resubmitVerification({ message: "Surat kuasa direksi sudah kami kirim." })).ok).toBe(true);
    expect((await t.db.organization.findUniqueOrThrow({ where: { id: buyer.id } })).verificationStatus).toBe("pending");
    const log = await t.db.auditLog.findFirstOrThrow({ where: { organizationId: buyer.id, action: "organization.resubmitted" } });
    expect(log.data).toMatchObject({ message: "Surat kuasa direksi sudah kami kirim." });
    const review = await listOrganizationsForReview(admin.actor);
    expect(review.organizations.map((o) => o.id)).toContain(buyer.id);

    // nothing to resubmit any more
    await actAs(owner, buyer.id);
    expect(await resubmitVerification({ message: "Lagi" })).toMatchObject({ ok: false, error: { code: "conflict" } });
  });

  it("the review list shows a resubmission's date and message and the return note it answers (latest round); others are refused", async () => {
    const { organization: coop, owner } = await createCooperative(t.db, { verificationStatus: "unverified", members: 0 });
    const { organization: untouched } = await createBuyer(t.db, { verificationStatus: "unverified" });
    const admin = await platformAdmin();
    const entryOf = async (id: string) => (await listOrganizationsForReview(admin.actor)).organizations.find((o) => o.id === id);

    // never returned: nothing to show
    expect(await entryOf(untouched.id)).toMatchObject({ resubmission: null, returnNote: null });

    await decideVerification(admin.actor, { organizationId: coop.id, decision: "returned", note: "Akta pendirian belum diunggah." });
    await actAs(owner, coop.id);
    const before = new Date();
    expect((await resubmitVerification({ message: "Akta <b>sudah</b> kami unggah & SK Kemenkumham juga." })).ok).toBe(true);

    const entry = await entryOf(coop.id);
    expect(entry).toMatchObject({
      verificationStatus: "pending",
      // stored and returned as written: the page renders it as text
      resubmission: { message: "Akta <b>sudah</b> kami unggah & SK Kemenkumham juga." },
      returnNote: "Akta pendirian belum diunggah.",
    });
    expect(entry!.resubmission!.at.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);

    // a second round: the latest message and the latest note
    await decideVerification(admin.actor, { organizationId: coop.id, decision: "returned", note: "SK belum dilegalisir." });
    await actAs(owner, coop.id);
    expect((await resubmitVerification({ message: "SK yang dilegalisir terlampir." })).ok).toBe(true);
    expect(await entryOf(coop.id)).toMatchObject({
      resubmission: { message: "SK yang dilegalisir terlampir." },
      returnNote: "SK belum dilegalisir.",
    });

    // the resubmitting cooperative's owner (not on the platform) may not read the list
    expect((await rejection(listOrganizationsForReview(await actAs(owner, coop.id)))).code).toBe("forbidden");
    expect((await rejection(listOrganizationsForReview(null))).code).toBe("unauthorized");
  });

  it("the queue holds who has WAITED longest, not who signed up first (issue 17 item 12)", async () => {
    const admin = await platformAdmin();
    const longAgo = (iso: string) => new Date(iso);
    // A signed up first but asked again today; B signed up later and has waited ever since.
    const { organization: a } = await createBuyer(t.db, { verificationStatus: "pending" });
    const { organization: b } = await createBuyer(t.db, { verificationStatus: "pending" });
    await t.db.organization.update({ where: { id: a.id }, data: { createdAt: longAgo("2001-01-01") } });
    await t.db.organization.update({ where: { id: b.id }, data: { createdAt: longAgo("2001-06-01") } });
    await t.db.auditLog.create({
      data: { organizationId: a.id, action: "organization.resubmitted", entityType: "Organization", entityId: a.id, data: {} },
    });
    // The same for UMKM: S1's review request is today, S2's sign-up long ago.
    const s1 = await createUmkm(t.db, { verificationStatus: "pending" });
    const s2 = await createUmkm(t.db, { verificationStatus: "pending" });
    await t.db.organization.update({ where: { id: s1.organization.id }, data: { createdAt: longAgo("2001-01-01") } });
    await t.db.organization.update({ where: { id: s2.organization.id }, data: { createdAt: longAgo("2001-06-01") } });
    await t.db.auditLog.create({
      data: {
        organizationId: s1.organization.id,
        action: "supplier.verification_requested",
        entityType: "SupplierProfile",
        entityId: s1.organization.id,
        data: {},
      },
    });
    const top = await listOrganizationsForReview(admin.actor, { limit: 1 });
    expect(top.organizations.map((o) => o.id)).toEqual([b.id]);
    expect(top.suppliers.map((s) => s.id)).toEqual([s2.organization.id]);
    const all = await listOrganizationsForReview(admin.actor, { limit: 500 });
    const order = all.organizations.map((o) => o.id);
    expect(order.indexOf(b.id)).toBeLessThan(order.indexOf(a.id));
  });

  it("a buyer (or anyone not on the platform) is forbidden, and nothing changes", async () => {
    const { organization: target } = await createBuyer(t.db, { verificationStatus: "unverified" });
    const { owner: buyerOfficer } = await createBuyer(t.db);
    const actor = await actAs(buyerOfficer);

    expect((await rejection(decideVerification(actor, { organizationId: target.id, decision: "verified", note: "" }))).code).toBe(
      "forbidden",
    );
    expect(await decideVerificationAction({ organizationId: target.id, decision: "verified" })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect((await t.db.organization.findUniqueOrThrow({ where: { id: target.id } })).verificationStatus).toBe("unverified");
    expect(await t.db.auditLog.count({ where: { entityId: target.id } })).toBe(0);
  });

  it("a plain member of the platform organization may verify (platform:verify), a signed-out caller may not", async () => {
    const { organization: target } = await createBuyer(t.db, { verificationStatus: "unverified" });
    const { organization: platform } = await createOrganization(t.db, "platform");
    const { owner: staff } = await createOrganization(t.db, "bank");
    await t.db.membership.create({ data: { userId: staff.id, organizationId: platform.id, role: "member" } });
    await actAs(staff, platform.id);
    expect((await decideVerificationAction({ organizationId: target.id, decision: "verified" })).ok).toBe(true);

    signOut();
    expect(await decideVerificationAction({ organizationId: target.id, decision: "verified" })).toMatchObject({
      ok: false,
      error: { code: "unauthorized" },
    });
  });

  it("ministries, banks and the platform itself are not verified through the queue (not found)", async () => {
    const admin = await platformAdmin();
    const { organization: ministry } = await createOrganization(t.db, "ministry");
    expect((await rejection(decideVerification(admin.actor, { organizationId: ministry.id, decision: "verified", note: "" }))).code).toBe(
      "not_found",
    );
    expect(
      (await rejection(decideVerification(admin.actor, { organizationId: "does-not-exist", decision: "verified", note: "" }))).code,
    ).toBe("not_found");
  });

  it("the review queue lists unverified buyers/cooperatives and pending UMKM, for platform admins only", async () => {
    const { organization: newBuyer } = await createBuyer(t.db, { verificationStatus: "unverified" });
    const { organization: verifiedBuyer, owner: buyerOfficer } = await createBuyer(t.db);
    const { organization: pendingUmkm } = await createUmkm(t.db, { verificationStatus: "pending" });
    const { organization: draftUmkm } = await createUmkm(t.db, { verificationStatus: "unverified" });
    const admin = await platformAdmin();

    const queue = await listOrganizationsForReview(admin.actor);
    const orgIds = queue.organizations.map((o) => o.id);
    const supplierIds = queue.suppliers.map((o) => o.id);
    expect(orgIds).toContain(newBuyer.id);
    expect(orgIds).not.toContain(verifiedBuyer.id);
    expect(supplierIds).toContain(pendingUmkm.id);
    expect(supplierIds).not.toContain(draftUmkm.id); // nothing submitted yet

    expect((await rejection(listOrganizationsForReview(await actAs(buyerOfficer)))).code).toBe("forbidden");
  });
});

describe("an organization's own view", () => {
  it("getOrganizationOverview returns the active organization with its members, never another one", async () => {
    const { organization: mine, owner } = await createUmkm(t.db);
    const { organization: theirs } = await createBuyer(t.db);
    const colleague = await t.db.user.create({ data: { email: `rekan-${Date.now()}@contoh.rantai.test`, name: "Rekan Kerja" } });
    await t.db.membership.create({ data: { userId: colleague.id, organizationId: mine.id, role: "member" } });

    const actor = await actAs(owner);
    const overview = await getOrganizationOverview(actor);
    expect(overview.id).toBe(mine.id);
    expect(overview.memberships.map((m) => [m.user.email, m.role])).toEqual([
      [owner.email, "owner"],
      [colleague.email, "member"],
    ]);

    // Asking for an organization one is not a member of falls back to one's own (as the cookie would).
    expect((await getOrganizationOverview(await actAs(owner, theirs.id))).id).toBe(mine.id);

    // A forged actor claiming a membership it does not have: the membership is in the where clause → not found.
    const forged: Actor = {
      ...actor,
      membership: {
        organizationId: theirs.id,
        organizationName: theirs.name,
        organizationType: "buyer",
        role: "owner",
        verificationStatus: "verified",
      },
    };
    expect((await rejection(getOrganizationOverview(forged))).code).toBe("not_found");
    expect((await rejection(getOrganizationOverview(null))).code).toBe("unauthorized");
  });

  it("a user without any organization gets 'forbidden', not somebody else's", async () => {
    const lonely = await t.db.user.create({ data: { email: `sendiri-${Date.now()}@contoh.rantai.test`, name: "Sendiri" } });
    const actor = await actAs(lonely);
    expect(actor.membership).toBeNull();
    expect((await rejection(getOrganizationOverview(actor))).code).toBe("forbidden");
  });

  it("listOwnAuditLog shows the organization's own entries only", async () => {
    const { organization: a } = await createBuyer(t.db, { verificationStatus: "unverified" });
    const { organization: b, owner: ownerB } = await createBuyer(t.db, { verificationStatus: "unverified" });
    const admin = await platformAdmin();
    await decideVerification(admin.actor, { organizationId: a.id, decision: "returned", note: "NPWP tidak terbaca" });
    await decideVerification(admin.actor, { organizationId: b.id, decision: "verified", note: "" });

    const seenByB = await listOwnAuditLog(await actAs(ownerB));
    expect(seenByB.map((e) => [e.action, e.entityId])).toEqual([["organization.verified", b.id]]);
    expect(seenByB[0].actor?.name).toBe(admin.owner.name);
  });
});
