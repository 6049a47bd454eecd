// Issue 16 item 1, members and roles, on both databases, through the API and the server actions: who may
// invite, change roles and remove (owner / admin / approver / member); another organization's members are 404;
// the last owner cannot leave, be removed or be demoted (409, localized); an invitation token is stored hashed,
// works once, expires after 7 days and only for the address it names; approvers award and accept, members not.
import { createHash } from "node:crypto";
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
import { createAgreement, createBuyer, createCooperative, createQuote, createRfq, createUmkm, createUser } from "@/tests/helpers/factories";
import { issueApiToken } from "@/lib/auth/tokens";
import { GET as listRoute, POST as inviteRoute } from "@/app/api/v1/organizations/[id]/members/route";
import { DELETE as removeRoute, PATCH as patchRoute } from "@/app/api/v1/organizations/[id]/members/[userId]/route";
import { POST as acceptRoute } from "@/app/api/v1/invitations/accept/route";
import { POST as awardRoute } from "@/app/api/v1/rfqs/[id]/award/route";
import { POST as acceptAgreementRoute } from "@/app/api/v1/agreements/[id]/accept/route";
import {
  acceptWithSignUpAction,
  changeMemberRoleAction,
  inviteMemberAction,
  leaveOrganizationAction,
  removeMemberAction,
} from "@/lib/organizations/actions";
import { acceptInvitation } from "@/lib/organizations/invitations";
import { MemberListSchema } from "@/lib/organizations/responses";
import type { MemberRole } from "@/lib/auth/types";

const t = useTestDatabase();

const token = async (userId: string) =>
  (await issueApiToken(userId, { name: "uji", expiresInDays: 30, scope: "read write", source: "ui" })).token;

interface Person {
  id: string;
  email: string;
  token: string;
}

/** A buyer organization with one person in each role, plus a second owner and two plain members to act on. */
async function team(type: "buyer" | "cooperative" = "buyer") {
  const made = type === "buyer" ? await createBuyer(t.db) : await createCooperative(t.db, { members: 0 });
  const orgId = made.organization.id;
  const person = async (role: MemberRole): Promise<Person> => {
    const u = await createUser(t.db);
    await t.db.membership.create({ data: { userId: u.id, organizationId: orgId, role } });
    return { id: u.id, email: u.email, token: await token(u.id) };
  };
  const owner: Person = { id: made.owner.id, email: made.owner.email, token: await token(made.owner.id) };
  return {
    orgId,
    owner,
    admin: await person("admin"),
    approver: type === "buyer" ? await person("approver") : await person("member"),
    member: await person("member"),
    owner2: await person("owner"),
    target: await person("member"),
    target2: await person("member"),
  };
}
type Team = Awaited<ReturnType<typeof team>>;

const path = (orgId: string, userId?: string) => `/api/v1/organizations/${orgId}/members${userId ? `/${userId}` : ""}`;
const list = (tk: string, orgId: string) => callRoute(listRoute, "GET", path(orgId), { token: tk, params: { id: orgId } });
const invite = (tk: string, orgId: string, body: unknown, headers?: Record<string, string>) =>
  callRoute(inviteRoute, "POST", path(orgId), { token: tk, params: { id: orgId }, body, headers });
const patch = (tk: string, orgId: string, userId: string, role: string, headers?: Record<string, string>) =>
  callRoute(patchRoute, "PATCH", path(orgId, userId), { token: tk, params: { id: orgId, userId }, body: { role }, headers });
const remove = (tk: string, orgId: string, userId: string, headers?: Record<string, string>) =>
  callRoute(removeRoute, "DELETE", path(orgId, userId), { token: tk, params: { id: orgId, userId }, headers });
const accept = (tk: string, body: unknown) => callRoute(acceptRoute, "POST", "/api/v1/invitations/accept", { token: tk, body });

const roleOf = async (orgId: string, userId: string) =>
  (await t.db.membership.findUnique({ where: { userId_organizationId: { userId, organizationId: orgId } }, select: { role: true } }))
    ?.role ?? null;

/** The token from the newest invitation e-mail to `to` (as the invitee reads it from the outbox). */
async function tokenFromOutbox(to: string): Promise<string> {
  const mail = await t.db.emailOutbox.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
  const m = mail.text.match(/\/undangan#token=([A-Za-z0-9_%-]+)/);
  if (!m) throw new Error(`no invitation link in: ${mail.text}`);
  return decodeURIComponent(m[1]);
}

let unique = 0;
const newAddress = () => `rekan-${Date.now().toString(36)}-${unique++}@uji.rantai.test`;

describe("the role × permission matrix for managing members (API)", () => {
  type Actor = "owner" | "admin" | "approver" | "member";
  // Refused roles first (they change nothing), so one team serves until someone succeeds.
  const ACTORS: Actor[] = ["member", "approver", "admin", "owner"];
  const expected: Record<string, Record<Actor, number>> = {
    "invite a member": { owner: 201, admin: 201, approver: 403, member: 403 },
    "invite an owner": { owner: 201, admin: 403, approver: 403, member: 403 },
    "make a member an approver": { owner: 200, admin: 200, approver: 403, member: 403 },
    "make a member an owner": { owner: 200, admin: 403, approver: 403, member: 403 },
    "demote another owner": { owner: 200, admin: 403, approver: 403, member: 403 },
    "remove a member": { owner: 204, admin: 204, approver: 403, member: 403 },
    "remove another owner": { owner: 204, admin: 403, approver: 403, member: 403 },
  };
  const run: Record<string, (tm: Team, who: Person) => Promise<{ status: number; changed: boolean }>> = {
    "invite a member": async (tm, who) => {
      const email = newAddress();
      const res = await invite(who.token, tm.orgId, { email, role: "member" });
      return { status: res.status, changed: (await t.db.memberInvitation.count({ where: { email } })) > 0 };
    },
    "invite an owner": async (tm, who) => {
      const email = newAddress();
      const res = await invite(who.token, tm.orgId, { email, role: "owner" });
      return { status: res.status, changed: (await t.db.memberInvitation.count({ where: { email } })) > 0 };
    },
    "make a member an approver": async (tm, who) => {
      const res = await patch(who.token, tm.orgId, tm.target.id, "approver");
      return { status: res.status, changed: (await roleOf(tm.orgId, tm.target.id)) === "approver" };
    },
    "make a member an owner": async (tm, who) => {
      const res = await patch(who.token, tm.orgId, tm.target.id, "owner");
      return { status: res.status, changed: (await roleOf(tm.orgId, tm.target.id)) === "owner" };
    },
    "demote another owner": async (tm, who) => {
      const res = await patch(who.token, tm.orgId, tm.owner2.id, "member");
      return { status: res.status, changed: (await roleOf(tm.orgId, tm.owner2.id)) === "member" };
    },
    "remove a member": async (tm, who) => {
      const res = await remove(who.token, tm.orgId, tm.target2.id);
      return { status: res.status, changed: (await roleOf(tm.orgId, tm.target2.id)) === null };
    },
    "remove another owner": async (tm, who) => {
      const res = await remove(who.token, tm.orgId, tm.owner2.id);
      return { status: res.status, changed: (await roleOf(tm.orgId, tm.owner2.id)) === null };
    },
  };

  for (const [action, byRole] of Object.entries(expected)) {
    it(`${action}: ${ACTORS.map((a) => `${a} ${byRole[a]}`).join(", ")}`, async () => {
      let tm = await team();
      let used = false;
      for (const a of ACTORS) {
        if (used) tm = await team(); // the previous actor's success used the target up: a fresh team
        const before = await t.db.auditLog.count({ where: { organizationId: tm.orgId } });
        const { status, changed } = await run[action](tm, tm[a]);
        expect(status, `${a}: ${action}`).toBe(byRole[a]);
        const after = await t.db.auditLog.count({ where: { organizationId: tm.orgId } });
        used = byRole[a] < 300;
        expect(changed, `${a}: ${action} ${used ? "changed it" : "changed nothing"}`).toBe(used);
        expect(after, `${a}: ${action} ${used ? "is audit-logged" : "wrote no audit entry"}`).toBe(used ? before + 1 : before);
      }
    });
  }

  it("an approver is a buyer role: a cooperative cannot invite or name one (400 on role)", async () => {
    const tm = await team("cooperative");
    const res = await invite(tm.owner.token, tm.orgId, { email: newAddress(), role: "approver" });
    expect(res.status).toBe(400);
    expect((await jsonOf<{ error: { fields: Record<string, string[]> } }>(res)).error.fields.role).toBeTruthy();
    expect((await patch(tm.owner.token, tm.orgId, tm.target.id, "approver")).status).toBe(400);
    expect(await roleOf(tm.orgId, tm.target.id)).toBe("member");
  });

  it("inviting someone who is already a member is a 409; inviting an address again replaces its invitation", async () => {
    const tm = await team();
    expect((await invite(tm.owner.token, tm.orgId, { email: tm.member.email, role: "admin" })).status).toBe(409);
    const email = newAddress();
    expect((await invite(tm.owner.token, tm.orgId, { email, role: "member" })).status).toBe(201);
    const first = await tokenFromOutbox(email);
    expect((await invite(tm.admin.token, tm.orgId, { email, role: "approver" })).status).toBe(201);
    const rows = await t.db.memberInvitation.findMany({ where: { email } });
    expect(rows.map((r) => r.role)).toEqual(["approver"]);
    const invitee = await createUser(t.db, { email });
    expect((await accept(await token(invitee.id), { token: first })).status).toBe(404);
  });
});

describe("another organization's members: 404, never 403, nothing written", () => {
  it("cannot be listed, invited to, changed or removed by another organization's owner", async () => {
    const tm = await team();
    const outsider = await createBuyer(t.db);
    const tk = await token(outsider.owner.id);
    const before = { audit: await t.db.auditLog.count(), inv: await t.db.memberInvitation.count() };
    const res = await list(tk, tm.orgId);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain(tm.member.email);
    expect((await invite(tk, tm.orgId, { email: newAddress(), role: "member" })).status).toBe(404);
    expect((await patch(tk, tm.orgId, tm.member.id, "admin")).status).toBe(404);
    expect((await remove(tk, tm.orgId, tm.member.id)).status).toBe(404);
    // An organization id the caller names with its own member's id does not reach another organization.
    expect((await patch(tk, outsider.organization.id, tm.member.id, "admin")).status).toBe(404);
    expect(await roleOf(tm.orgId, tm.member.id)).toBe("member");
    expect({ audit: await t.db.auditLog.count(), inv: await t.db.memberInvitation.count() }).toEqual(before);
  });

  it("every member reads the list; only owners and admins see pending invitations", async () => {
    const tm = await team();
    const email = newAddress();
    await invite(tm.owner.token, tm.orgId, { email, role: "member" });
    const asAdmin = MemberListSchema.parse(await jsonOf(await list(tm.admin.token, tm.orgId)));
    expect(asAdmin.members.map((m) => m.role)).toEqual(["owner", "owner", "admin", "approver", "member", "member", "member"]);
    expect(asAdmin.invitations.map((i) => i.email)).toEqual([email]);
    const asMember = MemberListSchema.parse(await jsonOf(await list(tm.member.token, tm.orgId)));
    expect(asMember.members).toHaveLength(7);
    expect(asMember.invitations).toEqual([]);
  });
});

describe("the last owner", () => {
  it("cannot be demoted, removed or leave (409 with a localized message); with a second owner they can", async () => {
    const made = await createBuyer(t.db);
    const orgId = made.organization.id;
    const owner = { id: made.owner.id, token: await token(made.owner.id) };
    const admin = await createUser(t.db);
    await t.db.membership.create({ data: { userId: admin.id, organizationId: orgId, role: "admin" } });

    const demote = await patch(owner.token, orgId, owner.id, "admin", { "accept-language": "en" });
    expect(demote.status).toBe(409);
    const body = await jsonOf<{ error: { code: string; message: string } }>(demote);
    expect(body.error.code).toBe("conflict");
    expect(body.error.message).toMatch(/last owner/i);
    const leave = await remove(owner.token, orgId, owner.id, { "accept-language": "id" });
    expect(leave.status).toBe(409);
    expect((await jsonOf<{ error: { message: string } }>(leave)).error.message).toMatch(/pemilik terakhir/i);

    // The same through the team page's actions.
    await actAs({ id: owner.id }, orgId);
    const left = await leaveOrganizationAction({});
    expect(left.ok).toBe(false);
    if (!left.ok) expect(left.error.code).toBe("conflict");
    expect(await roleOf(orgId, owner.id)).toBe("owner");

    // Make the admin an owner: now the first owner may step down, and then leave.
    expect((await changeMemberRoleAction({ userId: admin.id, role: "owner" })).ok).toBe(true);
    expect((await patch(owner.token, orgId, owner.id, "member")).status).toBe(200);
    await actAs({ id: owner.id }, orgId);
    expect((await leaveOrganizationAction({})).ok).toBe(true);
    expect(await roleOf(orgId, owner.id)).toBeNull();
    const actions = (await t.db.auditLog.findMany({ where: { organizationId: orgId }, select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["member.role_changed", "member.left"]));
    signOut();
  });

  it("two owners demoting each other at once: one of them stays owner", async () => {
    const tm = await team();
    await t.db.membership.delete({ where: { userId_organizationId: { userId: tm.owner2.id, organizationId: tm.orgId } } });
    const other = await createUser(t.db);
    await t.db.membership.create({ data: { userId: other.id, organizationId: tm.orgId, role: "owner" } });
    const otherToken = await token(other.id);
    const [a, b] = await Promise.all([
      patch(tm.owner.token, tm.orgId, tm.owner.id, "admin"),
      patch(otherToken, tm.orgId, other.id, "admin"),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(await t.db.membership.count({ where: { organizationId: tm.orgId, role: "owner" } })).toBe(1);
  });

  it("a plain member may leave on their own", async () => {
    const tm = await team();
    expect((await remove(tm.member.token, tm.orgId, tm.member.id)).status).toBe(204);
    expect(await roleOf(tm.orgId, tm.member.id)).toBeNull();
  });
});

describe("invitations: hashed, single use, 7 days, for the invited address only", () => {
  it("is e-mailed with a link whose token is stored only as its SHA-256, and works once", async () => {
    const tm = await team();
    const email = newAddress();
    const res = await invite(tm.admin.token, tm.orgId, { email: email.toUpperCase(), role: "approver" });
    expect(res.status).toBe(201);
    const created = await jsonOf<{ id: string; email: string; expiresAt: string; createdAt: string }>(res);
    expect(created.email).toBe(email);
    expect(new Date(created.expiresAt).getTime() - new Date(created.createdAt).getTime()).toBe(7 * 24 * 3600 * 1000);
    expect(JSON.stringify(created)).not.toMatch(/token/i);

    const tok = await tokenFromOutbox(email);
    const row = await t.db.memberInvitation.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(tok).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(tok);

    const invitee = await createUser(t.db, { email });
    const tk = await token(invitee.id);
    const first = await accept(tk, { token: tok });
    expect(first.status).toBe(200);
    expect(await jsonOf(first)).toMatchObject({ organizationId: tm.orgId, role: "approver" });
    expect(await roleOf(tm.orgId, invitee.id)).toBe("approver");
    // Used: the second use is "not found", and nothing changes.
    await t.db.membership.delete({ where: { userId_organizationId: { userId: invitee.id, organizationId: tm.orgId } } });
    expect((await accept(tk, { token: tok })).status).toBe(404);
    expect(await roleOf(tm.orgId, invitee.id)).toBeNull();
    const audit = await t.db.auditLog.findMany({ where: { organizationId: tm.orgId, entityId: created.id }, select: { action: true } });
    expect(audit.map((a) => a.action).sort()).toEqual(["member.invited", "member.joined"]);
  });

  it("expires after 7 days (an expired row and an injected clock), and a revoked one is gone", async () => {
    const tm = await team();
    const email = newAddress();
    await invite(tm.owner.token, tm.orgId, { email, role: "member" });
    const tok = await tokenFromOutbox(email);
    const invitee = await createUser(t.db, { email });
    const actor = await actAs({ id: invitee.id });
    signOut();
    const eightDaysOn = new Date(Date.now() + 8 * 24 * 3600 * 1000);
    await expect(acceptInvitation(actor, tok, eightDaysOn)).rejects.toMatchObject({ code: "not_found" });
    await t.db.memberInvitation.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await accept(await token(invitee.id), { token: tok })).status).toBe(404);
    expect(await roleOf(tm.orgId, invitee.id)).toBeNull();

    const again = newAddress();
    const res = await invite(tm.owner.token, tm.orgId, { email: again, role: "member" });
    const { id } = await jsonOf<{ id: string }>(res);
    const tok2 = await tokenFromOutbox(again);
    await actAs({ id: tm.admin.id }, tm.orgId);
    const { revokeInvitationAction } = await import("@/lib/organizations/actions");
    expect((await revokeInvitationAction({ invitationId: id })).ok).toBe(true);
    signOut();
    const u2 = await createUser(t.db, { email: again });
    expect((await accept(await token(u2.id), { token: tok2 })).status).toBe(404);
  });

  it("is for the invited address only: someone else holding the link gets 403 and joins nothing", async () => {
    const tm = await team();
    const email = newAddress();
    await invite(tm.owner.token, tm.orgId, { email, role: "admin" });
    const tok = await tokenFromOutbox(email);
    const stranger = await createUser(t.db);
    const res = await accept(await token(stranger.id), { token: tok });
    expect(res.status).toBe(403);
    expect(await roleOf(tm.orgId, stranger.id)).toBeNull();
    expect((await accept(await token(stranger.id), {})).status).toBe(400);
  });

  it("an invitee with an account is also told in the app (the notification holds no token)", async () => {
    const tm = await team();
    const existing = await createUser(t.db, { locale: "en" });
    await invite(tm.owner.token, tm.orgId, { email: existing.email, role: "member" });
    const n = await t.db.notification.findFirstOrThrow({ where: { userId: existing.id, type: "organization.invited" } });
    const tok = await tokenFromOutbox(existing.email);
    expect(JSON.stringify(n)).not.toContain(tok);
    const mail = await t.db.emailOutbox.findFirstOrThrow({ where: { to: existing.email }, orderBy: { createdAt: "desc" } });
    expect(mail.subject).toMatch(/^Invitation to join/); // in the invitee's language
  });

  it("an invitee without an account signs up and joins in one step (once)", async () => {
    const tm = await team();
    const email = newAddress();
    await actAs({ id: tm.owner.id }, tm.orgId);
    expect((await inviteMemberAction({ email, role: "member" })).ok).toBe(true);
    signOut();
    const tok = await tokenFromOutbox(email);
    const bad = await acceptWithSignUpAction({ token: tok, name: "R", password: "pendek" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.error.fields ?? {}).sort()).toEqual(["name", "password"]);
    const ok = await acceptWithSignUpAction({ token: tok, name: "Rekan Pengadaan", password: "tenun-ikat-sumba-7" });
    expect(ok).toEqual({ ok: true, data: { email } });
    const user = await t.db.user.findUniqueOrThrow({ where: { email } });
    expect(await roleOf(tm.orgId, user.id)).toBe("member");
    const twice = await acceptWithSignUpAction({ token: tok, name: "Penyerang", password: "tenun-ikat-sumba-7" });
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.error.code).toBe("not_found");
  });
});

describe("the team page's actions act on the active organization only", () => {
  it("an admin cannot remove an owner; removing another organization's user is not found", async () => {
    const tm = await team();
    const outsider = await createBuyer(t.db);
    await actAs({ id: tm.admin.id }, tm.orgId);
    const r1 = await removeMemberAction({ userId: tm.owner.id });
    expect(r1.ok ? null : r1.error.code).toBe("forbidden");
    const r2 = await removeMemberAction({ userId: outsider.owner.id });
    expect(r2.ok ? null : r2.error.code).toBe("not_found");
    await actAs({ id: tm.member.id }, tm.orgId);
    const r3 = await inviteMemberAction({ email: newAddress(), role: "member" });
    expect(r3.ok ? null : r3.error.code).toBe("forbidden");
    signOut();
    expect(await roleOf(tm.orgId, tm.owner.id)).toBe("owner");
  });
});

describe("approvers award and accept; plain members do not", () => {
  let tm: Team;
  let supplier: Awaited<ReturnType<typeof createUmkm>>;
  beforeAll(async () => {
    tm = await team();
    supplier = await createUmkm(t.db, { verificationStatus: "verified" });
  });

  it("awards an RFQ: member 403, approver 201", async () => {
    const rfq = await createRfq(t.db, tm.orgId);
    const quote = await createQuote(t.db, rfq.id, supplier.organization.id);
    const award = (tk: string) =>
      callRoute(awardRoute, "POST", `/api/v1/rfqs/${rfq.id}/award`, {
        token: tk,
        params: { id: rfq.id },
        body: { awards: [{ quoteId: quote.id }] },
      });
    expect((await award(tm.member.token)).status).toBe(403);
    expect(await t.db.award.count({ where: { rfqId: rfq.id } })).toBe(0);
    expect((await award(tm.approver.token)).status).toBe(201);
  });

  it("accepts an agreement: member 403, approver 200", async () => {
    const agreement = await createAgreement(t.db, tm.orgId, supplier.organization.id, { status: "proposed" });
    const acceptIt = (tk: string) =>
      callRoute(acceptAgreementRoute, "POST", `/api/v1/agreements/${agreement.id}/accept`, {
        token: tk,
        params: { id: agreement.id },
        body: { version: 1 },
      });
    expect((await acceptIt(tm.member.token)).status).toBe(403);
    const res = await acceptIt(tm.approver.token);
    expect(res.status).toBe(200);
  });
});
