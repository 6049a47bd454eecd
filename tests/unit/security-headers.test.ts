// The security headers' configuration (issue 11): every path gets the baseline, HTTPS requests get HSTS, and
// the proxy's nonce policy covers exactly the pages behind sign-in and never a request with a body.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { config as proxyConfig, proxy } from "@/proxy";
import { baselineCsp, isPrivatePath, nonceCsp, PRIVATE_PATH_PREFIXES } from "@/lib/security/headers";
import { NextRequest } from "next/server";

const directives = (csp: string) =>
  Object.fromEntries(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k, v.join(" ")]),
  );

describe("security headers", () => {
  it("every path gets CSP (frame-ancestors 'none'), X-Frame-Options, nosniff, Referrer-Policy, Permissions-Policy; HSTS only with X-Forwarded-Proto https", async () => {
    const rules = await nextConfig.headers!();
    const all = rules.find((r) => r.source === "/:path*" && !r.has)!;
    const byKey = Object.fromEntries(all.headers.map((h) => [h.key, h.value]));
    expect(directives(byKey["Content-Security-Policy"])).toMatchObject({
      "frame-ancestors": "'none'",
      "object-src": "'none'",
      "base-uri": "'self'",
      "form-action": "'self'",
      "default-src": "'self'",
    });
    expect(byKey).toMatchObject({
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
    expect(byKey["Permissions-Policy"]).toContain("geolocation=()");
    expect(byKey["Strict-Transport-Security"]).toBeUndefined();
    const https = rules.find((r) => r.has?.some((h) => h.type === "header" && h.key === "x-forwarded-proto" && h.value === "https"))!;
    expect(https.source).toBe("/:path*");
    expect(https.headers).toEqual([{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }]);
  });

  it("the baseline allows no eval in production; the nonce policy requires the nonce for scripts", () => {
    expect(directives(baselineCsp())["script-src"]).not.toContain("unsafe-eval");
    expect(directives(nonceCsp("abc"))["script-src"]).toContain("'nonce-abc' 'strict-dynamic'");
    expect(directives(nonceCsp("abc"))["frame-ancestors"]).toBe("'none'");
  });

  it("the proxy runs on every page behind sign-in, only without a body, and puts its nonce in request and response", () => {
    for (const prefix of PRIVATE_PATH_PREFIXES) {
      expect(fs.existsSync(path.join(process.cwd(), "app", prefix.slice(1))), prefix).toBe(true);
      for (const m of proxyConfig.matcher)
        expect(
          m.source.includes(`|${prefix.slice(1)}|`) ||
            m.source.includes(`(${prefix.slice(1)}|`) ||
            m.source.includes(`|${prefix.slice(1)})`),
          `${prefix} in ${m.source}`,
        ).toBe(true);
    }
    for (const m of proxyConfig.matcher)
      expect(m.missing.map((h) => h.key).sort()).toEqual(["content-length", "next-action", "transfer-encoding"]);
    expect(isPrivatePath("/rfq/abc/bandingkan")).toBe(true);
    // Issue 16: the team page (role changes, invitations) and the organization profile are behind sign-in too.
    expect(isPrivatePath("/organisasi/anggota")).toBe(true);
    expect(isPrivatePath("/organisasi/profil")).toBe(true);
    expect(isPrivatePath("/statistik")).toBe(false);
    expect(isPrivatePath("/rfqx")).toBe(false);

    const res = proxy(new NextRequest("http://localhost/kemitraan/abc"));
    const csp = res.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(nonce.length).toBeGreaterThanOrEqual(22);
    expect(res.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(proxy(new NextRequest("http://localhost/statistik")).headers.get("content-security-policy")).toBeNull();
  });
});
