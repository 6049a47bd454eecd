// Issue 4 (quotes, comparison, award): a buyer posts an RFQ with two lines through the form; two UMKM quote
// (one revises before the deadline); the buyer compares side by side, splits the award; both winners see
// their draft agreement and a notification. And a sealed RFQ: its prices appear nowhere — buyer's
// comparison page, page source, API — before the deadline.
import { randomBytes } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, expect, test, waitForHydration } from "./fixtures";

// Each journey posts its own RFQ: the two workers may share them.
test.describe.configure({ mode: "parallel" });

const runId = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;

/** "YYYY-MM-DDTHH:mm" in WIB, `days` from now, for a datetime-local input. */
function wibLocal(days: number): string {
  return new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 16);
}

async function tokenFor(request: APIRequestContext, role: keyof typeof DEMO_ACCOUNTS): Promise<string> {
  const res = await request.post("/api/v1/auth/token", { data: { email: DEMO_ACCOUNTS[role], password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

test("two UMKM quote (one revises), the buyer compares and splits the award, both winners see their draft agreement", async ({
  page,
  loginAs,
  pageAs,
}) => {
  test.setTimeout(240_000);
  const title = `Seragam batik dan aksesori ${runId}`;

  // --- the buyer posts an RFQ with two lines ----------------------------------------------------------
  await loginAs("buyer");
  await page.goto("/rfq/baru");
  const form = page.getByRole("form", { name: "RFQ baru" });
  await waitForHydration(form);
  await form.getByLabel("Judul RFQ").fill(title);
  await form.getByLabel("Cari KBLI").fill("13134");
  await form.getByRole("button", { name: /^13134/ }).click();
  await form.getByLabel("Provinsi pengiriman").selectOption({ label: "Jawa Tengah" });
  await form.getByLabel("Kabupaten/kota pengiriman").selectOption("33.75");
  await form.getByLabel("Batas waktu penawaran (WIB)").fill(wibLocal(10));
  const item1 = form.getByRole("listitem", { name: "Barang 1" });
  await item1.getByLabel("Nama barang").fill("Kain batik cap motif korporat");
  await item1.getByLabel("Jumlah").fill("200");
  await item1.getByLabel("Satuan", { exact: true }).fill("lembar");
  await form.getByRole("button", { name: "+ Tambah barang" }).click();
  const item2 = form.getByRole("listitem", { name: "Barang 2" });
  await item2.getByLabel("Nama barang").fill("Bros logam logo perusahaan");
  await item2.getByLabel("Jumlah").fill("500");
  await item2.getByLabel("Satuan", { exact: true }).fill("pcs");
  await form.getByRole("button", { name: "Simpan draf" }).click();
  await page.waitForURL(/\/rfq\/(?!baru)[^/?]+\?saved=1$/);
  const rfqId = new URL(page.url()).pathname.split("/").pop()!;
  const publish = page.getByRole("button", { name: "Terbitkan RFQ" });
  await waitForHydration(publish);
  await publish.click();
  await expect(page.getByText("Terbuka", { exact: true })).toBeVisible();
  await expect(page.getByText("Untuk umum", { exact: true }).first()).toBeVisible(); // status · visibility never "Terbuka · Terbuka"
  // Shared on WhatsApp (issue 17 item 10): wa.me with the title and the RFQ's public board URL prefilled.
  const share = page.getByRole("link", { name: "Bagikan ke WhatsApp" });
  const shareText = new URL((await share.getAttribute("href"))!).searchParams.get("text")!;
  expect(shareText).toContain(title);
  expect(shareText).toMatch(new RegExp(`^https?://[^\\s/]+/papan-rfq/${rfqId}$`, "m"));

  // --- UMKM 1 quotes: a fractional price is refused at its field, then it submits and revises ---------
  const umkm = await pageAs("umkm");
  await umkm.goto(`/papan-rfq/${rfqId}`);
  await umkm.getByRole("link", { name: "Ajukan penawaran" }).click();
  await umkm.waitForURL(new RegExp(`/papan-rfq/${rfqId}/penawaran$`));
  const q1 = umkm.getByRole("form", { name: "Formulir penawaran" });
  await waitForHydration(q1);
  const price1 = q1.getByLabel(/^Harga satuan Kain batik cap motif korporat/);
  const price2 = q1.getByLabel(/^Harga satuan Bros logam logo perusahaan/);
  await price1.fill("145.000,5");
  await price2.fill("9.000");
  await q1.getByLabel("Harga belum termasuk PPN").check();
  await q1.getByLabel("Waktu pengiriman (hari)").fill("21");
  await q1.getByLabel(/TKDN yang ditawarkan/).fill("40");
  await expect(q1.getByText(/Preferensi harga TKDN: 10%/)).toBeVisible();
  await q1.getByRole("button", { name: "Kirim penawaran" }).click();
  await expect(q1.getByText("Rupiah ditulis tanpa sen", { exact: false })).toBeVisible();
  await price1.fill("145.000");
  await expect(q1.getByText("Total penawaran: Rp33.500.000")).toBeVisible();
  // Issue 17: a sample photo straight from the camera field, attached before the quote is sent.
  const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0xff, 0xd9]);
  await q1.getByLabel(/^Ambil foto dengan kamera/).setInputFiles({ name: "contoh-kain.jpg", mimeType: "image/jpeg", buffer: photo });
  await expect(q1.getByText("1 file akan dilampirkan:")).toBeVisible();
  await q1.getByRole("button", { name: "Kirim penawaran" }).click();
  await expect(umkm.getByText("Penawaran terkirim. Pembeli telah diberi tahu.")).toBeVisible();
  await expect(umkm.getByRole("link", { name: "contoh-kain.jpg" })).toBeVisible();
  await expect(umkm.getByRole("heading", { name: "Penawaran Anda" })).toBeVisible();
  await expect(umkm.getByText("Terkirim", { exact: true })).toBeVisible();

  // the revision, before the deadline
  const revise = umkm.getByRole("form", { name: "Formulir penawaran" });
  await waitForHydration(revise);
  await revise.getByLabel(/^Harga satuan Kain batik cap motif korporat/).fill("138.000");
  await revise.getByRole("button", { name: "Kirim revisi" }).click();
  await expect(umkm.getByText("Revisi ke-1 terkirim.")).toBeVisible();
  await expect(umkm.getByText(/revisi ke-1/).first()).toBeVisible();
  await expect(umkm.getByRole("cell", { name: "Rp138.000" })).toBeVisible();

  // --- UMKM 2 quotes both lines, cheaper on the brooches ----------------------------------------------
  const umkm2 = await pageAs("umkm2");
  await umkm2.goto(`/papan-rfq/${rfqId}/penawaran`);
  const q2 = umkm2.getByRole("form", { name: "Formulir penawaran" });
  await waitForHydration(q2);
  await q2.getByLabel(/^Harga satuan Kain batik cap motif korporat/).fill("150.000");
  await q2.getByLabel(/^Harga satuan Bros logam logo perusahaan/).fill("7.500");
  await q2.getByLabel("Harga sudah termasuk PPN").check();
  await q2.getByLabel("Waktu pengiriman (hari)").fill("14");
  await q2.getByRole("button", { name: "Kirim penawaran" }).click();
  await expect(umkm2.getByText("Penawaran terkirim. Pembeli telah diberi tahu.")).toBeVisible();

  // --- the buyer compares side by side and splits the award -------------------------------------------
  await page.goto(`/rfq/${rfqId}/bandingkan`);
  const table = page.getByRole("region", { name: "Perbandingan penawaran per pemasok" });
  await expect(table.getByRole("columnheader", { name: /CV Batik Sekar Jagad/ })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: /UD Logam Presisi Tegal/ })).toBeVisible();
  await expect(table.getByText("Rp138.000")).toBeVisible();
  await expect(table.getByText("Rp7.500")).toBeVisible();
  await expect(table.getByText(/Evaluasi Rp125\.455/)).toBeVisible(); // 138.000 / 1,10 (TKDN 40% → preference 10%)
  await expect(table.getByText("★ Nilai terbaik")).toHaveCount(2);

  const line1 = page.getByLabel(/^Kain batik cap motif korporat/);
  const line2 = page.getByLabel(/^Bros logam logo perusahaan/);
  await waitForHydration(line1);
  // preset to the best value per line: batik to UMKM 1, brooches to UMKM 2
  await expect(line1.locator("option:checked")).toHaveText(/CV Batik Sekar Jagad/);
  await expect(line2.locator("option:checked")).toHaveText(/UD Logam Presisi Tegal/);
  await page.getByRole("button", { name: "Tinjau keputusan" }).click();
  await expect(page.getByText("CV Batik Sekar Jagad: 1 baris, nilai Rp27.600.000")).toBeVisible();
  await expect(page.getByText("UD Logam Presisi Tegal: 1 baris, nilai Rp3.750.000")).toBeVisible();
  await page.getByRole("button", { name: "Konfirmasi dan buat draf perjanjian" }).click();
  // the page refreshes into its decided state: winners marked, one draft agreement per winner
  await expect(page.getByText(/^Pemenang ditetapkan \d/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Tinjau keputusan" })).toHaveCount(0);
  await expect(table.getByText("Pemenang", { exact: true })).toHaveCount(2);
  await expect(table.getByRole("link", { name: /^RNT-\d{4}-\d{6}$/ })).toHaveCount(2);

  // --- both winners see their draft agreement and a notification ---------------------------------------
  for (const [winner, value] of [
    [umkm, "Rp27.600.000"],
    [umkm2, "Rp3.750.000"],
  ] as const) {
    await winner.goto("/penawaran");
    const row = winner.getByRole("row").filter({ hasText: title });
    await expect(row.getByText("Menang", { exact: true })).toBeVisible();
    await expect(row.getByText(`Menang 1 baris · ${value}`)).toBeVisible();
    const agreementLink = row.getByRole("link", { name: /^Draf perjanjian RNT-\d{4}-\d{6}$/ });
    await expect(agreementLink).toBeVisible();
    const number = (await agreementLink.innerText()).replace("Draf perjanjian ", "");

    await winner.goto("/notifikasi");
    await expect(winner.getByRole("listitem").filter({ hasText: `Penawaran Anda menang: ${title}` })).toBeVisible();

    await winner.goto("/penawaran");
    await winner
      .getByRole("row")
      .filter({ hasText: title })
      .getByRole("link", { name: /^Draf perjanjian/ })
      .click();
    await winner.waitForURL(/\/kemitraan\/[^/]+$/);
    await expect(winner.getByText(number).first()).toBeVisible();
  }
});

test("a sealed RFQ's prices are in no page, page source or API response before the deadline", async ({
  page,
  loginAs,
  pageAs,
  request,
}) => {
  test.setTimeout(120_000);
  const title = `Fabrikasi bracket tersegel ${runId}`;
  const buyerToken = await tokenFor(request, "buyer");
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const created = await request.post("/api/v1/rfqs", {
    headers: auth(buyerToken),
    data: {
      title,
      description: "Bracket baja untuk panel surya.",
      kbli: "25111",
      deliveryRegencyCode: "33.28",
      deadline: new Date(Date.now() + 5 * 86_400_000).toISOString(),
      items: [{ name: "Bracket baja galvanis", quantity: 400, unit: "pcs" }],
      requiredCertifications: [],
      visibility: "public",
      sealed: true,
    },
  });
  expect(created.status()).toBe(201);
  const rfq = (await created.json()) as { id: string; items: { id: string }[] };
  expect((await request.post(`/api/v1/rfqs/${rfq.id}/publish`, { headers: auth(buyerToken) })).status()).toBe(200);

  const umkmToken = await tokenFor(request, "umkm2");
  const put = await request.put(`/api/v1/rfqs/${rfq.id}/quote`, {
    headers: auth(umkmToken),
    data: { items: [{ rfqItemId: rfq.items[0].id, unitPriceIdr: 777_123 }], leadTimeDays: 30, includesVat: false },
  });
  expect(put.status()).toBe(200);

  // the buyer's API: count only
  const quotes = await request.get(`/api/v1/rfqs/${rfq.id}/quotes`, { headers: auth(buyerToken) });
  expect(await quotes.json()).toEqual({ rfqId: rfq.id, sealed: true, pricesRevealed: false, count: 1, data: [] });

  // the buyer's comparison page and its source
  await loginAs("buyer");
  await page.goto(`/rfq/${rfq.id}/bandingkan`);
  await expect(page.getByText("1 penawaran masuk")).toBeVisible();
  for (const path of [`/rfq/${rfq.id}/bandingkan`, `/rfq/${rfq.id}`, "/rfq"]) {
    await page.goto(path);
    const html = await page.content();
    expect(html, path).not.toMatch(/777[.,]?123/);
    expect(html, path).not.toContain("UD Logam Presisi Tegal");
  }
  // another UMKM's view of the RFQ
  const other = await pageAs("umkm");
  await other.goto(`/papan-rfq/${rfq.id}`);
  expect(await other.content()).not.toMatch(/777[.,]?123/);
  // the supplier itself always sees its own quote
  const own = await pageAs("umkm2");
  await own.goto(`/papan-rfq/${rfq.id}/penawaran`);
  await expect(own.getByRole("cell", { name: "Rp777.123" })).toBeVisible();
});
