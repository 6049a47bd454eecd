// Issue 5 (matching): on the demo data, a buyer opens the matches of its batik RFQ (too large for one workshop):
// the top entries are batik workshops with readable reasons, a workshop without a TKDN certificate is "almost
// qualified" with that gap (not ranked), a consortium of one cluster's members is proposed first (issue 12), the
// batik cooperative's members are proposed too and invited in one click. Another buyer gets 404 for that page.
// Issue 17, on a 390 px phone: the page lists every line it needs and fits the screen; the near-miss is invited
// from its public page (a visitor there is offered sign-in), two ranked UMKM are ticked and invited at once.
// The UMKM sees the RFQ recommended on its dashboard and first on its RFQ board ("Cocok untuk saya", filters folded).
import type { APIRequestContext } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, expect, test } from "./fixtures";

const TITLE = "Kain batik cap untuk seragam karyawan pabrik dan diler (tahap I)";

async function demoRfqId(request: APIRequestContext): Promise<string> {
  const res = await request.post("/api/v1/auth/token", { data: { email: DEMO_ACCOUNTS.buyer2, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  const { token } = (await res.json()) as { token: string };
  const list = await request.get("/api/v1/rfqs", { headers: { authorization: `Bearer ${token}` } });
  expect(list.status()).toBe(200);
  const rfq = ((await list.json()) as { data: { id: string; title: string }[] }).data.find((r) => r.title === TITLE);
  expect(rfq, "the demo consortium RFQ").toBeTruthy();
  return rfq!.id;
}

test("the buyer sees ranked matches with reasons, an almost-qualified gap, and invites a proposed consortium", async ({
  page,
  loginAs,
  pageAs,
  request,
  browser,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const id = await demoRfqId(request);
  await loginAs("buyer2");
  await page.goto(`/rfq/${id}/pencocokan`);
  await expect(page.getByRole("heading", { name: TITLE })).toBeVisible();
  await expect(page.getByTestId("needs")).toContainText("Kain batik cap motif korporat: 9.000 lembar");
  // no reason chip widens the page beyond a 390 px screen (issue 17, item 1)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  const ranked = page.getByRole("list", { name: "Peringkat UMKM yang memenuhi syarat" });
  const first = ranked.getByTestId("match").first();
  await expect(first).toContainText(/CV Batik Sekar Jagad|CV Canting Mas Wiradesa/);
  await expect(first).toContainText("KBLI sama persis (13134)");
  await expect(first).toContainText("Produknya cocok dengan kata: kain, batik, cap");
  await expect(ranked).not.toContainText("CV Jlamprang Batik Krapyak");

  const almost = page.getByRole("list", { name: "Hampir memenuhi syarat" });
  const nearMiss = almost.getByTestId("almost").filter({ hasText: "CV Jlamprang Batik Krapyak" });
  await expect(nearMiss).toContainText("Belum memiliki sertifikat TKDN (minimum 25%)");
  await expect(nearMiss.getByRole("button", { name: "Undang: CV Jlamprang Batik Krapyak" })).toBeVisible();

  // Issue 17: the near-miss's public page. A visitor is offered sign-in; the buyer invites it to this RFQ.
  const profileUrl = new URL((await nearMiss.getByRole("link", { name: "CV Jlamprang Batik Krapyak" }).getAttribute("href"))!, page.url());
  const visitor = await browser.newPage();
  await visitor.goto(profileUrl.toString());
  await expect(visitor.getByText("Ingin mengundang pemasok ini?")).toBeVisible();
  await expect(visitor.getByRole("link", { name: "Masuk" }).last()).toHaveAttribute("href", /\/masuk\?callbackUrl=/);
  await visitor.close();
  await page.goto(profileUrl.pathname);
  const rfqSelect = page.getByRole("combobox", { name: "RFQ terbuka" });
  const option = rfqSelect.locator("option", { hasText: TITLE });
  await rfqSelect.selectOption((await option.getAttribute("value"))!);
  await page.getByRole("button", { name: "Undang ke RFQ ini" }).click();
  await expect(page.getByText("Undangan terkirim.")).toBeVisible();

  // Back on the matches: the near-miss is invited; two ranked UMKM are ticked and invited at once.
  await page.goto(`/rfq/${id}/pencocokan`);
  await expect(almost.getByTestId("almost").filter({ hasText: "CV Jlamprang Batik Krapyak" })).toContainText("Sudah diundang");
  const picks = ranked.getByRole("checkbox");
  await picks.nth(0).check();
  await picks.nth(1).check();
  await expect(page.getByText("2 UMKM dipilih")).toBeVisible();
  await page.getByRole("button", { name: "Undang yang dipilih" }).click();
  await expect(page.getByText(/^2 UMKM diundang/)).toBeVisible();

  // Issue 12: a consortium of one cluster's members is proposed first; the batik cooperative's members are that
  // cluster's too, so the proposal names both.
  await expect(page.getByTestId("consortium").first()).toContainText("Semua anggota klaster Klaster Batik Pekalongan");
  const proposal = page.getByTestId("consortium").filter({ hasText: "Koperasi Produsen Batik Sekar Pesisir" }).first();
  await expect(proposal).toBeVisible();
  await expect(proposal).toContainText(/menutup kebutuhan 9\.000 lembar/);
  await proposal.getByRole("button", { name: "Undang konsorsium ini" }).click();
  await expect(proposal.getByRole("status")).toContainText("diundang");
  await page.reload();
  await expect(page.getByText("Konsorsium yang sudah diundang")).toBeVisible();

  // another buyer organization: not found
  const other = await pageAs("buyer");
  const res = await other.goto(`/rfq/${id}/pencocokan`);
  expect(res?.status()).toBe(404);
});

test("an UMKM sees the RFQ recommended on its dashboard with its reasons, and first on its board", async ({ page, loginAs }) => {
  await loginAs("umkm");
  await page.goto("/dasbor");
  const card = page.getByRole("list", { name: "RFQ yang cocok untuk Anda" });
  const item = card.getByTestId("recommended-rfq").filter({ hasText: TITLE });
  await expect(item).toBeVisible();
  await expect(item).toContainText("Memenuhi syarat");
  await expect(item).toContainText("KBLI sama persis (13134)");

  // Issue 17: the board opens on "Cocok untuk saya" with the fit's reasons; the filters are folded.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/papan-rfq");
  await expect(page.getByRole("combobox", { name: "Urutkan" })).toHaveValue("fit");
  await expect(page.getByRole("searchbox", { name: "Kata kunci" })).toBeHidden();
  const fit = page.getByRole("article").filter({ hasText: TITLE }).getByTestId("board-fit");
  await expect(fit).toContainText("Memenuhi syarat");
  await expect(fit).toContainText("KBLI sama persis (13134)");
  await page.getByText("Saringan", { exact: true }).click();
  await expect(page.getByRole("searchbox", { name: "Kata kunci" })).toBeVisible();
});
