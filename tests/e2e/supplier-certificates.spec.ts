// Issue 3, certificates: an UMKM owner adds a certificate, corrects it through the list's "Ubah" form (same
// fields and validation as adding; a refused change shows the error and keeps the old values), then deletes
// it after confirming. Uses its own certificate so the demo data other specs read stays as it was.
import { randomInt } from "node:crypto";
import { expect, test, waitForHydration } from "./fixtures";

test("an UMKM edits and deletes a certificate from the certificate step", async ({ page, loginAs }) => {
  await loginAs("umkm");
  await page.goto("/profil-usaha/langkah/sertifikat");
  const number = `SNI-E2E-${randomInt(1e5, 1e6)}`;

  // Add one (type SNI, with an end date).
  const addCard = page.locator("form").filter({ has: page.getByRole("button", { name: "Simpan sertifikat" }) });
  await waitForHydration(addCard);
  await addCard.getByLabel("Jenis sertifikat").selectOption("sni");
  await addCard.getByLabel("Nomor sertifikat").fill(number);
  await addCard.getByLabel("Berlaku mulai").fill("2025-01-01");
  await addCard.getByLabel("Berlaku sampai").fill("2028-12-31");
  await addCard.getByRole("button", { name: "Simpan sertifikat" }).click();
  await expect(page.getByText("Sertifikat tersimpan.")).toBeVisible({ timeout: 20_000 });

  // Open its edit form.
  const item = page.getByRole("listitem").filter({ hasText: number });
  await item.getByText("Ubah", { exact: true }).click();
  const edit = item.locator("form").filter({ has: page.getByRole("button", { name: "Simpan perubahan" }) });
  await waitForHydration(edit);
  await expect(edit.getByLabel("Nomor sertifikat")).toHaveValue(number);
  await expect(edit.getByLabel("Berlaku sampai")).toHaveValue("2028-12-31");

  // A refused change: the end date before the start. The list keeps the old values.
  await edit.getByLabel("Berlaku sampai").fill("2024-06-30");
  await edit.getByRole("button", { name: "Simpan perubahan" }).click();
  await expect(edit.getByRole("alert").first()).toBeVisible();
  await expect(item).toContainText("31 Desember 2028");

  // A valid change.
  const corrected = `${number}-REV`;
  await edit.getByLabel("Nomor sertifikat").fill(corrected);
  await edit.getByLabel("Berlaku sampai").fill("2029-06-30");
  await edit.getByRole("button", { name: "Simpan perubahan" }).click();
  await expect(page.getByText(/Perubahan tersimpan/)).toBeVisible();
  const updated = page.getByRole("listitem").filter({ hasText: corrected });
  await expect(updated).toContainText("30 Juni 2029");
  // The demo UMKM is verified: a changed certificate waits for a platform admin (issue 16).
  await expect(updated).toContainText("Menunggu verifikasi");

  // Delete, after confirming.
  page.once("dialog", (d) => void d.accept());
  await updated.getByRole("button", { name: `Hapus sertifikat SNI ${corrected}` }).click();
  await expect(page.getByRole("listitem").filter({ hasText: corrected })).toHaveCount(0);
});
