// Byte budgets of the public pages (issue 14): what a phone on a slow network downloads before a page works. Plain
// HTTP requests (Playwright's `request`, no browser): each page's HTML, and each JavaScript file its <script src>
// tags load (those a current browser loads: `nomodule` polyfills left out), gzipped here at the default level (what
// the server sends compressed is about the same). Budgets: JavaScript per page ≤ 150 KB gzipped (a target not met
// yet: see JS_CEILING); /statistik's HTML ≤ 100 KB gzipped, with and without filters (the map's province paths are
// in it twice: the HTML and the React payload). The figures are printed, so a CI log shows how close each page is.
// Lighthouse itself runs in `npm run bench:lighthouse`, not here.
import zlib from "node:zlib";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { authRoutes } from "@/lib/auth/routes";
import { statsRoutes } from "@/lib/stats/routes";
import { supplierRoutes } from "@/lib/suppliers/routes";

const KB = 1024;
/**
 * Issue 14's target: JavaScript per public page ≤ 150 KB gzipped. NOT MET YET (8 Dec 2026: 153.7 KB on most
 * pages, 157.9 KB on a supplier's page, 166.8 KB on /masuk; 131 KB of it is React and Next.js, 12 KB next-intl's
 * ICU parser). Until it is, the spec holds each page to a ceiling just above today's figure, so nothing grows
 * unnoticed, and prints the target beside it; lower the ceilings as the pages shrink, down to the target.
 */
const JS_TARGET = 150 * KB;
const JS_CEILING = 158 * KB;
const JS_CEILING_SIGN_IN = 168 * KB; // next-auth's client library for the sign-in form
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

  const over = weights.filter((w) => w.jsGzip > JS_TARGET).map((w) => w.path);
  if (over.length) console.log(`above issue 14's JavaScript target of ${kb(JS_TARGET)}: ${over.join(", ")}`);
  for (const w of weights) {
    const ceiling = w.path === authRoutes.signIn() ? JS_CEILING_SIGN_IN : JS_CEILING;
    expect.soft(w.jsGzip, `${w.path}: ${kb(w.jsGzip)} of JavaScript (gzipped), ceiling ${kb(ceiling)}`).toBeLessThanOrEqual(ceiling);
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
