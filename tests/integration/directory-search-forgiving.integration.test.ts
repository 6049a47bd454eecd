// Issue 17 item 6, "search that forgives", on both backends: every word must match first; when no supplier has
// them all, the suppliers with any of them, most words first (and the page says so); the total counted up to
// a cap; completions of an unfinished word ("son" → "songket"); pages of the fallback stay in the fallback.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/helpers/db";
import { createProduct, createUmkm } from "@/tests/helpers/factories";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import { GET } from "@/app/api/v1/suppliers/route";
import { searchSuppliers } from "@/lib/suppliers/search";
import { supplierSearchQuery, type SupplierSearchInput } from "@/lib/suppliers/search-query";

const t = useTestDatabase();

const search = (input: SupplierSearchInput, opts: Parameters<typeof searchSuppliers>[1] = {}) =>
  searchSuppliers(supplierSearchQuery.parse(input), opts);

// Furniture KBLI and Kota Bandung for everyone, so that no KBLI title or region name adds a query word.
const umkm = (name: string, description: string) => createUmkm(t.db, { name, description, kbliCodes: ["31001"], regencyCode: "32.73" });

beforeAll(async () => {
  const a = await umkm("UD Alfa Palembang", "Pengrajin kain tradisional.");
  await createProduct(t.db, a.organization.id, { name: "Songket benang emas motif lepus", kbliCode: "31001" });
  const b = await umkm("UD Bravo", "Tenun tangan.");
  await createProduct(t.db, b.organization.id, { name: "Songket tenun", kbliCode: "31001" });
  const c = await umkm("UD Charlie", "Menjual benang emas impor.");
  await createProduct(t.db, c.organization.id, { name: "Gulungan benang", kbliCode: "31001" });
  const d = await umkm("UD Delta", "Mebel rotan.");
  await createProduct(t.db, d.organization.id, { name: "Kursi rotan", kbliCode: "31001" });
  const e = await umkm("UD Echo", "Peralatan nelayan.");
  await createProduct(t.db, e.organization.id, { name: "Sonar perahu", kbliCode: "31001" });
});

describe("search that forgives", () => {
  it("keeps requiring every word while some supplier has them all", async () => {
    const page = await search({ q: "songket emas" });
    expect(page.data.map((s) => s.name)).toEqual(["UD Alfa Palembang"]);
    expect(page.partialMatch).toBe(false);
    expect(page.total).toEqual({ count: 1, capped: false });
  });

  it("falls back to any word, ranked by how many words each supplier matches", async () => {
    const page = await search({ q: "songket benang emas rotan" });
    expect(page.partialMatch).toBe(true);
    const names = page.data.map((s) => s.name);
    expect(names.slice(0, 2)).toEqual(["UD Alfa Palembang", "UD Charlie"]); // 3 words, then 2
    expect(new Set(names.slice(2))).toEqual(new Set(["UD Bravo", "UD Delta"])); // 1 word each
    expect(names).not.toContain("UD Echo");
    expect(page.total).toEqual({ count: 4, capped: false });
  });

  it("pages through the fallback: the next page stays any-word, no supplier twice", async () => {
    const first = await search({ q: "songket benang emas rotan", limit: "2" });
    expect(first.partialMatch).toBe(true);
    expect(first.data.map((s) => s.name)).toEqual(["UD Alfa Palembang", "UD Charlie"]);
    expect(first.nextCursor).not.toBeNull();
    const second = await search({ q: "songket benang emas rotan", limit: "2", cursor: first.nextCursor! });
    expect(second.partialMatch).toBe(true);
    expect(new Set(second.data.map((s) => s.name))).toEqual(new Set(["UD Bravo", "UD Delta"]));
    expect(second.nextCursor).toBeNull();
    expect(second.total).toEqual({ count: 4, capped: false });
    // An all-words cursor stays all-words: a page after the first of "songket" is not a fallback.
    const all = await search({ q: "songket", limit: "1" });
    const next = await search({ q: "songket", limit: "1", cursor: all.nextCursor! });
    expect([all.partialMatch, next.partialMatch]).toEqual([false, false]);
    expect(next.data.map((s) => s.name)).not.toEqual(all.data.map((s) => s.name));
  });

  it("counts the total up to the cap, and says when there are more", async () => {
    expect((await search({}, { totalCap: 3 })).total).toEqual({ count: 3, capped: true });
    expect((await search({}, { totalCap: 5 })).total).toEqual({ count: 5, capped: false });
    expect((await search({}, { totalCap: 4 })).total).toEqual({ count: 4, capped: true });
    expect((await search({ q: "songket" }, { totalCap: 1 })).total).toEqual({ count: 1, capped: true });
  });

  it("suggests completions of an unfinished word, the commonest first, only when asked", async () => {
    expect((await search({ q: "son" }, { suggest: true })).suggestions).toEqual(["songket", "sonar"]);
    expect((await search({ q: "kursi son" }, { suggest: true })).suggestions).toEqual(["songket", "sonar"]); // the last word
    expect((await search({ q: "son" })).suggestions).toEqual([]);
    expect((await search({ q: "songket" }, { suggest: true })).suggestions).toEqual([]); // a whole word already
    expect((await search({ q: "so" }, { suggest: true })).suggestions).toEqual([]); // too short to guess
  });

  it("GET /api/v1/suppliers adds partialMatch and total, keeping data and nextCursor", async () => {
    const res = await callRoute(GET, "GET", "/api/v1/suppliers", { query: { q: "songket benang emas rotan", limit: "2" } });
    expect(res.status).toBe(200);
    const body = await jsonOf<{ data: { name: string }[] }>(res);
    expect(body).toMatchObject({ partialMatch: true, total: { count: 4, capped: false }, nextCursor: expect.any(String) });
    expect(body.data.map((s) => s.name)).toEqual(["UD Alfa Palembang", "UD Charlie"]);
  });
});
