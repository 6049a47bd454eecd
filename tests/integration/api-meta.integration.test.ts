// /api/health, the JSON 404 for unknown /api/v1 paths, and the OpenAPI document.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setDb } from "@/lib/db";
import { createPostgresClient } from "@/lib/db/client";
import { useTestDatabase } from "@/tests/helpers/db";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import { GET as health } from "@/app/api/health/route";
import * as unknown from "@/app/api/v1/[[...path]]/route";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import en from "@/messages/en.json";

const t = useTestDatabase();

afterEach(() => vi.restoreAllMocks());

describe("GET /api/health", () => {
  it("answers 200 ok when the database answers", async () => {
    const res = await health();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("answers 503 when the database is unreachable, without details", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const dead = createPostgresClient("postgresql://postgres@127.0.0.1:1/nothing", 1);
    setDb(dead);
    try {
      const res = await health();
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: "error", database: "unreachable" });
    } finally {
      setDb(t.db);
      await dead.$disconnect().catch(() => {});
    }
  });
});

describe("unknown paths under /api/v1", () => {
  it.each(["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const)("answer %s with a JSON 404", async (method) => {
    const handler = unknown[method];
    const res = await callRoute(handler, method, "/api/v1/no/such/thing", {
      params: { path: ["no", "such", "thing"] },
      headers: { "accept-language": "en" },
      ...(method === "POST" ? { rawBody: "{not json", headers: { "content-type": "application/json", "accept-language": "en" } } : {}),
    });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: en.errors.unknownEndpoint } });
  });

  it("answer HEAD with a 404 too", async () => {
    expect((await callRoute(unknown.HEAD, "HEAD", "/api/v1/nothing", { params: { path: ["nothing"] } })).status).toBe(404);
  });
});

/** Every route file under app/api (except the catch-all), as OpenAPI "method path" pairs. */
function routeFiles(): { file: string; path: string }[] {
  const root = path.join(process.cwd(), "app", "api");
  const out: { file: string; path: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts")
        out.push({ file: full, path: "/" + path.relative(path.join(process.cwd(), "app"), dir).split(path.sep).join("/") });
    }
  };
  walk(root);
  return out.filter((r) => !r.path.includes("[...") && !r.path.includes("[[...") && !r.path.startsWith("/api/auth/")); // next-auth's own
}

describe("GET /api/v1/openapi.json", () => {
  it("is an OpenAPI 3.1 document with the bearer scheme, the error schema and relative servers", async () => {
    const res = await callRoute(openapi, "GET", "/api/v1/openapi.json");
    expect(res.status).toBe(200);
    const doc = await jsonOf<{
      openapi: string;
      info: { title: string; version: string };
      servers: { url: string }[];
      paths: Record<
        string,
        Record<
          string,
          { responses: Record<string, unknown>; security?: unknown[]; requestBody?: unknown; parameters?: { name: string; in: string }[] }
        >
      >;
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, { type: string; scheme: string }> };
    }>(res);
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBeTruthy();
    expect(doc.servers.every((s) => s.url.startsWith("/"))).toBe(true);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.components.schemas.Error).toBeDefined();

    for (const [p, method] of [
      ["/api/health", "get"],
      ["/api/v1/auth/register", "post"],
      ["/api/v1/auth/token", "post"],
      ["/api/v1/me", "get"],
      ["/api/v1/tokens", "get"],
      ["/api/v1/tokens", "post"],
      ["/api/v1/tokens/{id}", "delete"],
      ["/api/v1/openapi.json", "get"],
    ]) {
      expect(doc.paths[p]?.[method], `${method} ${p}`).toBeDefined();
    }
    const token = doc.paths["/api/v1/auth/token"].post;
    expect(Object.keys(token.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "429"]));
    expect(token.requestBody).toBeDefined();
    expect(token.security).toEqual([]);
    expect(doc.paths["/api/v1/me"].get.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths["/api/v1/auth/register"].post.parameters?.map((x) => x.name)).toContain("Idempotency-Key");
    expect(doc.paths["/api/v1/tokens"].get.parameters?.map((x) => `${x.in}:${x.name}`)).toEqual(
      expect.arrayContaining(["query:limit", "query:cursor"]),
    );
    expect(doc.paths["/api/v1/tokens/{id}"].delete.parameters?.map((x) => `${x.in}:${x.name}`)).toContain("path:id");
    // Every $ref points at a component that exists.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    for (const r of refs) expect(doc.components.schemas[r], r).toBeDefined();
  });

  it("lists every route file under app/api (add new routes to app/api/v1/openapi.json/routes.ts)", async () => {
    const doc = await jsonOf<{ paths: Record<string, Record<string, unknown>> }>(await callRoute(openapi, "GET", "/api/v1/openapi.json"));
    const missing: string[] = [];
    for (const { file, path: routePath } of routeFiles()) {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      const openapiPath = routePath.replace(/\[([^\]]+)\]/g, "{$1}");
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
        if (typeof mod[method] === "function" && !doc.paths[openapiPath]?.[method.toLowerCase()]) missing.push(`${method} ${openapiPath}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
