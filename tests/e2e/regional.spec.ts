// Issue 12 in the browser, one journey: a province government (Jawa Tengah) signs up with its area of authority,
// waits for verification ("menunggu verifikasi"), a platform admin checks the scope in the queue and verifies it,
// the government tags a flagship product (batik tulis, KBLI 13134), sees the badge on the demo batik workshop of
// Kota Pekalongan in the directory filtered by it, and downloads the follow-up CSV for Excel.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, waitForHydration } from "./fixtures";

test("a regional government signs up, is verified, tags a flagship product and downloads the follow-up list", async ({
  page,
  loginAs,
  browser,
}) => {
  test.setTimeout(240_000);
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  const govName = `Dinas KUKM Jawa Tengah Uji ${runId}`;
  const email = `dinas.${runId}@jatengprov.rantai.test`;
  const password = "batik-tulis-kauman-9";

  // --- the government signs up, naming its province --------------------------------------------------------
  const context = await browser.newContext();
  const gov = await context.newPage();
  await gov.goto("/daftar");
  const signUp = gov.locator("form").filter({ has: gov.getByLabel("Nama lengkap") });
  await waitForHydration(signUp);
  await gov.getByLabel("Nama lengkap").fill("Rina Kusuma");
  await gov.getByLabel("Email", { exact: true }).fill(email);
  await gov.getByLabel("Kata sandi", { exact: true }).fill(password);
  await gov.getByLabel("Nama organisasi").fill(govName);
  await gov.getByRole("radio", { name: /^Pemerintah daerah/ }).check();
  await gov.getByRole("radio", { name: "Provinsi", exact: true }).check();
  await gov.getByRole("combobox", { name: "Provinsi" }).selectOption({ label: "Jawa Tengah" });
  await gov.getByRole("button", { name: "Daftar", exact: true }).click();
  await gov.waitForURL(/\/dasbor$/, { timeout: 30_000 });
  await gov.goto("/daerah");
  await expect(gov.getByText("Menunggu verifikasi")).toBeVisible();

  // --- a platform admin sees the scope in the queue and verifies ---------------------------------------------
  await loginAs("admin");
  await page.goto("/admin/verifikasi");
  const row = page.getByRole("listitem").filter({ hasText: govName });
  // (Badge does not pass data-testid on: the scope is found by its text.)
  await expect(row.getByText("Wilayah kewenangan: Provinsi Jawa Tengah", { exact: true })).toBeVisible();
  const verify = row.getByRole("button", { name: `Verifikasi ${govName}` });
  await waitForHydration(verify);
  await verify.click();
  await expect(page.getByRole("listitem").filter({ hasText: govName })).toHaveCount(0, { timeout: 20_000 });

  // --- the government's dashboard opens; it tags a flagship product ------------------------------------------
  await gov.goto("/daerah");
  await expect(gov.getByRole("heading", { level: 1, name: "Provinsi Jawa Tengah" })).toBeVisible();
  await gov.goto("/daerah/produk-unggulan");
  const add = gov.locator("form").filter({ has: gov.getByLabel("Kode KBLI 2020") });
  await waitForHydration(add);
  await add.getByLabel("Nama produk unggulan").fill("Batik tulis Jawa Tengah");
  await add.getByLabel("Kode KBLI 2020").fill("13134");
  await add.getByLabel("Kata kunci").fill("batik tulis");
  await add.getByRole("button", { name: "Tandai" }).click();
  const item = gov.getByTestId("flagship-item").filter({ hasText: "Batik tulis Jawa Tengah" });
  await expect(item).toBeVisible({ timeout: 20_000 });
  await expect(item.getByText(/UMKM cocok/)).toBeVisible();

  // --- the directory, filtered by flagship products, shows the badge on the Pekalongan batik workshop ---------
  await gov.goto("/pemasok?unggulan=1&q=Sekar+Jagad");
  const card = gov.getByRole("article").filter({ hasText: "Sekar Jagad" }).first();
  // The demo's Kota Pekalongan government tags batik too (prisma/seed/demo-clusters.ts): one badge per region.
  const badges = card.getByTestId("flagship-badge");
  await expect(badges.filter({ hasText: /^Produk unggulan Jawa Tengah$/ })).toHaveCount(1);
  await expect(badges.filter({ hasText: /^Produk unggulan Kota Pekalongan$/ })).toHaveCount(1);
  await expect(gov.getByRole("checkbox", { name: "Hanya produk unggulan daerah" })).toBeChecked();

  // --- the follow-up list, for Excel --------------------------------------------------------------------------
  await gov.goto("/daerah");
  const download = gov.waitForEvent("download");
  await gov.getByRole("link", { name: "Unduh CSV (Excel)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^tindak-lanjut-33-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile((await file.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const header = bytes.subarray(3).toString("utf8").split("\r\n")[0];
  expect(header.split(";").slice(0, 3)).toEqual(["Jenis tindak lanjut", "Nama UMKM", "Kabupaten/kota"]);
  await context.close();
});
