import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError } from "@/lib/errors";
import { decodeCursor, encodeCursor, paginate, paginationQuery } from "@/lib/api/pagination";

function expectInvalidCursor(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe("invalid_input");
    expect((err as DomainError).fields).toEqual({ cursor: ["errors.field.cursor"] });
    return;
  }
  throw new Error("expected an invalid cursor error");
}

describe("cursors", () => {
  const keys = z.tuple([z.iso.datetime(), z.string()]);

  it("round-trip the sort keys through an opaque, URL-safe string", () => {
    const c = encodeCursor(["2026-11-22T08:00:00.000Z", "ckabc123"]);
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(c, keys)).toEqual(["2026-11-22T08:00:00.000Z", "ckabc123"]);
    expect(decodeCursor(c)).toEqual(["2026-11-22T08:00:00.000Z", "ckabc123"]);
  });

  it("encode BigInt keys (Rupiah sort orders)", () => {
    expect(decodeCursor(encodeCursor([12_500_000n, "x"]))).toEqual([12_500_000, "x"]);
  });

  it("treat a missing cursor as the first page", () => {
    expect(decodeCursor(undefined, keys)).toBeNull();
    expect(decodeCursor(null, keys)).toBeNull();
    expect(decodeCursor("", keys)).toBeNull();
  });

  it("reject anything that is not a cursor we made, as 400 on the cursor field", () => {
    expectInvalidCursor(() => decodeCursor("not a cursor!", keys)); // not base64url
    expectInvalidCursor(() => decodeCursor(Buffer.from("{oops").toString("base64url"), keys)); // not JSON
    expectInvalidCursor(() => decodeCursor(Buffer.from('{"id":1}').toString("base64url"), keys)); // not an array
    expectInvalidCursor(() => decodeCursor(encodeCursor([1, 2]), keys)); // wrong key types
    expectInvalidCursor(() => decodeCursor(encodeCursor(["2026-11-22T08:00:00.000Z"]), keys)); // too few keys
    expectInvalidCursor(() => decodeCursor("A".repeat(5000), keys)); // absurdly long
  });
});

describe("paginate", () => {
  const rows = Array.from({ length: 5 }, (_, i) => ({ id: `r${i}`, n: i }));

  it("returns everything and no cursor when the extra row is absent", () => {
    expect(paginate(rows.slice(0, 3), 3)).toEqual({ data: rows.slice(0, 3), nextCursor: null });
    expect(paginate([], 20)).toEqual({ data: [], nextCursor: null });
  });

  it("cuts the limit+1-th row and points the cursor at the last returned row", () => {
    const page = paginate(rows.slice(0, 4), 3, (r) => [r.n, r.id]);
    expect(page.data.map((r) => r.id)).toEqual(["r0", "r1", "r2"]);
    expect(decodeCursor(page.nextCursor)).toEqual([2, "r2"]);
  });

  it("defaults to the row's id as the sort key", () => {
    expect(decodeCursor(paginate(rows, 2).nextCursor)).toEqual(["r1"]);
  });
});

describe("paginationQuery", () => {
  it("defaults limit to 20 and coerces query strings", () => {
    expect(paginationQuery.parse({})).toEqual({ limit: 20 });
    expect(paginationQuery.parse({ limit: "100", cursor: "abc" })).toEqual({ limit: 100, cursor: "abc" });
  });

  it.each(["0", "101", "-1", "2.5", "ten"])("rejects limit=%s with a field message key", (limit) => {
    const r = paginationQuery.safeParse({ limit });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ["limit"], message: "errors.field.limit" });
  });
});
