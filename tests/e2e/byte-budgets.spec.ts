// Byte budgets of the public pages (issue 14): what a phone on a slow network downloads before a page works. Plain
// HTTP requests (Playwright's `request`, no browser): each page's HTML, and each JavaScript file its <script src>
// tags load (those a current browser loads: `nomodule` polyfills left out), gzipped here at the default level (what
// the server sends compressed is about the same). Budgets: JavaScript per page ≤ 150 KB gzipped (JS_BUDGET);
// /statistik's HTML ≤ 100 KB gzipped, with and without filters (the map's province paths are in it twice: the HTML
// and the React payload). The figures are printed, so a CI log shows how close each page is.
// Lighthouse itself runs in `npm run bench:lighthouse`, not here.
import zlib from "node:zlib";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { authRoutes } from "@/lib/auth/routes";
import { statsRoutes } from "@/lib/stats/routes";
import { supplierRoutes } from "@/lib/suppliers/routes";

const KB = 1024;
/**
 * Issue 14's target, held on every page: JavaScript per public page ≤ 150 KB gzipped (8 Dec 2026: ~142 KB on
 * most pages, ~146 KB on a supplier's page; 131 KB of it is React and Next.js). Client components translate
 * without next-intl's client runtime and ICU parser (lib/i18n/client.tsx), and the sign-in forms post to
 * next-auth's endpoint without next-auth/react (components/auth/credentials-sign-in.ts).
 */
const JS_BUDGET = 150 * KB;
const STATS_HTML_BUDGET = 100 * KB;

const gzipped = (body: Buffer) => zlib.gzipSync(body).length;
const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;

interface Weight {
  path: string;
  html: number;
  htmlGzip: number;
  scripts: number;
  jsGzip: number;
}

/**
 * The src of every <script> tag of `html` that a current browser loads: Next's chunks, not the `nomodule`
 * polyfills only browsers without ES modules fetch (inline scripts are part of the HTML).
 */
function scriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => !/\bnomodule\b/i.test(tag))
    .flatMap((tag) => /\bsrc="([^"]+)"/.exec(tag)?.[1].replace(/&amp;/g, "&") ?? []);
}

async function weigh(request: APIRequestContext, path: string, jsCache: Map<string, number>): Promise<Weight> {
  const res = await request.get(path);
  expect(res.status(), `${path} answered ${res.status()}`).toBe(200);
  const body = await res.body();
  const sources = [...new Set(scriptSources(body.toString("utf8")))];
  let jsGzip = 0;
  for (const src of sources) {
    if (!jsCache.has(src)) {
      const js = await request.get(src);
      expect(js.status(), `${src} (a script of ${path}) answered ${js.status()}`).toBe(200);
      jsCache.set(src, gzipped(await js.body()));
    }
    jsGzip += jsCache.get(src)!;
  }
  return { path, html: body.length, htmlGzip: gzipped(body), scripts: sources.length, jsGzip };
}

/** The first supplier's public page the directory links to. */
async function aSupplierPage(request: APIRequestContext): Promise<string> {
  const html = await (await request.get(supplierRoutes.directory())).text();
  const prefix = supplierRoutes.profile("x").slice(0, -1);
  const href = [...html.matchAll(/href="([^"?#]+)/g)].map((m) => m[1]).find((h) => h.startsWith(prefix) && h.length > prefix.length);
  expect(href, "the directory links to a supplier").toBeTruthy();
  return href!;
}

test("public pages stay within their JavaScript and HTML byte budgets", async ({ request }) => {
  const paths = [
    "/",
    supplierRoutes.directory(),
    supplierRoutes.directory({ q: "batik" }),
    await aSupplierPage(request),
    statsRoutes.statistics(),
    statsRoutes.statistics({ province: "33" }),
    statsRoutes.statistics({ kbliSection: "C", ukuran: "nilai" }),
    statsRoutes.aboutData(),
    authRoutes.signIn(),
  ];
  const jsCache = new Map<string, number>();
  const weights: Weight[] = [];
  for (const path of paths) weights.push(await weigh(request, path, jsCache));

  console.log(
    [
      "page weight (gzipped):",
      ...weights.map(
        (w) =>
          `  ${w.path.padEnd(48)} HTML ${kb(w.htmlGzip).padStart(9)} (raw ${kb(w.html).padStart(9)})   JS ${kb(w.jsGzip).padStart(9)} in ${w.scripts} files`,
      ),
    ].join("\n"),
  );

  for (const w of weights) {
    expect.soft(w.jsGzip, `${w.path}: ${kb(w.jsGzip)} of JavaScript (gzipped), budget ${kb(JS_BUDGET)}`).toBeLessThanOrEqual(JS_BUDGET);
    if (w.path.startsWith(statsRoutes.statistics())) {
      expect
        .soft(w.htmlGzip, `${w.path}: ${kb(w.htmlGzip)} of HTML (gzipped), budget ${kb(STATS_HTML_BUDGET)}`)
        .toBeLessThanOrEqual(STATS_HTML_BUDGET);
    }
  }
});

test("the favicon and the app icons are served", async ({ request }) => {
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/^image\//);
  const html = await (await request.get("/")).text();
  const icons = [...html.matchAll(/<link\b[^>]*\brel="(?:icon|apple-touch-icon)"[^>]*>/g)].map((m) => /href="([^"]+)"/.exec(m[0])![1]);
  expect(icons.length, "the page names its icons").toBeGreaterThanOrEqual(2);
  for (const href of icons) {
    const icon = await request.get(href.replace(/&amp;/g, "&"));
    expect(icon.status(), `${href} answered ${icon.status()}`).toBe(200);
    expect(icon.headers()["content-type"]).toMatch(/^image\//);
  }
});
