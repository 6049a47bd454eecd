// What the /daerah pages, the follow-up CSV and the API ask of lib/regions: access first (./scope.ts), then figures.
import "server-only";
import type { Actor } from "@/lib/auth/types";
import type { Locale } from "@/lib/i18n/config";
import { verificationRequired } from "@/lib/errors";
import { jakartaToday } from "@/lib/suppliers/search-hits";
import { regionDashboard, type RegionDashboard } from "./dashboard";
import { followUpCsv, followUpRows, type FollowUpRow } from "./follow-up";
import type { FollowUpKind } from "./schemas";
import { regionAccess, type RegionView } from "./scope";

/** GET /api/v1/regions/{code}/dashboard: 401/403/404 as the access rules say; an unverified government 403. */
export async function regionDashboardFor(actor: Actor | null, code: string): Promise<RegionDashboard> {
  const view = await regionAccess(actor, code);
  if (view.pending) throw verificationRequired();
  if (!view.region) throw verificationRequired();
  return regionDashboard(view.region);
}

/** Rows of the follow-up list shown on the page (per kind). */
const FOLLOW_UP_PAGE_ROWS = 10;

export interface RegionPage {
  view: RegionView;
  dashboard: RegionDashboard | null;
  followUp: FollowUpRow[];
}

/** /daerah: the viewer's region (or ?wilayah=), its figures and the first rows of each follow-up kind. */
export async function regionPage(actor: Actor | null, wilayah?: string | null): Promise<RegionPage> {
  const view = await regionAccess(actor, wilayah);
  if (view.pending || !view.region) return { view, dashboard: null, followUp: [] };
  const today = jakartaToday();
  const [dashboard, followUp] = await Promise.all([
    regionDashboard(view.region, today),
    followUpRows(view.region, today, { limit: FOLLOW_UP_PAGE_ROWS }),
  ]);
  return { view, dashboard, followUp };
}

/** /daerah/tindak-lanjut.csv: the whole list (or one kind) as a CSV in the reader's language. */
export async function followUpDownload(
  actor: Actor | null,
  { wilayah, jenis }: { wilayah?: string; jenis?: FollowUpKind },
  locale: Locale,
): Promise<{ content: string; filename: string; rows: number }> {
  const view = await regionAccess(actor, wilayah);
  if (view.pending || !view.region) throw verificationRequired();
  const today = jakartaToday();
  const rows = await followUpRows(view.region, today, { kind: jenis });
  const slug = view.region.code.replace(".", "-");
  return {
    content: followUpCsv(rows, locale),
    filename: `tindak-lanjut-${slug}${jenis ? `-${jenis}` : ""}-${today}.csv`,
    rows: rows.length,
  };
}

/** The /dasbor card of a regional government: its region and a few headline figures (null while unverified). */
export async function regionHeadline(actor: Actor | null): Promise<{ view: RegionView; dashboard: RegionDashboard | null }> {
  const view = await regionAccess(actor, null);
  if (view.pending || !view.region) return { view, dashboard: null };
  return { view, dashboard: await regionDashboard(view.region) };
}
