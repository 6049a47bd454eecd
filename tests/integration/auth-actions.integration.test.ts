// Accounts, API tokens and the active organization, through the server actions the UI calls
// (lib/auth/actions.ts) and the lib/ functions behind them, on a real database.
//
// HOW TO TEST A WRAPPED SERVER ACTION (userAction / umkmAction / platformAction / …):
// the wrappers ask `getActor()` from "@/lib/auth/session" who is calling. In a real request that reads
// next-auth's session cookie (getServerSession) and the `rantai_org` cookie (cookies()), neither of which
// exists in Vitest. So the test mocks just getActor, and makes it return a REAL Actor: the user is created
// in this file's database and loaded with loadSessionUser() — the very function the app uses — so roles,
// memberships and verification states are whatever the database says, and every check in lib/ runs for
// real. `actAs(user, orgId?)` below picks the active organization the way the cookie would
// (pickMembership); `signOut()` makes getActor return null. next/headers is replaced by
// tests/helpers/next-headers.ts so actions that set cookies work and the cookies can be inspected.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});

import { z } from "zod";
import { resetRequest, responseCookies } from "@/tests/helpers/next-headers";
import { useTestDatabase } from "@/tests/helpers/db";
import { actAs, signOut } from "@/tests/helpers/act-as";
import { createBuyer, createOrganization, createUmkm, createUser } from "@/tests/helpers/factories";
import { registerAccount } from "@/lib/auth/accounts";
import { authenticateBearer, listApiTokens, createApiToken, issueApiToken } from "@/lib/auth/tokens";
import { listOwnAuditLog } from "@/lib/organizations/service";
import { buyerAction, platformAction, umkmAction } from "@/lib/auth/action-wrapper";
import { ACTIVE_ORG_COOKIE } from "@/lib/auth/session";
import { createToken, decideVerification, revokeToken, signUp, switchOrganization } from "@/lib/auth/actions";

const t = useTestDatabase();

beforeEach(() => resetRequest());
afterEach(() => signOut());

let n = 0;
function signUpInput(overrides: Partial<{ email: string; password: string; name: string; orgName: string; orgType: string }> = {}) {
  n += 1;
  return {
    name: overrides.name ?? "Siti Rahayu",
    email: overrides.email ?? `siti-${n}-${Date.now()}@contoh.rantai.test`,
    password: overrides.password ?? "batik-pekalongan-1",
    organization: { name: overrides.orgName ?? `Batik Rahayu ${n}`, type: overrides.orgType ?? "umkm" },
  };
}

function formData(fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

describe("sign-up", () => {
  it("creates the user, the organization and the owner's membership (UMKM with a supplier profile)", async () => {
    const input = signUpInput();
    // The form posts flat names ("organization.name"); the action turns them into the nested object.
    const res = await signUp(
      null,
      formData({
        name: input.name,
        email: input.email.toUpperCase(),
        password: input.password,
        "organization.name": input.organization.name,
        "organization.type": "umkm",
      }),
    );
    expect(res).toMatchObject({ ok: true, data: { email: input.email, organizationType: "umkm", verificationStatus: "unverified" } });
    expect(JSON.stringify(res)).not.toContain(input.password);

    const user = await t.db.user.findUniqueOrThrow({
      where: { email: input.email },
      omit: { passwordHash: false }, // omitted globally (lib/db/client.ts); asked for explicitly here
      include: { memberships: { include: { organization: { include: { supplierProfile: true } } } } },
    });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.memberships).toHaveLength(1);
    expect(user.memberships[0].role).toBe("owner");
    expect(user.memberships[0].organization).toMatchObject({
      name: input.organization.name,
      type: "umkm",
      verificationStatus: "unverified",
    });
    expect(user.memberships[0].organization.supplierProfile).not.toBeNull();
    const audit = await t.db.auditLog.findMany({ where: { organizationId: user.memberships[0].organizationId } });
    expect(audit.map((a) => a.action)).toEqual(["account.registered"]);
  });

  it("starts buyers and cooperatives unverified, without a supplier profile", async () => {
    for (const type of ["buyer", "cooperative"] as const) {
      const account = await registerAccount(signUpInput({ orgType: type }));
      expect(account.organization).toMatchObject({ type, verificationStatus: "unverified" });
      const org = await t.db.organization.findUniqueOrThrow({ where: { id: account.organization.id }, include: { supplierProfile: true } });
      expect(org.verificationStatus).toBe("unverified");
      expect(org.verifiedAt).toBeNull();
      expect(org.supplierProfile).toBeNull();
    }
  });

  it("answers a duplicate email (any case) with a field error on email and creates nothing", async () => {
    const input = signUpInput();
    await registerAccount(input);
    const before = await t.db.organization.count();
    const res = await signUp({ ...signUpInput(), email: `  ${input.email.toUpperCase()} ` });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe("invalid_input");
    expect(res.error.fields?.email).toHaveLength(1);
    expect(res.error.fields?.email?.[0]).not.toBe("");
    expect(await t.db.organization.count()).toBe(before);
  });

  it("returns field errors for a short password, a missing name and an organization type that cannot sign up", async () => {
    const res = await signUp({ ...signUpInput({ password: "pendek", name: "" }), organization: { name: "PT Negara", type: "platform" } });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe("invalid_input");
    expect(Object.keys(res.error.fields ?? {}).sort()).toEqual(["name", "organization.type", "password"]);
  });
});

describe("API tokens", () => {
  it("create → list → use → revoke → the bearer token no longer authenticates", async () => {
    const { owner } = await createUmkm(t.db);
    await actAs(owner);

    const created = await createToken(null, formData({ name: "ERP gudang" }));
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const { token, id, prefix } = created.data;
    expect(token).toMatch(/^rnt_/);
    expect(token.startsWith(prefix)).toBe(true);

    const listed = await listApiTokens(owner.id);
    expect(listed.map((x) => ({ id: x.id, name: x.name, prefix: x.prefix }))).toEqual([{ id, name: "ERP gudang", prefix }]);
    expect(JSON.stringify(listed)).not.toContain(token); // the list never carries the secret
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).not.toContain(token);

    expect((await authenticateBearer(`Bearer ${token}`))?.id).toBe(owner.id);

    expect(await revokeToken({ tokenId: id })).toEqual({ ok: true, data: { tokenId: id } });
    expect(await authenticateBearer(`Bearer ${token}`)).toBeNull();
    expect(await listApiTokens(owner.id)).toEqual([]);
    // Revoking twice: it is no longer there.
    expect(await revokeToken({ tokenId: id })).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("requires a name", async () => {
    const { owner } = await createUmkm(t.db);
    await actAs(owner);
    const res = await createToken({ name: "   " });
    expect(res).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    if (!res.ok) expect(Object.keys(res.error.fields ?? {})).toEqual(["name"]);
  });

  it("does not let another user revoke your token: not found, and the token keeps working", async () => {
    const alice = await createUser(t.db);
    const { owner: mallory } = await createBuyer(t.db);
    const issued = await createApiToken(alice.id, { name: "integrasi" });

    await actAs(mallory);
    const res = await revokeToken({ tokenId: issued.id });
    expect(res).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect((await authenticateBearer(`Bearer ${issued.token}`))?.id).toBe(alice.id);
    expect((await t.db.apiToken.findUniqueOrThrow({ where: { id: issued.id } })).revokedAt).toBeNull();
  });

  it("creation and revocation are in the audit log of every organization the token can act for, and no other", async () => {
    const { organization: buyer, owner } = await createBuyer(t.db);
    const { organization: coop } = await createOrganization(t.db, "cooperative", { owner, ownerRole: "admin" });
    const { organization: stranger, owner: strangerOwner } = await createBuyer(t.db);
    const colleague = await createUser(t.db);
    await t.db.membership.create({ data: { userId: colleague.id, organizationId: buyer.id, role: "admin" } });

    await actAs(owner, buyer.id);
    const created = await createToken({ name: "ERP gudang" });
    if (!created.ok) throw new Error("token not created");
    expect((await revokeToken({ tokenId: created.data.id })).ok).toBe(true);
    const issued = await issueApiToken(owner.id, { name: "API sign-in", source: "api", expiresInDays: 30, scope: "read write" });

    const tokenEntries = async (actor: Awaited<ReturnType<typeof actAs>>) =>
      (await listOwnAuditLog(actor, { limit: 50 }))
        .filter((e) => e.entityType === "ApiToken")
        .map((e) => [e.action, e.entityId, (e.data as { name?: string }).name, e.actor?.name])
        .sort();
    const expected = [
      ["token.created", created.data.id, "ERP gudang", owner.name],
      ["token.issued", issued.id, "API sign-in", owner.name],
      ["token.revoked", created.data.id, "ERP gudang", owner.name],
    ].sort();
    // the buyer's log (seen by a colleague there) and the cooperative's log, as /dasbor shows them
    expect(await tokenEntries(await actAs(colleague, buyer.id))).toEqual(expected);
    expect(await tokenEntries(await actAs(owner, coop.id))).toEqual(expected);
    // an organization the user is not in sees nothing of it
    expect(await tokenEntries(await actAs(strangerOwner, stranger.id))).toEqual([]);
    const revoked = await t.db.auditLog.findFirstOrThrow({ where: { organizationId: buyer.id, action: "token.revoked" } });
    expect(revoked.data).toMatchObject({ name: "ERP gudang", prefix: created.data.prefix });

    // a user without an organization: still logged, for no organization
    const lonely = await createUser(t.db);
    const own = await createApiToken(lonely.id, { name: "pribadi" });
    expect(await t.db.auditLog.findMany({ where: { entityId: own.id }, select: { organizationId: true, action: true } })).toEqual([
      { organizationId: null, action: "token.created" },
    ]);
  });

  it("always sets an expiry (90 days unless chosen, at most 365) and the chosen scope — issue 11", async () => {
    const { owner } = await createUmkm(t.db);
    await actAs(owner);
    const day = 86_400_000;

    const plain = await createToken(null, formData({ name: "laporan", scope: "read" }));
    if (!plain.ok) throw new Error(JSON.stringify(plain));
    expect(plain.data.scope).toBe("read");
    expect(Math.round((plain.data.expiresAt.getTime() - Date.now()) / day)).toBe(90);

    const chosen = await createToken(null, formData({ name: "ERP", expiresInDays: "365", scope: "read write" }));
    if (!chosen.ok) throw new Error(JSON.stringify(chosen));
    expect(chosen.data.scope).toBe("read write");
    expect(Math.round((chosen.data.expiresAt.getTime() - Date.now()) / day)).toBe(365);
    const rows = await t.db.apiToken.findMany({ where: { userId: owner.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.scope, r.expiresAt !== null])).toEqual([
      ["read", true],
      ["read_write", true],
    ]);
    const listed = await listApiTokens(owner.id);
    expect(listed.map((x) => x.scope).sort()).toEqual(["read", "read write"]);

    const before = await t.db.apiToken.count();
    for (const [fields, field] of [
      [{ name: "x", expiresInDays: "366" }, "expiresInDays"],
      [{ name: "x", expiresInDays: "0" }, "expiresInDays"],
      [{ name: "x", expiresInDays: "" }, "expiresInDays"],
      [{ name: "x", scope: "admin" }, "scope"],
      [{ name: "x", scope: "write" }, "scope"],
    ] as const) {
      const res = await createToken(null, formData(fields));
      expect(res, JSON.stringify(fields)).toMatchObject({ ok: false, error: { code: "invalid_input" } });
      if (!res.ok) expect(Object.keys(res.error.fields ?? {})).toEqual([field]);
    }
    expect(await t.db.apiToken.count()).toBe(before);
    // lib/ refuses a token without a valid expiry whoever calls it.
    await expect(issueApiToken(owner.id, { name: "x", source: "api", scope: "read", expiresInDays: 0 })).rejects.toMatchObject({
      code: "invalid_input",
    });
    await expect(issueApiToken(owner.id, { name: "x", source: "api", scope: "read", expiresInDays: 366 })).rejects.toMatchObject({
      code: "invalid_input",
    });
  });

  it("is refused to a caller that authenticated with a token (only a browser session makes tokens)", async () => {
    const { owner } = await createUmkm(t.db);
    const actor = await actAs(owner);
    actor.via = "token";
    const before = await t.db.apiToken.count();
    expect(await createToken({ name: "penerus" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await t.db.apiToken.count()).toBe(before);
  });

  it("refuses signed-out callers", async () => {
    signOut();
    expect(await createToken({ name: "x" })).toMatchObject({ ok: false, error: { code: "unauthorized" } });
    expect(await revokeToken({ tokenId: "whatever" })).toMatchObject({ ok: false, error: { code: "unauthorized" } });
  });
});

describe("switching the active organization", () => {
  it("sets the rantai_org cookie to an organization the user belongs to", async () => {
    const { organization: umkm, owner } = await createUmkm(t.db);
    const { organization: coop } = await createOrganization(t.db, "cooperative", { owner, ownerRole: "admin" });
    await actAs(owner);

    const res = await switchOrganization({ organizationId: coop.id });
    expect(res).toEqual({ ok: true, data: { organizationId: coop.id, organizationType: "cooperative" } });
    const cookie = responseCookies().find((c) => c.name === ACTIVE_ORG_COOKIE);
    expect(cookie).toMatchObject({ value: coop.id, httpOnly: true, sameSite: "lax", path: "/" });

    expect((await switchOrganization({ organizationId: umkm.id })).ok).toBe(true);
  });

  it("refuses an organization the user does not belong to (not found) and sets no cookie", async () => {
    const { owner } = await createUmkm(t.db);
    const { organization: stranger } = await createBuyer(t.db);
    await actAs(owner);
    expect(await switchOrganization({ organizationId: stranger.id })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(responseCookies()).toEqual([]);
  });
});

describe("action wrappers check the organization type in lib/", () => {
  const probe = z.object({});

  it("gives an UMKM owner 'forbidden' from platform and buyer actions, and lets the action run for its own type", async () => {
    const { owner } = await createUmkm(t.db);
    const { organization: buyer } = await createBuyer(t.db, { verificationStatus: "unverified" });
    await actAs(owner);

    const res = await decideVerification({ organizationId: buyer.id, decision: "verified" });
    expect(res).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect((await t.db.organization.findUniqueOrThrow({ where: { id: buyer.id } })).verificationStatus).toBe("unverified");

    const handler = vi.fn(async () => "ran");
    expect(await buyerAction("rfq:write", probe, handler)({})).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await platformAction("platform:verify", probe, handler)({})).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(handler).not.toHaveBeenCalled();

    expect(await umkmAction("quote:write", probe, handler)({})).toEqual({ ok: true, data: "ran" });
  });

  it("follows the active organization: the same user is a buyer officer in one and an UMKM owner in the other", async () => {
    const { owner, organization: umkm } = await createUmkm(t.db);
    const { organization: buyer } = await createBuyer(t.db, { owner, ownerRole: "member" });
    const handler = vi.fn(async () => "ran");

    await actAs(owner, buyer.id);
    expect(await buyerAction("rfq:write", probe, handler)({})).toEqual({ ok: true, data: "ran" });
    // A plain member may not award.
    expect(await buyerAction("rfq:award", probe, handler)({})).toMatchObject({ ok: false, error: { code: "forbidden" } });

    await actAs(owner, umkm.id);
    expect(await buyerAction("rfq:write", probe, handler)({})).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });
});

describe("Next.js control flow inside a wrapped action", () => {
  it("lets redirect() through instead of reporting it as an internal error", async () => {
    const { redirect } = await import("next/navigation");
    const { owner } = await createUmkm(t.db);
    await actAs(owner);
    const action = umkmAction(null, z.object({}), async () => redirect("/dasbor"));
    await expect(action({})).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });
});
