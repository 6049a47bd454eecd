// Next's proxy (formerly middleware): a per-request nonce Content-Security-Policy for the pages behind
// sign-in, which render per request anyway (lib/security/headers.ts, issue 11). Next reads the nonce from the
// request's Content-Security-Policy header while rendering and puts it on every script it emits.
//
// It runs only where it must: page paths behind sign-in, and only for requests WITHOUT a body. Next clones a
// request's body for a proxy and reads it to the end before the route sees it (up to
// proxyClientMaxBodySize, and then truncates): a proxy on a body-taking path would undo the body limits of
// the upload and import endpoints and the server actions. Requests with a body (server actions) answer with
// RSC data or the baseline policy of next.config.ts.
import { NextResponse, type NextRequest } from "next/server";
import { isPrivatePath, nonceCsp } from "@/lib/security/headers";

export function proxy(request: NextRequest) {
  if (!isPrivatePath(request.nextUrl.pathname)) return NextResponse.next();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const nonce = btoa(String.fromCharCode(...bytes));
  const csp = nonceCsp(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      source:
        "/(admin|anggota|dasbor|kemitraan|notifikasi|pembiayaan|penawaran|produk|profil-usaha|rfq|papan-rfq|organisasi|klaster|daerah|statistik/kemitraan-ditandai|statistik/indeks-kemitraan)/:path*",
      missing: [
        { type: "header", key: "content-length" },
        { type: "header", key: "transfer-encoding" },
        { type: "header", key: "next-action" },
      ],
    },
    {
      source:
        "/(admin|anggota|dasbor|kemitraan|notifikasi|pembiayaan|penawaran|produk|profil-usaha|rfq|papan-rfq|organisasi|klaster|daerah|statistik/kemitraan-ditandai|statistik/indeks-kemitraan)",
      missing: [
        { type: "header", key: "content-length" },
        { type: "header", key: "transfer-encoding" },
        { type: "header", key: "next-action" },
      ],
    },
  ],
};
