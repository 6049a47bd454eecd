// The cached data of the public pages (issue 14; docs/decisions/0033-page-caching.md, README "Freshness of
// public pages"). Each reader here returns what every visitor sees alike — never takes a viewer — so one
// entry can serve everybody; the pages compute the viewer's own part (sign-in buttons, the ministry's exact
// figures, a buyer's "invite to RFQ") per request. TTLs are the longest each page may lag a write in another
// worker process; the process that made the write shows it at once (lib/cache/public-data.ts).
import "server-only";
import { clusterFilterOptions, listClustersPage } from "@/lib/clusters/queries";
import { getClusterSummary } from "@/lib/clusters/summary";
import { listClusterOptions } from "@/lib/clusters/summary-ministry";
import type { Locale } from "@/lib/i18n/config";
import { getPublicRanking } from "@/lib/partnership-index/api";
import { listProducts } from "@/lib/products/public-reads";
import { listProvinces } from "@/lib/reference/service";
import { getEstate } from "@/lib/sites/estate";
import type { SiteListQuery } from "@/lib/sites/schemas";
import { getOrganizationSite, listSiteOptions, listSites } from "@/lib/sites/service";
import { getProtectedSummary } from "@/lib/stats/current";
import { Disclosure } from "@/lib/stats/disclosure";
import { getDrillTable } from "@/lib/stats/drill";
import { getStatisticsOverview } from "@/lib/stats/overview";
import { getReferenceDataSummary } from "@/lib/stats/public-summary";
import type { StatsFilter } from "@/lib/stats/schemas";
import { getDirectoryProfile } from "@/lib/suppliers/directory-profile";
import { searchSuppliers } from "@/lib/suppliers/search";
import { queryWords, type SupplierSearchQuery } from "@/lib/suppliers/search-query";
import { publicCache } from "./public-data";
import { PUBLIC_TTL } from "./ttl";

/** A stable key: object keys sorted, so `{a, b}` and `{b, a}` are one entry. */
function stableKey(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

// ---- landing page, /tentang-data -------------------------------------------------------------------------

/** The landing page's figures, protected for the public (lib/stats/disclosure.ts). */
export const landingFigures = publicCache(() => getProtectedSummary("public"), { name: "landingFigures", ttlSeconds: PUBLIC_TTL.figures });

export const referenceDataSummary = publicCache(() => getReferenceDataSummary(), {
  name: "referenceDataSummary",
  ttlSeconds: PUBLIC_TTL.reference,
});

export const allSites = publicCache(() => listSites({}), { name: "allSites", ttlSeconds: PUBLIC_TTL.reference });

// ---- directory ---------------------------------------------------------------------------------------------

export const provincesByName = publicCache(() => listProvinces("name"), { name: "provincesByName", ttlSeconds: PUBLIC_TTL.reference });

export const siteOptions = publicCache(() => listSiteOptions(), { name: "siteOptions", ttlSeconds: PUBLIC_TTL.reference });

/**
 * One page of the directory (with the page's word completions). Keyed by the validated query with its free
 * text reduced to the words the search uses ("Batik " and "batik" are one entry); at most 500 searches kept.
 */
export const directorySearch = publicCache((query: SupplierSearchQuery) => searchSuppliers(query, { suggest: true }), {
  name: "directorySearch",
  ttlSeconds: PUBLIC_TTL.directory,
  maxEntries: 500,
  key: (query) => stableKey({ ...query, q: queryWords(query.q).join(" ") }),
});

/** A supplier's public page: the profile, active products and estate (the same for every viewer). */
export const supplierPage = publicCache(
  async (id: string) => {
    const profile = await getDirectoryProfile(id);
    if (!profile) return null;
    const [products, site] = await Promise.all([listProducts({ supplierId: id, limit: 100 }), getOrganizationSite(id)]);
    return { profile, products, site };
  },
  { name: "supplierPage", ttlSeconds: PUBLIC_TTL.directory, maxEntries: 300 },
);

// ---- /statistik (the public audience only: the ministry's exact figures are never cached) ----------------

export const publicStatistics = publicCache((filter: StatsFilter, locale: Locale) => getStatisticsOverview(filter, locale, "public"), {
  name: "publicStatistics",
  ttlSeconds: PUBLIC_TTL.figures,
  maxEntries: 500,
  key: (filter, locale) => stableKey([filter, locale]),
});

export const publicDrillTable = publicCache(
  (filter: StatsFilter, locale: Locale) => getDrillTable(new Disclosure("public", locale), filter),
  { name: "publicDrillTable", ttlSeconds: PUBLIC_TTL.figures, maxEntries: 500, key: (filter, locale) => stableKey([filter, locale]) },
);

export const clusterOptions = publicCache(() => listClusterOptions(), { name: "clusterOptions", ttlSeconds: PUBLIC_TTL.reference });

// ---- clusters, estates, the partnership index: what a visitor who is not signed in sees ----------------
// (a signed-in viewer may see more — a member's own standing, a manager's named members, exact figures for
// staff — so their pages are computed per request, never from these entries)

export const clusterList = publicCache((query: Parameters<typeof listClustersPage>[0]) => listClustersPage(query), {
  name: "clusterList",
  ttlSeconds: PUBLIC_TTL.directory,
  maxEntries: 500,
  key: (q) => stableKey(q),
});

export const clusterFilters = publicCache((locale: Locale) => clusterFilterOptions(locale), {
  name: "clusterFilters",
  ttlSeconds: PUBLIC_TTL.reference,
});

/** A cluster's page as the public sees it (figures under the disclosure rule, no named members). */
export const publicClusterSummary = publicCache((id: string, locale: Locale) => getClusterSummary(id, null, { locale }), {
  name: "publicClusterSummary",
  ttlSeconds: PUBLIC_TTL.figures,
  maxEntries: 300,
});

export const siteList = publicCache((query: SiteListQuery) => listSites(query), {
  name: "siteList",
  ttlSeconds: PUBLIC_TTL.reference,
  maxEntries: 500,
  key: (q) => stableKey(q),
});

/** An estate's page as the public sees it (partnership figures under the disclosure rule). */
export const publicEstate = publicCache((id: string) => getEstate(null, id), {
  name: "publicEstate",
  ttlSeconds: PUBLIC_TTL.figures,
  maxEntries: 300,
});

/** /indeks-kemitraan: the firms that chose to publish their grade, for a year. */
export const publicRanking = publicCache((year: number) => getPublicRanking(year), {
  name: "publicRanking",
  ttlSeconds: PUBLIC_TTL.figures,
});
