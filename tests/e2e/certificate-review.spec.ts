// Issue 16, on a phone: the demo UMKM (verified) adds a certificate, which waits for review instead of staying
// unverified for good; a platform admin approves it from /admin/sertifikat; the UMKM then sees it verified.
// Uses its own certificate so the demo data other specs read stays as it was.
import { randomInt } from "node:crypto";
import { expect, test, waitForHydration } from "./fixtures";

test.use({ viewport: { width: 375, height: 740 } });

test("an UMKM's new certificate is approved from the admin queue and shows as verified", async ({ page, loginAs, pageAs }) => {
  await loginAs("umkm");
  await page.goto("/profil-usaha/langkah/sertifikat");
  const number = `ISO-E2E-${randomInt(1e5, 1e6)}`;
  const addCard = page.locator("form").filter({ has: page.getByRole("button", { name: "Simpan sertifikat" }) });
  await waitForHydration(addCard);
  await addCard.getByLabel("Jenis sertifikat").selectOption("iso9001");
  await addCard.getByLabel("Nomor sertifikat").fill(number);
  await addCard.getByLabel("Berlaku mulai").fill("2025-01-01");
  await addCard.getByLabel("Berlaku sampai").fill("2028-12-31");
  await addCard.getByRole("button", { name: "Simpan sertifikat" }).click();
  await expect(page.getByText("Sertifikat tersimpan.")).toBeVisible({ timeout: 20_000 });
  const item = page.getByRole("listitem").filter({ hasText: number });
  await expect(item).toContainText("Menunggu verifikasi");
  await expect(item).toContainText("Menunggu peninjauan admin Rantai");

  // The admin finds it in the queue (oldest first: it is the newest, so page on until it shows).
  const admin = await pageAs("admin");
  await admin.goto("/admin/sertifikat");
  await expect(admin.getByRole("heading", { level: 1, name: "Sertifikat menunggu peninjauan" })).toBeVisible();
  const card = admin.getByRole("listitem").filter({ hasText: number });
  for (let i = 0; i < 20 && (await card.count()) === 0; i++) {
    await admin.getByRole("link", { name: "Halaman berikutnya" }).click();
    await admin.waitForLoadState("domcontentloaded");
  }
  await expect(card).toContainText("CV Batik Sekar Jagad");
  const approve = card.getByRole("button", { name: /^Setujui sertifikat/ });
  await waitForHydration(approve);
  await approve.click();
  // Confirmed in place, then the queue re-renders without it.
  await expect
    .poll(async () => (await card.count()) === 0 || (await card.getByText("Sertifikat disetujui.").count()) > 0, { timeout: 20_000 })
    .toBe(true);

  // The UMKM sees it verified.
  await page.reload();
  await expect(page.getByRole("listitem").filter({ hasText: number })).toContainText("Terverifikasi");
  await expect(page.getByRole("listitem").filter({ hasText: number })).toContainText("Diverifikasi");
});
