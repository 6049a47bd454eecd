// GET /api/v1/suppliers: the public supplier directory, the same search as /pemasok
// (lib/suppliers/search.ts; docs/decisions/0006-directory-search.md).
import { apiRoute } from "@/lib/api/route";
import { SupplierPageSchema } from "@/lib/suppliers/responses";
import { searchSuppliers } from "@/lib/suppliers/search";
import { supplierSearchQuery } from "@/lib/suppliers/search-query";

export const GET = apiRoute(
  {
    auth: "none",
    query: supplierSearchQuery,
    openapi: {
      method: "get",
      path: "/api/v1/suppliers",
      summary: "Search the supplier directory",
      description:
        "UMKM suppliers matching every word of `q` in their name, description, products or KBLI (typos are corrected, " +
        'longer words match as prefixes), filtered by `kbli` (section letter or 2–5-digit code), `province` ("33"), ' +
        '`regency` ("33.75"), `sizeClass`, `certification` (comma-separated; each held and valid today), `minTkdn` ' +
        "(a valid TKDN certificate with at least this percentage), `verified=true` and `flagship=true` (suppliers matching a " +
        "flagship product — produk unggulan daerah — that their region's verified government tagged; each item lists them in " +
        "`flagships`). `sort`: relevance (default with `q`), " +
        "name (default without), newest. When no supplier matches every word, the suppliers matching any of them, most " +
        "words first, with `partialMatch: true` (its pages keep it). `total`: how many match, counted up to 1,000 " +
        "(`capped: true` when there are more).",
      tags: ["Suppliers"],
      responses: { 200: { description: "A page of suppliers", schema: SupplierPageSchema } },
    },
  },
  async ({ query }) => {
    const page = await searchSuppliers(query);
    return { data: page.data, nextCursor: page.nextCursor, partialMatch: page.partialMatch, total: page.total };
  },
);
