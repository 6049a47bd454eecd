// Issue 3, cooperatives: the demo cooperative lists its member UMKM at /anggota, downloads the CSV template,
// imports a small file with one bad row at /anggota/impor (progress, then a per-row error report), and a
// re-upload of the corrected file updates the same UMKM by NIB instead of adding duplicates.
//
// Claiming an invitation (/klaim/[token]) is not driven here: the token exists only in the emailed link and
// the e2e server's embedded database cannot be opened by a second process, so
// tests/integration/coop-claim.integration.test.ts drives the claim with the token from the outbox.
import { randomInt } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test, waitForHydration } from "./fixtures";

const HEADER =
  "nama_usaha,nib,npwp,bentuk_usaha,kode_kabupaten,kbli,modal_usaha,omzet_tahunan,jumlah_karyawan,email_pemilik,nama_pemilik,nomor_anggota";

function nib(): string {
  return "9" + String(randomInt(0, 1e12)).padStart(12, "0");
}

async function upload(page: Page, csv: string) {
  const form = page.locator("form").filter({ has: page.getByLabel("Berkas CSV") });
  await waitForHydration(form);
  await page.getByLabel("Berkas CSV").setInputFiles({ name: "anggota.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "Impor", exact: true }).click();
}

test("a cooperative imports members from CSV with an error report, and a re-upload updates by NIB", async ({ page, loginAs }) => {
  await loginAs("koperasi");
  await page.goto("/anggota");
  await expect(page.getByRole("heading", { name: "Anggota koperasi" })).toBeVisible();
  // Size classes in words (issue 17), never the raw enum value.
  await expect(page.locator("td", { hasText: /^(Mikro|Kecil|Menengah|Besar)$/ }).first()).toBeVisible();
  await expect(page.locator("td", { hasText: /^(mikro|kecil|menengah|besar)$/ })).toHaveCount(0);
  await page.getByRole("link", { name: "Impor dari CSV" }).click();
  await expect(page).toHaveURL(/\/anggota\/impor$/);

  // The template: the column row and an example row.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Unduh templat CSV" }).click()]);
  const template = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  // Excel in an Indonesian locale (issue 17): ";" between cells; the importer reads either separator.
  expect(template.replace(/^\uFEFF/, "").split(/\r?\n/)[0]).toBe(HEADER.replaceAll(",", ";"));

  const run = String(randomInt(1e5, 1e6));
  const a = { nib: nib(), name: `Keripik Tempe Bu Ani ${run}` };
  const b = { nib: nib(), name: `Tenun Ikat Pak Yosef ${run}` };
  const rows = (aName: string, kbliOfBad: string) => [
    HEADER,
    `${aName},${a.nib},,ud,33.75,10799,50000000,240000000,4,,,A-${run}-1`,
    `${b.name},${b.nib},,perorangan,53.71,13121,,,2,,,A-${run}-2`,
    `Bordir Salah Kode ${run},${nib()},,ud,33.75,${kbliOfBad},,,1,,,A-${run}-3`,
  ];

  // First upload: two good rows, one with a KBLI code that does not exist (row 4 of the file).
  await upload(page, rows(a.name, "99999").join("\n"));
  const summary = page.getByRole("status").filter({ hasText: "Selesai" }).first();
  await expect(summary).toContainText("2 tersimpan (2 baru, 0 diperbarui), 1 baris salah", { timeout: 30_000 });
  await expect(page.getByRole("progressbar", { name: "Kemajuan impor" })).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByText("3 dari 3 baris diproses: 2 tersimpan, 1 salah.")).toBeVisible();
  await expect(summary).toContainText("Baris 4, kolom kbli:");
  await expect(summary).toContainText("Kode KBLI tidak ada di KBLI 2020.");
  await expect(summary.getByRole("link", { name: /Unduh laporan kesalahan/ })).toBeVisible();

  // Second upload of the corrected file, with a renamed business: updates by NIB, adds only the fixed row.
  const renamed = `Keripik Tempe Bu Ani Jaya ${run}`;
  await upload(page, rows(renamed, "14302").join("\n"));
  await expect(summary).toContainText("3 tersimpan (1 baru, 2 diperbarui), 0 baris salah", { timeout: 30_000 });

  // The member list: one row for the renamed NIB, none under the old name.
  await page.goto(`/anggota?q=${a.nib}`);
  const table = page.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(2); // header + one member
  await expect(table).toContainText(renamed);
  await page.goto(`/anggota?q=${encodeURIComponent(run)}`);
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(4); // header + three members
});
