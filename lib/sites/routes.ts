// URLs of the industrial estate / UMKM centre pages (/kawasan, issue 12). Build links through these.
import { withQuery } from "@/lib/app-url";

const enc = encodeURIComponent;

export const siteRoutes = {
  list: (query?: { q?: string; jenis?: string; provinsi?: string }) => withQuery("/kawasan", query),
  detail: (id: string) => `/kawasan/${enc(id)}`,
  /** Platform administration of the reference list. */
  admin: () => "/admin/kawasan",
  adminNew: () => "/admin/kawasan/baru",
  adminEdit: (id: string) => `/admin/kawasan/${enc(id)}`,
} as const;
