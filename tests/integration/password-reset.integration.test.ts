// Issue 16 item 2: password reset by e-mail and password change, on a real database (PostgreSQL and PGlite).
//   - "forgot password" answers the same (status and body) for an unknown, a disabled and a real address;
//     only the real one gets an e-mail (through the outbox), with a link whose secret is stored as SHA-256;
//   - a link works once, for an hour (the clock is set by passing `now`, never by waiting), and asking again
//     voids the earlier link; a refused link changes nothing;
//   - requests are limited per e-mail address (registered or not, alike) and per client address;
//   - a reset or change ends every session: a JWT signed in before is emptied by next-auth's jwt callback, and
//     the user's API tokens are revoked; a change needs the current password;
//   - both are audit-logged, and the server actions give the same answers as the API.
import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs, signOut } from "@/tests/helpers/act-as";
import { callRoute } from "@/tests/helpers/api";
import { resetRequest, setRequest } from "@/tests/helpers/next-headers";
import { POST as requestRoute } from "@/app/api/v1/auth/password-reset/route";
import { POST as confirmRoute } from "@/app/api/v1/auth/password-reset/confirm/route";
import { registerAccount, verifyCredentials } from "@/lib/auth/accounts";
import { changePassword, requestPasswordReset, resetPassword } from "@/lib/auth/actions";
import { authOptions } from "@/lib/auth/next-auth";
import { RESET_TOKEN_TTL_MS, requestPasswordReset as requestInLib, resetPassword as resetInLib } from "@/lib/auth/password-reset";
import { authenticateBearer, issueApiToken } from "@/lib/auth/tokens";

const t = useTestDatabase();

beforeEach(() => resetRequest());
afterEach(() => {
  signOut();
  vi.unstubAllEnvs();
});

const PASSWORD = "tenun-ikat-sumba-7";
const NEW_PASSWORD = "songket-palembang-9";
const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");

let n = 0;
async function newUser() {
  n += 1;
  const email = `sandi-${n}-${crypto.randomBytes(3).toString("hex")}@contoh.rantai.test`;
  const account = await registerAccount({
    email,
    password: PASSWORD,
    name: `Pengguna ${n}`,
    organization: { name: `CV Sandi ${n}`, type: "umkm" },
  });
  return { id: account.user.id, email, organizationId: account.organization.id };
}

const askApi = (email: string, headers: Record<string, string> = {}) =>
  callRoute(requestRoute, "POST", "/api/v1/auth/password-reset", { body: { email }, headers });
const confirmApi = (token: string, password = NEW_PASSWORD) =>
  callRoute(confirmRoute, "POST", "/api/v1/auth/password-reset/confirm", { body: { token, password } });

/** The secret in the newest reset e-mail to `email`, read from the outbox as a mail client would. */
async function linkToken(email: string): Promise<string> {
  const mail = await t.db.emailOutbox.findFirst({
    where: { to: email, subject: "Atur ulang kata sandi Rantai" },
    orderBy: { createdAt: "desc" },
  });
  const match = mail?.text.match(/\/atur-ulang-sandi#token=([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no reset e-mail to ${email}`);
  return match[1];
}

type JwtCallback = (args: { token: Record<string, unknown>; user?: Record<string, unknown> }) => Promise<Record<string, unknown>>;
type SessionCallback = (args: { session: Record<string, unknown>; token: Record<string, unknown> }) => Promise<Record<string, unknown>>;
const jwt = authOptions.callbacks!.jwt as unknown as JwtCallback;
const session = authOptions.callbacks!.session as unknown as SessionCallback;

/** A session JWT's claims as next-auth makes them at sign-in (the credentials check, then the jwt callback). */
async function signInJwt(email: string, password: string) {
  const user = await verifyCredentials({ email, password });
  return jwt({ token: { sub: user.id, email }, user: user as unknown as Record<string, unknown> });
}

/** What a later request's session holds for that JWT: the user id, or nothing (signed out). */
async function sessionUserId(token: Record<string, unknown>): Promise<string | undefined> {
  const next = await jwt({ token });
  const s = await session({ session: { user: { email: token.email }, expires: "2099-01-01T00:00:00.000Z" }, token: next });
  return (s.user as { id?: string } | undefined)?.id;
}

describe("asking for a link", () => {
  it("answers the same for a real, an unknown and a disabled address; only the real one gets an e-mail", async () => {
    const real = await newUser();
    const disabled = await newUser();
    await t.db.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    const outboxBefore = await t.db.emailOutbox.count();

    const answers = [];
    for (const email of [real.email, "tidak-terdaftar@contoh.rantai.test", disabled.email]) {
      const res = await askApi(email);
      answers.push({ status: res.status, body: await res.text() });
    }
    expect(answers[0]).toEqual({ status: 202, body: JSON.stringify({ requested: true }) });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);

    const mails = await t.db.emailOutbox.findMany({ where: {}, orderBy: { createdAt: "asc" }, skip: outboxBefore });
    expect(mails.map((m) => m.to)).toEqual([real.email]);
    expect(mails[0].text).toContain("60 menit");
    expect(await t.db.passwordResetToken.count({ where: { userId: disabled.id } })).toBe(0);

    // The server action gives the same answer for both.
    const viaAction = await Promise.all([
      requestPasswordReset({ email: real.email }),
      requestPasswordReset({ email: "lain@contoh.rantai.test" }),
    ]);
    expect(viaAction[0]).toEqual({ ok: true, data: { requested: true } });
    expect(viaAction[1]).toEqual(viaAction[0]);
  });

  it("stores the link's secret only as its SHA-256, and the e-mail goes in the user's language", async () => {
    const user = await newUser();
    await t.db.user.update({ where: { id: user.id }, data: { locale: "en" } });
    await requestInLib({ email: user.email.toUpperCase() });
    const mail = await t.db.emailOutbox.findFirstOrThrow({ where: { to: user.email }, orderBy: { createdAt: "desc" } });
    expect(mail.subject).toBe("Reset your Rantai password");
    const secret = mail.text.match(/#token=([A-Za-z0-9_-]+)/)![1];
    expect(Buffer.from(secret, "base64url")).toHaveLength(32);
    const [row] = await t.db.passwordResetToken.findMany({ where: { userId: user.id } });
    expect(row.tokenHash).toBe(sha256(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
  });

  it("refuses a malformed address with a field error, alike for everyone", async () => {
    const res = await askApi("bukan-email");
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields.email).toEqual(["Masukkan alamat email yang valid."]);
  });
});

describe("using the link", () => {
  it("sets the new password once: the old one stops working, a second use is refused as used", async () => {
    const user = await newUser();
    await askApi(user.email);
    const token = await linkToken(user.email);

    const res = await confirmApi(token);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toEqual({ reset: true });
    await expect(verifyCredentials({ email: user.email, password: NEW_PASSWORD })).resolves.toMatchObject({ id: user.id });
    await expect(verifyCredentials({ email: user.email, password: PASSWORD })).rejects.toMatchObject({ code: "unauthorized" });

    const again = await confirmApi(token, "percobaan-kedua-99");
    expect(again.status).toBe(400);
    const body = await again.json();
    expect(body.error.fields.token).toEqual([
      "Tautan ini sudah dipakai atau sudah diganti oleh tautan yang lebih baru. Minta tautan baru bila perlu.",
    ]);
    await expect(verifyCredentials({ email: user.email, password: NEW_PASSWORD })).resolves.toMatchObject({ id: user.id });
  });

  it("two uses at once: one sets the password, the other is told the link was used", async () => {
    const user = await newUser();
    await requestInLib({ email: user.email });
    const token = await linkToken(user.email);
    const results = await Promise.allSettled([
      resetInLib({ token, password: "paralel-satu-111" }),
      resetInLib({ token, password: "paralel-dua-2222" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "invalid_input", fields: { token: ["auth.passwordReset.errors.tokenUsed"] } });
  });

  it("refuses a link after its hour (clock set by `now`; an expired row written directly too), changing nothing", async () => {
    const user = await newUser();
    const sentAt = new Date(Date.now() - RESET_TOKEN_TTL_MS - 60_000);
    await requestInLib({ email: user.email }, { now: sentAt });
    const token = await linkToken(user.email);
    await expect(resetInLib({ token, password: NEW_PASSWORD })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { token: ["auth.passwordReset.errors.tokenExpired"] },
    });
    // A minute before the hour is up, the same link still works.
    const fresh = await newUser();
    await requestInLib({ email: fresh.email }, { now: sentAt });
    const freshToken = await linkToken(fresh.email);
    await expect(
      resetInLib({ token: freshToken, password: NEW_PASSWORD }, { now: new Date(sentAt.getTime() + RESET_TOKEN_TTL_MS - 60_000) }),
    ).resolves.toEqual({ userId: fresh.id });

    const secret = crypto.randomBytes(32).toString("base64url");
    await t.db.passwordResetToken.create({ data: { userId: user.id, tokenHash: sha256(secret), expiresAt: new Date(Date.now() - 1000) } });
    const res = await confirmApi(secret);
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields.token).toEqual(["Tautan ini sudah kedaluwarsa (hanya berlaku 1 jam). Minta tautan baru."]);
    await expect(verifyCredentials({ email: user.email, password: PASSWORD })).resolves.toMatchObject({ id: user.id });
  });

  it("asking again voids the earlier link; an unknown token is refused as invalid", async () => {
    const user = await newUser();
    await requestInLib({ email: user.email });
    const first = await linkToken(user.email);
    await requestInLib({ email: user.email });
    const second = await linkToken(user.email);
    expect(second).not.toBe(first);
    await expect(resetInLib({ token: first, password: NEW_PASSWORD })).rejects.toMatchObject({
      fields: { token: ["auth.passwordReset.errors.tokenUsed"] },
    });
    await expect(resetInLib({ token: "tidak-ada-token-seperti-ini", password: NEW_PASSWORD })).rejects.toMatchObject({
      fields: { token: ["auth.passwordReset.errors.tokenInvalid"] },
    });
    await expect(resetInLib({ token: second, password: NEW_PASSWORD })).resolves.toEqual({ userId: user.id });
  });

  it("keeps sign-up's password rules (the link stays usable after a refused password)", async () => {
    const user = await newUser();
    await requestInLib({ email: user.email });
    const token = await linkToken(user.email);
    const res = await resetPassword({ token, password: "pendek" });
    expect(res).toMatchObject({ ok: false, error: { code: "invalid_input", fields: { password: ["Kata sandi minimal 10 karakter."] } } });
    expect(await resetPassword({ token, password: NEW_PASSWORD })).toEqual({ ok: true, data: { reset: true } });
  });
});

describe("limits", () => {
  it("limits requests per e-mail address, registered or not, alike (429 after 5 an hour)", async () => {
    const user = await newUser();
    for (const email of [user.email, "hantu@contoh.rantai.test"]) {
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await askApi(email)).status);
      expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    }
    expect(await t.db.passwordResetToken.count({ where: { userId: user.id } })).toBe(5);
  });

  it("limits requests and link uses per client address (PASSWORD_RESET_LIMIT_PER_ADDRESS)", async () => {
    vi.stubEnv("TRUST_PROXY", "1");
    vi.stubEnv("PASSWORD_RESET_LIMIT_PER_ADDRESS", "3");
    const from = { "x-real-ip": "203.0.113.41" };
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await askApi(`alamat-${i}@contoh.rantai.test`, from)).status);
    expect(statuses).toEqual([202, 202, 202, 429]);
    expect((await askApi("alamat-lain@contoh.rantai.test", { "x-real-ip": "203.0.113.42" })).status).toBe(202);

    setRequest({ headers: from });
    const res = await resetPassword({ token: "tebakan-token-acak", password: NEW_PASSWORD });
    expect(res).toMatchObject({ ok: false, error: { code: "rate_limited" } });
  });
});

describe("every session ends", () => {
  it("a JWT signed in before a reset is emptied by the jwt callback; one signed in after works", async () => {
    const user = await newUser();
    const before = await signInJwt(user.email, PASSWORD);
    expect(before).toMatchObject({ uid: user.id, sv: 0 });
    expect(await sessionUserId(before)).toBe(user.id);
    // A JWT from before session versions existed (no `sv`) counts as version 0.
    expect(await sessionUserId({ uid: user.id })).toBe(user.id);

    await requestInLib({ email: user.email });
    await resetInLib({ token: await linkToken(user.email), password: NEW_PASSWORD });

    expect(await jwt({ token: before })).not.toHaveProperty("uid");
    expect(await sessionUserId(before)).toBeUndefined();
    expect(await sessionUserId({ uid: user.id })).toBeUndefined();
    const after = await signInJwt(user.email, NEW_PASSWORD);
    expect(after).toMatchObject({ uid: user.id, sv: 1 });
    expect(await sessionUserId(after)).toBe(user.id);
  });

  it("revokes the user's API tokens, and audit-logs the request and the reset", async () => {
    const user = await newUser();
    const issued = await issueApiToken(user.id, { name: "ERP", expiresInDays: 30, scope: "read write", source: "ui" });
    expect(await authenticateBearer(`Bearer ${issued.token}`)).not.toBeNull();
    await askApi(user.email);
    expect((await confirmApi(await linkToken(user.email))).status).toBe(200);
    expect(await authenticateBearer(`Bearer ${issued.token}`)).toBeNull();

    const actions = await t.db.auditLog.findMany({
      where: { organizationId: user.organizationId, action: { startsWith: "password." } },
      orderBy: { createdAt: "asc" },
    });
    expect(actions.map((a) => [a.action, a.actorId])).toEqual([
      ["password.reset_requested", null], // anyone may ask; the link goes to the user's mailbox
      ["password.reset", user.id],
    ]);
    expect(actions[1].data).toMatchObject({ revokedApiTokens: 1, sessionVersion: 1 });
    // The user is told by e-mail that the password changed.
    expect(await t.db.emailOutbox.count({ where: { to: user.email, subject: "Kata sandi Rantai Anda telah diganti" } })).toBe(1);
  });
});

describe("changing the password while signed in", () => {
  it("needs the current password; a wrong one or the same one changes nothing", async () => {
    const user = await newUser();
    await actAs({ id: user.id });
    const wrong = await changePassword({ currentPassword: "bukan-sandi-saya", newPassword: NEW_PASSWORD });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: "invalid_input", fields: { currentPassword: ["Kata sandi saat ini salah."] } },
    });
    const same = await changePassword({ currentPassword: PASSWORD, newPassword: PASSWORD });
    expect(same).toMatchObject({
      ok: false,
      error: { fields: { newPassword: ["Kata sandi baru harus berbeda dari kata sandi saat ini."] } },
    });
    const row = await t.db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true, passwordChangedAt: true } });
    expect(row).toEqual({ sessionVersion: 0, passwordChangedAt: null });
    await expect(verifyCredentials({ email: user.email, password: PASSWORD })).resolves.toMatchObject({ id: user.id });

    signOut();
    expect(await changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: "unauthorized" },
    });
  });

  it("with the current password: other sessions and API tokens end, the new password signs in, audit-logged", async () => {
    const user = await newUser();
    const other = await signInJwt(user.email, PASSWORD);
    const issued = await issueApiToken(user.id, { name: "Gudang", expiresInDays: 30, scope: "read", source: "ui" });
    await actAs({ id: user.id });
    expect(await changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).toEqual({
      ok: true,
      data: { email: user.email },
    });

    expect(await sessionUserId(other)).toBeUndefined();
    expect(await authenticateBearer(`Bearer ${issued.token}`)).toBeNull();
    const fresh = await signInJwt(user.email, NEW_PASSWORD);
    expect(await sessionUserId(fresh)).toBe(user.id);
    const entry = await t.db.auditLog.findFirstOrThrow({ where: { organizationId: user.organizationId, action: "password.changed" } });
    expect(entry).toMatchObject({ actorId: user.id, entityType: "User", entityId: user.id });
  });

  it("counts wrong current passwords as failed sign-ins (rate_limited after 8)", async () => {
    const user = await newUser();
    await actAs({ id: user.id });
    const codes = [];
    for (let i = 0; i < 9; i++) {
      const res = await changePassword({ currentPassword: `tebakan-${i}-salah`, newPassword: NEW_PASSWORD });
      codes.push(res.ok ? "ok" : res.error.code);
    }
    expect(codes).toEqual([...Array(8).fill("invalid_input"), "rate_limited"]);
  });
});
