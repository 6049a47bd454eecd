// No page is wider than a phone's screen (issue 17): every route template each kind of user can open, once, at
// 390 × 844; the page must not scroll sideways (a table may scroll inside its own box, the page may not). The
// pages axe checks get this check in accessibility.spec.ts (one load serves both); this walk covers the rest
// and lists every offending page of a role at once, with the elements that stick out.
import type { Page } from "@playwright/test";
import { test, expect, type DemoRole } from "./fixtures";
import { MORE_PAGES_BY_ROLE, MORE_PUBLIC_PAGES, rememberLinks, resolvePath, type LinkCache, type PagePath } from "./demo-pages";
import { PHONE, overflowOf } from "./overflow";

// Read-only page visits: the tests may share the two workers.
test.describe.configure({ mode: "parallel" });
test.use({ viewport: PHONE });

async function walk(page: Page, paths: PagePath[]): Promise<void> {
  const links: LinkCache = new Map();
  const found: string[] = [];
  for (const entry of paths) {
    const path = await resolvePath(page, entry, links);
    const response = await page.goto(path, { waitUntil: "domcontentloaded" });
    expect(response?.status(), `${path} answered ${response?.status()}`).toBeLessThan(400);
    // Web fonts and the first client render can still change the layout.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    if (typeof entry === "string") await rememberLinks(page, entry, links);
    found.push(...(await overflowOf(page)));
  }
  expect(found, `pages wider than the screen:\n${found.join("\n")}`).toEqual([]);
}

test("a visitor's other pages fit a phone's screen", async ({ page }) => {
  test.setTimeout(120_000);
  await walk(page, MORE_PUBLIC_PAGES);
});

for (const [role, paths] of Object.entries(MORE_PAGES_BY_ROLE) as [DemoRole, PagePath[]][]) {
  test(`${role}'s other pages fit a phone's screen`, async ({ page, loginAs }) => {
    test.setTimeout(120_000);
    await loginAs(role);
    await walk(page, paths);
  });
}
