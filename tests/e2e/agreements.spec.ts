// Issue 6 end to end: an RFQ award becomes a draft agreement; both parties accept it in the UI; a delivery
// and a payment are recorded; it is completed and both sides rate each other; the public partnership
// statistics count it (its scheme, its supplier's province and KBLI section each +1). Nobody outside the
// parties sees it (UI and API), ministry staff read it only; a stale amendment shows the conflict message.
// A buyer picks "Sebagai konsorsium" on /kemitraan/baru (a consortium it invited for its own RFQ, on a phone,
// axe-clean): every member becomes a party with its share; another buyer is not offered it.
import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext } from "@playwright/test";
import { test, expect, waitForHydration, DEMO_ACCOUNTS, DEMO_PASSWORD } from "./fixtures";

// The three journeys create their own RFQs and agreements: the two workers may share them.
test.describe.configure({ mode: "parallel" });

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function tokenFor(request: APIRequestContext, role: keyof typeof DEMO_ACCOUNTS) {
  const res = await request.post("/api/v1/auth/token", { data: { email: DEMO_ACCOUNTS[role], password: DEMO_PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
  return { authorization: `Bearer ${(await res.json()).token}` };
}

type Row = { key: string; agreements: number };
let ministry: { authorization: string } | null = null;
/** Exact figures: ministry staff (the public gets "< 3" for small groups, issue 11). */
async function stats(request: APIRequestContext, groupBy: string): Promise<Map<string, number>> {
  ministry ??= await tokenFor(request, "kementerian");
  const res = await request.get(`/api/v1/stats/partnerships?groupBy=${groupBy}`, { headers: ministry });
  expect(res.status(), await res.text()).toBe(200);
  const body = (await res.json()) as { data: Row[] };
  return new Map(body.data.map((r) => [r.key, r.agreements]));
}
const diff = (before: Map<string, number>, after: Map<string, number>) => {
  const out: Record<string, number> = {};
  for (const k of new Set([...before.keys(), ...after.keys()])) {
    const d = (after.get(k) ?? 0) - (before.get(k) ?? 0);
    if (d !== 0) out[k] = d;
  }
  return out;
};

test("an award becomes an agreement both parties accept, carry out, complete and rate; the statistics count it", async ({
  page,
  loginAs,
  pageAs,
  request,
}) => {
  test.setTimeout(600_000);
  const buyer = await tokenFor(request, "buyer");
  const umkm = await tokenFor(request, "umkm");
  const before = {
    scheme: await stats(request, "scheme"),
    province: await stats(request, "province"),
    kbliSection: await stats(request, "kbliSection"),
  };

  // The buyer publishes an RFQ and the demo batik UMKM quotes on it (API: the RFQ and quote UIs are tested elsewhere).
  const title = `Kain batik seragam e2e ${unique()}`;
  const deadline = new Date(Date.now() + 10 * 86_400_000).toISOString();
  const created = await request.post("/api/v1/rfqs", {
    headers: buyer,
    data: {
      title,
      description: "Kain batik cap untuk seragam karyawan.",
      kbli: "13134",
      deliveryRegencyCode: "31.74",
      deadline,
      items: [{ name: "Kain batik cap", quantity: 200, unit: "lembar", targetUnitPriceIdr: 150000 }],
      requiredCertifications: [],
      visibility: "public",
      sealed: false,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const rfq = await created.json();
  expect((await request.post(`/api/v1/rfqs/${rfq.id}/publish`, { headers: buyer })).status()).toBe(200);
  const quote = await request.put(`/api/v1/rfqs/${rfq.id}/quote`, {
    headers: umkm,
    data: { items: [{ rfqItemId: rfq.items[0].id, unitPriceIdr: 145000 }], leadTimeDays: 14, includesVat: false },
  });
  expect([200, 201], await quote.text()).toContain(quote.status());

  // Award in the buyer's comparison page: a draft agreement is created.
  await loginAs("buyer");
  await page.goto(`/rfq/${rfq.id}/bandingkan`);
  const allTo = page.getByRole("button", { name: /^Semua ke CV Batik Sekar Jagad/ });
  await waitForHydration(allTo);
  await allTo.click();
  await page.getByRole("button", { name: "Tinjau keputusan" }).click();
  const confirm = page.getByRole("button", { name: "Konfirmasi dan buat draf perjanjian" });
  await waitForHydration(confirm);
  await confirm.click();
  // The award form confirms, then the page refreshes to the awarded RFQ: wait for the award itself.
  await expect
    .poll(async () => (await (await request.get(`/api/v1/rfqs/${rfq.id}`, { headers: buyer })).json()).status, { timeout: 30_000 })
    .toBe("awarded");

  // The draft is in the buyer's partnership list under the RFQ's title.
  await page.goto("/kemitraan?status=draft");
  await page.getByRole("link", { name: title }).click();
  await page.waitForURL(/\/kemitraan\/[^/?]+$/);
  const href = new URL(page.url()).pathname;
  const id = href.split("/")[2];

  // The buyer accepts (proposes) the draft.
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Draf", { exact: true }).first()).toBeVisible();
  const propose = page.getByRole("button", { name: "Setujui dan ajukan ke mitra" });
  await waitForHydration(propose);
  // Issue 13 (PP 7/2021): the buyer declares it does not own or control the UMKM partner.
  await page.getByLabel(/tidak memiliki dan tidak menguasai UMKM mitra/).check();
  await propose.click();
  await expect(page.getByText("Diajukan", { exact: true }).first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("Organisasi Anda sudah menyetujui versi ini. Menunggu persetujuan mitra.")).toBeVisible();

  // The UMKM sees it in its list and accepts: active.
  const supplier = await pageAs("umkm");
  await supplier.goto("/kemitraan");
  await supplier.getByRole("link", { name: title }).click();
  const accept = supplier.getByRole("button", { name: "Setujui versi 1" });
  await waitForHydration(accept);
  await accept.click();
  await expect(supplier.getByText("Aktif", { exact: true }).first()).toBeVisible({ timeout: 20_000 });

  // Nobody outside the parties sees it: another UMKM, another buyer (UI 404 and API 404); a bank has no access.
  for (const outsider of ["umkm2", "buyer2"] as const) {
    const other = await pageAs(outsider);
    const res = await other.goto(`/kemitraan/${id}`);
    expect(res?.status()).toBe(404);
    const api = await request.get(`/api/v1/agreements/${id}`, { headers: await tokenFor(request, outsider) });
    expect(api.status()).toBe(404);
    await other.close();
  }
  expect((await request.get(`/api/v1/agreements/${id}`, { headers: await tokenFor(request, "bank") })).status()).toBe(403);
  // Ministry staff read it, without any action.
  const ministry = await pageAs("kementerian");
  await ministry.goto(`/kemitraan/${id}`);
  await expect(ministry.getByText("Anda melihat perjanjian ini sebagai staf kementerian (hanya baca).")).toBeVisible();
  await expect(ministry.getByRole("button", { name: /Setujui|Konfirmasi selesai|Catat/ })).toHaveCount(0);
  await ministry.close();

  // The buyer records a delivery (accepted) and a payment.
  await page.reload();
  await expect(page.getByText("Aktif", { exact: true }).first()).toBeVisible();
  const deliveryForm = page.getByRole("form", { name: "Catat pengiriman" });
  await deliveryForm.getByLabel("Jumlah dikirim").fill("200");
  await waitForHydration(deliveryForm);
  await deliveryForm.getByRole("button", { name: "Catat pengiriman" }).click();
  await expect(page.getByRole("list", { name: "Pengiriman tercatat" }).getByText("Diterima")).toBeVisible({ timeout: 20_000 });

  const paymentForm = page.getByRole("form", { name: "Catat pembayaran" });
  if (!(await paymentForm.isVisible())) await page.locator("summary", { hasText: "Catat pembayaran" }).click();
  await paymentForm.getByLabel("Jumlah dibayar (Rupiah)").fill("29.000.000");
  await waitForHydration(paymentForm);
  await paymentForm.getByRole("button", { name: "Catat pembayaran" }).click();
  await expect(page.getByRole("list", { name: "Pembayaran tercatat" }).getByText("Rp29.000.000")).toBeVisible({ timeout: 20_000 });

  // Completion takes both sides (issue 11). The delivery and the payment were recorded without a milestone,
  // so the award's milestone is still open: the summary says so and the buyer must state a reason.
  const openList = page.getByRole("list", { name: "Yang masih terbuka" });
  await expect(openList.getByText(/belum dikirim atau belum diterima dan belum dibayar penuh/)).toBeVisible();
  await page.locator("summary", { hasText: "Konfirmasi selesai" }).click();
  const confirmForm = page.getByRole("form", { name: "Konfirmasi selesai" });
  await waitForHydration(confirmForm);
  await confirmForm.getByRole("button", { name: "Konfirmasi selesai" }).click();
  await expect(confirmForm.getByText(/Tuliskan alasan perjanjian diselesaikan/).first()).toBeVisible({ timeout: 20_000 });
  await confirmForm.getByLabel(/Alasan diselesaikan dengan tahap terbuka/).fill("Pesanan dikurangi atas kesepakatan bersama.");
  await confirmForm.getByRole("button", { name: "Konfirmasi selesai" }).click();
  await expect(page.getByText("Organisasi Anda sudah mengonfirmasi. Menunggu konfirmasi mitra.")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("Aktif", { exact: true }).first()).toBeVisible();

  // The lead supplier sees the buyer's confirmation and its reason, and confirms: completed.
  await supplier.reload();
  await expect(supplier.getByText(/PT Energi Nusantara.* sudah mengonfirmasi bahwa perjanjian selesai/)).toBeVisible();
  await expect(supplier.getByText("Alasan: Pesanan dikurangi atas kesepakatan bersama.")).toBeVisible();
  const supplierConfirm = supplier.getByRole("form", { name: "Konfirmasi selesai" });
  await waitForHydration(supplierConfirm);
  await supplierConfirm.getByRole("button", { name: "Konfirmasi selesai" }).click();
  await expect(supplier.getByText("Selesai", { exact: true }).first()).toBeVisible({ timeout: 20_000 });
  await expect(supplier.getByText(/Diselesaikan dengan tahap yang masih terbuka\. Alasan: Pesanan dikurangi/)).toBeVisible();

  // Both rate each other.
  await page.reload();
  await expect(page.getByText("Selesai", { exact: true }).first()).toBeVisible();
  const rateBuyer = page.getByRole("form", { name: "Beri penilaian untuk CV Batik Sekar Jagad" });
  await rateBuyer.getByLabel("Nilai (1–5)").selectOption("5");
  await rateBuyer.getByLabel("Komentar").fill("Motif rapi, tepat waktu.");
  await waitForHydration(rateBuyer);
  await rateBuyer.getByRole("button", { name: "Kirim penilaian" }).click();
  await expect(page.getByText(/menilai CV Batik Sekar Jagad: 5 dari 5/)).toBeVisible({ timeout: 20_000 });

  await supplier.reload();
  const rateSupplier = supplier.getByRole("form", { name: /^Beri penilaian untuk PT Energi Nusantara/ });
  await rateSupplier.getByLabel("Nilai (1–5)").selectOption("4");
  await waitForHydration(rateSupplier);
  await rateSupplier.getByRole("button", { name: "Kirim penilaian" }).click();
  await expect(supplier.getByText(/menilai PT Energi Nusantara.*: 4 dari 5/)).toBeVisible({ timeout: 20_000 });

  // The printable agreement is in Indonesian and names both parties.
  await supplier.goto(`/kemitraan/${id}/cetak`);
  await expect(supplier.getByRole("heading", { name: "PERJANJIAN KEMITRAAN" })).toBeVisible();
  await expect(supplier.getByText(/Rantai pasok/).first()).toBeVisible();

  // Statistics: one more counted agreement for its scheme, its supplier's province and KBLI section.
  const agreement = await (await request.get(`/api/v1/agreements/${id}`, { headers: buyer })).json();
  expect(agreement.completion).toMatchObject({ reason: "Pesanan dikurangi atas kesepakatan bersama." });
  expect(agreement.completion.buyerConfirmedAt).not.toBeNull();
  expect(agreement.completion.supplierConfirmedAt).not.toBeNull();
  expect(agreement).toMatchObject({
    status: "completed",
    payments: [expect.objectContaining({ amountIdr: 29_000_000 })],
    deliveries: [expect.objectContaining({ status: "accepted", onTime: true })],
  });
  const after = {
    scheme: await stats(request, "scheme"),
    province: await stats(request, "province"),
    kbliSection: await stats(request, "kbliSection"),
  };
  expect(diff(before.scheme, after.scheme)).toEqual({ [agreement.scheme]: 1 });
  expect(Object.values(diff(before.province, after.province))).toEqual([1]);
  expect(diff(before.province, after.province)).toHaveProperty("33", 1); // Pekalongan, Jawa Tengah
  expect(Object.values(diff(before.kbliSection, after.kbliSection))).toEqual([1]);
});

test("a stale amendment shows who changed it and changes nothing", async ({ page, loginAs, request }) => {
  test.setTimeout(180_000);
  const buyer = await tokenFor(request, "buyer");
  const umkm = await tokenFor(request, "umkm");
  const me = await (await request.get("/api/v1/me", { headers: buyer })).json();
  const them = await (await request.get("/api/v1/me", { headers: umkm })).json();
  const title = `Perjanjian langsung e2e ${unique()}`;
  const res = await request.post("/api/v1/agreements", {
    headers: buyer,
    data: {
      title,
      scheme: "subkontrak",
      buyerOrgId: me.organizations[0].id,
      supplierOrgId: them.organizations[0].id,
      valueIdr: 50_000_000,
      startDate: "2027-01-04",
      endDate: "2027-06-30",
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const a = await res.json();

  await loginAs("buyer");
  await page.goto(`/kemitraan/${a.id}/ubah`);
  const form = page.getByRole("form", { name: "Ubah perjanjian" });
  await form.getByLabel("Judul perjanjian").fill(`${title} (revisi pembeli)`);
  // Meanwhile the UMKM amends it: version 2.
  const patch = await request.patch(`/api/v1/agreements/${a.id}`, {
    headers: umkm,
    data: { version: 1, valueIdr: 55_000_000, changeNote: "Harga bahan naik" },
  });
  expect(patch.status(), await patch.text()).toBe(200);
  await waitForHydration(form);
  await form.getByRole("button", { name: "Simpan perubahan" }).click();
  await expect(page.getByText("Seseorang telah mengubah perjanjian ini. Muat ulang untuk melihat versi 2.")).toBeVisible({
    timeout: 20_000,
  });
  const now = await (await request.get(`/api/v1/agreements/${a.id}`, { headers: buyer })).json();
  expect(now).toMatchObject({ version: 2, title, valueIdr: 55_000_000 });

  // Invalid input over the form: an end before the start, refused with the field's message.
  await page.reload();
  await form.getByLabel("Tanggal selesai").fill("2026-12-01");
  await waitForHydration(form);
  await form.getByRole("button", { name: "Simpan perubahan" }).click();
  await expect(form.getByText("Tanggal selesai tidak boleh sebelum tanggal mulai.")).toBeVisible({ timeout: 20_000 });
  expect((await (await request.get(`/api/v1/agreements/${a.id}`, { headers: buyer })).json()).version).toBe(2);
});

test("a buyer makes a draft agreement with a consortium it formed; another buyer is not offered it", async ({
  page,
  loginAs,
  pageAs,
  request,
}) => {
  test.setTimeout(240_000);
  const buyer = await tokenFor(request, "buyer");
  // An RFQ of the buyer too large for one workshop; the buyer invites the first proposed consortium (API: the
  // matching UI is tested in matching.spec.ts).
  const rfqTitle = `Kain batik konsorsium e2e ${unique()}`;
  const created = await request.post("/api/v1/rfqs", {
    headers: buyer,
    data: {
      title: rfqTitle,
      description: "Kain batik cap untuk seragam; konsorsium dipersilakan.",
      kbli: "13134",
      deliveryRegencyCode: "32.15",
      deadline: new Date(Date.now() + 20 * 86_400_000).toISOString(),
      items: [{ name: "Kain batik cap", quantity: 9000, unit: "lembar", targetUnitPriceIdr: 145000 }],
      requiredCertifications: [],
      visibility: "public",
      sealed: false,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const rfq = await created.json();
  expect((await request.post(`/api/v1/rfqs/${rfq.id}/publish`, { headers: buyer })).status()).toBe(200);
  const proposals = await request.get(`/api/v1/rfqs/${rfq.id}/consortia`, { headers: buyer });
  expect(proposals.status(), await proposals.text()).toBe(200);
  const proposal = (await proposals.json()).data[0] as { members: { supplier: { id: string; name: string }; lead: boolean }[] };
  expect(proposal, "a proposed consortium").toBeTruthy();
  const lead = proposal.members.find((m) => m.lead)!.supplier;
  const invited = await request.post(`/api/v1/rfqs/${rfq.id}/consortia`, {
    headers: buyer,
    data: { memberIds: proposal.members.map((m) => m.supplier.id), leadId: lead.id },
  });
  expect(invited.status(), await invited.text()).toBe(201);

  // On a phone: the choice, and the parties it brings, must fit and pass axe.
  await page.setViewportSize({ width: 375, height: 800 });
  await loginAs("buyer");
  await page.goto(`/kemitraan/baru?mitra=${lead.id}`);
  const form = page.getByRole("form", { name: "Perjanjian kemitraan baru" });
  await expect(form.getByRole("radio", { name: new RegExp(escapeRe(lead.name)) })).toBeChecked();
  const choice = form.getByLabel("Sebagai konsorsium");
  await expect(choice).toHaveValue("");
  const option = choice.getByRole("option", { name: new RegExp(escapeRe(rfqTitle)) });
  await expect(option).toHaveCount(1);
  const title = `Perjanjian konsorsium e2e ${unique()}`;
  await form.getByLabel("Judul perjanjian").fill(title);
  await form.getByLabel("Nilai perjanjian (Rupiah)").fill("1.305.000.000");
  await waitForHydration(form);
  await choice.selectOption({ label: (await option.textContent())!.trim() });
  const parties = form.getByRole("list", { name: "Pihak perjanjian selain organisasi Anda:" });
  for (const m of proposal.members)
    await expect(parties.getByRole("listitem").filter({ hasText: m.supplier.name })).toContainText(/bagian \d/);
  const axe = await new AxeBuilder({ page }).include("main form").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await form.getByRole("button", { name: "Simpan draf" }).click();
  await page.waitForURL(/\/kemitraan\/[^/]+\?saved=1$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  for (const m of proposal.members)
    await expect(
      page
        .getByRole("listitem")
        .filter({ hasText: m.supplier.name })
        .filter({ hasText: /bagian \d/ }),
    ).toBeVisible();

  // Another buyer choosing the same partner is not offered this buyer's consortium.
  const other = await pageAs("buyer2");
  await other.goto(`/kemitraan/baru?mitra=${lead.id}`);
  await expect(
    other.getByRole("form", { name: "Perjanjian kemitraan baru" }).getByRole("radio", { name: new RegExp(escapeRe(lead.name)) }),
  ).toBeChecked();
  await expect(other.getByText(rfqTitle)).toHaveCount(0);
});
