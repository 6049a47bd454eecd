// Navigation per organization type. NAV_BY_ORG_TYPE is the full map; navFor() shows only routes listed in
// LIVE_ROUTES, so a link appears the moment its page ships: add the route to LIVE_ROUTES in the same commit.
// Labels are message keys under "nav". The URLs come from each domain's routes.ts (ARCHITECTURE.md maps every
// URL to its route folder and domain).
import { agreementRoutes } from "@/lib/agreements/routes";
import { clusterRoutes } from "@/lib/clusters/routes";
import { partnershipIndexRoutes } from "@/lib/partnership-index/routes";
import { regionRoutes } from "@/lib/regions/routes";
import { siteRoutes } from "@/lib/sites/routes";
import type { OrgType, SessionMembership } from "@/lib/auth/types";
import { can, type Permission } from "@/lib/auth/permissions";
import { notificationRoutes } from "@/lib/notifications/routes";
import { cooperativeRoutes } from "@/lib/cooperatives/routes";
import { financingRoutes } from "@/lib/financing/routes";
import { organizationRoutes } from "@/lib/organizations/routes";
import { productRoutes } from "@/lib/products/routes";
import { quoteRoutes } from "@/lib/quotes/routes";
import { rfqRoutes } from "@/lib/rfqs/routes";
import { statsRoutes } from "@/lib/stats/routes";
import { supplierRoutes } from "@/lib/suppliers/routes";

export const NAV_ROUTES = {
  dashboard: organizationRoutes.dashboard(),
  supplierProfile: supplierRoutes.ownProfile(),
  products: productRoutes.list(),
  rfqBoard: rfqRoutes.board(),
  quotes: quoteRoutes.list(),
  partnerships: agreementRoutes.list(),
  rfqs: rfqRoutes.list(),
  findSuppliers: supplierRoutes.directory(),
  members: cooperativeRoutes.members(),
  team: organizationRoutes.team(),
  statistics: statsRoutes.statistics(),
  financing: financingRoutes.list(),
  verification: supplierRoutes.verificationQueue(),
  certificateReview: supplierRoutes.certificateQueue(),
  adminOrganizations: organizationRoutes.adminOrganizations(),
  adminUsers: organizationRoutes.adminUsers(),
  aboutData: statsRoutes.aboutData(),
  clusters: clusterRoutes.list(),
  sites: siteRoutes.list(),
  regionDashboard: regionRoutes.dashboard(),
  partnershipIndex: partnershipIndexRoutes.publicRanking(),
  ownPartnershipIndex: partnershipIndexRoutes.own(),
  partnershipIndexRanking: partnershipIndexRoutes.ministryRanking(),
  flaggedAgreements: partnershipIndexRoutes.flaggedAgreements(),
  financingProgrammes: financingRoutes.programmes(),
  adminSites: siteRoutes.admin(),
  adminOutbox: notificationRoutes.outbox(),
} as const;

export type NavKey = keyof typeof NAV_ROUTES;

export interface NavItem {
  key: NavKey;
  href: string;
}

/** Everything each organization type will have, in menu order. */
export const NAV_BY_ORG_TYPE: Record<OrgType, readonly NavKey[]> = {
  umkm: ["dashboard", "supplierProfile", "products", "rfqBoard", "quotes", "partnerships", "financing", "financingProgrammes", "clusters"],
  buyer: ["dashboard", "rfqs", "findSuppliers", "partnerships", "ownPartnershipIndex", "financingProgrammes", "clusters"],
  cooperative: ["dashboard", "members", "rfqBoard", "quotes", "partnerships", "financing", "financingProgrammes", "clusters"],
  ministry: ["dashboard", "statistics", "partnerships", "clusters", "partnershipIndexRanking", "flaggedAgreements"],
  bank: ["dashboard", "financing", "financingProgrammes"],
  platform: ["dashboard", "verification", "certificateReview", "adminOrganizations", "adminUsers", "adminSites", "adminOutbox"],
  cluster_manager: ["dashboard", "clusters", "findSuppliers", "sites"],
  regional_government: ["dashboard", "regionDashboard", "clusters", "statistics", "findSuppliers"],
};

/** For visitors who are not signed in (or have no organization yet). */
const PUBLIC_NAV: readonly NavKey[] = ["findSuppliers", "clusters", "partnershipIndex", "statistics", "aboutData"];

/** Routes whose pages exist (or are being built alongside). */
export const LIVE_ROUTES: ReadonlySet<string> = new Set<string>([
  NAV_ROUTES.dashboard,
  NAV_ROUTES.supplierProfile,
  NAV_ROUTES.rfqs,
  NAV_ROUTES.rfqBoard,
  NAV_ROUTES.quotes,
  NAV_ROUTES.findSuppliers,
  NAV_ROUTES.products,
  NAV_ROUTES.members,
  NAV_ROUTES.team,
  NAV_ROUTES.verification,
  NAV_ROUTES.certificateReview,
  NAV_ROUTES.adminOrganizations,
  NAV_ROUTES.adminUsers,
  NAV_ROUTES.aboutData,
  NAV_ROUTES.partnerships,
  NAV_ROUTES.financing,
  NAV_ROUTES.statistics,
  // issues 12 and 13: each page's builder adds its route here when the page lands
  NAV_ROUTES.clusters,
  NAV_ROUTES.regionDashboard,
  NAV_ROUTES.sites,
  NAV_ROUTES.adminSites,
  NAV_ROUTES.adminOutbox,
  NAV_ROUTES.partnershipIndex,
  NAV_ROUTES.ownPartnershipIndex,
  NAV_ROUTES.partnershipIndexRanking,
  NAV_ROUTES.flaggedAgreements,
  NAV_ROUTES.financingProgrammes,
]);

/** Menu entries only some roles of the organization may open (the page answers 404 to the others). */
const NAV_PERMISSIONS: Partial<Record<NavKey, Permission>> = {
  adminOutbox: "platform:admin", // the e-mail outbox: platform admins (owner, admin), not plain verifiers
};

type NavMembership = Pick<SessionMembership, "organizationType"> & Partial<Pick<SessionMembership, "role">>;

function items(keys: readonly NavKey[], live: ReadonlySet<string>, membership?: NavMembership): NavItem[] {
  return keys
    .filter((key) => {
      const needs = NAV_PERMISSIONS[key];
      return !needs || Boolean(membership?.role && can({ organizationType: membership.organizationType, role: membership.role }, needs));
    })
    .map((key) => ({ key, href: NAV_ROUTES[key] }))
    .filter((item) => live.has(item.href));
}

/** The menu for the active membership; the public menu when there is none. */
export function navFor(membership: NavMembership | null | undefined, live: ReadonlySet<string> = LIVE_ROUTES): NavItem[] {
  if (!membership) return items(PUBLIC_NAV, live);
  return items([...NAV_BY_ORG_TYPE[membership.organizationType], "team"], live, membership); // every organization has a team (issue 16)
}

/** Is `href` the current page or one of its sub-pages? */
export function isActivePath(pathname: string, href: string): boolean {
  if (href === organizationRoutes.home()) return pathname === href;
  return pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * The one menu entry that is the current page: the longest href the path is under, so on /pembiayaan/program
 * "Program pembiayaan" is current, not "Pembiayaan" as well.
 */
export function activeHref(pathname: string, hrefs: readonly string[]): string | undefined {
  return hrefs.filter((h) => isActivePath(pathname, h)).sort((a, b) => b.length - a.length)[0];
}
