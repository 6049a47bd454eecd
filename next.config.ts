import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { ACTION_BODY_LIMIT } from "./lib/files/limits";
import { HSTS_VALUE, securityHeaders } from "./lib/security/headers";
import { legacySupplierRedirects } from "./lib/suppliers/routes";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "@prisma/schema-engine-wasm"],
  poweredByHeader: false,
  // Next's in-memory cache of rendered pages and fetches (default 50 MB per process): each worker keeps its own
  // copy and its V8 heap is capped (scripts/start.ts, issue 14: < 512 MB RSS per worker), so hold it to 32 MB.
  cacheMaxMemorySize: 32 * 1024 * 1024,
  // Security headers on every response: pages, API, /_next/static, public files, downloads (issue 11,
  // lib/security/headers.ts). HSTS only when the request reached us over HTTPS, as the TLS-terminating proxy
  // says in X-Forwarded-Proto (browsers ignore HSTS on plain-HTTP responses, so a forged header gains
  // nothing). proxy.ts adds a nonce-based policy to the pages behind sign-in.
  async headers() {
    const dev = process.env.NODE_ENV === "development";
    return [
      { source: "/:path*", headers: securityHeaders(dev) },
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: HSTS_VALUE }],
      },
    ];
  },
  // Renamed pages: the old paths answer 308 with the new one, query string kept (lib/suppliers/routes.ts).
  async redirects() {
    return [...legacySupplierRedirects];
  },
  typedRoutes: false,
  experimental: {
    // Certificate documents, RFQ/quote attachments (≤ 5 MB each, lib/files/upload.ts) and product photos go
    // through server actions; the form's other fields and multipart overhead need a little more than one file.
    // Next stops reading an action body at this limit (declared length or not); the forms check the total in
    // the browser first so that the user gets a clear message (lib/files/limits.ts, issue 11).
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT },
  },
};

export default withNextIntl(nextConfig);
