import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { ACTION_BODY_LIMIT } from "./lib/files/limits";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "@prisma/schema-engine-wasm"],
  poweredByHeader: false,
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
