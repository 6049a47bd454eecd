// The micro-cache of rendered public pages (lib/cache/page-cache.ts, ADR 0036), in front of a fake Next
// handler on a real node:http server: an anonymous visitor gets a replay of a page at most 15 s old; a signed-in
// user, a client-side navigation or a write never meets a cached page.
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { bypassReason, cacheKey, PAGE_TTL_SECONDS, PageCache, type PageCacheOptions, PUBLIC_PAGES } from "@/lib/cache/page-cache";
import { MAX_DATA_TTL_SECONDS } from "@/lib/cache/ttl";
import { createPeerServer, newPeerKey } from "@/scripts/serve";
import { bumpWriteGeneration } from "@/lib/cache/write-generation";
import { clusterRoutes } from "@/lib/clusters/routes";
import { organizationRoutes } from "@/lib/organizations/routes";
import { partnershipIndexRoutes } from "@/lib/partnership-index/routes";
import { rfqRoutes } from "@/lib/rfqs/routes";
import { siteRoutes } from "@/lib/sites/routes";
import { statsRoutes } from "@/lib/stats/routes";
import { supplierRoutes } from "@/lib/suppliers/routes";

type Fake = (req: http.IncomingMessage, res: http.ServerResponse, n: number) => void | Promise<void>;

/** A page as Next would answer it: the CSP and security headers set, body naming the render number. */
const page: Fake = (req, res, n) => {
  res.setHeader("content-security-policy", "default-src 'self'");
  res.setHeader("x-frame-options", "DENY");
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.write(`<html>render ${n} of ${req.url}`);
  res.end(` locale=${req.headers["accept-language"] ?? ""} cookie=${req.headers.cookie ?? ""}</html>`);
};

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((s) => {
      s.closeAllConnections();
      return new Promise((r) => s.close(r));
    }),
  );
});

async function setup(fake: Fake = page, options: PageCacheOptions = {}) {
  let renders = 0;
  let clock = Date.parse("2026-12-08T10:00:00Z");
  const cache = new PageCache({ now: () => clock, ...options });
  const server = http.createServer((req, res) => {
    void cache.handle(req, res, async (rq, rs) => fake(rq, rs, ++renders));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string, headers: Record<string, string> = {}, method = "GET") => {
    const res = await fetch(base + path, { headers, method, redirect: "manual" });
    return { status: res.status, headers: res.headers, body: await res.text() };
  };
  return {
    cache,
    get,
    renders: () => renders,
    advance: (seconds: number) => (clock += seconds * 1000),
  };
}

describe("page cache: what an anonymous visitor gets", () => {
  it("replays the first render with its headers, an Age and X-Cache: HIT", async () => {
    const t = await setup();
    const first = await t.get("/pemasok?q=batik");
    expect(first.headers.get("x-cache")).toBe("MISS");
    t.advance(3);
    const second = await t.get("/pemasok?q=batik");
    expect(second.headers.get("x-cache")).toBe("HIT");
    expect(second.body).toBe(first.body);
    expect(second.headers.get("age")).toBe("3");
    expect(second.headers.get("content-security-policy")).toBe("default-src 'self'");
    expect(second.headers.get("x-frame-options")).toBe("DENY");
    expect(t.renders()).toBe(1);
  });

  it("renders again once the TTL has passed, never serving the old page", async () => {
    const t = await setup();
    await t.get("/");
    t.advance(PAGE_TTL_SECONDS - 0.001);
    expect((await t.get("/")).body).toContain("render 1");
    t.advance(0.001);
    const after = await t.get("/");
    expect(after.headers.get("x-cache")).toBe("MISS");
    expect(after.body).toContain("render 2");
  });

  it("keeps page TTL plus data TTL within the minute of issue 14", () => {
    expect(PAGE_TTL_SECONDS + MAX_DATA_TTL_SECONDS).toBeLessThanOrEqual(60);
  });

  it("makes one render for a burst of concurrent visitors", async () => {
    const t = await setup(async (req, res, n) => {
      await new Promise((r) => setTimeout(r, 100));
      page(req, res, n);
    });
    const all = await Promise.all(Array.from({ length: 30 }, () => t.get("/statistik")));
    expect(t.renders()).toBe(1);
    expect(new Set(all.map((r) => r.body)).size).toBe(1);
    expect(all.filter((r) => r.headers.get("x-cache") === "HIT")).toHaveLength(29);
  });

  it("does not let one render that never ends hold every other visitor of the page", async () => {
    // A client that never reads keeps Next's stream (and so the shared render) from finishing.
    const t = await setup(
      (req, res, n) => {
        if (n === 1) {
          res.write("<html>stalled");
          return;
        }
        page(req, res, n);
      },
      { waitMs: 200 },
    );
    void t.get("/statistik").catch(() => undefined);
    await new Promise((r) => setTimeout(r, 50));
    const second = await t.get("/statistik");
    expect(second.status).toBe(200);
    expect(second.body).toContain("render 2");
    expect(second.headers.get("x-cache")).toBe("MISS");
    // the stalled render no longer stands for the page: the next visitor waits for render 2 (stored), not it
    const third = await t.get("/statistik");
    expect(third.headers.get("x-cache")).toBe("HIT");
    expect(third.body).toContain("render 2");
  });

  it("does not let a slow render that was taken over replace the newer page when it finally ends", async () => {
    let finishFirst: (() => void) | undefined;
    const t = await setup(
      (req, res, n) => {
        if (n === 1) {
          res.write("<html>old");
          finishFirst = () => res.end(" render 1</html>");
          return;
        }
        page(req, res, n);
      },
      { waitMs: 100 },
    );
    const first = t.get("/statistik");
    await new Promise((r) => setTimeout(r, 30));
    expect((await t.get("/statistik")).body).toContain("render 2");
    finishFirst!();
    await first;
    const after = await t.get("/statistik");
    expect(after.headers.get("x-cache")).toBe("HIT");
    expect(after.body).toContain("render 2");
  });

  it("never stores a page cut off by a failure after its first bytes", async () => {
    const cache = new PageCache();
    let renders = 0;
    const server = createPeerServer(
      (req, res) =>
        cache.handle(req, res, async (_rq, rs) => {
          renders++;
          rs.setHeader("content-type", "text/html");
          rs.write("<html>half a page");
          await new Promise((r) => setTimeout(r, 10));
          throw new Error("render failed mid-stream");
        }),
      newPeerKey(),
    );
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tentang-data`;
    const error = console.error;
    console.error = () => {};
    try {
      // the client sees a broken answer, not a complete 200
      await expect(fetch(url).then((r) => r.text())).rejects.toThrow();
      await expect(fetch(url).then((r) => r.text())).rejects.toThrow();
    } finally {
      console.error = error;
    }
    expect(renders).toBe(2);
  });

  it("answers HEAD from a GET's entry, without a body", async () => {
    const t = await setup();
    await t.get("/tentang-data");
    const head = await t.get("/tentang-data", {}, "HEAD");
    expect(head.headers.get("x-cache")).toBe("HIT");
    expect(head.body).toBe("");
    expect(t.renders()).toBe(1);
  });
});

describe("page cache: the key", () => {
  it("treats reordered query parameters as one page, other values as another", async () => {
    const t = await setup();
    await t.get("/statistik?province=35&kbliSection=C");
    expect((await t.get("/statistik?kbliSection=C&province=35")).headers.get("x-cache")).toBe("HIT");
    expect((await t.get("/statistik?kbliSection=C&province=33")).headers.get("x-cache")).toBe("MISS");
    // repeated parameters keep their order: a=1&a=2 is not a=2&a=1
    expect(cacheKey({ url: "/pemasok?a=1&a=2", headers: {} })).not.toBe(cacheKey({ url: "/pemasok?a=2&a=1", headers: {} }));
  });

  it("keys on the locale the app resolves, not the raw header", async () => {
    const t = await setup();
    await t.get("/", { "accept-language": "en-GB,en;q=0.9" });
    // the NEXT_LOCALE cookie and Accept-Language both resolve to English: one entry
    expect((await t.get("/", { cookie: "NEXT_LOCALE=en", "accept-language": "id" })).headers.get("x-cache")).toBe("HIT");
    // Bahasa Indonesia: another entry; French resolves to the default, Bahasa Indonesia
    expect((await t.get("/", { "accept-language": "id-ID" })).headers.get("x-cache")).toBe("MISS");
    const fr = await t.get("/", { "accept-language": "fr" });
    expect(fr.headers.get("x-cache")).toBe("HIT");
    // Next renders under the key's locale: Accept-Language says exactly it
    expect(fr.body).toContain("locale=id cookie=");
  });

  it("renders an oddly spelt NEXT_LOCALE cookie in the locale its key names, not in another", async () => {
    const t = await setup();
    // Next's cookie parser does not trim: for it `NEXT_LOCALE =id` is no locale cookie, and the page would come
    // out English (Accept-Language) under the Indonesian key. The render is pinned to the key's locale instead.
    const odd = await t.get("/", { cookie: "NEXT_LOCALE =id; theme=dark", "accept-language": "en" });
    expect(odd.headers.get("x-cache")).toBe("MISS");
    expect(odd.body).toContain("locale=id cookie=theme=dark</html>");
    const plain = await t.get("/", { "accept-language": "id-ID" });
    expect(plain.headers.get("x-cache")).toBe("HIT");
    expect(plain.body).toContain("locale=id ");
  });

  it("keeps crawlers' pages apart from browsers' (Next renders their metadata differently)", () => {
    const key = (ua: string) => cacheKey({ url: "/", headers: { "user-agent": ua } });
    const browser = key("Mozilla/5.0 (Linux; Android 14) Chrome/131.0 Mobile Safari/537.36");
    expect(key("Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0")).toBe(browser);
    expect(key("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")).not.toBe(browser);
    expect(key("Twitterbot/1.0")).not.toBe(browser);
  });

  it("keys forwarded values exactly as sent (Next sets HSTS only for `X-Forwarded-Proto: https`)", () => {
    expect(cacheKey({ url: "/", headers: { "x-forwarded-proto": "HTTPS" } })).not.toBe(
      cacheKey({ url: "/", headers: { "x-forwarded-proto": "https" } }),
    );
  });

  it("keys on the host, so a forged Host cannot poison another host's page", () => {
    expect(cacheKey({ url: "/", headers: { host: "rantai.go.id" } })).not.toBe(cacheKey({ url: "/", headers: { host: "evil.example" } }));
    expect(cacheKey({ url: "/", headers: { host: "a", "x-forwarded-host": "b" } })).not.toBe(
      cacheKey({ url: "/", headers: { host: "a" } }),
    );
  });

  it("keeps a gzip and an uncompressed entry apart, and hands Next only gzip or identity", async () => {
    const seen: string[] = [];
    const t = await setup((req, res, n) => {
      const enc = String(req.headers["accept-encoding"] ?? "");
      seen.push(enc);
      res.setHeader("content-type", "text/html");
      if (enc === "gzip") {
        res.setHeader("content-encoding", "gzip");
        res.end(zlib.gzipSync(`gzip render ${n}`));
      } else res.end(`plain render ${n}`);
    });
    expect((await t.get("/", { "accept-encoding": "gzip, deflate, br" })).body).toBe("gzip render 1");
    expect((await t.get("/", { "accept-encoding": "br, gzip;q=0.5" })).body).toBe("gzip render 1");
    expect((await t.get("/", { "accept-encoding": "identity" })).body).toBe("plain render 2");
    expect((await t.get("/", { "accept-encoding": "gzip;q=0" })).headers.get("x-cache")).toBe("HIT");
    expect(seen).toEqual(["gzip", "identity"]);
  });
});

describe("page cache: what bypasses it", () => {
  it("never answers a signed-in request from the cache, in any cookie form", async () => {
    const t = await setup((req, res, n) => {
      const signedIn = /session-token/.test(req.headers.cookie ?? "");
      res.end(signedIn ? `dashboard of the user, render ${n}` : `anonymous render ${n}`);
    });
    await t.get("/");
    for (const cookie of [
      "next-auth.session-token=abc",
      "__Secure-next-auth.session-token=abc",
      "NEXT_LOCALE=en; next-auth.session-token.0=abc",
      "x=1;next-auth.session-token=abc",
    ]) {
      const r = await t.get("/", { cookie });
      expect(r.headers.get("x-cache")).toBe("BYPASS (session)");
      expect(r.body).toMatch(/^dashboard of the user/);
    }
    const bearer = await t.get("/", { authorization: "Bearer x" });
    expect(bearer.headers.get("x-cache")).toBe("BYPASS (authorization)");
    // and what a signed-in request rendered was not stored for the anonymous
    expect((await t.get("/")).body).toBe("anonymous render 1");
  });

  it("bypasses React Server Component requests (client navigation, prefetch, server actions)", async () => {
    const t = await setup();
    await t.get("/pemasok");
    for (const h of <Record<string, string>[]>[
      { rsc: "1" },
      { "next-router-prefetch": "1" },
      { "next-router-state-tree": "%5B%5D" },
      { "next-router-segment-prefetch": "/_tree" },
      { "next-url": "/pemasok" },
      { "next-action": "abc" },
    ]) {
      expect((await t.get("/pemasok", h)).headers.get("x-cache")).toBe("BYPASS (rsc)");
    }
    expect((await t.get("/pemasok?_rsc=xyz")).headers.get("x-cache")).toBe("BYPASS (rsc)");
    expect((await t.get("/pemasok", {}, "POST")).headers.get("x-cache")).toBeNull();
    expect(t.renders()).toBe(9);
  });

  it("never caches paths outside the public allow-list", async () => {
    const t = await setup();
    for (const path of [
      organizationRoutes.dashboard(),
      organizationRoutes.admin(),
      "/api/v1/stats/summary",
      rfqRoutes.board(),
      clusterRoutes.list(), // the /klaster tree carries a per-request nonce (lib/security/headers.ts)
      "/statistik/tabel.csv",
      "/pemasok/a/b",
      "/masuk",
    ]) {
      await t.get(path);
      const again = await t.get(path);
      expect(again.headers.get("x-cache"), path).toBeNull();
    }
    expect(t.renders()).toBe(16);
  });

  it("does not store an answer with Set-Cookie, a nonce, another status or too many bytes", async () => {
    const answers: Record<string, Fake> = {
      "/pemasok/cookie": (_q, res) => {
        res.setHeader("set-cookie", "a=b");
        res.end("x");
      },
      "/pemasok/nonce": (_q, res) => {
        res.setHeader("content-security-policy", "script-src 'nonce-abc'");
        res.end("x");
      },
      "/pemasok/missing": (_q, res) => {
        res.statusCode = 404;
        res.end("x");
      },
      "/pemasok/big": (_q, res) => {
        res.write(Buffer.alloc(600));
        res.end(Buffer.alloc(600));
      },
      "/pemasok/headers-in-writehead": (_q, res) => {
        res.writeHead(200, { "x-only-here": "1" });
        res.end("x");
      },
    };
    const t = await setup((req, res, n) => answers[req.url!](req, res, n), { maxEntryBytes: 1000 });
    for (const path of Object.keys(answers)) {
      await t.get(path);
      expect((await t.get(path)).headers.get("x-cache"), path).toBe("MISS");
    }
    expect(t.renders()).toBe(10);
    expect(t.cache.stats.entries).toBe(0);
  });

  it("sends the waiters of a render it could not store to Next themselves", async () => {
    const t = await setup(async (_q, res, n) => {
      await new Promise((r) => setTimeout(r, 50));
      res.setHeader("set-cookie", `n=${n}`);
      res.end(`render ${n}`);
    });
    const all = await Promise.all(Array.from({ length: 5 }, () => t.get("/")));
    expect(t.renders()).toBe(5);
    expect(new Set(all.map((r) => r.body)).size).toBe(5);
  });
});

describe("page cache: bounds and writes", () => {
  it("keeps at most maxEntries pages, dropping the least recently used", async () => {
    const t = await setup(page, { maxEntries: 2 });
    await t.get("/pemasok/a");
    await t.get("/pemasok/b");
    await t.get("/pemasok/a"); // a is now the most recently used
    await t.get("/pemasok/c"); // drops b
    expect((await t.get("/pemasok/a")).headers.get("x-cache")).toBe("HIT");
    expect((await t.get("/pemasok/b")).headers.get("x-cache")).toBe("MISS");
    expect(t.cache.stats.entries).toBe(2);
  });

  it("keeps at most maxBytes of pages", async () => {
    const t = await setup(
      (_q, res) => {
        res.end(Buffer.alloc(400));
      },
      { maxBytes: 1000 },
    );
    for (const id of ["a", "b", "c", "d"]) await t.get(`/pemasok/${id}`);
    expect(t.cache.stats.entries).toBe(2);
    expect(t.cache.stats.bytes).toBe(800);
  });

  it("drops every page after a write in this process", async () => {
    const t = await setup();
    await t.get("/");
    await t.get("/pemasok");
    bumpWriteGeneration(); // what invalidatePublicData() does after a server action or API write
    const after = await t.get("/");
    expect(after.headers.get("x-cache")).toBe("MISS");
    expect(after.body).toContain("render 3");
    expect(t.cache.stats.entries).toBe(1);
  });

  it("does not store a page whose render overlapped a write (it may show the old data)", async () => {
    const t = await setup(async (req, res, n) => {
      bumpWriteGeneration();
      page(req, res, n);
    });
    await t.get("/");
    expect(t.cache.stats.stored).toBe(0);
    expect((await t.get("/")).headers.get("x-cache")).toBe("MISS");
  });
});

describe("page cache: the allow-list comes from the URL builders", () => {
  const allowed = (url: string) => bypassReason({ method: "GET", url, headers: {} }) === null;

  it("lets every public page bench:pages measures through, except the nonce-tier /klaster pages", () => {
    for (const url of [
      organizationRoutes.home(),
      supplierRoutes.directory(),
      supplierRoutes.directory({ q: "batik" }),
      supplierRoutes.profile("org_1", { cari: "q=batik" }),
      statsRoutes.statistics(),
      statsRoutes.statistics({ province: "35", kbliSection: "C" }),
      statsRoutes.aboutData(),
      siteRoutes.list({ q: "jepara" }),
      siteRoutes.detail("site_1"),
      partnershipIndexRoutes.publicRanking({ tahun: "2026" }),
      partnershipIndexRoutes.buyer("org_2"),
    ]) {
      expect(allowed(url), url).toBe(true);
    }
    expect(allowed(clusterRoutes.detail("c1"))).toBe(false);
    expect(PUBLIC_PAGES.map((p) => p.name)).toContain("supplier");
  });
});
