// URLs of the Indeks Kemitraan pages (issue 13). Build links through these, never by hand.
import { withQuery } from "@/lib/app-url";

const enc = encodeURIComponent;

export const partnershipIndexRoutes = {
  /** The public ranking of firms that chose to publish their grade. */
  publicRanking: (query?: { tahun?: string }) => withQuery("/indeks-kemitraan", query),
  /** A buyer's public page (its published grade among other things). */
  buyer: (id: string) => `/pembeli/${enc(id)}`,
  /** The firm's own index: components, quarterly trend, what would raise the grade, publish opt-in. */
  own: (query?: { tahun?: string; periode?: string }) => withQuery("/dasbor/indeks-kemitraan", query),
  /** Ministry staff: every firm ranked, with filters and CSV. */
  ministryRanking: (query?: Record<string, string | undefined>) => withQuery("/statistik/indeks-kemitraan", query),
  /** The signed-in firm's Laporan Kemitraan of one year: issue one, print one (`code`: which; default the newest). */
  report: (year: number | string, code?: string) => withQuery(`/dasbor/indeks-kemitraan/laporan/${enc(String(year))}`, { kode: code }),
  /** The public verification page of an issued report. */
  verifyReport: (code: string) => `/laporan/${enc(code)}`,
  /** Ministry staff: agreements flagged as possible fake partnerships. */
  flaggedAgreements: (query?: { status?: string }) => withQuery("/statistik/kemitraan-ditandai", query),
} as const;
