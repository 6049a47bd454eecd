// The pages of the demo data (`npm start` seeds it: prisma/seed/) that the page walks (accessibility.spec.ts)
// visit, per role, each once per screen width:
//
// - axe runs on a chosen few per role (AXE_PAGES_BY_ROLE), on a phone and (public pages, umkm, buyer) a desktop;
// - the other route templates each role can open (MORE_PAGES_BY_ROLE) are visited on the phone only, so that
//   with the axe pages every template is checked for overflow at phone width.
//
// A page whose URL holds a generated id (an RFQ, an agreement, a cluster) is a LinkedPage: found by following
// a link on another page, so the lists never go stale when the seed changes its ids.
import { expect, type Page } from "@playwright/test";
import type { DemoRole } from "./fixtures";

/**
 * A page found through a link on the page `via`: the first link named `link` (its whole text), or the first
 * whose href matches `href`; then `suffix` is appended to the link's path (query and fragment dropped).
 */
export interface LinkedPage {
  via: string;
  link?: string;
  href?: RegExp;
  suffix?: string;
}
export type PagePath = string | LinkedPage;

interface Anchor {
  text: string;
  href: string;
}

/** The links on each page already visited, so a page that several LinkedPages go through loads once. */
export type LinkCache = Map<string, Anchor[]>;

/** Records the links of the page `page` shows now as those of `path`. */
export async function rememberLinks(page: Page, path: string, cache: LinkCache): Promise<void> {
  const anchors = await page
    .locator("a[href]")
    .evaluateAll((els) =>
      els.map((a) => ({ text: (a.textContent ?? "").replace(/\s+/g, " ").trim(), href: a.getAttribute("href") ?? "" })),
    );
  cache.set(path, anchors);
}

function describe(path: LinkedPage): string {
  return `${path.link ? `"${path.link}"` : String(path.href)} on ${path.via}`;
}

/** The concrete path of `path` (a LinkedPage is looked up on its `via` page, loaded unless in `cache`). */
export async function resolvePath(page: Page, path: PagePath, cache: LinkCache = new Map()): Promise<string> {
  if (typeof path === "string") return path;
  if (!cache.has(path.via)) {
    const response = await page.goto(path.via, { waitUntil: "domcontentloaded" });
    expect(response?.status(), `${path.via} answered ${response?.status()}`).toBeLessThan(400);
    await rememberLinks(page, path.via, cache);
  }
  const found = cache.get(path.via)!.find((a) => (path.link ? a.text === path.link : path.href!.test(a.href.split(/[?#]/)[0])));
  expect(found, `no link ${describe(path)}`).toBeTruthy();
  return `${found!.href.split(/[?#]/)[0]}${path.suffix ?? ""}`;
}

// The demo's clusters (prisma/seed/demo-clusters.ts).
const EV_CLUSTER = "Klaster Komponen Motor Listrik Jawa Barat";
const BATIK_CLUSTER = "Klaster Batik Pekalongan";
const year = new Date().getUTCFullYear();

// One id segment (cuid) and "not a fixed word of the route" (baru, impor, …).
const ID = "(?!baru$|impor$)[A-Za-z0-9_-]+";
const under = (prefix: string, rest = "") => new RegExp(`^${prefix}/${ID}${rest}$`);

const agreement = { via: "/kemitraan", href: under("/kemitraan") };
const boardRfq = { via: "/papan-rfq", href: under("/papan-rfq") };
const ownRfq = { via: "/rfq", href: under("/rfq") };
const evCluster = { via: "/klaster", link: EV_CLUSTER };

/** Pages anyone may open, signed in or not. */
export const PUBLIC_PAGES: PagePath[] = [
  "/",
  "/pemasok",
  "/statistik",
  "/tentang-data",
  "/masuk",
  "/daftar",
  "/lupa-sandi", // password reset (issue 16)
  "/atur-ulang-sandi",
];
/** Issue 12: clusters and industrial sites; issue 13: the public Indeks Kemitraan ranking. */
export const PUBLIC_PROGRAMME_PAGES: PagePath[] = [
  "/klaster",
  { via: "/klaster", link: BATIK_CLUSTER },
  "/kawasan",
  "/kawasan/site_ref_kendal",
  "/indeks-kemitraan",
];
/** The other public route templates (overflow only): a supplier's public profile, accepting an invitation. */
export const MORE_PUBLIC_PAGES: PagePath[] = [{ via: "/pemasok", href: under("/pemasok") }, "/undangan"];

/** The roles whose pages the walks visit: every kind of account once (umkm2 and buyer2 see what umkm and buyer see). */
export type WalkedRole = Exclude<DemoRole, "umkm2" | "buyer2">;

/** The pages axe checks, per role (and the overflow check on a phone). */
export const AXE_PAGES_BY_ROLE: Record<WalkedRole, PagePath[]> = {
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
    evCluster,
    { ...evCluster, suffix: "/kelola" },
    { ...evCluster, suffix: "/kelola/impor" },
    { ...evCluster, suffix: "/konsorsium" },
  ],
  pemprov: ["/dasbor", "/daerah", "/daerah/produk-unggulan", "/klaster"],
  pemkab: ["/dasbor", "/daerah", "/daerah/produk-unggulan"],
};

// Pages every signed-in account has: checked for the two busiest roles (their layout does not depend on the role).
const ACCOUNT_PAGES: PagePath[] = ["/notifikasi/pengaturan", "/organisasi/anggota"];
const SUPPLIER_PAGES: PagePath[] = [
  boardRfq,
  { ...boardRfq, suffix: "/penawaran" },
  "/penawaran",
  "/kemitraan",
  "/kemitraan/baru",
  agreement,
];
const AGREEMENT_PAGES: PagePath[] = [
  { ...agreement, suffix: "/ubah" },
  { ...agreement, suffix: "/versi/1" },
  { ...agreement, suffix: "/cetak" },
];
const ownCluster = { via: "/dasbor", href: under("/klaster", "/kelola") };
const CLUSTER_MANAGER_PAGES: PagePath[] = ["/klaster/baru", ownCluster, { ...ownCluster, suffix: "/impor" }];

/**
 * The other route templates a role can open (the overflow check only), one concrete page each: with the axe
 * pages, every page of the role. Another role's copy of a template is left out where only the data differs.
 */
export const MORE_PAGES_BY_ROLE: Record<WalkedRole, PagePath[]> = withoutAxePages({
  umkm: [
    "/profil-usaha/langkah/identitas",
    "/produk/baru",
    { via: "/produk", href: under("/produk", "/ubah") },
    ...SUPPLIER_PAGES,
    ...AGREEMENT_PAGES,
    ...ACCOUNT_PAGES,
  ],
  buyer: [
    ownRfq,
    { ...ownRfq, suffix: "/bandingkan" },
    { ...ownRfq, suffix: "/pencocokan" },
    { ...ownRfq, suffix: "/riwayat" },
    agreement,
    ...AGREEMENT_PAGES,
    "/organisasi/profil",
    ...ACCOUNT_PAGES,
  ],
  koperasi: [...SUPPLIER_PAGES, "/pembiayaan"],
  // a buyer's public index page: linked from the ministry's ranking (the public one lists nobody yet)
  kementerian: ["/statistik/kemitraan-ditandai", agreement, { via: "/statistik/indeks-kemitraan", href: under("/pembeli") }],
  bank: [{ via: "/pembiayaan", href: under("/pembiayaan") }],
  admin: [
    "/admin/sertifikat",
    { via: "/admin/verifikasi", href: under("/admin/pemasok") },
    "/admin/kawasan/baru",
    { via: "/admin/kawasan", href: under("/admin/kawasan") },
    "/admin/organisasi",
    "/admin/organisasi/baru",
    { via: "/admin/organisasi", href: under("/admin/organisasi") },
    "/admin/pengguna",
    { via: "/admin/pengguna", href: under("/admin/pengguna") },
  ],
  klaster: [],
  pemprov: CLUSTER_MANAGER_PAGES,
  pemkab: ["/klaster", ...CLUSTER_MANAGER_PAGES],
});

function withoutAxePages(pages: Record<WalkedRole, PagePath[]>): Record<WalkedRole, PagePath[]> {
  return Object.fromEntries(
    (Object.keys(pages) as WalkedRole[]).map((role) => [role, pages[role].filter((p) => !AXE_PAGES_BY_ROLE[role].includes(p))]),
  ) as Record<WalkedRole, PagePath[]>;
}
