// The account endpoints of the HTTP API, end to end through the exported route handlers, on a real database:
// sign-up → token → /me, the error format for bad input and bad credentials, the sign-in rate limit, token
// management (own tokens only) and organization selection.
import { describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/tests/helpers/db";
import { callRoute } from "@/tests/helpers/api";
import { POST as register } from "@/app/api/v1/auth/register/route";
import { POST as signIn } from "@/app/api/v1/auth/token/route";
import { GET as me } from "@/app/api/v1/me/route";
import { GET as listTokens, POST as createToken } from "@/app/api/v1/tokens/route";
import { DELETE as revokeToken } from "@/app/api/v1/tokens/[id]/route";
import { ApiTokenPageSchema, MeResponseSchema, RegisterResponseSchema, TokenResponseSchema } from "@/lib/auth/responses";
import { ErrorResponseSchema } from "@/lib/api/openapi";
import { API_SIGNIN_TOKEN_DAYS, createApiToken } from "@/lib/auth/tokens";
import { LOGIN_LIMITS, SIGNUP_LIMIT } from "@/lib/auth/rate-limit";
import en from "@/messages/en.json";
import id from "@/messages/id.json";

const t = useTestDatabase();

let n = 0;
function account(type: "umkm" | "buyer" | "cooperative" = "umkm") {
  n += 1;
  const tag = `${n}-${Math.random().toString(36).slice(2, 8)}`;
  return {
    email: `Api.User-${tag}@Contoh.Rantai.test`,
    password: "tenun-ikat-sumba-7",
    name: `Pengguna API ${n}`,
    organization: { name: `CV Tenun ${tag}`, type },
  };
}

async function signUp(input = account()) {
  const res = await callRoute(register, "POST", "/api/v1/auth/register", { body: input });
  expect(res.status, await res.clone().text()).toBe(201);
  return { input, body: RegisterResponseSchema.parse(await res.json()) };
}

async function tokenFor(email: string, password: string, address = "203.0.113.10") {
  const res = await callRoute(signIn, "POST", "/api/v1/auth/token", { body: { email, password }, headers: { "x-forwarded-for": address } });
  expect(res.status, await res.clone().text()).toBe(200);
  return TokenResponseSchema.parse(await res.json()).token;
}

function expectError(body: unknown, code: string) {
  const parsed = ErrorResponseSchema.parse(body);
  expect(parsed.error.code).toBe(code);
  expect(Object.keys(body as object)).toEqual(["error"]);
  return parsed.error;
}

describe("register → token → me", () => {
  it("creates the account, issues a token and shows who it belongs to", async () => {
    const { input, body } = await signUp();
    const email = input.email.toLowerCase();
    expect(body.user).toEqual({ id: expect.any(String), email, name: input.name });
    expect(body.organization).toMatchObject({ name: input.organization.name, type: "umkm", verificationStatus: "unverified" });

    const res = await callRoute(signIn, "POST", "/api/v1/auth/token", { body: { email: input.email, password: input.password } });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const issued = TokenResponseSchema.parse(await res.json());
    expect(issued.token).toMatch(/^rnt_/);
    expect(issued.scope).toBe("read write");
    const days = (Date.parse(issued.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(API_SIGNIN_TOKEN_DAYS - 0.01);
    expect(days).toBeLessThanOrEqual(API_SIGNIN_TOKEN_DAYS);

    const meRes = await callRoute(me, "GET", "/api/v1/me", { token: issued.token });
    expect(meRes.status).toBe(200);
    expect(meRes.headers.get("cache-control")).toBe("no-store");
    expect(MeResponseSchema.parse(await meRes.json())).toEqual({
      user: body.user,
      organizations: [
        { id: body.organization.id, name: input.organization.name, type: "umkm", role: "owner", verificationStatus: "unverified" },
      ],
    });
    // Only a hash of the token is stored.
    const stored = await t.db.apiToken.findFirstOrThrow({
      where: { userId: body.user.id },
      select: { tokenHash: true, source: true, name: true },
    });
    expect(stored.tokenHash).not.toContain(issued.token);
    expect(stored).toMatchObject({ source: "api", name: "API sign-in" });
  });

  it("answers a second sign-up with the same email as 400 on the email field", async () => {
    const { input } = await signUp();
    const res = await callRoute(register, "POST", "/api/v1/auth/register", {
      body: { ...account(), email: input.email.toUpperCase() },
      headers: { "accept-language": "en" },
    });
    expect(res.status).toBe(400);
    const error = expectError(await res.json(), "invalid_input");
    expect(error.fields).toEqual({ email: [en.errors.field.emailTaken] });
  });
});

describe("bad input", () => {
  it("answers malformed JSON with 400 invalid_input, not 500", async () => {
    for (const [handler, path] of [
      [register, "/api/v1/auth/register"],
      [signIn, "/api/v1/auth/token"],
    ] as const) {
      const res = await callRoute(handler, "POST", path, {
        rawBody: '{"email": "a@b.c", "password": ',
        headers: { "content-type": "application/json" },
      });
      expect(res.status, path).toBe(400);
      expect(expectError(await res.json(), "invalid_input").message).toBe(id.errors.malformedJson);
    }
  });

  it("lists the missing fields", async () => {
    const res = await callRoute(register, "POST", "/api/v1/auth/register", {
      body: { email: "not-an-email" },
      headers: { "accept-language": "en" },
    });
    expect(res.status).toBe(400);
    const error = expectError(await res.json(), "invalid_input");
    expect(error.message).toBe(en.errors.invalidInput);
    expect(error.fields).toMatchObject({
      email: [en.errors.field.email],
      password: [en.errors.field.required],
      name: [en.errors.field.required],
      organization: [en.errors.field.required],
    });

    const res2 = await callRoute(signIn, "POST", "/api/v1/auth/token", { body: {} });
    expect(expectError(await res2.json(), "invalid_input").fields).toEqual({
      email: [id.errors.field.required],
      password: [id.errors.field.required],
    });
  });
});

describe("sign-in failures", () => {
  it("answers bad credentials with 401 in the documented format, the same for an unknown email", async () => {
    const { input } = await signUp();
    const wrongPassword = await callRoute(signIn, "POST", "/api/v1/auth/token", {
      body: { email: input.email, password: "not-the-password" },
      headers: { "accept-language": "en", "x-forwarded-for": "198.51.100.1" },
    });
    expect(wrongPassword.status).toBe(401);
    const body = await wrongPassword.json();
    expect(body).toEqual({ error: { code: "unauthorized", message: en.errors.invalidCredentials } });

    const unknown = await callRoute(signIn, "POST", "/api/v1/auth/token", {
      body: { email: "nobody@contoh.rantai.test", password: "not-the-password" },
      headers: { "accept-language": "en", "x-forwarded-for": "198.51.100.1" },
    });
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toEqual(body);
  });

  it(`answers the ${LOGIN_LIMITS.perAccount.points + 1}th failed attempt on an account with 429 and Retry-After; other accounts still sign in`, async () => {
    const victim = await signUp();
    const other = await signUp();
    const address = "192.0.2.44";
    const attempt = (email: string, password: string) =>
      callRoute(signIn, "POST", "/api/v1/auth/token", {
        body: { email, password },
        headers: { "x-forwarded-for": `10.0.0.1, ${address}` },
      });

    for (let i = 1; i <= LOGIN_LIMITS.perAccount.points; i++) {
      expect((await attempt(victim.input.email, `wrong-password-${i}`)).status, `attempt ${i}`).toBe(401);
    }
    const limited = await attempt(victim.input.email, "wrong-password-9");
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(LOGIN_LIMITS.perAccount.durationSeconds);
    expect(expectError(await limited.json(), "rate_limited").message).toBe(id.errors.rateLimited);

    // The locked account stays locked even with the right password…
    expect((await attempt(victim.input.email, victim.input.password)).status).toBe(429);
    // …while another account signs in from the same address.
    expect((await attempt(other.input.email, other.input.password)).status).toBe(200);
  });
});

describe("tokens", () => {
  it("rejects missing, malformed, unknown and revoked tokens with 401", async () => {
    const { input } = await signUp();
    const token = await tokenFor(input.email, input.password);

    const missing = await callRoute(me, "GET", "/api/v1/me");
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expectError(await missing.json(), "unauthorized");
    for (const authorization of ["Bearer rnt_doesnotexist", "Basic dXNlcjpwYXNz", `Bearer ${token}x`, "Bearer"]) {
      const res = await callRoute(me, "GET", "/api/v1/me", { headers: { authorization } });
      expect(res.status, authorization).toBe(401);
      expect(expectError(await res.json(), "unauthorized").message).toBe(id.errors.invalidToken);
    }

    const list = ApiTokenPageSchema.parse(await (await callRoute(listTokens, "GET", "/api/v1/tokens", { token })).json());
    expect(list.data).toHaveLength(1);
    const revoked = await callRoute(revokeToken, "DELETE", `/api/v1/tokens/${list.data[0].id}`, { token, params: { id: list.data[0].id } });
    expect(revoked.status).toBe(204);
    const after = await callRoute(me, "GET", "/api/v1/me", { token });
    expect(after.status).toBe(401);
    expectError(await after.json(), "unauthorized");
  });

  it("lists the caller's tokens newest first with pagination, and revokes only the caller's own", async () => {
    const alice = await signUp();
    const bob = await signUp(account("buyer"));
    const aliceToken = await tokenFor(alice.input.email, alice.input.password);
    const bobToken = await tokenFor(bob.input.email, bob.input.password);

    // Named tokens are made in the dashboard (a browser session): lib/ directly here.
    const made = [];
    for (const name of ["ERP sync", "Laporan", "Gudang"]) {
      made.push(await createApiToken(alice.body.user.id, { name, expiresInDays: 90 }));
      await new Promise((r) => setTimeout(r, 5)); // distinct createdAt
    }

    // 4 tokens (sign-in + 3), two per page.
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await callRoute(listTokens, "GET", "/api/v1/tokens", {
        token: aliceToken,
        query: { limit: "2", ...(cursor ? { cursor } : {}) },
      });
      expect(res.status).toBe(200);
      const page = ApiTokenPageSchema.parse(await res.json());
      expect(page.data.length).toBeLessThanOrEqual(2);
      for (const m of made) expect(JSON.stringify(page)).not.toContain(m.token); // no secrets in lists
      seen.push(...page.data.map((x) => x.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(2);
    expect(new Set(seen).size).toBe(4);
    expect(seen.slice(0, 3)).toEqual(made.map((m) => m.id).reverse());

    const badCursor = await callRoute(listTokens, "GET", "/api/v1/tokens", { token: aliceToken, query: { cursor: "bm90LWEtY3Vyc29y" } });
    expect(badCursor.status).toBe(400);
    expect(expectError(await badCursor.json(), "invalid_input").fields).toEqual({ cursor: [id.errors.field.cursor] });

    // Bob cannot see or revoke Alice's tokens: 404, exactly like a token that does not exist.
    const bobList = ApiTokenPageSchema.parse(await (await callRoute(listTokens, "GET", "/api/v1/tokens", { token: bobToken })).json());
    expect(bobList.data.map((x) => x.id)).not.toContain(made[0].id);
    const foreign = await callRoute(revokeToken, "DELETE", `/api/v1/tokens/${made[0].id}`, { token: bobToken, params: { id: made[0].id } });
    expect(foreign.status).toBe(404);
    const missing = await callRoute(revokeToken, "DELETE", "/api/v1/tokens/nope", { token: bobToken, params: { id: "nope" } });
    expect(missing.status).toBe(404);
    expect(await foreign.json()).toEqual(await missing.json());
    // Alice's token still works.
    expect((await callRoute(me, "GET", "/api/v1/me", { token: made[0].token })).status).toBe(200);
  });
});

describe("token scope, expiry and who makes tokens (issue 11)", () => {
  it("answers POST /api/v1/tokens with 403 for every bearer token and creates nothing; 401 without one", async () => {
    const { input, body } = await signUp();
    const signInToken = await tokenFor(input.email, input.password);
    const named = await createApiToken(body.user.id, { name: "ERP", expiresInDays: 365, scope: "read write" });
    const before = await t.db.apiToken.count();
    for (const token of [signInToken, named.token]) {
      const res = await callRoute(createToken, "POST", "/api/v1/tokens", {
        token,
        body: { name: "penerus", expiresInDays: 365, scope: "read write" },
        headers: { "accept-language": "en" },
      });
      expect(res.status).toBe(403);
      expect(expectError(await res.json(), "forbidden").message).toBe(en.tokens.errors.sessionOnly);
    }
    const anonymous = await callRoute(createToken, "POST", "/api/v1/tokens", { body: { name: "x" } });
    expect(anonymous.status).toBe(401);
    expect(await t.db.apiToken.count()).toBe(before);
  });

  it("lets a read token read and answers 403 to every write it tries, changing nothing", async () => {
    const { input, body } = await signUp();
    const read = await createApiToken(body.user.id, { name: "laporan", expiresInDays: 30, scope: "read" });
    expect((await callRoute(me, "GET", "/api/v1/me", { token: read.token })).status).toBe(200);
    const list = ApiTokenPageSchema.parse(await (await callRoute(listTokens, "GET", "/api/v1/tokens", { token: read.token })).json());
    expect(list.data.map((x) => [x.name, x.scope])).toEqual([["laporan", "read"]]);

    // A write of any kind: revoking (DELETE), and a POST route that is otherwise allowed to this user.
    const revoke = await callRoute(revokeToken, "DELETE", `/api/v1/tokens/${read.id}`, {
      token: read.token,
      params: { id: read.id },
      headers: { "accept-language": "en" },
    });
    expect(revoke.status).toBe(403);
    expect(expectError(await revoke.json(), "forbidden").message).toBe(en.tokens.errors.readOnly);
    expect((await t.db.apiToken.findUniqueOrThrow({ where: { id: read.id } })).revokedAt).toBeNull();
    const { POST: createProduct } = await import("@/app/api/v1/products/route");
    const products = await t.db.product.count();
    const write = await callRoute(createProduct, "POST", "/api/v1/products", { token: read.token, body: { name: "Keripik" } });
    expect(write.status).toBe(403);
    expect(expectError(await write.json(), "forbidden").message).toBe(id.tokens.errors.readOnly);
    expect(await t.db.product.count()).toBe(products);

    // The same user's read-write token may write (here: revoke the read token).
    const rw = await tokenFor(input.email, input.password);
    expect((await callRoute(revokeToken, "DELETE", `/api/v1/tokens/${read.id}`, { token: rw, params: { id: read.id } })).status).toBe(204);
  });

  it("stops accepting a token once it expired, and lists every token with its expiry and scope", async () => {
    const { body } = await signUp();
    const tok = await createApiToken(body.user.id, { name: "sebentar", expiresInDays: 1, scope: "read write" });
    expect((await callRoute(me, "GET", "/api/v1/me", { token: tok.token })).status).toBe(200);
    const list = ApiTokenPageSchema.parse(await (await callRoute(listTokens, "GET", "/api/v1/tokens", { token: tok.token })).json());
    expect(list.data[0]).toMatchObject({ name: "sebentar", scope: "read write", expiresAt: tok.expiresAt.toISOString() });
    await t.db.apiToken.update({ where: { id: tok.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await callRoute(me, "GET", "/api/v1/me", { token: tok.token })).status).toBe(401);
  });
});

describe("organization selection", () => {
  it("acts for a named organization only when the user is a member of it", async () => {
    const a = await signUp();
    const b = await signUp(account("buyer"));
    const token = await tokenFor(a.input.email, a.input.password);

    const own = await callRoute(me, "GET", "/api/v1/me", { token, headers: { "x-organization-id": a.body.organization.id } });
    expect(own.status).toBe(200);

    for (const opts of [
      { headers: { "x-organization-id": b.body.organization.id } },
      { query: { organizationId: b.body.organization.id } },
    ]) {
      const res = await callRoute(me, "GET", "/api/v1/me", { token, ...opts });
      expect(res.status).toBe(403);
      expect(expectError(await res.json(), "forbidden").message).toBe(id.errors.notMember);
    }
  });
});

describe("sign-up limit", () => {
  it("answers sign-ups past the hourly limit from one address with 429 and creates no account", async () => {
    // Behind a reverse proxy that sets X-Real-IP (without TRUST_PROXY=1 the header is ignored: see
    // sign-in-limits.integration.test.ts).
    vi.stubEnv("TRUST_PROXY", "1");
    const headers = { "x-real-ip": "198.51.100.77" };
    for (let i = 0; i < SIGNUP_LIMIT.points; i++) {
      const res = await callRoute(register, "POST", "/api/v1/auth/register", { body: account(), headers });
      expect(res.status, await res.clone().text()).toBe(201);
    }
    const extra = account();
    const res = await callRoute(register, "POST", "/api/v1/auth/register", { body: extra, headers });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expectError(await res.json(), "rate_limited");
    expect(await t.db.user.count({ where: { email: extra.email.toLowerCase() } })).toBe(0);
    // Another address is not affected.
    const other = await callRoute(register, "POST", "/api/v1/auth/register", {
      body: account(),
      headers: { "x-real-ip": "198.51.100.78" },
    });
    expect(other.status).toBe(201);
    vi.unstubAllEnvs();
  });
});
