// /robots.txt (issue 17): crawlers may read the public pages; everything behind sign-in is disallowed. The
// list and the sitemap's address come from lib/seo/sitemap.ts and the configured public URL.
import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/app-url";
import { PRIVATE_PATHS } from "@/lib/seo/sitemap";

export const dynamic = "force-dynamic"; // the public URL is configuration read at run time

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: [...PRIVATE_PATHS] },
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
