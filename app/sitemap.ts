// /sitemap.xml (issue 17): the public pages only, bounded (lib/seo/sitemap.ts).
import type { MetadataRoute } from "next";
import { sitemapEntries } from "@/lib/seo/sitemap";

export const dynamic = "force-dynamic"; // read from the database at request time, never at build time

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  return sitemapEntries();
}
