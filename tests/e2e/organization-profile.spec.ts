// Issue 16 item 3 on a phone: a new buyer (signed up here, so no other spec's demo names change) is verified by
// the platform admin; on /organisasi/profil it changes its phone (applied at once) and proposes a new name
// (waiting for review, the approved name still shown); the admin approves it on /admin/verifikasi; the new name
// shows on the buyer's profile and dashboard.
import { randomBytes } from "node:crypto";
import { expect, test, waitForHydration } from "./fixtures";

test.use({ viewport: { width: 375, height: 740 } });

test("a buyer edits its contact and proposes a new name; the admin approves; the new name shows", async ({ page, pageAs }) => {
  test.setTimeout(180_000);
  const suffix = randomBytes(3).toString("hex");
  const oldName = `PT Profil Lama ${suffix}`;
  const newName = `PT Profil Baru ${suffix}`;

  await page.goto("/daftar");
  await waitForHydration(page.getByRole("button", { name: "Daftar", exact: true }));
  await page.getByLabel("Nama lengkap").fill("Wulan Pengadaan");
  await page.getByLabel("Email", { exact: true }).fill(`profil-${suffix}@contoh.rantai.test`);
  await page.getByLabel("Kata sandi", { exact: true }).fill("kain-tenun-ikat-77");
  await page.getByLabel("Nama organisasi").fill(oldName);
  await page.getByRole("radio", { name: /^Pembeli/ }).check();
  await page.getByRole("button", { name: "Daftar", exact: true }).click();
  await page.waitForURL(/\/dasbor$/, { timeout: 30_000 });

  const admin = await pageAs("admin");
  await admin.goto("/admin/verifikasi");
  const verify = admin.getByRole("button", { name: `Verifikasi ${oldName}` });
  await waitForHydration(verify);
  await verify.click();
  await expect(verify).toHaveCount(0); // verified: it leaves the queue

  await page.getByRole("link", { name: "Ubah profil organisasi" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Profil organisasi" })).toBeVisible();
  const form = page.getByRole("form", { name: "Profil organisasi" });
  await waitForHydration(form.getByRole("button", { name: "Simpan profil" }));
  await form.getByLabel("Telepon").fill("+62 21 5550 7788");
  await form.getByLabel("Nama organisasi").fill(newName);
  await form.getByRole("button", { name: "Simpan profil" }).click();
  await expect(page.getByText("Disimpan. Perubahan identitas menunggu tinjauan admin platform.")).toBeVisible();

  await page.reload();
  await expect(page.getByText("Perubahan identitas menunggu tinjauan")).toBeVisible();
  await expect(page.getByLabel("Telepon")).toHaveValue("+62 21 5550 7788");
  await expect(page.getByLabel("Nama organisasi")).toHaveValue(oldName); // the approved name, until approved
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await admin.reload(); // (a goto to "#perubahan-profil" on the same page would not load it again)
  const approve = admin.getByRole("button", { name: `Setujui perubahan: ${oldName}` });
  await waitForHydration(approve);
  await approve.click();
  await expect(approve).toHaveCount(0); // decided: it leaves the queue

  await page.goto("/organisasi/profil");
  await expect(page.getByLabel("Nama organisasi")).toHaveValue(newName);
  await expect(page.getByText("Perubahan identitas menunggu tinjauan")).toHaveCount(0);
  await page.goto("/dasbor");
  await expect(page.getByRole("heading", { name: newName })).toBeVisible();
});
