import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/next-auth";
import { readBytesLimited } from "@/lib/api/body";
import { isDomainError } from "@/lib/errors";
import { errorResponse } from "@/lib/api/errors";
import { localeFromAcceptLanguage } from "@/lib/i18n/translate";

const handler = NextAuth(authOptions);

/** next-auth's forms (sign-in, sign-out, CSRF) are a few hundred bytes; 64 KB is plenty. */
const MAX_AUTH_BODY_BYTES = 64 * 1024;

type Ctx = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth reads the whole body (req.text()/formData()) itself: read at most MAX_AUTH_BODY_BYTES first
 * (413 payload_too_large past it, declared length or not — issue 11) and hand it a request with those bytes.
 */
async function POST(req: NextRequest, ctx: Ctx) {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = (await readBytesLimited(req, MAX_AUTH_BODY_BYTES)) as Uint8Array<ArrayBuffer>;
  } catch (err) {
    if (isDomainError(err)) return errorResponse(err, { locale: localeFromAcceptLanguage(req.headers.get("accept-language")) });
    throw err;
  }
  return handler(new NextRequest(req.url, { method: req.method, headers: req.headers, body: bytes.byteLength ? bytes : undefined }), ctx);
}

export { handler as GET, POST };
