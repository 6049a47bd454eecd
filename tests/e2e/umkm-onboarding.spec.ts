// Issue 3, "Done when": a new UMKM owner signs up on a phone, completes the profile with valid identifiers
// (NIB, NPWP with its check digit), province → regency, a KBLI code, capital and sales, adds a halal
// certificate with its PDF, submits for verification, adds three products and finds the business in the
// public directory by a misspelled product word. Everything through the UI, 390 × 844 like a common phone.
//
// A just-onboarded UMKM is not verified yet (it waits for an admin); the directory lists unverified
// suppliers unless "Hanya yang terverifikasi" is ticked (lib/suppliers/search.ts), so it shows up by default.
import { randomBytes, randomInt } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test, waitForHydration } from "./fixtures";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/** Luhn check digit that makes `digits + d` pass the Luhn test. */
function luhnCheckDigit(digits: string): string {
  for (let d = 0; d <= 9; d++) {
    const s = digits + d;
    let sum = 0;
    for (let i = s.length - 1, double = false; i >= 0; i--, double = !double) {
      let n = s.charCodeAt(i) - 48;
      if (double) {
        n *= 2;
        if (n > 9) n -= 9;
      }
      sum += n;
    }
    if (sum % 10 === 0) return String(d);
  }
  throw new Error("unreachable");
}

/** Lower-case letters only (the directory's typo correction works on alphanumeric vocabulary words). */
function letters(n: number, length: number): string {
  let s = "";
  for (let i = 0; i < length; i++) {
    s += String.fromCharCode(97 + (n % 26));
    n = Math.floor(n / 26);
  }
  return s;
}

const runNumber = Date.now() * 1000 + randomInt(1000);
const runId = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
// A word no other business has: "kriya" + 6 letters of this run. The search types it without the "y".
const tagLetters = letters(Math.floor(runNumber / 7) + randomInt(1_000_000), 6);
const productWord = `kriya${tagLetters}`;
const misspelled = `kria${tagLetters}`;
const ProductWord = productWord[0].toUpperCase() + productWord.slice(1);

const businessName = `Batik Lestari ${runId}`;
const email = `e2e-onb-${runId}@contoh.rantai.test`;
const password = "batik-lestari-2026";
// NIB: 13 digits, unique per run (the column is unique).
const nib = `8${String(Date.now()).slice(-9)}${String(randomInt(1000)).padStart(3, "0")}`;
// NPWP (entity, 16 digits): "0" + old 15 digits = 8-digit serial + its Luhn check digit + KPP "412" + "000".
const serial = String(randomInt(10_000_000, 100_000_000));
const npwp = `0${serial}${luhnCheckDigit(serial)}412000`;
const npwpPrinted = `0${npwp.slice(1, 3)}.${npwp.slice(3, 6)}.${npwp.slice(6, 9)}.${npwp.slice(9, 10)}-${npwp.slice(10, 13)}.${npwp.slice(13)}`;
const certNumber = `ID33110000${String(randomInt(1e8)).padStart(8, "0")}`;

const STEP = (step: string) => new RegExp(`/profil-usaha/langkah/${step}(?:\\?|$)`);

/** Waits for the step's save form to hydrate (a click before that would do a native form post). */
async function hydratedForm(page: Page, buttonName: string) {
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: buttonName }) });
  await waitForHydration(form);
  return form;
}

test("a new UMKM signs up on a phone, completes its profile, adds a certificate and three products, and finds itself by a misspelled product word", async ({
  page,
}) => {
  test.setTimeout(180_000);

  // 1. Sign up as an UMKM.
  await page.goto("/daftar");
  await waitForHydration(page.locator("form").filter({ has: page.getByRole("button", { name: "Daftar", exact: true }) }));
  await page.getByLabel("Nama lengkap").fill("Rina Wulandari");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Kata sandi", { exact: true }).fill(password);
  await page.getByLabel("Nama organisasi").fill(businessName);
  await page.getByRole("radio", { name: /^UMKM/ }).check();
  await page.getByRole("button", { name: "Daftar", exact: true }).click();
  await page.waitForURL(/\/dasbor$/, { timeout: 30_000, waitUntil: "commit" });
  await expect(page.getByRole("heading", { level: 1, name: "Halo, Rina Wulandari" })).toBeVisible();

  // 2. Onboarding, from the profile overview.
  await page.goto("/profil-usaha");
  await page.getByRole("link", { name: "Mulai isi profil" }).click();
  await expect(page).toHaveURL(STEP("identitas"));

  // identitas
  await hydratedForm(page, "Simpan dan lanjut");
  await expect(page.getByLabel("Nama usaha")).toHaveValue(businessName);
  await page.getByLabel("Bentuk usaha").selectOption({ label: "CV" });
  await page.getByLabel("NIB (Nomor Induk Berusaha)").fill(nib);
  await page.getByLabel("NPWP").fill(npwp);
  await expect(page.getByText(`NPWP valid, disimpan sebagai ${npwpPrinted}.`)).toBeVisible();
  await page.getByLabel("Tentang usaha").fill("Batik tulis dan cap Pekalongan, pewarna alam, melayani pesanan seragam.");
  await page.getByRole("button", { name: "Simpan dan lanjut" }).click();
  await expect(page).toHaveURL(STEP("lokasi"), { timeout: 20_000 });

  // lokasi: province → regency
  await hydratedForm(page, "Simpan dan lanjut");
  await page.getByLabel("Provinsi").selectOption({ label: "Jawa Tengah" });
  await page.getByLabel("Kabupaten/kota").selectOption({ label: "Kota Pekalongan" });
  await page.getByLabel("Alamat usaha").fill("Jl. Hayam Wuruk 12, Pekalongan");
  await page.getByRole("button", { name: "Simpan dan lanjut" }).click();
  await expect(page).toHaveURL(STEP("bidang"), { timeout: 20_000 });

  // bidang: search KBLI, add 13134
  await hydratedForm(page, "Simpan dan lanjut");
  await waitForHydration(page.getByRole("search"));
  await page.getByRole("searchbox", { name: "Cari KBLI" }).fill("13134");
  await page.getByRole("button", { name: "Cari", exact: true }).click();
  const offered = page.locator("#kbli-add-13134");
  await expect(offered).toBeVisible();
  // Ticking a result moves it to the chosen codes (the first is the primary one).
  await offered.click();
  const chosen = page.getByRole("checkbox", { name: "Hapus 13134" });
  await expect(chosen).toBeChecked();
  await page.getByRole("button", { name: "Simpan dan lanjut" }).click();
  await expect(page).toHaveURL(STEP("skala"), { timeout: 20_000 });

  // skala: capital and annual sales in Rupiah → mikro
  await hydratedForm(page, "Simpan dan lanjut");
  await page.getByLabel("Modal usaha (Rp)").fill("150.000.000");
  await page.getByLabel("Penjualan setahun (Rp)").fill("480.000.000");
  await expect(page.getByText("Usaha mikro: modal sampai Rp1 miliar atau penjualan setahun sampai Rp2 miliar.")).toBeVisible();
  await page.getByLabel("Jumlah tenaga kerja").fill("6");
  await page.getByLabel("Tahun berdiri").fill("2015");
  await page.getByRole("button", { name: "Simpan dan lanjut" }).click();
  await expect(page).toHaveURL(STEP("sertifikat"), { timeout: 20_000 });

  // sertifikat: a halal certificate with a small PDF
  await hydratedForm(page, "Simpan sertifikat");
  await page.getByLabel("Jenis sertifikat").selectOption({ label: "Halal" });
  await page.getByLabel("Nomor sertifikat").fill(certNumber);
  await page.getByLabel("Penerbit").fill("BPJPH");
  await page.getByLabel("Berlaku mulai").fill("2025-03-01");
  await page.getByLabel("Berlaku sampai").fill("2029-03-01");
  await page.getByLabel("Dokumen sertifikat").setInputFiles({
    name: "sertifikat-halal.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from(
      "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n" +
        "trailer<</Root 1 0 R>>\n%%EOF\n",
    ),
  });
  await page.getByRole("button", { name: "Simpan sertifikat" }).click();
  await expect(page.getByText("Sertifikat tersimpan.")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(certNumber, { exact: true })).toBeVisible();
  await expect(page.getByText("Lihat dokumen (sertifikat-halal.pdf)")).toBeVisible();
  await waitForHydration(page.locator("form").filter({ has: page.getByRole("button", { name: "Lanjut ke langkah berikutnya" }) }));
  await page.getByRole("button", { name: "Lanjut ke langkah berikutnya" }).click();
  await expect(page).toHaveURL(STEP("kirim"), { timeout: 20_000 });

  // kirim: nothing missing, submit for verification
  await expect(page.getByText("Profil Anda siap dikirim untuk diverifikasi.")).toBeVisible();
  await hydratedForm(page, "Kirim untuk verifikasi");
  await page.getByRole("button", { name: "Kirim untuk verifikasi" }).click();
  // The step re-renders with the new status (the form and its "Terkirim" note make way for it).
  await expect(page.getByRole("status").filter({ hasText: "Profil Anda sedang diperiksa tim Rantai." })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("button", { name: "Kirim untuk verifikasi" })).toHaveCount(0);

  // The overview shows what was entered.
  await page.goto("/profil-usaha");
  await expect(page.getByRole("heading", { level: 1, name: businessName })).toBeVisible();
  await expect(page.getByText(nib, { exact: true })).toBeVisible();
  await expect(page.getByText(npwpPrinted, { exact: true })).toBeVisible();
  await expect(page.getByText("Kota Pekalongan, Jawa Tengah")).toBeVisible();
  await expect(page.getByText("Profil Anda sedang diperiksa tim Rantai.")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // 3. Three products, each with this run's word.
  const products = [
    { name: `Udeng ${ProductWord} sogan`, unit: "pcs", min: "85.000", max: "150.000" },
    { name: `Selendang ${ProductWord} tulis`, unit: "lembar", min: "250.000", max: "400.000" },
    { name: `Kemeja batik ${ProductWord}`, unit: "pcs", min: "175.000", max: "300.000" },
  ];
  for (const p of products) {
    await page.goto("/produk/baru");
    await hydratedForm(page, "Simpan");
    await page.getByLabel("Nama produk").fill(p.name);
    await page.getByLabel("Deskripsi").fill(`${p.name}: batik Pekalongan pewarna alam, bisa pesan motif.`);
    await page.getByLabel("Kode KBLI").selectOption("13134"); // chosen from the profile's codes (issue 17)
    await page.getByLabel("Satuan").fill(p.unit);
    await page.getByLabel("Harga terendah (Rp)").fill(p.min);
    await page.getByLabel("Harga tertinggi (Rp)").fill(p.max);
    await page.getByLabel("Minimal pesanan").fill("12");
    await page.getByRole("button", { name: "Simpan" }).click();
    await expect(page).toHaveURL(/\/produk\?saved=/, { timeout: 20_000 });
    await expect(page.getByText("Produk tersimpan.")).toBeVisible();
  }
  for (const p of products) await expect(page.getByText(p.name, { exact: true })).toBeVisible();
  await expect(page.getByRole("img", { name: "Belum ada foto produk" }).first()).toBeVisible(); // no photo: a placeholder

  // 4. The directory, searched with the word misspelled.
  await page.goto("/pemasok");
  const search = page.getByRole("searchbox", { name: "Cari produk atau nama usaha" });
  await search.fill(misspelled);
  await search.press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=${misspelled}`));
  await expect(page.getByText(`${misspelled} → ${productWord}`)).toBeVisible();
  const card = page.getByRole("article").filter({ has: page.getByRole("link", { name: businessName }) });
  await expect(card).toHaveCount(1);
  await expect(card).toContainText(/Produk cocok: .*Kriya/i);
  await expect(card).toContainText("Kota Pekalongan");
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

  // Its page lists the three products and the certificate.
  await card.getByRole("link", { name: businessName }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(businessName);
  for (const p of products) await expect(page.getByText(p.name, { exact: true })).toBeVisible();
  await expect(page.getByText(/Halal/).first()).toBeVisible();
});
