// Issue 4 (RFQs): a buyer officer drafts an RFQ with two line items through the form and publishes it; an
// UMKM owner finds it on the RFQ board with filters and asks a clarification; the buyer answers; the UMKM
// sees the answer — and another UMKM sees the question and answer without learning who asked.
import { randomBytes } from "node:crypto";
import { expect, test, waitForHydration } from "./fixtures";

const runId = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
const title = `Pengadaan kain batik cap seragam ${runId}`;
const question = `Apakah motif boleh disesuaikan dengan pakem Pekalongan? (${runId})`;
const answer = `Boleh, asal warna korporat tetap dipakai (${runId}).`;

/** "YYYY-MM-DDTHH:mm" in WIB, `days` from now, for a datetime-local input. */
function wibLocal(days: number): string {
  return new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 16);
}

test("a buyer posts an RFQ, an UMKM finds it on the board and asks, the buyer answers", async ({ page, loginAs, pageAs }) => {
  test.setTimeout(180_000);

  // --- the buyer drafts the RFQ with two line items and publishes it ---------------------------------
  await loginAs("buyer");
  await page.goto("/rfq");
  await page.getByRole("link", { name: "+ RFQ baru" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "RFQ baru" })).toBeVisible();
  const form = page.getByRole("form", { name: "RFQ baru" });
  await waitForHydration(form);

  await form.getByLabel("Judul RFQ", { exact: true }).fill(title);
  await form.getByLabel("Cari KBLI").fill("13134");
  await form.getByRole("button", { name: /^13134/ }).click();
  await expect(form.getByRole("button", { name: "Ganti" })).toBeVisible(); // 13134 chosen
  await form.getByLabel("Provinsi pengiriman", { exact: true }).selectOption({ label: "Jawa Tengah" });
  await form.getByLabel("Kabupaten/kota pengiriman", { exact: true }).selectOption("33.75");
  await form.getByLabel("Batas waktu penawaran (WIB)").fill(wibLocal(10));

  const item1 = form.getByRole("listitem", { name: "Barang 1" });
  await item1.getByLabel("Nama barang", { exact: true }).fill("Kain batik cap motif korporat");
  await item1.getByLabel("Jumlah", { exact: true }).fill("0"); // refused by the server, with the error at the field
  await item1.getByLabel("Satuan", { exact: true }).fill("lembar");
  await item1.getByLabel(/Harga target/).fill("150.000");
  await form.getByRole("button", { name: "+ Tambah barang" }).click();
  const item2 = form.getByRole("listitem", { name: "Barang 2" });
  await item2.getByLabel("Nama barang", { exact: true }).fill("Selendang batik tulis sutra");
  await item2.getByLabel("Jumlah", { exact: true }).fill("300");
  await item2.getByLabel("Satuan", { exact: true }).fill("lembar");
  await form.getByLabel("Halal", { exact: true }).check();

  await form.getByRole("button", { name: "Simpan draf" }).click();
  await expect(item1.getByText("Jumlah harus lebih dari nol.")).toBeVisible();
  await expect(page).toHaveURL(/\/rfq\/baru$/);
  await item1.getByLabel("Jumlah", { exact: true }).fill("1.500");
  await form.getByRole("button", { name: "Simpan draf" }).click();

  await page.waitForURL(/\/rfq\/(?!baru)[^/?]+\?saved=1$/);
  const rfqUrl = new URL(page.url()).pathname;
  const rfqId = rfqUrl.split("/").pop()!;
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Draf", { exact: true })).toBeVisible();
  await expect(page.getByText("Kain batik cap motif korporat")).toBeVisible();
  await expect(page.getByText("1.500 lembar")).toBeVisible();
  await expect(page.getByText("300 lembar")).toBeVisible();
  const publish = page.getByRole("button", { name: "Terbitkan RFQ" });
  await waitForHydration(publish);
  await publish.click();
  await expect(page.getByRole("button", { name: "Perpanjang batas waktu" })).toBeVisible();
  await expect(page.getByText("Terbuka", { exact: true })).toBeVisible();

  // --- an UMKM finds it on the board with filters and asks a question --------------------------------
  const umkm = await pageAs("umkm");
  await umkm.goto("/papan-rfq");
  await expect(umkm.getByRole("heading", { level: 1, name: "Papan RFQ" })).toBeVisible();
  const search = umkm.getByRole("search", { name: "Cari RFQ" });
  // Issue 17: an UMKM's board opens on "Cocok untuk saya" with the filters folded under "Saringan".
  if (!(await search.getByLabel("KBLI", { exact: true }).isVisible())) await umkm.locator("summary", { hasText: "Saringan" }).click();
  await search.getByLabel("KBLI", { exact: true }).fill("1313");
  await search.getByLabel("Provinsi pengiriman", { exact: true }).selectOption({ label: "Jawa Tengah" });
  await search.getByLabel("Kata kunci", { exact: true }).fill(runId);
  await search.getByRole("button", { name: "Terapkan" }).click();
  await umkm.waitForURL(/province=33/);
  await expect(umkm.getByText("1 RFQ", { exact: true })).toBeVisible();
  await umkm.getByRole("link", { name: title, exact: true }).click();
  await umkm.waitForURL(new RegExp(`/papan-rfq/${rfqId}$`));
  await expect(umkm.getByRole("link", { name: "Ajukan penawaran" })).toHaveAttribute("href", `/papan-rfq/${rfqId}/penawaran`);

  const ask = umkm.getByRole("form", { name: "Ajukan pertanyaan" });
  await waitForHydration(ask);
  await ask.getByLabel("Pertanyaan untuk pembeli", { exact: true }).fill(question);
  await ask.getByRole("button", { name: "Kirim pertanyaan" }).click();
  await expect(umkm.getByText("Pertanyaan terkirim.", { exact: false })).toBeVisible();
  await expect(umkm.getByText(question)).toBeVisible();
  await expect(umkm.getByText("Menunggu jawaban pembeli.", { exact: false })).toBeVisible();

  // --- the buyer answers ------------------------------------------------------------------------------
  await page.goto(rfqUrl);
  await expect(page.getByText(question)).toBeVisible();
  await expect(page.getByText("Ditanyakan oleh CV Batik Sekar Jagad", { exact: false })).toBeVisible();
  const answerBox = page.getByLabel("Jawaban", { exact: true });
  await waitForHydration(answerBox);
  await answerBox.fill(answer);
  await page.getByRole("button", { name: "Kirim jawaban" }).click();
  // Saved: the form closes (it offers "Ubah jawaban" instead) and the answer is shown. Until the form closes its
  // textarea still holds the same text, so the answer is looked for in the paragraph.
  await expect(page.getByRole("button", { name: "Ubah jawaban" })).toBeVisible();
  await expect(answerBox).toBeHidden();
  await expect(page.locator("p").filter({ hasText: answer })).toBeVisible();

  // --- the UMKM sees the answer; another UMKM sees it too, without who asked --------------------------
  await umkm.reload();
  await expect(umkm.getByText(answer)).toBeVisible();
  const other = await pageAs("umkm2");
  await other.goto(`/papan-rfq/${rfqId}`);
  await expect(other.getByText(question)).toBeVisible();
  await expect(other.getByText(answer)).toBeVisible();
  const html = await other.content();
  expect(html).not.toContain("Batik Sekar Jagad");

  // --- the history lists every step ------------------------------------------------------------------
  await page.goto(`${rfqUrl}/riwayat`);
  for (const step of ["RFQ dibuat (draf)", "RFQ diterbitkan", "Pertanyaan klarifikasi masuk", "Klarifikasi dijawab"]) {
    await expect(page.getByText(step, { exact: true })).toBeVisible();
  }
});
