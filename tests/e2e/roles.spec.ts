// Every demo role, signed in (its session from sessions.setup.ts: signed in once through the real sign-in
// endpoint), sees its own dashboard; pages and actions of another role are not reachable (404, as for
// anything that is not yours); the API issues tokens. The sign-in form's journeys (sign up, sign out and in,
// a wrong password, back to the page that asked for it) are in auth.spec.ts.
import { expect, test, type DemoRole } from "./fixtures";

// Independent read-only checks: both workers share them.
test.describe.configure({ mode: "parallel" });

const ORGANIZATIONS: Record<DemoRole, string> = {
  admin: "Rantai",
  umkm: "CV Batik Sekar Jagad",
  umkm2: "UD Logam Presisi Tegal",
  buyer: "PT Energi Nusantara (Persero)",
  buyer2: "PT Garuda Otomotif Manufaktur",
  koperasi: "Koperasi Produsen Batik Sekar Pesisir",
  kementerian: "Kementerian Usaha Mikro, Kecil, dan Menengah",
  bank: "PT Bank Mitra Usaha Nusantara",
  klaster: "Asosiasi IKM Komponen Kendaraan Listrik Jawa Barat",
  pemprov: "Dinas Koperasi dan UKM Provinsi Jawa Timur",
  pemkab: "Dinas Perdagangan, Koperasi dan UKM Kota Pekalongan",
};

for (const role of Object.keys(ORGANIZATIONS) as DemoRole[]) {
  test(`${role} sees the dashboard of ${ORGANIZATIONS[role]}`, async ({ page, loginAs }) => {
    await loginAs(role);
    const response = await page.goto("/dasbor");
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(/\/dasbor$/);
    await expect(page.locator("main")).toContainText(ORGANIZATIONS[role]);
    // The members list and the API tokens panel exist for every organization.
    await expect(page.getByRole("heading", { name: /Anggota/i }).first()).toBeVisible();
    await expect(page.getByRole("heading", { name: /Token API/i }).first()).toBeVisible();
  });
}

test("the two buyers see their own RFQs, never each other's", async ({ page, loginAs, pageAs }) => {
  await loginAs("buyer");
  await page.goto("/rfq");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const energyTitles = await page.locator("tbody th[scope=row] > a").allInnerTexts();
  expect(energyTitles.length).toBeGreaterThan(0);

  const other = await pageAs("buyer2");
  await other.goto("/rfq");
  const autoTitles = await other.locator("tbody th[scope=row] > a").allInnerTexts();
  expect(autoTitles.length).toBeGreaterThan(0);
  expect(autoTitles.filter((t) => energyTitles.includes(t))).toEqual([]);
});

test("an UMKM owner cannot reach buyer-only or admin-only pages", async ({ page, loginAs }) => {
  await loginAs("umkm");
  for (const path of ["/rfq", "/admin/verifikasi"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});

test("a buyer cannot reach UMKM-only or admin-only pages", async ({ page, loginAs }) => {
  await loginAs("buyer");
  for (const path of ["/profil-usaha", "/admin/verifikasi"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});

test("the API issues a token for a demo account that /api/v1/me accepts", async ({ request }) => {
  const bad = await request.post("/api/v1/auth/token", { data: { email: "buyer@demo.rantai.id", password: "nope-nope-nope" } });
  expect(bad.status()).toBe(401);
  expect((await bad.json()).error.code).toBe("unauthorized");

  const malformed = await request.post("/api/v1/auth/token", { headers: { "content-type": "application/json" }, data: "{oops" });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.code).toBe("invalid_input");

  const res = await request.post("/api/v1/auth/token", { data: { email: "buyer@demo.rantai.id", password: "rantai-demo" } });
  expect(res.status()).toBe(200);
  const { token } = await res.json();
  const me = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  const body = await me.json();
  expect(body.user.email).toBe("buyer@demo.rantai.id");
  expect(body.organizations).toEqual([expect.objectContaining({ name: "PT Energi Nusantara (Persero)", type: "buyer", role: "owner" })]);
});
