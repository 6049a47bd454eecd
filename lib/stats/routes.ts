// URLs of the statistics pages. Build links through these, never by hand.
import { withQuery } from "@/lib/app-url";

type Query = Record<string, string | undefined>;

export const statsRoutes = {
  statistics: (query?: Query, anchor?: string) => withQuery("/statistik", query) + (anchor ? `#${anchor}` : ""),
  /** One table of /statistik for Excel (lib/stats/export.ts): `tabel` is a group-by or a drill-down. */
  tableCsv: (tabel: string, query?: Query) => withQuery("/statistik/tabel.csv", { tabel, ...query }),
  /** The named suppliers (ministry and platform staff). */
  suppliersCsv: (query?: Query) => withQuery("/statistik/pemasok.csv", query),
  /** How the figures are made; `section` is an anchor (e.g. "definisi"). */
  aboutData: (section?: string) => (section ? `/tentang-data#${section}` : "/tentang-data"),
} as const;
