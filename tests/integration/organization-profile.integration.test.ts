// Issue 16 item 3: an organization's own profile (lib/organizations/profile.ts, profile-review.ts) through the
// API (GET/PATCH /api/v1/organizations/{id}, POST /api/v1/admin/organizations/{id}/profile-review) and the
// server actions of /organisasi/profil and /admin/verifikasi. ADR 0020: approved values stay authoritative
// while an identity change of a verified organization (or a state-owned claim) waits for a platform admin.
import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs, signOut } from "@/tests/helpers/act-as";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import { createBuyer, createCooperative, createOrganization, createUser } from "@/tests/helpers/factories";
import { GET as getOrg, PATCH as patchOrg } from "@/app/api/v1/organizations/[id]/route";
import { POST as postReview } from "@/app/api/v1/admin/organizations/[id]/profile-review/route";
import { decideOrganizationProfileChange, updateOrganizationProfile } from "@/lib/organizations/profile-actions";
import { getOrganizationOverview } from "@/lib/organizations/service";
import { listProfileChangesForReview } from "@/lib/organizations/profile-review";
import { createApiToken } from "@/lib/auth/tokens";

const t = useTestDatabase();
afterEach(() => signOut());

const VALID_NPWP = "01.855.081.4-412.000"; // the Luhn digit matches (lib/suppliers/identifiers.ts)
const BAD_NPWP = "01.855.081.5-412.000"; // the same with a wrong check digit

async function withToken(user: { id: string }) {
  return (await createApiToken(user.id, { name: "erp" })).token;
}

const get = (id: string, token: string) => callRoute(getOrg, "GET", `/api/v1/organizations/${id}`, { params: { id }, token });
const patch = (id: string, token: string, body: unknown) =>
  callRoute(patchOrg, "PATCH", `/api/v1/organizations/${id}`, { params: { id }, token, body });
const review = (id: string, token: string, body: unknown) =>
  callRoute(postReview, "POST", `/api/v1/admin/organizations/${id}/profile-review`, { params: { id }, token, body });

/** The proposal's time the admin sees in the queue (any time when nothing waits): a decision carries it back. */
const changeAt = async (id: string) =>
  ((await t.db.organization.findUniqueOrThrow({ where: { id } })).identityChangeAt ?? new Date(0)).toISOString();

async function platformAdmin() {
  const { organization, owner } = await createOrganization(t.db, "platform", { name: `Rantai Admin ${Math.random()}` });
  return { organization, owner, token: await withToken(owner) };
}

describe("who sees and edits an organization's profile", () => {
  it("another organization's profile is 404 through the API and the action, and nothing is written", async () => {
    const { organization: mine, owner } = await createBuyer(t.db);
    const { organization: theirs } = await createCooperative(t.db, { members: 0 });
    const token = await withToken(owner);
    expect((await get(theirs.id, token)).status).toBe(404);
    expect((await patch(theirs.id, token, { phone: "+62 21 5550 1234" })).status).toBe(404);
    expect((await get(mine.id, token)).status).toBe(200);

    await actAs(owner);
    const res = await updateOrganizationProfile({ organizationId: theirs.id, phone: "+62 21 5550 1234" });
    expect(res).toMatchObject({ ok: false, error: { code: "not_found" } });
    const after = await t.db.organization.findUniqueOrThrow({ where: { id: theirs.id } });
    expect(after.phone).toBeNull();
    expect(await t.db.auditLog.count({ where: { organizationId: theirs.id, action: "organization.profile_updated" } })).toBe(0);
  });

  it("a member reads the profile but cannot edit it", async () => {
    const { organization: buyer } = await createBuyer(t.db);
    const member = await createUser(t.db);
    await t.db.membership.create({ data: { userId: member.id, organizationId: buyer.id, role: "member" } });
    const token = await withToken(member);
    expect((await get(buyer.id, token)).status).toBe(200);
    expect((await patch(buyer.id, token, { website: "contoh.co.id" })).status).toBe(403);
    await actAs(member, buyer.id);
    const res = await updateOrganizationProfile({ organizationId: buyer.id, website: "contoh.co.id" });
    expect(res).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect((await t.db.organization.findUniqueOrThrow({ where: { id: buyer.id } })).website).toBeNull();
  });

  it("a bad NPWP is refused with a localized field error and nothing is written", async () => {
    const { organization: buyer, owner } = await createBuyer(t.db, { verificationStatus: "unverified" });
    const token = await withToken(owner);
    const res = await callRoute(patchOrg, "PATCH", `/api/v1/organizations/${buyer.id}`, {
      params: { id: buyer.id },
      token,
      body: { npwp: BAD_NPWP, phone: "+62 21 5550 1234" },
      headers: { "accept-language": "id" },
    });
    expect(res.status).toBe(400);
    const body = await jsonOf<{ error: { fields: Record<string, string[]> } }>(res);
    expect(body.error.fields.npwp[0]).toMatch(/digit pemeriksa/);

    await actAs(owner);
    const action = await updateOrganizationProfile({ organizationId: buyer.id, npwp: "12345" });
    expect(action.ok).toBe(false);
    if (!action.ok) expect(action.error.fields?.npwp?.[0]).toMatch(/NPWP/);
    const after = await t.db.organization.findUniqueOrThrow({ where: { id: buyer.id } });
    expect(after.npwp).toBeNull();
    expect(after.phone).toBeNull();
  });
});

describe("identity changes of a verified organization wait for review", () => {
  it("contact applies at once; the new name waits while everything shows the approved one; approval applies it", async () => {
    const { organization: buyer, owner } = await createBuyer(t.db, { name: "PT Lama Sejahtera" });
    const token = await withToken(owner);
    const res = await patch(buyer.id, token, { name: "PT Baru Sejahtera", npwp: VALID_NPWP, phone: "+62 21 5550 1234" });
    expect(res.status).toBe(200);
    const body = await jsonOf<Record<string, unknown>>(res);
    expect(body).toMatchObject({
      name: "PT Lama Sejahtera",
      npwp: null,
      phone: "+62 21 5550 1234",
      verificationStatus: "verified",
      pendingChange: { fields: { name: "PT Baru Sejahtera", npwp: "0018550814412000" } },
    });

    // What the dashboard (and everything reading the Organization row) shows: the approved values.
    const overview = await getOrganizationOverview(await actAs(owner));
    expect(overview.name).toBe("PT Lama Sejahtera");
    expect(overview.verificationStatus).toBe("verified");

    const admin = await platformAdmin();
    const decided = await review(buyer.id, admin.token, { decision: "approved", identityChangeAt: await changeAt(buyer.id) });
    expect(decided.status).toBe(200);
    const after = await t.db.organization.findUniqueOrThrow({ where: { id: buyer.id } });
    expect(after).toMatchObject({
      name: "PT Baru Sejahtera",
      npwp: "0018550814412000",
      identityChangeAt: null,
      verificationStatus: "verified",
    });
    expect(after.identityChange).toBeNull();

    // Audit-logged for both organizations; the buyer's owner is told (in-app and e-mail in the outbox).
    const audits = await t.db.auditLog.findMany({ where: { entityId: buyer.id, action: { startsWith: "organization.profile_" } } });
    expect(audits.map((a) => `${a.action}@${a.organizationId === buyer.id ? "buyer" : "platform"}`).sort()).toEqual([
      "organization.profile_approved@buyer",
      "organization.profile_approved@platform",
      "organization.profile_updated@buyer",
    ]);
    expect(await t.db.notification.count({ where: { userId: owner.id, type: "organization.profile_approved" } })).toBe(1);
    expect(await t.db.emailOutbox.count({ where: { to: owner.email, subject: { contains: "PT Baru Sejahtera" } } })).toBe(1);

    // Nothing is waiting any more: a second decision is a conflict.
    expect((await review(buyer.id, admin.token, { decision: "approved", identityChangeAt: await changeAt(buyer.id) })).status).toBe(409);
  });

  it("returning keeps the old values and gives the organization the note", async () => {
    const { organization: coop, owner } = await createCooperative(t.db, { name: "Koperasi Lama", members: 0 });
    await actAs(owner);
    const saved = await updateOrganizationProfile({ organizationId: coop.id, name: "Koperasi Baru", legalForm: "koperasi" });
    expect(saved).toEqual({ ok: true, data: { pending: true } });

    const admin = await platformAdmin();
    await actAs(admin.owner);
    expect(
      await decideOrganizationProfileChange({ organizationId: coop.id, decision: "returned", identityChangeAt: await changeAt(coop.id) }),
    ).toMatchObject({
      ok: false,
      error: { fields: { note: expect.any(Array) } },
    });
    const res = await decideOrganizationProfileChange({
      organizationId: coop.id,
      decision: "returned",
      note: "Lampirkan akta perubahan nama.",
      identityChangeAt: await changeAt(coop.id),
    });
    expect(res).toEqual({ ok: true, data: { id: coop.id, decision: "returned" } });

    const after = await t.db.organization.findUniqueOrThrow({ where: { id: coop.id } });
    expect(after).toMatchObject({
      name: "Koperasi Lama",
      legalForm: null,
      identityChangeAt: null,
      identityChangeNote: "Lampirkan akta perubahan nama.",
    });
    const body = await jsonOf<Record<string, unknown>>(await get(coop.id, await withToken(owner)));
    expect(body).toMatchObject({ name: "Koperasi Lama", pendingChange: null, pendingChangeReturnNote: "Lampirkan akta perubahan nama." });
    expect(await t.db.notification.count({ where: { userId: owner.id, type: "organization.profile_returned" } })).toBe(1);
  });

  it("a proposal replaced after the admin read the queue cannot be approved (409, still waiting); the new one can", async () => {
    const { organization: buyer, owner } = await createBuyer(t.db, { name: "PT Nama Awal" });
    const token = await withToken(owner);
    await patch(buyer.id, token, { name: "PT Nama Ditinjau" });
    const admin = await platformAdmin();
    const queue = () =>
      actAs(admin.owner)
        .then((a) => listProfileChangesForReview(a))
        .then((rows) => rows.find((r) => r.id === buyer.id)!);
    const seen = await queue();
    expect(seen.change.fields.name).toBe("PT Nama Ditinjau");

    await new Promise((r) => setTimeout(r, 5)); // a later millisecond than the proposal the admin saw
    await patch(buyer.id, token, { name: "PT Nama Lain Sama Sekali" });
    const stale = await review(buyer.id, admin.token, { decision: "approved", identityChangeAt: seen.change.at.toISOString() });
    expect(stale.status).toBe(409);
    expect(JSON.stringify(await jsonOf(stale))).toMatch(/reload|muat ulang/i);
    const still = await t.db.organization.findUniqueOrThrow({ where: { id: buyer.id } });
    expect(still.name).toBe("PT Nama Awal");
    expect(still.identityChangeAt).not.toBeNull();
    expect((await review(buyer.id, admin.token, { decision: "approved" })).status).toBe(400); // the stamp is required

    const fresh = await queue();
    expect(fresh.change.fields.name).toBe("PT Nama Lain Sama Sekali");
    expect((await review(buyer.id, admin.token, { decision: "approved", identityChangeAt: fresh.change.at.toISOString() })).status).toBe(
      200,
    );
    expect((await t.db.organization.findUniqueOrThrow({ where: { id: buyer.id } })).name).toBe("PT Nama Lain Sama Sekali");
  });

  it("an unverified or returned organization's edits apply directly, and a returned one can resubmit", async () => {
    const { organization: buyer, owner } = await createBuyer(t.db, { verificationStatus: "returned", name: "PT Salah Ketik" });
    const token = await withToken(owner);
    const res = await patch(buyer.id, token, { name: "PT Benar Ketik", legalForm: "pt", npwp: VALID_NPWP, regencyCode: "31.74" });
    expect(res.status).toBe(200);
    expect(await jsonOf(res)).toMatchObject({
      name: "PT Benar Ketik",
      legalForm: "pt",
      npwp: "0018550814412000",
      regency: { code: "31.74" },
      pendingChange: null,
    });
    expect((await patch(buyer.id, token, { regencyCode: "99.99" })).status).toBe(400);
    const { resubmitVerification } = await import("@/lib/auth/actions");
    await actAs(owner);
    expect(await resubmitVerification({ message: "Nama dan NPWP sudah diperbaiki." })).toMatchObject({ ok: true });
    expect((await t.db.organization.findUniqueOrThrow({ where: { id: buyer.id } })).verificationStatus).toBe("pending");
  });
});

describe("state-owned status is claimed by the organization and confirmed by an admin", () => {
  it("a claim does not count until a platform admin confirms it, even for an unverified buyer", async () => {
    const { organization: buyer, owner } = await createBuyer(t.db, { verificationStatus: "unverified" });
    const token = await withToken(owner);
    const res = await patch(buyer.id, token, { isStateOwned: true, website: "bumn-contoh.co.id" });
    expect(await jsonOf(res)).toMatchObject({
      isStateOwned: false,
      website: "https://bumn-contoh.co.id",
      pendingChange: { fields: { isStateOwned: true } },
    });
    // Everything that splits BUMN/private reads the column: still private.
    expect(await t.db.organization.count({ where: { id: buyer.id, isStateOwned: true } })).toBe(0);
    expect((await getOrganizationOverview(await actAs(owner))).isStateOwned).toBe(false);

    // Only buyers can claim it.
    const { owner: coopOwner, organization: coop } = await createCooperative(t.db, { members: 0 });
    expect((await patch(coop.id, await withToken(coopOwner), { isStateOwned: true })).status).toBe(400);

    const admin = await platformAdmin();
    expect((await review(buyer.id, admin.token, { decision: "approved", identityChangeAt: await changeAt(buyer.id) })).status).toBe(200);
    expect(await t.db.organization.count({ where: { id: buyer.id, isStateOwned: true } })).toBe(1);
  });

  it("only platform admins decide (others: 404, as the admin area is hidden), and an organization without a proposal is 409", async () => {
    const { organization: buyer, owner } = await createBuyer(t.db);
    const token = await withToken(owner);
    await patch(buyer.id, token, { name: "PT Klaim Sendiri" });
    expect((await review(buyer.id, token, { decision: "approved", identityChangeAt: await changeAt(buyer.id) })).status).toBe(404);
    expect((await t.db.organization.findUniqueOrThrow({ where: { id: buyer.id } })).name).not.toBe("PT Klaim Sendiri");
    const { organization: other } = await createBuyer(t.db);
    const admin = await platformAdmin();
    expect((await review(other.id, admin.token, { decision: "approved", identityChangeAt: await changeAt(other.id) })).status).toBe(409);
  });
});
