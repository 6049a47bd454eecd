// An UMKM owner on a phone adds a product and then finds their business in the public supplier directory by
// a misspelled word of that product. 390 px wide, like a common Android phone.
import { expect, test } from "./fixtures";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test("an UMKM adds a product and finds itself in /pemasok by a misspelled product word", async ({ page, loginAs }) => {
  await loginAs("umkm"); // CV Batik Sekar Jagad (demo data)

  await page.goto("/produk/baru");
  await page.getByLabel("Nama produk").fill("Blangkon batik sogan Solo");
  await page.getByLabel("Deskripsi").fill("Blangkon mondolan, kain batik tulis sogan, ukuran bisa dipesan.");
  await page.getByLabel("Kode KBLI").selectOption("14111"); // one of the profile's codes (issue 17)
  await page.getByLabel("Satuan").fill("pcs");
  await page.getByLabel("Harga terendah (Rp)").fill("85.000");
  await page.getByLabel("Harga tertinggi (Rp)").fill("60000"); // lower than the lowest: refused
  await page.getByRole("button", { name: "Simpan" }).click();
  await expect(page.getByText("Harga tertinggi tidak boleh lebih kecil dari harga terendah.")).toBeVisible();
  await expect(page.getByLabel("Nama produk")).toHaveValue("Blangkon batik sogan Solo"); // nothing typed is lost

  await page.getByLabel("Harga tertinggi (Rp)").fill("150.000");
  await page.getByLabel("Minimal pesanan").fill("24");
  await page.getByRole("button", { name: "Simpan" }).click();
  await expect(page).toHaveURL(/\/produk\?saved=/);
  await expect(page.getByText("Produk tersimpan.")).toBeVisible();
  await expect(page.getByText("Blangkon batik sogan Solo")).toBeVisible();
  await expect(page.getByText("Rp85.000 – Rp150.000")).toBeVisible();

  // Misspelled: "blngkon" for "blangkon".
  await page.goto("/pemasok");
  await page.getByRole("searchbox", { name: "Cari produk atau nama usaha" }).fill("blngkon");
  await page.getByRole("searchbox", { name: "Cari produk atau nama usaha" }).press("Enter");
  await expect(page).toHaveURL(/q=blngkon/);
  const card = page.getByRole("article").filter({ hasText: "Produk cocok: Blangkon batik sogan Solo" });
  await expect(card).toHaveCount(1);
  await expect(card.getByRole("link")).toHaveText(/Batik Sekar Jagad/);
  await expect(page.getByText(/blngkon → blangkon/)).toBeVisible();

  // The page fits the phone: no horizontal scrolling.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // The supplier's page lists the new product.
  await card.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Batik Sekar Jagad/);
  await expect(page.getByText("Blangkon batik sogan Solo")).toBeVisible();

  // Issue 17: "Kembali ke pencarian" returns to the same search, not to an empty directory.
  await page.getByRole("link", { name: /Kembali ke pencarian/ }).click();
  await expect(page.getByRole("searchbox", { name: "Cari produk atau nama usaha" })).toHaveValue("blngkon");
});

// Issue 15: the directory moved from /suppliers to /pemasok. Old links and bookmarks keep working: a permanent
// redirect (308, so search engines and browsers remember it) to the same page, query string kept.
test("the old /suppliers paths redirect permanently to /pemasok, query kept", async ({ page, request }) => {
  const list = await request.get("/suppliers?q=batik&province=33", { maxRedirects: 0 });
  expect(list.status()).toBe(308);
  const to = new URL(list.headers()["location"], "http://x");
  expect(to.pathname + to.search).toBe("/pemasok?q=batik&province=33");

  await page.goto("/pemasok?q=batik");
  const href = await page.getByRole("article").first().getByRole("link").first().getAttribute("href");
  expect(href).toMatch(/^\/pemasok\/[^/?]+\?cari=q%3Dbatik$/); // the search travels along (issue 17)
  const id = href!.split("?")[0].split("/").pop()!;
  const one = await request.get(`/suppliers/${id}`, { maxRedirects: 0 });
  expect(one.status()).toBe(308);
  expect(new URL(one.headers()["location"], "http://x").pathname).toBe(`/pemasok/${id}`);

  // Followed by a browser, the old address shows the supplier's page under the new one.
  await page.goto(`/suppliers/${id}?ref=lama`);
  await expect(page).toHaveURL(new RegExp(`/pemasok/${id}\\?ref=lama$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
