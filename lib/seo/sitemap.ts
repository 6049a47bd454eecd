// robots.txt and the sitemap (issue 17): the public pages only — the landing page, the supplier directory and
// the verified UMKM's public profiles, the statistics and /tentang-data, clusters, industrial estates, the
// public partnership index and the public pages of buyers that published theirs. Absolute URLs on the
// configured public address (lib/app-url.ts); every path from the domains' URL builders. Bounded: at most
// MAX_URLS entries, most recently updated first, so a large directory never makes a huge answer.
import "server-only";
import { db } from "@/lib/db";
import { absoluteUrl } from "@/lib/app-url";
import { organizationRoutes } from "@/lib/organizations/routes";
import { supplierRoutes } from "@/lib/suppliers/routes";
import { statsRoutes } from "@/lib/stats/routes";
import { clusterRoutes } from "@/lib/clusters/routes";
import { siteRoutes } from "@/lib/sites/routes";
import { partnershipIndexRoutes } from "@/lib/partnership-index/routes";

/** The sitemaps protocol allows 50,000; a smaller bound keeps the answer light. */
const MAX_URLS = 5000;

export interface SitemapEntry {
  url: string;
  lastModified?: Date;
  changeFrequency?: "daily" | "weekly" | "monthly";
  priority?: number;
}

/** Paths no crawler should walk: everything behind sign-in, the API, the forms, the one-time links. */
export const PRIVATE_PATHS = [
  "/api/",
  "/admin",
  "/dasbor",
  "/organisasi",
  "/profil-usaha",
  "/produk",
  "/rfq",
  "/papan-rfq",
  "/penawaran",
  "/kemitraan",
  "/pembiayaan",
  "/anggota",
  "/notifikasi",
  "/daerah",
  "/undangan",
  "/klaim/",
  "/masuk",
  "/daftar",
  "/lupa-sandi",
  "/atur-ulang-sandi",
  "/statistik/kemitraan-ditandai",
  "/statistik/indeks-kemitraan",
  "/laporan/",
] as const;

export async function sitemapEntries(): Promise<SitemapEntry[]> {
  const fixed: SitemapEntry[] = [
    { url: absoluteUrl(organizationRoutes.home()), changeFrequency: "daily", priority: 1 },
    { url: absoluteUrl(supplierRoutes.directory()), changeFrequency: "daily", priority: 0.9 },
    { url: absoluteUrl(statsRoutes.statistics()), changeFrequency: "daily", priority: 0.7 },
    { url: absoluteUrl(statsRoutes.aboutData()), changeFrequency: "monthly", priority: 0.4 },
    { url: absoluteUrl(clusterRoutes.list()), changeFrequency: "weekly", priority: 0.7 },
    { url: absoluteUrl(siteRoutes.list()), changeFrequency: "weekly", priority: 0.6 },
    { url: absoluteUrl(partnershipIndexRoutes.publicRanking()), changeFrequency: "weekly", priority: 0.7 },
  ];
  const room = MAX_URLS - fixed.length;
  const [buyers, clusters, sites] = await Promise.all([
    // Buyers that published their partnership index: their public page (/pembeli/[id]).
    db.organization.findMany({
      where: { type: "buyer", verificationStatus: "verified", suspendedAt: null, indexPublishedAt: { not: null } },
      orderBy: { indexPublishedAt: "desc" },
      take: Math.floor(room / 10),
      select: { id: true, indexPublishedAt: true },
    }),
    db.cluster.findMany({ orderBy: { createdAt: "desc" }, take: Math.floor(room / 10), select: { id: true, updatedAt: true } }),
    db.site.findMany({ orderBy: { createdAt: "desc" }, take: Math.floor(room / 10), select: { id: true, updatedAt: true } }),
  ]);
  // Verified UMKM with a public profile (not suspended), most recently updated first, in what room is left.
  const suppliers = await db.supplierProfile.findMany({
    where: { verificationStatus: "verified", organization: { type: "umkm", suspendedAt: null } },
    orderBy: [{ updatedAt: "desc" }, { organizationId: "asc" }],
    take: Math.max(0, room - buyers.length - clusters.length - sites.length),
    select: { organizationId: true, updatedAt: true },
  });
  return [
    ...fixed,
    ...suppliers.map((s) => ({
      url: absoluteUrl(supplierRoutes.profile(s.organizationId)),
      lastModified: s.updatedAt,
      changeFrequency: "weekly" as const,
      priority: 0.6,
    })),
    ...clusters.map((c) => ({
      url: absoluteUrl(clusterRoutes.detail(c.id)),
      lastModified: c.updatedAt,
      changeFrequency: "weekly" as const,
      priority: 0.5,
    })),
    ...sites.map((s) => ({
      url: absoluteUrl(siteRoutes.detail(s.id)),
      lastModified: s.updatedAt,
      changeFrequency: "monthly" as const,
      priority: 0.4,
    })),
    ...buyers.map((b) => ({
      url: absoluteUrl(partnershipIndexRoutes.buyer(b.id)),
      lastModified: b.indexPublishedAt ?? undefined,
      changeFrequency: "weekly" as const,
      priority: 0.5,
    })),
  ];
}
