// Issue 16 item 2, on a phone: a user who forgot their password asks for a link on the sign-in page, the
// link is read from the e-mail outbox (the platform admin's /admin/kotak-keluar: no SMTP in the e2e server),
// the new password is set on the link's page, and the user signs in with it. Then: a signed-in user changes
// their password on the dashboard and this browser stays signed in (the form signs in again under the new
// session version). Fresh accounts, so no other spec's demo password changes.
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

// Fresh accounts per test: the two workers may share them.
test.describe.configure({ mode: "parallel" });

test.use({ viewport: { width: 390, height: 844 } });

test("a forgotten password is reset from the e-mail in the outbox, then the new one signs in", async ({ page, pageAs }) => {
  const email = `e2e-lupa-${Date.now()}-${randomBytes(3).toString("hex")}@contoh.rantai.test`;
  const registered = await page.request.post("/api/v1/auth/register", {
    data: { email, password: "sandi-lama-lupa-2026", name: "Rina Lupa", organization: { name: "CV Rina Tenun", type: "umkm" } },
  });
  expect(registered.status()).toBe(201);

  await page.goto("/masuk");
  await page.getByRole("link", { name: "Lupa kata sandi?" }).click();
  await expect(page).toHaveURL(/\/lupa-sandi$/);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Kirim tautan" }).click();
  await expect(page.getByText("Periksa email Anda")).toBeVisible();

  const admin = await pageAs("admin");
  await admin.goto("/admin/kotak-keluar");
  const mail = admin.getByTestId("outbox-row").filter({ hasText: email }).filter({ hasText: "Atur ulang kata sandi Rantai" });
  const text = (await mail.locator("pre").textContent()) ?? "";
  const link = text.match(/https?:\/\/\S+\/atur-ulang-sandi#token=[A-Za-z0-9_-]+/)?.[0];
  expect(link, text).toBeTruthy();

  const url = new URL(link!);
  await page.goto(`${url.pathname}${url.hash}`);
  await page.getByLabel("Kata sandi baru").fill("sandi-baru-ingat-2027");
  await page.getByRole("button", { name: "Simpan kata sandi baru" }).click();
  await expect(page.getByText("Kata sandi Anda sudah diganti")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await page.getByRole("main").getByRole("link", { name: "Masuk", exact: true }).click();
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Kata sandi", { exact: true }).fill("sandi-baru-ingat-2027");
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await page.waitForURL(/\/dasbor$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Halo, Rina Lupa" })).toBeVisible();
});

test("the reset pages pass axe (WCAG 2.1 A/AA) on a phone; a link without its token says what to do", async ({ page }) => {
  for (const path of ["/lupa-sandi", "/atur-ulang-sandi"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    if (path === "/atur-ulang-sandi") await expect(page.getByText(/Tautan ini tidak lengkap/)).toBeVisible();
    const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(result.violations.map((v) => `${path}: ${v.id} — ${v.help}`)).toEqual([]);
  }
});

test("a signed-in user changes their password on the dashboard and stays signed in", async ({ page }) => {
  const email = `e2e-ubah-${Date.now()}-${randomBytes(3).toString("hex")}@contoh.rantai.test`;
  const registered = await page.request.post("/api/v1/auth/register", {
    data: { email, password: "sandi-lama-ubah-2026", name: "Dewi Ubah", organization: { name: "CV Dewi Anyaman", type: "umkm" } },
  });
  expect(registered.status()).toBe(201);
  await page.goto("/masuk");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Kata sandi", { exact: true }).fill("sandi-lama-ubah-2026");
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await page.waitForURL(/\/dasbor$/, { timeout: 30_000 });

  const card = page.locator("section").filter({ has: page.getByRole("heading", { name: "Ubah kata sandi" }) });
  await card.getByLabel("Kata sandi saat ini").fill("sandi-lama-ubah-2026");
  await card.getByLabel("Kata sandi baru").fill("sandi-baru-ubah-2027");
  await card.getByRole("button", { name: "Ubah kata sandi" }).click();
  await expect(card.getByText("Kata sandi sudah diganti. Sesi lain dan token API Anda telah diakhiri.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Halo, Dewi Ubah" })).toBeVisible();
});
