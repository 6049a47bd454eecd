// Accessibility: axe-core (WCAG 2.1 A and AA rules) finds no violations on the pages each kind of user works
// with, on a phone-sized screen and on a desktop one. A failure lists each rule, its impact and the first
// offending elements, so the fix is obvious from the report.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect, type DemoRole } from "./fixtures";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

// Read-only page visits: the tests may share the two workers.
test.describe.configure({ mode: "parallel" });

async function violationsOn(page: Page, path: string): Promise<string[]> {
  const response = await page.goto(path);
  expect(response?.status(), `${path} answered ${response?.status()}`).toBeLessThan(400);
  await page.waitForLoadState("networkidle");
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map(
    (v) =>
      `${path}: ${v.id} (${v.impact}) — ${v.help}\n    ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join("\n    ")}`,
  );
}

const PUBLIC = ["/", "/pemasok", "/statistik", "/tentang-data", "/masuk", "/daftar"];
PUBLIC.push("/lupa-sandi", "/atur-ulang-sandi"); // password reset (issue 16)

const BY_ROLE: Record<Exclude<DemoRole, "umkm2" | "buyer2">, string[]> = {
  umkm: ["/dasbor", "/profil-usaha", "/produk", "/papan-rfq", "/penawaran", "/kemitraan", "/pembiayaan", "/notifikasi"],
  buyer: ["/dasbor", "/rfq", "/rfq/baru", "/kemitraan", "/kemitraan/baru", "/notifikasi"],
  koperasi: ["/dasbor", "/anggota", "/anggota/impor", "/papan-rfq"],
  kementerian: ["/dasbor", "/statistik", "/kemitraan"],
  bank: ["/dasbor", "/pembiayaan"],
  admin: ["/dasbor", "/admin/verifikasi", "/admin/kotak-keluar"],
};

// Every role on a phone (where layouts break first); the public pages and the two busiest roles on a desktop.
for (const viewport of [
  { name: "phone", width: 375, height: 800, roles: Object.keys(BY_ROLE) },
  { name: "desktop", width: 1280, height: 900, roles: ["umkm", "buyer"] },
]) {
  test.describe(`accessibility on a ${viewport.name}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test("public pages", async ({ page }) => {
      const found: string[] = [];
      for (const path of PUBLIC) found.push(...(await violationsOn(page, path)));
      expect(found, found.join("\n")).toEqual([]);
    });

    for (const [role, paths] of (Object.entries(BY_ROLE) as [DemoRole, string[]][]).filter(([r]) => viewport.roles.includes(r))) {
      test(`${role}'s pages`, async ({ page, loginAs }) => {
        test.setTimeout(120_000);
        await loginAs(role);
        const found: string[] = [];
        for (const path of paths) found.push(...(await violationsOn(page, path)));
        expect(found, found.join("\n")).toEqual([]);
      });
    }
  });
}
