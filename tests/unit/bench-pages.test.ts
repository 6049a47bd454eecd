// The verdicts and the HTML reading of `npm run bench:pages` (scripts/bench/pages.ts, issue 14).
import { describe, expect, it } from "vitest";
import { findStaticAsset, idsFromHtml, verdict } from "@/scripts/bench/pages";
import { rfqRoutes } from "@/lib/rfqs/routes";
import { supplierRoutes } from "@/lib/suppliers/routes";

const ok = { reqPerSec: 300, p50: 100, p99: 400, errors: 0, non2xx: 0 };

describe("verdict", () => {
  it("holds a public page to 25 % of the static file's req/s, p99 under 1 s and no errors", () => {
    expect(verdict("public", ok, 1000)).toEqual({ pass: true, misses: [] });
    expect(verdict("public", { ...ok, reqPerSec: 200 }, 1000).misses).toEqual(["< 25 % of static"]);
    expect(verdict("public", { ...ok, p99: 1000 }, 1000).misses).toEqual(["p99 ≥ 1000 ms"]);
    expect(verdict("public", { ...ok, non2xx: 1 }, 1000).misses).toEqual(["errors"]);
  });

  it("holds a signed-in page to 5 % and no errors, whatever its p99", () => {
    expect(verdict("signedIn", { ...ok, reqPerSec: 50, p99: 3000 }, 1000).pass).toBe(true);
    expect(verdict("signedIn", { ...ok, reqPerSec: 49 }, 1000).pass).toBe(false);
    expect(verdict("signedIn", { ...ok, errors: 2 }, 1000).pass).toBe(false);
  });
});

describe("reading pages", () => {
  it("finds the stylesheet a page links under /_next/static", () => {
    const html = `<link rel="preload" href="/_next/static/media/x.woff2"/><link rel="stylesheet" href="/_next/static/chunks/a1b2.css" data-precedence="next"/>`;
    expect(findStaticAsset(html)).toBe("/_next/static/chunks/a1b2.css");
    expect(findStaticAsset("<html></html>")).toBeNull();
  });

  it("reads ids from the links a URL builder makes, in order and once each", () => {
    const html = `<a href="/pemasok/cmabc12345">A</a><a href="/pemasok/cmabc12345?cari=x">A</a><a href="/pemasok/cmdef67890">B</a>`;
    expect(idsFromHtml(html, (id) => supplierRoutes.profile(id))).toEqual(["cmabc12345", "cmdef67890"]);
    const rfqs = `<a href="/rfq/baru">new</a><a href="/rfq/cmrfq000001/ubah">edit</a><a href="/rfq/cmrfq000002">open</a>`;
    expect(idsFromHtml(rfqs, (id) => rfqRoutes.detail(id))).toEqual(["cmrfq000002"]);
    expect(idsFromHtml(rfqs, (id) => rfqRoutes.compare(id))).toEqual([]);
  });
});
