import { afterEach, describe, expect, it, vi } from "vitest";
import { Prisma } from "@/lib/db/generated/client";
import { conflict, DomainError, forbidden, invalidInput, notFound, rateLimited, unauthorized } from "@/lib/errors";
import { describeError, errorResponse } from "@/lib/api/errors";
import { jsonResponse, stringifyJson, toJson } from "@/lib/api/json";
import en from "@/messages/en.json";
import id from "@/messages/id.json";

afterEach(() => vi.restoreAllMocks());

describe("error format", () => {
  it.each([
    [invalidInput(), 400, "invalid_input"],
    [unauthorized(), 401, "unauthorized"],
    [forbidden(), 403, "forbidden"],
    [notFound(), 404, "not_found"],
    [conflict(), 409, "conflict"],
    [rateLimited(30), 429, "rate_limited"],
  ] as const)("maps %o to %i %s", async (err, status, code) => {
    const res = errorResponse(err, { locale: "en" });
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await res.json();
    expect(Object.keys(body)).toEqual(["error"]);
    expect(body.error.code).toBe(code);
    expect(typeof body.error.message).toBe("string");
    expect(body.error).not.toHaveProperty("fields");
  });

  it("localizes messages and field messages (Bahasa Indonesia by default)", () => {
    const err = invalidInput({ email: ["errors.field.email"], "organization.name": ["errors.field.required", "errors.field.tooShort"] });
    const inEn = describeError(err, { locale: "en" }).body.error;
    expect(inEn.message).toBe(en.errors.invalidInput);
    expect(inEn.fields).toEqual({
      email: [en.errors.field.email],
      "organization.name": [en.errors.field.required, en.errors.field.tooShort],
    });
    const inId = describeError(err, { locale: "id" }).body.error;
    expect(inId.message).toBe(id.errors.invalidInput);
    expect(inId.fields?.email).toEqual([id.errors.field.email]);
  });

  it("passes through plain-sentence field messages (zod defaults) and falls back for unknown keys", () => {
    const err = invalidInput({ a: ["Too big: expected number to be <=365"], b: ["errors.no.such.key"] });
    const fields = describeError(err, { locale: "en" }).body.error.fields;
    expect(fields).toEqual({ a: ["Too big: expected number to be <=365"], b: [en.errors.generic] });
  });

  it("sets Retry-After on 429 and WWW-Authenticate on 401", () => {
    expect(errorResponse(rateLimited(123), { locale: "id" }).headers.get("retry-after")).toBe("123");
    expect(errorResponse(rateLimited(0.2), { locale: "id" }).headers.get("retry-after")).toBe("1");
    expect(errorResponse(unauthorized(), { locale: "id" }).headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("answers unexpected errors with a generic 500 that leaks nothing, and logs them", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const boom = new Error('relation "User" does not exist at SELECT "passwordHash" FROM ...');
    const res = errorResponse(boom, { locale: "en", where: "POST /api/v1/x" });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: "internal", message: en.errors.generic } });
    expect(text).not.toMatch(/relation|SELECT|passwordHash|at .*\.ts/);
    expect(log).toHaveBeenCalledWith(expect.stringContaining("POST /api/v1/x"), boom);
  });

  it("maps a unique-constraint race to 409 and a vanished record to 404", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const p2002 = new Prisma.PrismaClientKnownRequestError("Unique constraint failed on the fields: (`email`)", {
      code: "P2002",
      clientVersion: "7",
    });
    const p2025 = new Prisma.PrismaClientKnownRequestError("No record was found for an update.", { code: "P2025", clientVersion: "7" });
    expect(describeError(p2002, { locale: "en" })).toMatchObject({
      status: 409,
      body: { error: { code: "conflict", message: en.errors.conflict } },
    });
    expect(describeError(p2025, { locale: "en" })).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
  });

  it("keeps DomainError's own message key", () => {
    const body = describeError(new DomainError("unauthorized", "errors.invalidCredentials"), { locale: "id" }).body;
    expect(body.error.message).toBe(id.errors.invalidCredentials);
  });
});

describe("toJson", () => {
  it("turns safe BigInt Rupiah into numbers and unsafe ones into strings, never rounding", () => {
    expect(toJson({ valueIdr: 1_250_000_000n, capitalIdr: 0n, neg: -5n })).toEqual({ valueIdr: 1_250_000_000, capitalIdr: 0, neg: -5 });
    expect(toJson({ hugeIdr: 9_007_199_254_740_993n })).toEqual({ hugeIdr: "9007199254740993" });
    expect(toJson({ maxIdr: BigInt(Number.MAX_SAFE_INTEGER) })).toEqual({ maxIdr: Number.MAX_SAFE_INTEGER });
  });

  it("writes Dates as ISO 8601 and drops undefined", () => {
    expect(toJson({ at: new Date("2026-11-22T01:02:03.004Z"), gone: undefined, list: [1n, null] })).toEqual({
      at: "2026-11-22T01:02:03.004Z",
      list: [1, null],
    });
  });

  it("is what jsonResponse sends", async () => {
    expect(stringifyJson({ a: 2n })).toBe('{"a":2}');
    const res = jsonResponse({ totalIdr: 10n }, { status: 201 });
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await res.json()).toEqual({ totalIdr: 10 });
  });
});
