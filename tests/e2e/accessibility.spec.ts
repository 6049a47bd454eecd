// Accessibility: axe-core (WCAG 2.1 A and AA rules) finds no violations on the pages each kind of user works
// with, on a phone-sized screen and on a desktop one. A failure lists each rule, its impact and the first
// offending elements, so the fix is obvious from the report.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect, type DemoRole } from "./fixtures";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

// Read-only page visits: the tests may share the two workers.
test.describe.configure({ mode: "parallel" });

/**
 * A page whose URL holds a generated id (a cluster, a site): found by following the link named `link` on the
 * page `via` (its href, then `suffix`).
 */
interface LinkedPage {
  via: string;
  link: string;
  suffix?: string;
}
type PagePath = string | LinkedPage;

async function resolve(page: Page, path: PagePath): Promise<string> {
  if (typeof path === "string") return path;
  const response = await page.goto(path.via);
  expect(response?.status(), `${path.via} answered ${response?.status()}`).toBeLessThan(400);
  const href = await page.getByRole("link", { name: path.link, exact: true }).first().getAttribute("href");
  expect(href, `no link "${path.link}" on ${path.via}`).toBeTruthy();
  return `${href!.split(/[?#]/)[0]}${path.suffix ?? ""}`;
}

async function violationsOn(page: Page, pagePath: PagePath): Promise<string[]> {
  const path = await resolve(page, pagePath);
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

// The demo's clusters (prisma/seed/demo-clusters.ts).
const EV_CLUSTER = "Klaster Komponen Motor Listrik Jawa Barat";
const BATIK_CLUSTER = "Klaster Batik Pekalongan";
const year = new Date().getUTCFullYear();

const PUBLIC: PagePath[] = ["/", "/pemasok", "/statistik", "/tentang-data", "/masuk", "/daftar"];
PUBLIC.push("/lupa-sandi", "/atur-ulang-sandi"); // password reset (issue 16)
// issue 12: clusters and industrial sites; issue 13: the public Indeks Kemitraan ranking. A test of their own,
// so the two workers share the public pages.
const PUBLIC_PROGRAMME: PagePath[] = [
  "/klaster",
  { via: "/klaster", link: BATIK_CLUSTER },
  "/kawasan",
  "/kawasan/site_ref_kendal",
  "/indeks-kemitraan",
];

const BY_ROLE: Record<Exclude<DemoRole, "umkm2" | "buyer2">, PagePath[]> = {
  umkm: ["/dasbor", "/profil-usaha", "/produk", "/papan-rfq", "/penawaran", "/kemitraan", "/pembiayaan", "/notifikasi"],
  buyer: [
    "/dasbor",
    "/rfq",
    "/rfq/baru",
    "/kemitraan",
    "/kemitraan/baru",
    "/notifikasi",
    "/dasbor/indeks-kemitraan",
    `/dasbor/indeks-kemitraan/laporan/${year}`,
  ],
  koperasi: ["/dasbor", "/anggota", "/anggota/impor", "/papan-rfq"],
  kementerian: ["/dasbor", "/statistik", "/kemitraan", "/statistik/indeks-kemitraan"],
  bank: ["/dasbor", "/pembiayaan"],
  admin: ["/dasbor", "/admin/verifikasi", "/admin/kotak-keluar", "/admin/kawasan"],
  klaster: [
    "/dasbor",
    "/klaster",
    "/klaster/baru",
    { via: "/klaster", link: EV_CLUSTER },
    { via: "/klaster", link: EV_CLUSTER, suffix: "/kelola" },
    { via: "/klaster", link: EV_CLUSTER, suffix: "/kelola/impor" },
    { via: "/klaster", link: EV_CLUSTER, suffix: "/konsorsium" },
  ],
  pemprov: ["/dasbor", "/daerah", "/daerah/produk-unggulan", "/klaster"],
  pemkab: ["/dasbor", "/daerah", "/daerah/produk-unggulan"],
};

// Every role on a phone (where layouts break first); the public pages and the two busiest roles on a desktop.
for (const viewport of [
  { name: "phone", width: 375, height: 800, roles: Object.keys(BY_ROLE) },
  { name: "desktop", width: 1280, height: 900, roles: ["umkm", "buyer"] },
]) {
  test.describe(`accessibility on a ${viewport.name}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    for (const [name, paths] of [
      ["public pages", PUBLIC],
      ["public cluster, site and index pages", PUBLIC_PROGRAMME],
    ] as const) {
      test(name, async ({ page }) => {
        test.setTimeout(120_000);
        const found: string[] = [];
        for (const path of paths) found.push(...(await violationsOn(page, path)));
        expect(found, found.join("\n")).toEqual([]);
      });
    }

    for (const [role, paths] of (Object.entries(BY_ROLE) as [DemoRole, PagePath[]][]).filter(([r]) => viewport.roles.includes(r))) {
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
