// The app is up, speaks Bahasa Indonesia by default, and reaches its database.
import { expect, test } from "./fixtures";

test("the landing page loads in Bahasa Indonesia", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await expect(page).toHaveTitle(/Rantai/);
});

test("/api/health reports the app and its database ok", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});

// Issue 11: security headers on every kind of response (ADR "security headers"). Header checks only — the
// browser-side proof that the policy breaks nothing is the CSP-violation watch in fixtures.ts, on every spec.
test("every response carries the security headers: pages, API, static files, uploaded documents", async ({ page, loginAs }) => {
  const expectSecure = (headers: Record<string, string>, what: string) => {
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, what).toContain("frame-ancestors 'none'");
    expect(csp, what).toContain("object-src 'none'");
    expect(headers["x-frame-options"], what).toBe("DENY");
    expect(headers["x-content-type-options"], what).toBe("nosniff");
    expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], what).toContain("camera=()");
    // served over plain HTTP here: no HSTS
    expect(headers["strict-transport-security"], what).toBeUndefined();
  };
  const landing = await page.goto("/");
  expectSecure(landing!.headers(), "landing page");
  const api = await page.request.get("/api/v1/reference/regions");
  expectSecure(api.headers(), "API");
  const script = await page.locator("script[src^='/_next/static/']").first().getAttribute("src");
  expectSecure((await page.request.get(script!)).headers(), "static file");
  // Behind a TLS-terminating proxy (X-Forwarded-Proto: https): HSTS.
  const https = await page.request.get("/", { headers: { "x-forwarded-proto": "https" } });
  expect(https.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");

  // A page behind sign-in (the award, accept, financing and verification buttons live there): a nonce
  // policy on top — an injected inline script without this response's nonce does not run.
  await loginAs("umkm");
  const profile = await page.goto("/profil-usaha");
  const headers = profile!.headers();
  expectSecure(headers, "signed-in page");
  expect(headers["content-security-policy"]).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  const doc = await page.locator("a[href^='/api/files/']").first().getAttribute("href");
  const download = await page.request.get(doc!);
  expect(download.status()).toBe(200);
  expectSecure(download.headers(), "uploaded document");
});
