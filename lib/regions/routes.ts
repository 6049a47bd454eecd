// URLs of a regional government's pages (/daerah, issue 12). Build links through these.
import { withQuery } from "@/lib/app-url";

export const regionRoutes = {
  /** The regional dashboard of the signed-in government (or, for ministry staff, of `wilayah`). */
  dashboard: (query?: { wilayah?: string }) => withQuery("/daerah", query),
  /** The follow-up list for field staff, as CSV. */
  followUpCsv: (query?: { wilayah?: string; jenis?: string }) => withQuery("/daerah/tindak-lanjut.csv", query),
  /** Flagship products (produk unggulan daerah) the government tags. */
  flagshipProducts: () => "/daerah/produk-unggulan",
} as const;
