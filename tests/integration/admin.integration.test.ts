// Issue 16 item 4, administration, on both databases: the admin routes and actions do not exist for anyone
// but platform admins (404; 401 signed out); a suspended organization reads but every write is refused with
// 403 organization_suspended (API and server actions, one representative per domain), and it leaves the
// directory and its public profile; a suspended user cannot sign in and their token gets 401; reinstating
// restores both; creating an organization invites its first owner; forcing a reset ends the old password.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs, signOut } from "@/tests/helpers/act-as";
import { callRoute, jsonOf, type RouteHandlerFn } from "@/tests/helpers/api";
import {
  createBuyer,
  createCooperative,
  createOrganization,
  createProduct,
  createRfq,
  createUmkm,
  createUser,
  dateInDays,
} from "@/tests/helpers/factories";
import { issueApiToken } from "@/lib/auth/tokens";
import { verifyCredentials } from "@/lib/auth/accounts";
import { createToken } from "@/lib/auth/actions";
import { GET as listOrgsRoute, POST as createOrgRoute } from "@/app/api/v1/admin/organizations/route";
import { POST as suspendOrgRoute } from "@/app/api/v1/admin/organizations/[id]/suspend/route";
import { POST as reinstateOrgRoute } from "@/app/api/v1/admin/organizations/[id]/reinstate/route";
import { GET as listUsersRoute } from "@/app/api/v1/admin/users/route";
import { POST as suspendUserRoute } from "@/app/api/v1/admin/users/[id]/suspend/route";
import { POST as reinstateUserRoute } from "@/app/api/v1/admin/users/[id]/reinstate/route";
import { POST as forceResetRoute } from "@/app/api/v1/admin/users/[id]/password-reset/route";
import { GET as listRfqsRoute, POST as createRfqRoute } from "@/app/api/v1/rfqs/route";
import { PUT as submitQuoteRoute } from "@/app/api/v1/rfqs/[id]/quote/route";
import { POST as acceptAgreementRoute } from "@/app/api/v1/agreements/[id]/accept/route";
import { GET as listProductsRoute, POST as createProductRoute } from "@/app/api/v1/products/route";
import { GET as productRoute } from "@/app/api/v1/products/[id]/route";
import { POST as profileReviewRoute } from "@/app/api/v1/admin/organizations/[id]/profile-review/route";
import { POST as inviteMemberRoute } from "@/app/api/v1/organizations/[id]/members/route";
import { DELETE as removeMemberRoute, PATCH as changeRoleRoute } from "@/app/api/v1/organizations/[id]/members/[userId]/route";
import { POST as coopImportRoute } from "@/app/api/cooperatives/import/route";
import { POST as createTokenRoute } from "@/app/api/v1/tokens/route";
import { GET as supplierRoute } from "@/app/api/v1/suppliers/[id]/route";
import { GET as directoryRoute } from "@/app/api/v1/suppliers/route";
import {
  createOrganizationAction,
  forcePasswordResetAction,
  reinstateOrganizationAction,
  reinstateUserAction,
  suspendOrganizationAction,
  suspendUserAction,
} from "@/lib/admin/actions";
import { createRfqAction } from "@/lib/rfqs/actions";
import { createProductAction } from "@/lib/products/actions";
import { inviteMemberAction } from "@/lib/organizations/actions";
import { acceptWithSignUp } from "@/lib/organizations/invitations";
import { isDomainError } from "@/lib/errors";

const t = useTestDatabase();
const PASSWORD = "tenun-ikat-sumba-7";
const token = async (userId: string) =>
  (await issueApiToken(userId, { name: "uji", expiresInDays: 30, scope: "read write", source: "ui" })).token;

let admin: { id: string; token: string };
let buyer: { orgId: string; userId: string; email: string; token: string };
let umkm: { orgId: string; userId: string; email: string; token: string };

beforeAll(async () => {
  const platform = await createOrganization(t.db, "platform", { owner: { password: PASSWORD } });
  admin = { id: platform.owner.id, token: await token(platform.owner.id) };
  const b = await createBuyer(t.db, { owner: { password: PASSWORD } });
  buyer = { orgId: b.organization.id, userId: b.owner.id, email: b.owner.email, token: await token(b.owner.id) };
  const u = await createUmkm(t.db, { owner: { password: PASSWORD }, verificationStatus: "verified", name: "UD Tenun Ditangguhkan" });
  umkm = { orgId: u.organization.id, userId: u.owner.id, email: u.owner.email, token: await token(u.owner.id) };
});

const suspendOrg = (tk: string | undefined, id: string, reason = "Dokumen palsu dilaporkan") =>
  callRoute(suspendOrgRoute, "POST", `/api/v1/admin/organizations/${id}/suspend`, { token: tk, params: { id }, body: { reason } });
const reinstateOrg = (tk: string | undefined, id: string) =>
  callRoute(reinstateOrgRoute, "POST", `/api/v1/admin/organizations/${id}/reinstate`, { token: tk, params: { id } });

describe("only platform admins administer", () => {
  const routes = (id: string): [string, RouteHandlerFn, string, string, Record<string, unknown>?][] => [
    ["GET", listOrgsRoute, "/api/v1/admin/organizations", id],
    [
      "POST",
      createOrgRoute,
      "/api/v1/admin/organizations",
      id,
      { type: "bank", name: "Bank Penyusup", ownerEmail: "penyusup@contoh.rantai.test" },
    ],
    ["POST", suspendOrgRoute, `/api/v1/admin/organizations/${id}/suspend`, id, { reason: "Ditangguhkan penyusup" }],
    ["POST", reinstateOrgRoute, `/api/v1/admin/organizations/${id}/reinstate`, id],
    ["GET", listUsersRoute, "/api/v1/admin/users", id],
    ["POST", suspendUserRoute, `/api/v1/admin/users/${id}/suspend`, id, { reason: "Ditangguhkan penyusup" }],
    ["POST", reinstateUserRoute, `/api/v1/admin/users/${id}/reinstate`, id],
    ["POST", forceResetRoute, `/api/v1/admin/users/${id}/password-reset`, id],
  ];

  it("every admin route is 404 for a buyer and an UMKM, 401 signed out; nothing is written", async () => {
    const before = await t.db.auditLog.count();
    for (const [method, handler, path, id, body] of routes(umkm.orgId)) {
      for (const tk of [buyer.token, umkm.token]) {
        const res = await callRoute(handler, method, path, { token: tk, params: { id }, body });
        expect(res.status, `${method} ${path}`).toBe(404);
      }
      expect((await callRoute(handler, method, path, { params: { id }, body })).status, `${method} ${path} anonymous`).toBe(401);
    }
    expect(await t.db.auditLog.count()).toBe(before);
    expect((await t.db.organization.findUniqueOrThrow({ where: { id: umkm.orgId } })).suspendedAt).toBeNull();
  });

  it("every admin action is not_found for a buyer", async () => {
    await actAs({ id: buyer.userId });
    const calls = [
      createOrganizationAction({ type: "bank", name: "Bank Penyusup", ownerEmail: "penyusup@contoh.rantai.test" }),
      suspendOrganizationAction({ id: umkm.orgId, reason: "Ditangguhkan penyusup" }),
      reinstateOrganizationAction({ id: umkm.orgId }),
      suspendUserAction({ id: umkm.userId, reason: "Ditangguhkan penyusup" }),
      reinstateUserAction({ id: umkm.userId }),
      forcePasswordResetAction({ id: umkm.userId }),
    ];
    for (const r of await Promise.all(calls)) expect(r).toMatchObject({ ok: false, error: { code: "not_found" } });
    signOut();
  });

  it("an admin finds organizations by name and filters by type", async () => {
    const res = await callRoute(listOrgsRoute, "GET", "/api/v1/admin/organizations", {
      token: admin.token,
      query: { q: "Tenun Ditangguhkan", type: "umkm" },
    });
    expect(res.status).toBe(200);
    const body = await jsonOf<{ total: number; items: { id: string }[] }>(res);
    expect(body.items.map((i) => i.id)).toEqual([umkm.orgId]);
  });
});

describe("a suspended organization reads but cannot write", () => {
  it("suspending is audit-logged with the reason", async () => {
    const res = await suspendOrg(admin.token, buyer.orgId);
    expect(res.status).toBe(200);
    const entry = await t.db.auditLog.findFirst({ where: { action: "organization.suspended", entityId: buyer.orgId } });
    expect(entry).toMatchObject({ actorId: admin.id, data: { reason: "Dokumen palsu dilaporkan" } });
    expect((await suspendOrg(admin.token, buyer.orgId)).status).toBe(409);
    const status = await callRoute(listOrgsRoute, "GET", "/api/v1/admin/organizations", {
      token: admin.token,
      query: { status: "suspended" },
    });
    expect((await jsonOf<{ items: { id: string }[] }>(status)).items.map((i) => i.id)).toContain(buyer.orgId);
  });

  it("every API write of each domain is 403 organization_suspended with a localized message, nothing written; reads work", async () => {
    const writes: [string, RouteHandlerFn, string, Record<string, string>, unknown][] = [
      [
        "POST",
        createRfqRoute,
        "/api/v1/rfqs",
        {},
        {
          title: "Kain",
          kbli: "13134",
          deliveryRegencyCode: "31.74",
          deadline: dateInDays(20).toISOString(),
          items: [{ name: "Kain", quantity: 1, unit: "lembar" }],
        },
      ],
      ["PUT", submitQuoteRoute, "/api/v1/rfqs/x/quote", { id: "x" }, { items: [] }],
      ["POST", acceptAgreementRoute, "/api/v1/agreements/x/accept", { id: "x" }, {}],
      ["POST", createProductRoute, "/api/v1/products", {}, { name: "Kain" }],
      [
        "POST",
        inviteMemberRoute,
        `/api/v1/organizations/${buyer.orgId}/members`,
        { id: buyer.orgId },
        { email: "rekan@contoh.rantai.test", role: "member" },
      ],
      ["POST", createTokenRoute, "/api/v1/tokens", {}, { name: "lagi", expiresInDays: 30 }],
    ];
    const before = await t.db.auditLog.count();
    for (const [method, handler, path, params, body] of writes) {
      const res = await callRoute(handler, method, path, { token: buyer.token, params, body, headers: { "accept-language": "en" } });
      expect(res.status, `${method} ${path}`).toBe(403);
      const err = await jsonOf<{ error: { code: string; message: string } }>(res);
      expect(err.error.code).toBe("organization_suspended");
      expect(err.error.message).toMatch(/suspended by a Rantai admin/);
    }
    expect(await t.db.auditLog.count()).toBe(before);
    expect(await t.db.rfq.count({ where: { buyerId: buyer.orgId } })).toBe(0);
    expect((await callRoute(listRfqsRoute, "GET", "/api/v1/rfqs", { token: buyer.token })).status).toBe(200);
  });

  it("server actions are refused too (RFQ, member invite, token), in Bahasa Indonesia", async () => {
    await actAs({ id: buyer.userId });
    const results = [
      await createRfqAction({
        title: "Kain",
        kbli: "13134",
        deliveryRegencyCode: "31.74",
        deadline: dateInDays(20).toISOString(),
        items: [{ name: "Kain", quantity: 1, unit: "lembar" }],
      }),
      await inviteMemberAction({ email: "rekan@contoh.rantai.test", role: "member" }),
      await createToken({ name: "lagi", expiresInDays: 30 }),
    ];
    for (const r of results)
      expect(r).toMatchObject({ ok: false, error: { code: "organization_suspended", message: expect.stringMatching(/ditangguhkan/) } });
    signOut();
  });

  it("a suspended UMKM leaves the directory and its profile; its product writes are refused; reinstating restores all", async () => {
    expect((await callRoute(supplierRoute, "GET", `/api/v1/suppliers/${umkm.orgId}`, { params: { id: umkm.orgId } })).status).toBe(200);
    expect((await suspendOrg(admin.token, umkm.orgId)).status).toBe(200);
    expect((await callRoute(supplierRoute, "GET", `/api/v1/suppliers/${umkm.orgId}`, { params: { id: umkm.orgId } })).status).toBe(404);
    const dir = await jsonOf<{ data: { id: string }[] }>(
      await callRoute(directoryRoute, "GET", "/api/v1/suppliers", { query: { q: "Tenun Ditangguhkan" } }),
    );
    expect(dir.data.map((d) => d.id)).not.toContain(umkm.orgId);
    await actAs({ id: umkm.userId });
    expect(await createProductAction({ name: "Kain tenun", kbli: "13134", unit: "lembar" })).toMatchObject({
      ok: false,
      error: { code: "organization_suspended" },
    });
    signOut();

    expect((await reinstateOrg(admin.token, umkm.orgId)).status).toBe(200);
    expect((await callRoute(supplierRoute, "GET", `/api/v1/suppliers/${umkm.orgId}`, { params: { id: umkm.orgId } })).status).toBe(200);
    const back = await jsonOf<{ data: { id: string }[] }>(
      await callRoute(directoryRoute, "GET", "/api/v1/suppliers", { query: { q: "Tenun Ditangguhkan" } }),
    );
    expect(back.data.map((d) => d.id)).toContain(umkm.orgId);
    expect(await t.db.auditLog.count({ where: { action: "organization.reinstated", entityId: umkm.orgId } })).toBe(1);
  });

  it("reinstating the buyer lets it write again", async () => {
    expect((await reinstateOrg(admin.token, buyer.orgId)).status).toBe(200);
    const res = await callRoute(inviteMemberRoute, "POST", `/api/v1/organizations/${buyer.orgId}/members`, {
      token: buyer.token,
      params: { id: buyer.orgId },
      body: { email: "rekan@contoh.rantai.test", role: "member" },
    });
    expect(res.status).toBe(201);
    expect((await reinstateOrg(admin.token, buyer.orgId)).status).toBe(409);
  });
});

describe("a suspended user", () => {
  it("cannot sign in (told so only with the right password) and their token gets 401; reinstating restores both", async () => {
    const u = await createUser(t.db, { password: PASSWORD });
    const b = await createBuyer(t.db);
    await t.db.membership.create({ data: { userId: u.id, organizationId: b.organization.id, role: "member" } });
    const tk = await token(u.id);
    const res = await callRoute(suspendUserRoute, "POST", `/api/v1/admin/users/${u.id}/suspend`, {
      token: admin.token,
      params: { id: u.id },
      body: { reason: "Akun diambil alih" },
    });
    expect(res.status).toBe(200);
    await expect(verifyCredentials({ email: u.email, password: PASSWORD })).rejects.toMatchObject({
      messageKey: "errors.accountSuspended",
    });
    await expect(verifyCredentials({ email: u.email, password: "salah-sekali-123" })).rejects.toMatchObject({
      messageKey: "errors.invalidCredentials",
    });
    expect((await callRoute(listRfqsRoute, "GET", "/api/v1/rfqs", { token: tk })).status).toBe(401);
    expect(
      (
        await callRoute(suspendUserRoute, "POST", `/api/v1/admin/users/${admin.id}/suspend`, {
          token: admin.token,
          params: { id: admin.id },
          body: { reason: "Diri sendiri" },
        })
      ).status,
    ).toBe(403);

    expect(
      (await callRoute(reinstateUserRoute, "POST", `/api/v1/admin/users/${u.id}/reinstate`, { token: admin.token, params: { id: u.id } }))
        .status,
    ).toBe(200);
    await expect(verifyCredentials({ email: u.email, password: PASSWORD })).resolves.toMatchObject({ id: u.id });
    expect((await callRoute(listRfqsRoute, "GET", "/api/v1/rfqs", { token: tk })).status).toBe(200);
  });

  it("a forced password reset ends the old password and tokens and e-mails a reset link", async () => {
    const u = await createUser(t.db, { password: PASSWORD });
    const tk = await token(u.id);
    const res = await callRoute(forceResetRoute, "POST", `/api/v1/admin/users/${u.id}/password-reset`, {
      token: admin.token,
      params: { id: u.id },
    });
    expect(res.status).toBe(200);
    await expect(verifyCredentials({ email: u.email, password: PASSWORD })).rejects.toMatchObject({
      messageKey: "errors.invalidCredentials",
    });
    expect((await callRoute(listRfqsRoute, "GET", "/api/v1/rfqs", { token: tk })).status).toBe(401);
    const mail = await t.db.emailOutbox.findFirst({ where: { to: u.email, text: { contains: "/atur-ulang-sandi#token=" } } });
    expect(mail).not.toBeNull();
    expect(await t.db.auditLog.count({ where: { action: "user.password_reset_forced", entityId: u.id, actorId: admin.id } })).toBe(1);
  });
});

describe("creating an organization", () => {
  it("an admin creates a bank whose invited owner signs up from the e-mailed link and owns it", async () => {
    const res = await callRoute(createOrgRoute, "POST", "/api/v1/admin/organizations", {
      token: admin.token,
      body: { type: "bank", name: "Bank Pembangunan Daerah Contoh", ownerEmail: "Direksi@BPD.contoh.rantai.test" },
    });
    expect(res.status).toBe(201);
    const org = await jsonOf<{ id: string; type: string; ownerInvitation: { email: string; role: string } }>(res);
    expect(org).toMatchObject({ type: "bank", ownerInvitation: { email: "direksi@bpd.contoh.rantai.test", role: "owner" } });
    const mail = await t.db.emailOutbox.findFirstOrThrow({ where: { to: "direksi@bpd.contoh.rantai.test" } });
    const secret = decodeURIComponent(/#token=([^\s]+)/.exec(mail.text)![1]);
    await acceptWithSignUp({ token: secret, name: "Direksi BPD", password: PASSWORD });
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "direksi@bpd.contoh.rantai.test" }, include: { memberships: true } });
    expect(user.memberships).toMatchObject([{ organizationId: org.id, role: "owner" }]);
    expect(await t.db.auditLog.count({ where: { action: "organization.created_by_admin", entityId: org.id } })).toBe(1);
  });

  it("a bad input is a localized field error and writes nothing", async () => {
    const before = await t.db.organization.count();
    const res = await callRoute(createOrgRoute, "POST", "/api/v1/admin/organizations", {
      token: admin.token,
      body: { type: "platform", name: "X", ownerEmail: "bukan-email" },
    });
    expect(res.status).toBe(400);
    const body = await jsonOf<{ error: { fields: Record<string, string[]> } }>(res);
    expect(Object.keys(body.error.fields).sort()).toEqual(["name", "ownerEmail", "type"]);
    expect(await t.db.organization.count()).toBe(before);
  });
});

// The security review of the suspension (issue 16): a write is refused for the organization it TOUCHES, not only
// for the one the caller acts for; the cooperative CSV import writes; nobody joins a suspended organization.
describe("a suspended organization's writes are refused whichever organization the caller acts for", () => {
  it("a member of suspended A acting for B cannot invite, change or remove members of A, nor leave it", async () => {
    const a = await createBuyer(t.db);
    const b = await createBuyer(t.db);
    await t.db.membership.create({ data: { userId: a.owner.id, organizationId: b.organization.id, role: "owner" } });
    const other = await createUser(t.db);
    await t.db.membership.create({ data: { userId: other.id, organizationId: a.organization.id, role: "member" } });
    expect((await suspendOrg(admin.token, a.organization.id)).status).toBe(200);
    const tk = await token(a.owner.id);
    const A = a.organization.id;
    const headers = { "x-organization-id": b.organization.id };
    const calls: [string, RouteHandlerFn, string, Record<string, string>, unknown?][] = [
      ["POST", inviteMemberRoute, `/api/v1/organizations/${A}/members`, { id: A }, { email: "susup@contoh.rantai.test", role: "member" }],
      ["PATCH", changeRoleRoute, `/api/v1/organizations/${A}/members/${other.id}`, { id: A, userId: other.id }, { role: "admin" }],
      ["DELETE", removeMemberRoute, `/api/v1/organizations/${A}/members/${other.id}`, { id: A, userId: other.id }],
      ["DELETE", removeMemberRoute, `/api/v1/organizations/${A}/members/${a.owner.id}`, { id: A, userId: a.owner.id }],
    ];
    for (const [method, handler, path, params, body] of calls) {
      const res = await callRoute(handler, method, path, { token: tk, params, body, headers });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect((await jsonOf<{ error: { code: string } }>(res)).error.code).toBe("organization_suspended");
    }
    expect(await t.db.memberInvitation.count({ where: { organizationId: A } })).toBe(0);
    const members = await t.db.membership.findMany({ where: { organizationId: A }, select: { userId: true, role: true } });
    expect(members).toEqual(
      expect.arrayContaining([
        { userId: a.owner.id, role: "owner" },
        { userId: other.id, role: "member" },
      ]),
    );
    expect(members).toHaveLength(2);
  });

  it("a suspended cooperative's CSV import is 403 organization_suspended and writes nothing", async () => {
    const coop = await createCooperative(t.db, { members: 0 });
    expect((await suspendOrg(admin.token, coop.organization.id)).status).toBe(200);
    const before = { orgs: await t.db.organization.count(), members: await t.db.cooperativeMembership.count() };
    await actAs(coop.owner);
    const csv = "nama;nib\nUD Satu;1234567890123\n";
    const res = await coopImportRoute(new Request("http://localhost/api/cooperatives/import", { method: "POST", body: csv }));
    signOut();
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ key: "organization_suspended" });
    expect({ orgs: await t.db.organization.count(), members: await t.db.cooperativeMembership.count() }).toEqual(before);
  });

  it("an invitation to a suspended organization cannot be accepted; nothing is created", async () => {
    const c = await createBuyer(t.db);
    const invite = await callRoute(inviteMemberRoute, "POST", `/api/v1/organizations/${c.organization.id}/members`, {
      token: await token(c.owner.id),
      params: { id: c.organization.id },
      body: { email: "undangan@ditangguhkan.contoh.rantai.test", role: "member" },
    });
    expect(invite.status).toBe(201);
    const mail = await t.db.emailOutbox.findFirstOrThrow({ where: { to: "undangan@ditangguhkan.contoh.rantai.test" } });
    const secret = decodeURIComponent(/#token=([^\s]+)/.exec(mail.text)![1]);
    expect((await suspendOrg(admin.token, c.organization.id)).status).toBe(200);
    const err = await acceptWithSignUp({ token: secret, name: "Calon Anggota", password: PASSWORD }).catch((e: unknown) => e);
    expect(isDomainError(err) && err.code).toBe("organization_suspended");
    expect(await t.db.user.count({ where: { email: "undangan@ditangguhkan.contoh.rantai.test" } })).toBe(0);
    expect(await t.db.membership.count({ where: { organizationId: c.organization.id } })).toBe(1);
  });
});

describe("a suspended organization's public pages are hidden", () => {
  it("a suspended UMKM's products leave the catalogue (list, by supplier, search, one product)", async () => {
    const u = await createUmkm(t.db, { verificationStatus: "verified", name: "UD Songket Ditangguhkan" });
    const other = await createUmkm(t.db, { verificationStatus: "verified" });
    const hidden = await createProduct(t.db, u.organization.id, { name: "Songket palembang ditangguhkan" });
    const shown = await createProduct(t.db, other.organization.id);
    const ids = async (query: Record<string, string>) =>
      (await jsonOf<{ data: { id: string }[] }>(await callRoute(listProductsRoute, "GET", "/api/v1/products", { query }))).data.map(
        (p) => p.id,
      );
    expect(await ids({ supplierId: u.organization.id })).toEqual([hidden.id]);
    expect((await suspendOrg(admin.token, u.organization.id)).status).toBe(200);
    const all = await ids({ limit: "100" });
    expect(all).toContain(shown.id);
    expect(all).not.toContain(hidden.id);
    expect(await ids({ supplierId: u.organization.id })).toEqual([]);
    expect(await ids({ q: "songket" })).not.toContain(hidden.id);
    const one = await callRoute(productRoute, "GET", `/api/v1/products/${hidden.id}`, { params: { id: hidden.id } });
    expect(one.status).toBe(404);
  });

  it("a suspended buyer's public RFQ leaves the board and takes no quotes", async () => {
    const b = await createBuyer(t.db);
    const other = await createBuyer(t.db);
    const s = await createUmkm(t.db, { verificationStatus: "verified" });
    const supplierToken = await token(s.owner.id);
    const rfq = await createRfq(t.db, b.organization.id);
    const control = await createRfq(t.db, other.organization.id);
    expect((await suspendOrg(admin.token, b.organization.id)).status).toBe(200);
    const board = JSON.stringify(await jsonOf(await callRoute(listRfqsRoute, "GET", "/api/v1/rfqs", { token: supplierToken })));
    expect(board).toContain(control.id);
    expect(board).not.toContain(rfq.id);
    const res = await callRoute(submitQuoteRoute, "PUT", `/api/v1/rfqs/${rfq.id}/quote`, {
      token: supplierToken,
      params: { id: rfq.id },
      body: { items: [{ rfqItemId: rfq.items[0].id, unitPriceIdr: 150000 }], leadTimeDays: 10, includesVat: false },
    });
    expect(res.status).toBe(404);
    expect(await t.db.quote.count({ where: { rfqId: rfq.id } })).toBe(0);
  });

  it("the profile-review route is 404 for a buyer and an UMKM, 401 signed out", async () => {
    const b = await createBuyer(t.db, { owner: {} });
    const u = await createUmkm(t.db);
    const path = `/api/v1/admin/organizations/${u.organization.id}/profile-review`;
    const opts = { params: { id: u.organization.id }, body: { decision: "approved", identityChangeAt: new Date().toISOString() } };
    for (const tk of [await token(b.owner.id), await token(u.owner.id)])
      expect((await callRoute(profileReviewRoute, "POST", path, { ...opts, token: tk })).status).toBe(404);
    expect((await callRoute(profileReviewRoute, "POST", path, opts)).status).toBe(401);
  });
});
