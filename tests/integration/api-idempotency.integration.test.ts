// Idempotency-Key on writes: a retry returns the first response and creates nothing twice; a key reused for
// another request is a 409; concurrent duplicates never both run; failures release the key; keys expire.
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { useTestDatabase } from "@/tests/helpers/db";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import { POST as register } from "@/app/api/v1/auth/register/route";
import { POST as signIn } from "@/app/api/v1/auth/token/route";
import { GET as listTokens } from "@/app/api/v1/tokens/route";
import { DELETE as revokeToken } from "@/app/api/v1/tokens/[id]/route";
import { completeIdempotencyKey, IDEMPOTENCY_STALE_MS, purgeExpiredIdempotencyKeys, reserveIdempotencyKey } from "@/lib/api/idempotency";
import { apiRoute, created } from "@/lib/api/route";
import { DomainError } from "@/lib/errors";
import id from "@/messages/id.json";

const t = useTestDatabase();

let n = 0;
function account() {
  n += 1;
  const tag = `${n}-${Math.random().toString(36).slice(2, 8)}`;
  return {
    email: `idem-${tag}@contoh.rantai.test`,
    password: "anyaman-rotan-12",
    name: `Idem ${n}`,
    organization: { name: `UD Rotan ${tag}`, type: "umkm" },
  };
}

const registerWithKey = (body: unknown, key: string, headers: Record<string, string> = {}) =>
  callRoute(register, "POST", "/api/v1/auth/register", { body, headers: { "idempotency-key": key, ...headers } });

const usersWith = (email: string) => t.db.user.count({ where: { email } });

describe("Idempotency-Key on POST /api/v1/auth/register", () => {
  it("returns the first response to a retry with the same key and body, creating one user", async () => {
    const input = account();
    const key = crypto.randomUUID();
    const first = await registerWithKey(input, key);
    expect(first.status).toBe(201);
    const firstBody = await first.json();
    expect(first.headers.get("idempotent-replayed")).toBeNull();

    // Same body with keys in another order and different whitespace is the same request.
    const { organization, ...rest } = input;
    const again = await callRoute(register, "POST", "/api/v1/auth/register", {
      rawBody: JSON.stringify({ organization, ...rest }, null, 2),
      headers: { "idempotency-key": key, "content-type": "application/json" },
    });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(firstBody);
    expect(await usersWith(input.email)).toBe(1);
    expect(await t.db.organization.count({ where: { name: input.organization.name } })).toBe(1);
  });

  it("answers the same key with a different body (or path) with 409, and runs nothing", async () => {
    const key = crypto.randomUUID();
    const a = account();
    expect((await registerWithKey(a, key)).status).toBe(201);
    const b = account();
    const res = await registerWithKey(b, key);
    expect(res.status).toBe(409);
    expect(await jsonOf(res)).toEqual({ error: { code: "conflict", message: id.errors.idempotencyKeyReused } });
    expect(await usersWith(b.email)).toBe(0);
  });

  it("without a key, a retry is a second attempt (and the email is taken)", async () => {
    const input = account();
    expect((await callRoute(register, "POST", "/api/v1/auth/register", { body: input })).status).toBe(201);
    expect((await callRoute(register, "POST", "/api/v1/auth/register", { body: input })).status).toBe(400);
    expect(await usersWith(input.email)).toBe(1);
  });

  it("never runs two concurrent requests with one key", async () => {
    const input = account();
    const key = crypto.randomUUID();
    const results = await Promise.all([registerWithKey(input, key), registerWithKey(input, key), registerWithKey(input, key)]);
    const statuses = results.map((r) => r.status).sort();
    // One ran; the others either found it in progress (409) or, if it had finished, got its response.
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    // Exactly one of them executed; any other 201 is a replay of its response.
    expect(results.filter((r) => r.status === 201 && !r.headers.get("idempotent-replayed"))).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 409)) {
      expect(await r.json()).toEqual({ error: { code: "conflict", message: id.errors.idempotencyInProgress } });
    }
    expect(await usersWith(input.email)).toBe(1);
    // And a later retry gets the stored response.
    const later = await registerWithKey(input, key);
    expect(later.status).toBe(201);
    expect(later.headers.get("idempotent-replayed")).toBe("true");
  });

  it("does not remember failures: validation errors and domain errors leave the key free", async () => {
    const key = crypto.randomUUID();
    const bad = await registerWithKey({ email: "x" }, key);
    expect(bad.status).toBe(400);
    const taken = account();
    expect((await callRoute(register, "POST", "/api/v1/auth/register", { body: taken })).status).toBe(201);
    const dup = await registerWithKey({ ...account(), email: taken.email }, key);
    expect(dup.status).toBe(400);
    expect(await t.db.idempotencyKey.count({ where: { key } })).toBe(0);
    // The same key now works for a corrected request.
    expect((await registerWithKey(account(), key)).status).toBe(201);
  });

  it("rejects malformed keys with 400", async () => {
    for (const key of ["", " ", "a".repeat(256), "kunci dengan spasi", "kunci\u00e9"]) {
      const res = await registerWithKey(account(), key);
      expect(res.status, JSON.stringify(key)).toBe(400);
      expect((await jsonOf<{ error: { message: string } }>(res)).error.message).toBe(id.errors.idempotencyKeyInvalid);
    }
  });
});

describe("Idempotency-Key with authentication", () => {
  it("scopes keys to the user and replays a DELETE's 204", async () => {
    const a = account();
    const b = account();
    await callRoute(register, "POST", "/api/v1/auth/register", { body: a });
    await callRoute(register, "POST", "/api/v1/auth/register", { body: b });
    const tokenA = (
      await jsonOf<{ token: string }>(
        await callRoute(signIn, "POST", "/api/v1/auth/token", { body: { email: a.email, password: a.password } }),
      )
    ).token;
    const tokenB = (
      await jsonOf<{ token: string }>(
        await callRoute(signIn, "POST", "/api/v1/auth/token", { body: { email: b.email, password: b.password } }),
      )
    ).token;
    // A second token of A's (a bearer token cannot create tokens: sign in again), found in A's list.
    await callRoute(signIn, "POST", "/api/v1/auth/token", { body: { email: a.email, password: a.password } });
    const made = (await jsonOf<{ data: { id: string }[] }>(await callRoute(listTokens, "GET", "/api/v1/tokens", { token: tokenA })))
      .data[0];

    const key = "revoke-" + crypto.randomUUID();
    const del = () =>
      callRoute(revokeToken, "DELETE", `/api/v1/tokens/${made.id}`, {
        token: tokenA,
        params: { id: made.id },
        headers: { "idempotency-key": key },
      });
    expect((await del()).status).toBe(204);
    const retry = await del();
    expect(retry.status).toBe(204); // without the key this would be 404: the token is already revoked
    expect(retry.headers.get("idempotent-replayed")).toBe("true");

    // The same key from another user is a different key.
    const other = await callRoute(revokeToken, "DELETE", `/api/v1/tokens/${made.id}`, {
      token: tokenB,
      params: { id: made.id },
      headers: { "idempotency-key": key },
    });
    expect(other.status).toBe(404);
  });

  it("ignores the header on endpoints whose response is a secret (token issue)", async () => {
    const a = account();
    await callRoute(register, "POST", "/api/v1/auth/register", { body: a });
    const token = (
      await jsonOf<{ token: string }>(
        await callRoute(signIn, "POST", "/api/v1/auth/token", { body: { email: a.email, password: a.password } }),
      )
    ).token;
    const key = crypto.randomUUID();
    const create = () =>
      callRoute(signIn, "POST", "/api/v1/auth/token", {
        body: { email: a.email, password: a.password },
        headers: { "idempotency-key": key },
      });
    const [x, y] = [await jsonOf<{ token: string }>(await create()), await jsonOf<{ token: string }>(await create())];
    expect(x.token).not.toBe(y.token);
    expect(await t.db.idempotencyKey.count({ where: { key } })).toBe(0);
    const list = await jsonOf<{ data: unknown[] }>(await callRoute(listTokens, "GET", "/api/v1/tokens", { token }));
    expect(list.data).toHaveLength(3);
  });
});

describe("the key store", () => {
  const req = (over: Partial<Parameters<typeof reserveIdempotencyKey>[0]> = {}) => ({
    scope: "user:test",
    key: crypto.randomUUID(),
    method: "POST",
    path: "/api/v1/things",
    body: { a: 1 },
    ...over,
  });

  it("reports a request in progress as a conflict, then replays it once complete", async () => {
    const r = req();
    const first = await reserveIdempotencyKey(r);
    expect(first.kind).toBe("execute");
    await expect(reserveIdempotencyKey(r)).rejects.toMatchObject({ code: "conflict", messageKey: "errors.idempotencyInProgress" });
    await completeIdempotencyKey((first as { id: string }).id, 201, { id: "thing1", totalIdr: 5 });
    expect(await reserveIdempotencyKey(r)).toEqual({ kind: "replay", status: 201, body: { id: "thing1", totalIdr: 5 } });
    await expect(reserveIdempotencyKey({ ...r, method: "PUT" })).rejects.toBeInstanceOf(DomainError);
    await expect(reserveIdempotencyKey({ ...r, path: "/api/v1/other" })).rejects.toMatchObject({
      messageKey: "errors.idempotencyKeyReused",
    });
  });

  it("forgets keys after 24 hours", async () => {
    const r = req();
    const first = await reserveIdempotencyKey(r);
    await completeIdempotencyKey((first as { id: string }).id, 200, { ok: true });
    await t.db.idempotencyKey.updateMany({ where: { key: r.key }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await reserveIdempotencyKey({ ...r, body: { different: true } })).kind).toBe("execute");

    const old = req();
    await reserveIdempotencyKey(old);
    await t.db.idempotencyKey.updateMany({ where: { key: old.key }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await purgeExpiredIdempotencyKeys()).toBeGreaterThanOrEqual(1);
    expect(await t.db.idempotencyKey.count({ where: { key: old.key } })).toBe(0);
  });

  it("lets a retry take over a key whose request died in progress", async () => {
    const r = req();
    await reserveIdempotencyKey(r);
    await t.db.idempotencyKey.updateMany({
      where: { key: r.key },
      data: { createdAt: new Date(Date.now() - IDEMPOTENCY_STALE_MS - 1000) },
    });
    const again = await reserveIdempotencyKey(r);
    expect(again.kind).toBe("execute");
    await expect(reserveIdempotencyKey(r)).rejects.toMatchObject({ messageKey: "errors.idempotencyInProgress" });
  });
});

describe("apiRoute with idempotent: true", () => {
  it("runs the handler once when a duplicate arrives while the first is still running", async () => {
    let runs = 0;
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const slow = apiRoute({ auth: "none", body: z.object({ qty: z.number() }), idempotent: true }, async ({ body }) => {
      runs += 1;
      await gate;
      return created({ qty: body.qty, totalIdr: 12_000_000_000n });
    });
    const key = crypto.randomUUID();
    const send = () => callRoute(slow, "POST", "/api/v1/slow", { body: { qty: 3 }, headers: { "idempotency-key": key } });

    const first = send();
    // Wait until the first request holds the key, then send the duplicate.
    await vi.waitFor(async () => expect(await t.db.idempotencyKey.count({ where: { key } })).toBe(1));
    const duplicate = await send();
    expect(duplicate.status).toBe(409);
    expect(await duplicate.json()).toEqual({ error: { code: "conflict", message: id.errors.idempotencyInProgress } });

    finish();
    const res = await first;
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ qty: 3, totalIdr: 12_000_000_000 });
    const replay = await send();
    expect(replay.status).toBe(201);
    expect(await replay.json()).toEqual({ qty: 3, totalIdr: 12_000_000_000 });
    expect(runs).toBe(1);
  });

  it("releases the key when the handler fails, so the retry runs", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    let runs = 0;
    const flaky = apiRoute({ auth: "none", body: z.object({}), idempotent: true }, () => {
      runs += 1;
      if (runs === 1) throw new Error("connection reset");
      return { ok: true };
    });
    const key = crypto.randomUUID();
    const send = () => callRoute(flaky, "POST", "/api/v1/flaky", { body: {}, headers: { "idempotency-key": key } });
    expect((await send()).status).toBe(500);
    expect(await t.db.idempotencyKey.count({ where: { key } })).toBe(0);
    expect((await send()).status).toBe(200);
    expect((await send()).headers.get("idempotent-replayed")).toBe("true");
    expect(runs).toBe(2);
  });
});
