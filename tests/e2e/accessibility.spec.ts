// Accessibility: axe-core (WCAG 2.1 A and AA rules) finds no violations on the pages each kind of user works
// with, on a phone-sized screen and on a desktop one. A failure lists each rule, its impact and the first
// offending elements, so the fix is obvious from the report.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect, type DemoRole } from "./fixtures";
import { AXE_PAGES_BY_ROLE, PUBLIC_PAGES, PUBLIC_PROGRAMME_PAGES, resolvePath, type PagePath } from "./demo-pages";
import { PHONE, overflowOf } from "./overflow";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

// Read-only page visits: the tests may share the two workers.
test.describe.configure({ mode: "parallel" });

/** axe's violations on the page, and on a phone also whether the page is wider than the screen (issue 17). */
async function violationsOn(page: Page, pagePath: PagePath, onPhone: boolean): Promise<string[]> {
  const path = await resolvePath(page, pagePath);
  const response = await page.goto(path);
  expect(response?.status(), `${path} answered ${response?.status()}`).toBeLessThan(400);
  await page.waitForLoadState("networkidle");
  const overflow = onPhone ? await overflowOf(page) : [];
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return overflow.concat(
    result.violations.map(
      (v) =>
        `${path}: ${v.id} (${v.impact}) — ${v.help}\n    ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join("\n    ")}`,
    ),
  );
}

// Every role on a phone (where layouts break first; there no page may be wider than the screen either); the
// public pages and the two busiest roles on a desktop.
for (const viewport of [
  { name: "phone", ...PHONE, roles: Object.keys(AXE_PAGES_BY_ROLE) },
  { name: "desktop", width: 1280, height: 900, roles: ["umkm", "buyer"] },
]) {
  test.describe(`accessibility on a ${viewport.name}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    for (const [name, paths] of [
      ["public pages", PUBLIC_PAGES],
      // A test of their own, so the two workers share the public pages.
      ["public cluster, site and index pages", PUBLIC_PROGRAMME_PAGES],
    ] as const) {
      test(name, async ({ page }) => {
        test.setTimeout(120_000);
        const found: string[] = [];
        for (const path of paths) found.push(...(await violationsOn(page, path, viewport.name === "phone")));
        expect(found, found.join("\n")).toEqual([]);
      });
    }

    for (const [role, paths] of (Object.entries(AXE_PAGES_BY_ROLE) as [DemoRole, PagePath[]][]).filter(([r]) =>
      viewport.roles.includes(r),
    )) {
      test(`${role}'s pages`, async ({ page, loginAs }) => {
        test.setTimeout(120_000);
        await loginAs(role);
        const found: string[] = [];
        for (const path of paths) found.push(...(await violationsOn(page, path, viewport.name === "phone")));
        expect(found, found.join("\n")).toEqual([]);
      });
    }
  });
}
