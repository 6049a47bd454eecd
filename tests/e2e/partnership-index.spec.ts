// Issue 13 in the browser, one journey (the issue's "Proof"): the energy BUMN (buyer@) accepts a delivery of a
// milestone of its demo subcontract with the Tegal machining workshop (umkm2@) and pays it later than the
// milestone's agreed 30-day term; the workshop confirms receipt; the buyer's own Indeks Kemitraan counts the
// late payment, the ministry ranking moves by exactly that payment; the buyer issues its Laporan Kemitraan,
// whose public verification page says it is genuine, and a changed fingerprint does not verify.
//
// The subcontract "Pembuatan suku cadang pompa transfer BBM" (prisma/seed/demo.ts) starts 50 days before the
// seed and its milestones have paymentTermDays 30; no other spec records deliveries or payments on it.
import { expect, test, waitForHydration, type DemoRole } from "./fixtures";
import type { Page } from "@playwright/test";

const BUYER = "PT Energi Nusantara (Persero)";
const AGREEMENT = "Pembuatan suku cadang pompa transfer BBM";
const MILESTONE = "2. Produksi 8 set";
const TERM_DAYS = 30;
const DELIVERED_DAYS_AGO = 40; // after the agreement's start, and more than TERM_DAYS before today

// Days on the supplier's clock (WIB for the demo workshop in Pekalongan): the forms default to today there, and
// after 17:00 UTC that is already tomorrow in UTC terms.
const WIB_MS = 7 * 3_600_000;
const isoDaysAgo = (days: number) => new Date(Date.now() + WIB_MS - days * 86_400_000).toISOString().slice(0, 10);

/** The buyer's "late / counted" payments in the ministry ranking (its row, the late-payment cell). */
async function rankedLatePayments(ministry: Page): Promise<{ late: number; counted: number }> {
  await ministry.goto("/statistik/indeks-kemitraan");
  const row = ministry.getByRole("row").filter({ has: ministry.getByRole("rowheader", { name: BUYER }) });
  await expect(row).toHaveCount(1);
  const text = await row.innerText();
  const m = /\((\d+)\/(\d+)\)/.exec(text);
  expect(m, `no "(late/counted)" figure in the ranking row: ${text}`).not.toBeNull();
  return { late: Number(m![1]), counted: Number(m![2]) };
}

async function openAgreement(page: Page, role: DemoRole): Promise<void> {
  await page.goto("/kemitraan");
  await page.getByRole("link", { name: AGREEMENT }).click();
  await expect(page.getByRole("heading", { level: 1, name: AGREEMENT })).toBeVisible({ timeout: 20_000 });
  expect(page.url(), `${role} opened the agreement`).toMatch(/\/kemitraan\/[^/]+$/);
}

test("a late payment shows in the buyer's index and the ministry ranking; its Laporan Kemitraan verifies", async ({
  page,
  loginAs,
  pageAs,
  browser,
}) => {
  test.setTimeout(300_000);
  const year = new Date(Date.now() + WIB_MS).getUTCFullYear();

  // --- the ministry ranking before -----------------------------------------------------------------------
  const ministry = await pageAs("kementerian");
  const before = await rankedLatePayments(ministry);

  // --- the buyer accepts a delivery 40 days ago and pays the milestone today (term: 30 days) ---------------
  await loginAs("buyer");
  await openAgreement(page, "buyer");
  await expect(page.getByRole("row").filter({ hasText: MILESTONE.slice(3) })).toContainText(`dibayar dalam ${TERM_DAYS} hari`);
  const deliveryForm = page.getByRole("form", { name: "Catat pengiriman" });
  if (!(await deliveryForm.isVisible())) await page.locator("summary", { hasText: "Catat pengiriman" }).click();
  await waitForHydration(deliveryForm);
  await deliveryForm.getByLabel("Tahap").selectOption({ label: MILESTONE });
  await deliveryForm.getByLabel("Jumlah dikirim").fill("8");
  await deliveryForm.getByLabel("Tanggal dikirim").fill(isoDaysAgo(DELIVERED_DAYS_AGO));
  await deliveryForm.getByLabel("Hasil pemeriksaan").selectOption({ label: "Diterima" });
  await deliveryForm.getByRole("button", { name: "Catat pengiriman" }).click();
  const deliveries = page.getByRole("list", { name: "Pengiriman tercatat" });
  await expect(deliveries.getByRole("listitem").filter({ hasText: MILESTONE })).toContainText("Diterima", { timeout: 20_000 });

  const paymentForm = page.getByRole("form", { name: "Catat pembayaran" });
  if (!(await paymentForm.isVisible())) await page.locator("summary", { hasText: "Catat pembayaran" }).click();
  await waitForHydration(paymentForm);
  await paymentForm.getByLabel("Tahap").selectOption({ label: MILESTONE });
  await paymentForm.getByLabel("Jumlah dibayar (Rupiah)").fill("220.000.000");
  await paymentForm.getByRole("button", { name: "Catat pembayaran" }).click();
  const payment = page
    .getByRole("list", { name: "Pembayaran tercatat" })
    .getByRole("listitem")
    .filter({ hasText: MILESTONE })
    .filter({ hasText: "Rp220.000.000" });
  // The only payment of this milestone (a fresh database; a second run on the same one pays more than agreed).
  await expect(payment).toHaveCount(1, { timeout: 20_000 });
  // Days to pay: from the delivery to the buyer's paid date, past the term.
  await expect(payment).toContainText(`Lama bayar: ${DELIVERED_DAYS_AGO} hari`);

  // --- the workshop confirms receipt (the date the index counts) --------------------------------------------
  const umkm = await pageAs("umkm2");
  await openAgreement(umkm, "umkm2");
  const receiptForm = umkm.getByRole("form", { name: "Konfirmasi pembayaran diterima" });
  await expect(receiptForm).toHaveCount(1);
  await waitForHydration(receiptForm);
  await expect(receiptForm.getByLabel("Tanggal diterima")).toHaveValue(isoDaysAgo(0));
  await receiptForm.getByRole("button", { name: "Konfirmasi pembayaran diterima" }).click();
  await expect(
    umkm.getByRole("list", { name: "Pembayaran tercatat" }).getByRole("listitem").filter({ hasText: "Rp220.000.000" }),
  ).toContainText("Diterima pemasok", { timeout: 20_000 });

  // --- the buyer's own index counts it --------------------------------------------------------------------
  const late = before.late + 1;
  const counted = before.counted + 1;
  await page.goto("/dasbor/indeks-kemitraan");
  await expect(page.getByText(`${late} dari ${counted} pembayaran lebih lambat dari yang disepakati`)).toBeVisible();

  // --- the ministry ranking moved by exactly this payment ------------------------------------------------
  expect(await rankedLatePayments(ministry)).toEqual({ late, counted });

  // --- the Laporan Kemitraan of the year, and its public verification -----------------------------------------
  // (The index page has no link to it yet: opened by its URL.)
  await page.goto(`/dasbor/indeks-kemitraan/laporan/${year}`);
  const issue = page.getByRole("button", { name: `Terbitkan laporan ${year}` });
  await waitForHydration(issue);
  await issue.click();
  await expect(page.getByText(/^Laporan \S+ telah diterbitkan\.$/)).toBeVisible({ timeout: 30_000 });
  const code = new URL(page.url()).searchParams.get("kode");
  expect(code).toBeTruthy();
  const fingerprint = (await page.getByText("Sidik jari isi", { exact: true }).locator("xpath=following-sibling::span").innerText()).trim();
  expect(fingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4})+$/);

  // Anyone holding the code: a fresh, signed-out browser context.
  const publicContext = await browser.newContext();
  const visitor = await publicContext.newPage();
  await visitor.goto(`/laporan/${code}`);
  await expect(visitor.getByText("Asli dan tidak berubah")).toBeVisible();
  await expect(visitor.getByText(`${late} dari ${counted} (`)).toBeVisible();
  const check = visitor.getByLabel("Sidik jari yang tercetak pada laporan");
  await check.fill(fingerprint);
  await visitor.getByRole("button", { name: "Periksa" }).click();
  await expect(visitor.getByText("Sidik jari cocok")).toBeVisible();
  // One character changed, as on a doctored copy.
  const changed = (fingerprint[0] === "0" ? "1" : "0") + fingerprint.slice(1);
  await visitor.getByLabel("Sidik jari yang tercetak pada laporan").fill(changed);
  await visitor.getByRole("button", { name: "Periksa" }).click();
  await expect(visitor.getByText("Sidik jari tidak cocok")).toBeVisible();
  await expect(visitor.getByText("Sidik jari cocok")).toHaveCount(0);
  // A mistyped code is "not found", never a server error (a "%" in it once answered 500).
  expect((await visitor.goto("/laporan/%25"))?.status()).toBe(404);
  await publicContext.close();
});
