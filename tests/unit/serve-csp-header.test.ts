// Next takes a page's script nonce from the request's Content-Security-Policy header (proxy.ts sets it for the
// signed-in areas). The server drops any such header a client sends, so no visitor can choose the nonce written
// into a page — and, through the public page cache, into the pages other visitors get.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPeerServer, newPeerKey } from "@/scripts/serve";

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = createPeerServer((req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(
      JSON.stringify({
        csp: req.headers["content-security-policy"] ?? null,
        reportOnly: req.headers["content-security-policy-report-only"] ?? null,
        raw: req.rawHeaders.filter((_, i) => i % 2 === 0).map((h) => h.toLowerCase()),
      }),
    );
  }, newPeerKey());
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe("a client's Content-Security-Policy request header", () => {
  it("never reaches the app", async () => {
    const res = await fetch(`${base}/tentang-data`, {
      headers: {
        "Content-Security-Policy": "script-src 'nonce-QVRUQUNLRVI='",
        "Content-Security-Policy-Report-Only": "script-src 'nonce-QVRUQUNLRVI='",
      },
    });
    const seen = (await res.json()) as { csp: string | null; reportOnly: string | null; raw: string[] };
    expect(seen.csp).toBeNull();
    expect(seen.reportOnly).toBeNull();
    expect(seen.raw).not.toContain("content-security-policy");
    expect(seen.raw).not.toContain("content-security-policy-report-only");
  });
});
