// apiRoute's request handling that needs no database (auth "none"): body/query/params parsing, error
// mapping, serialisation and headers. Authentication and idempotency are in the integration tests.
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { apiRoute, created, noContent, reply } from "@/lib/api/route";
import { paginationQuery } from "@/lib/api/pagination";
import { conflict, rateLimited } from "@/lib/errors";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import en from "@/messages/en.json";
import id from "@/messages/id.json";

afterEach(() => vi.restoreAllMocks());

const bodySchema = z.object({
  name: z.string({ error: "errors.field.required" }).min(2, "errors.field.tooShort"),
  qty: z.number().int().positive(),
});

const echo = apiRoute({ auth: "none", body: bodySchema }, ({ body }) => created({ got: body, totalIdr: 5_000_000_000n, at: new Date(0) }));

describe("apiRoute without authentication", () => {
  it("parses, validates and serialises", async () => {
    const res = await callRoute(echo, "POST", "/api/v1/echo", { body: { name: "Batik", qty: 3, extra: "dropped" } });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ got: { name: "Batik", qty: 3 }, totalIdr: 5_000_000_000, at: "1970-01-01T00:00:00.000Z" });
  });

  it("answers malformed JSON with 400 invalid_input, never 500", async () => {
    const res = await callRoute(echo, "POST", "/api/v1/echo", {
      rawBody: '{"name": "Batik", ',
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(await jsonOf(res)).toEqual({ error: { code: "invalid_input", message: id.errors.malformedJson } });
  });

  it("answers a form post with 400 and says to send JSON", async () => {
    const res = await callRoute(echo, "POST", "/api/v1/echo", {
      rawBody: "name=Batik&qty=3",
      headers: { "content-type": "application/x-www-form-urlencoded", "accept-language": "en-US,en;q=0.9" },
    });
    expect(res.status).toBe(400);
    expect((await jsonOf<{ error: { message: string } }>(res)).error.message).toBe(en.errors.jsonContentType);
  });

  it("lists failing fields, localized", async () => {
    const res = await callRoute(echo, "POST", "/api/v1/echo", { body: { name: "B" }, headers: { "accept-language": "en" } });
    expect(res.status).toBe(400);
    const body = await jsonOf<{ error: { code: string; fields: Record<string, string[]> } }>(res);
    expect(body.error.code).toBe("invalid_input");
    expect(body.error.fields.name).toEqual([en.errors.field.tooShort]);
    expect(Object.keys(body.error.fields)).toContain("qty");
  });

  it("reads an empty body as {} and reports every missing field", async () => {
    const res = await callRoute(echo, "POST", "/api/v1/echo");
    expect(res.status).toBe(400);
    const body = await jsonOf<{ error: { fields: Record<string, string[]> } }>(res);
    expect(body.error.fields).toMatchObject({ name: [id.errors.field.required] });
  });

  it("rejects bodies over 1 MB with 413 payload_too_large (issue 11)", async () => {
    const res = await callRoute(echo, "POST", "/api/v1/echo", { body: { name: "x".repeat(1024 * 1024), qty: 1 } });
    expect(res.status).toBe(413);
    expect((await jsonOf<{ error: { message: string } }>(res)).error.message).toBe(id.errors.bodyTooLarge);
  });

  it("validates the query and strips organizationId before doing so", async () => {
    const list = apiRoute({ auth: "none", query: paginationQuery.extend({ q: z.string().optional() }).strict() }, ({ query }) => query);
    const ok = await callRoute(list, "GET", "/api/v1/list?limit=5&q=batik&organizationId=org1");
    expect(await ok.json()).toEqual({ limit: 5, q: "batik" });
    const bad = await callRoute(list, "GET", "/api/v1/list?limit=500", { headers: { "accept-language": "en" } });
    expect(bad.status).toBe(400);
    expect((await jsonOf<{ error: { fields: unknown } }>(bad)).error.fields).toEqual({ limit: [en.errors.field.limit] });
  });

  it("answers 404 for path params that fail validation", async () => {
    const one = apiRoute({ auth: "none", params: z.object({ id: z.string().regex(/^c[a-z0-9]+$/) }) }, ({ params }) => ({ id: params.id }));
    expect(await (await callRoute(one, "GET", "/api/v1/x/cabc", { params: { id: "cabc" } })).json()).toEqual({ id: "cabc" });
    const res = await callRoute(one, "GET", "/api/v1/x/..", { params: { id: ".." } });
    expect(res.status).toBe(404);
    expect((await jsonOf<{ error: { code: string } }>(res)).error.code).toBe("not_found");
  });

  it("maps thrown domain errors, with Retry-After for 429", async () => {
    const limited = apiRoute({ auth: "none" }, () => {
      throw rateLimited(42);
    });
    const res = await callRoute(limited, "POST", "/api/v1/x");
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("42");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const c = apiRoute({ auth: "none" }, async () => {
      throw conflict();
    });
    expect((await callRoute(c, "POST", "/api/v1/x")).status).toBe(409);
  });

  it("turns unexpected errors into a logged, generic 500", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = apiRoute({ auth: "none" }, () => {
      throw new TypeError("Cannot read properties of undefined (reading 'passwordHash')");
    });
    const res = await callRoute(broken, "GET", "/api/v1/broken", { headers: { "accept-language": "en" } });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: "internal", message: en.errors.generic } });
    expect(log).toHaveBeenCalledOnce();
  });

  it("supports 204, custom status and headers, and raw Responses", async () => {
    const none = apiRoute({ auth: "none" }, () => noContent());
    const r1 = await callRoute(none, "DELETE", "/api/v1/x");
    expect(r1.status).toBe(204);
    expect(await r1.text()).toBe("");
    const custom = apiRoute({ auth: "none" }, () =>
      reply({ ok: true }, { status: 202, headers: { "cache-control": "public, max-age=60" } }),
    );
    const r2 = await callRoute(custom, "POST", "/api/v1/x");
    expect(r2.status).toBe(202);
    expect(r2.headers.get("cache-control")).toBe("public, max-age=60");
    const csv = apiRoute({ auth: "none" }, () => new Response("a,b\n1,2\n", { headers: { "content-type": "text/csv" } }));
    const r3 = await callRoute(csv, "GET", "/api/v1/x");
    expect(await r3.text()).toBe("a,b\n1,2\n");
    expect(r3.headers.get("cache-control")).toBe("no-store");
  });

  it("does not read the Authorization header when auth is none", async () => {
    const open = apiRoute({ auth: "none" }, ({ actor }) => ({ actor }));
    const res = await callRoute(open, "GET", "/api/v1/x", { token: "rnt_whatever" });
    expect(await res.json()).toEqual({ actor: null });
  });
});
