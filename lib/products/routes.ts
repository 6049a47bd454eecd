// URLs of the UMKM catalogue pages (/produk) and of a product photo. Build links through these, never by hand.
import { withQuery } from "@/lib/app-url";

const enc = encodeURIComponent;

export const productRoutes = {
  /** The own catalogue; `tab=archived` lists archived products; saved/archived/restored name the product just changed. */
  list: (query?: { tab?: "archived"; saved?: string; archived?: string; restored?: string }) => withQuery("/produk", query),
  create: () => "/produk/baru",
  edit: (id: string) => `/produk/${enc(id)}/ubah`,
  /** A product photo (public while the product is in the catalogue), full size or its thumbnail. */
  image: (productId: string, imageId: string, size: "full" | "thumb" = "full") =>
    withQuery(`/api/v1/products/${enc(productId)}/images/${enc(imageId)}`, { size: size === "thumb" ? "thumb" : undefined }),
} as const;
