// URLs of the UMKM catalogue pages (/produk). Build links through these, never by hand.
import { withQuery } from "@/lib/app-url";

const enc = encodeURIComponent;

export const productRoutes = {
  list: (query?: { tab?: "archived"; saved?: string }) => withQuery("/produk", query),
  create: () => "/produk/baru",
  edit: (id: string) => `/produk/${enc(id)}/ubah`,
} as const;
