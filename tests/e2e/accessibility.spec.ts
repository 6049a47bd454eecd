// The page walks (issue 17 and accessibility): every route template each kind of user can open, opened ONCE on
// a phone (390 × 844) for both checks that apply to it:
//
// - no page is wider than the screen (tests/e2e/overflow.ts): every page of demo-pages.ts;
// - axe-core (WCAG 2.1 A and AA rules) finds no violations: the chosen few per role (AXE_PAGES_BY_ROLE).
//
// axe runs a second time on a desktop (1280 × 900) for the public pages and the two busiest roles: the wide
// layouts (tables instead of cards, the side navigation) are other markup, so both widths are checked.
// One test per role (its stored session, fixtures.ts), each listing every offending page at once with the
// rule, its impact and the first offending elements (or the elements that stick out), so the fix is obvious
// from the report. Read-only visits: the tests are spread over both workers.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect, waitForHydration, type DemoRole } from "./fixtures";
import {
  AXE_PAGES_BY_ROLE,
  MORE_PAGES_BY_ROLE,
  MORE_PUBLIC_PAGES,
  PUBLIC_PAGES,
  PUBLIC_PROGRAMME_PAGES,
  rememberLinks,
  resolvePath,
  type LinkCache,
  type PagePath,
  type WalkedRole,
} from "./demo-pages";
import { PHONE, overflowOf } from "./overflow";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const DESKTOP = { width: 1280, height: 900 };

// Each test walks up to twenty pages: a page takes a few seconds on a busy 2-core machine.
test.describe.configure({ mode: "parallel", timeout: 180_000 });

interface Walk {
  /** Pages axe checks (and, on a phone, the overflow check too). */
  axe: PagePath[];
  /** Pages only the overflow check visits (phone only). */
  fit?: PagePath[];
}

/** Opens each page once and returns what is wrong with it: axe's violations, and on a phone the overflow. */
async function walk(page: Page, { axe, fit = [] }: Walk, onPhone: boolean): Promise<string[]> {
  const links: LinkCache = new Map();
  const found: string[] = [];
  for (const [entry, runAxe] of [...axe.map((p) => [p, true] as const), ...fit.map((p) => [p, false] as const)]) {
    const path = await resolvePath(page, entry, links);
    const response = await page.goto(path);
    expect(response?.status(), `${path} answered ${response?.status()}`).toBeLessThan(400);
    // Ready to check (instead of `networkidle`, which waits out Next's link prefetches): `load` has fired, the web
    // fonts are in (they change the layout) and React has hydrated the page (client components' final markup).
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await waitForHydration(page.locator("main").first());
    if (typeof entry === "string") await rememberLinks(page, entry, links);
    if (onPhone) found.push(...(await overflowOf(page)));
    if (!runAxe) continue;
    // Legacy mode: axe.run in the page itself. The default (runPartial) also opens a blank page per analysis to
    // merge the results of cross-origin frames, and the app has none (its CSP says frame-src 'none').
    const result = await new AxeBuilder({ page }).withTags(TAGS).setLegacyMode().analyze();
    found.push(
      ...result.violations.map(
        (v) =>
          `${path}: ${v.id} (${v.impact}) — ${v.help}\n    ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(" "))
            .join("\n    ")}`,
      ),
    );
  }
  return found;
}

const PUBLIC_WALKS: [string, Walk][] = [
  ["public pages", { axe: PUBLIC_PAGES, fit: MORE_PUBLIC_PAGES }],
  // A test of their own, so the two workers share the public pages.
  ["public cluster, site and index pages", { axe: PUBLIC_PROGRAMME_PAGES }],
];

test.describe("on a phone: axe and nothing wider than the screen", () => {
  test.use({ viewport: PHONE });

  for (const [name, pages] of PUBLIC_WALKS) {
    test(name, async ({ page }) => {
      const found = await walk(page, pages, true);
      expect(found, found.join("\n")).toEqual([]);
    });
  }

  for (const role of Object.keys(AXE_PAGES_BY_ROLE) as WalkedRole[]) {
    test(`${role}'s pages`, async ({ page, loginAs }) => {
      await loginAs(role as DemoRole);
      const found = await walk(page, { axe: AXE_PAGES_BY_ROLE[role], fit: MORE_PAGES_BY_ROLE[role] }, true);
      expect(found, found.join("\n")).toEqual([]);
    });
  }
});

test.describe("on a desktop: axe", () => {
  test.use({ viewport: DESKTOP });

  for (const [name, pages] of PUBLIC_WALKS) {
    test(name, async ({ page }) => {
      const found = await walk(page, { axe: pages.axe }, false);
      expect(found, found.join("\n")).toEqual([]);
    });
  }

  for (const role of ["umkm", "buyer"] as const) {
    test(`${role}'s pages`, async ({ page, loginAs }) => {
      await loginAs(role);
      const found = await walk(page, { axe: AXE_PAGES_BY_ROLE[role] }, false);
      expect(found, found.join("\n")).toEqual([]);
    });
  }
});
