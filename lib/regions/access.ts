// Who may see a region's dashboard (docs/decisions/0023-regional-governments.md). Pure predicates, no database:
//   - a regional government (region:dashboard) sees its own scope: a province government its province and every
//     regency in it, a regency government its regency only; before a platform admin verifies it, nothing
//     (the page says "menunggu verifikasi");
//   - ministry staff (region:dashboard) and platform admins (platform:admin) see any region;
//   - every other organization type: 403 (the page: 404).
import { can } from "@/lib/auth/permissions";
import type { Actor, SessionMembership } from "@/lib/auth/types";

/** A government's scope: exactly one of the two codes. */
export interface GovernmentScope {
  provinceCode: string | null;
  regencyCode: string | null;
}

/** A region: a province ("32") or a regency ("32.04") and the province it lies in. */
export interface RegionRef {
  kind: "province" | "regency";
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
}

export type RegionViewer = "government" | "ministry" | "platform";

/** Which kind of viewer the membership is, or null when its organization type may not see regional dashboards. */
export function regionViewerOf(m: SessionMembership | null | undefined): RegionViewer | null {
  if (!m) return null;
  if (m.organizationType === "regional_government" && can(m, "region:dashboard")) return "government";
  if (m.organizationType === "ministry" && can(m, "region:dashboard")) return "ministry";
  if (m.organizationType === "platform" && can(m, "platform:admin")) return "platform";
  return null;
}

/** The /daerah page exists for regional governments, ministry staff and platform admins. */
export function canOpenRegionDashboard(actor: Actor): boolean {
  return regionViewerOf(actor.membership) !== null;
}

/** /daerah/produk-unggulan: regional governments only (the writes also need verification and region:flagship). */
export function canOpenFlagshipPage(actor: Actor): boolean {
  return actor.membership?.organizationType === "regional_government";
}

/** Does the government's scope contain the region? (A province scope contains its regencies.) */
export function scopeContains(scope: GovernmentScope, region: Pick<RegionRef, "kind" | "code" | "provinceCode">): boolean {
  if (scope.regencyCode) return region.kind === "regency" && region.code === scope.regencyCode;
  if (scope.provinceCode) return region.provinceCode === scope.provinceCode;
  return false;
}
