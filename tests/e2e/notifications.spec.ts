// Notifications in a real browser, on a phone-sized screen: the demo UMKM that was invited to an RFQ sees the
// unread count on the bell, opens /notifikasi, follows the invitation to the RFQ (marking it read: the count
// drops), then marks everything read. The email outbox page is for platform admins only (404 for others).
// With a page left open, the bell follows notifications another user's action creates: not while the tab is
// hidden, at once when it becomes visible or gets focus, and every 30 s (Playwright's clock), announced politely.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test, waitForHydration } from "./fixtures";

const bell = (page: Page) => page.getByRole("link", { name: /^Notifikasi, / });

/** The number in the bell's accessible name ("Notifikasi, 2 belum dibaca" → 2; "… tidak ada …" → 0). */
async function unreadOnBell(page: Page): Promise<number> {
  const label = (await bell(page).getAttribute("aria-label")) ?? "";
  const m = label.match(/(\d+) belum dibaca/);
  return m ? Number(m[1]) : 0;
}

test.use({ viewport: { width: 375, height: 740 } });

test("an invited UMKM sees the unread count, opens the invitation from /notifikasi, and the count drops", async ({ page, loginAs }) => {
  await loginAs("umkm2");
  await page.goto("/dasbor");
  await expect(bell(page)).toBeVisible();
  const before = await unreadOnBell(page);
  expect(before).toBeGreaterThanOrEqual(2); // the seeded invitation and agreement notifications
  await expect(bell(page)).toHaveAttribute("aria-label", `Notifikasi, ${before} belum dibaca`);

  await bell(page).click();
  await expect(page).toHaveURL(/\/notifikasi$/);
  await expect(page.getByRole("heading", { level: 1, name: "Notifikasi" })).toBeVisible();
  const invitation = page.getByRole("listitem").filter({ hasText: "Undangan RFQ: Fabrikasi pipe support dan flange" });
  await expect(invitation).toHaveAttribute("data-unread", "true");
  await expect(invitation).toContainText("Baru");
  await expect(invitation).toContainText("WIB"); // the deadline, in the reader's language and zone

  // The page fits a phone: nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  await invitation.getByRole("button").click();
  await expect(page).toHaveURL(/\/papan-rfq\/[^/?#]+$/);
  await expect.poll(() => unreadOnBell(page)).toBe(before - 1);

  await page.goto("/notifikasi");
  await expect(page.getByRole("listitem").filter({ hasText: "Undangan RFQ: Fabrikasi pipe support dan flange" })).not.toHaveAttribute(
    "data-unread",
    "true",
  );
  // The agreement notification is still unread: mark everything read.
  await expect(page.getByRole("listitem").filter({ hasText: "Perjanjian aktif" })).toHaveAttribute("data-unread", "true");
  await page.getByRole("button", { name: "Tandai semua dibaca" }).click();
  await expect(bell(page)).toHaveAttribute("aria-label", "Notifikasi, tidak ada yang belum dibaca");
  await expect(page.getByTestId("unread-summary")).toHaveText("Semua sudah dibaca");
  await page.getByRole("navigation", { name: "Tampilkan" }).getByRole("link", { name: "Belum dibaca", exact: true }).click();
  await expect(page.getByText("Tidak ada notifikasi yang belum dibaca")).toBeVisible();
});

test("the email outbox is for platform admins: linked from their dashboard, 404 for an UMKM", async ({ page, loginAs, pageAs }) => {
  await loginAs("admin");
  await page.goto("/dasbor");
  await page.getByRole("link", { name: "Kotak keluar email" }).click();
  await expect(page).toHaveURL(/\/admin\/kotak-keluar$/);
  await expect(page.getByRole("heading", { level: 1, name: "Kotak keluar email" })).toBeVisible();
  await expect(page.getByText(/SMTP belum dikonfigurasi/)).toBeVisible();

  const umkm = await pageAs("umkm");
  const res = await umkm.goto("/admin/kotak-keluar");
  expect(res?.status()).toBe(404);
});

test("with the page open, the bell follows a buyer's answers: paused while hidden, on return, on focus, every 30 s", async ({
  page,
  loginAs,
  pageAs,
}) => {
  test.setTimeout(120_000);
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  const question = `Apakah gambar kerja flange sudah revisi terakhir? (${runId})`;
  const status = page.getByTestId("notification-bell-status");

  // The buyer's RFQ, to which the metal workshop (umkm2) is invited.
  const buyer = await pageAs("buyer");
  await buyer.goto("/rfq");
  await buyer.getByRole("link", { name: "Fabrikasi pipe support dan flange untuk terminal BBM Balikpapan" }).click();
  await buyer.waitForURL(/\/rfq\/[^/?#]+$/);
  const rfqId = new URL(buyer.url()).pathname.split("/").pop()!;

  // The workshop asks a question, then leaves the page open (no navigation, no reload from here on).
  await loginAs("umkm2");
  await page.clock.install();
  await page.goto(`/papan-rfq/${rfqId}`);
  const ask = page.getByRole("form", { name: "Ajukan pertanyaan" });
  await waitForHydration(ask);
  await ask.getByLabel("Pertanyaan untuk pembeli", { exact: true }).fill(question);
  await ask.getByRole("button", { name: "Kirim pertanyaan" }).click();
  await expect(page.getByText("Pertanyaan terkirim.", { exact: false })).toBeVisible();
  await waitForHydration(bell(page));
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
  const before = await unreadOnBell(page);
  await expect(status).toHaveText("");

  const countRequests: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/v1/notifications/unread-count")) countRequests.push(r.url());
  });
  const setVisibility = (state: "hidden" | "visible") =>
    page.evaluate((s) => {
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => s });
      Object.defineProperty(document, "hidden", { configurable: true, get: () => s === "hidden" });
      document.dispatchEvent(new Event("visibilitychange"));
    }, state);

  /** The buyer answers the question (again: a revised answer notifies again). */
  async function buyerAnswers(answer: string, { revise = true } = {}) {
    await buyer.goto(`/rfq/${rfqId}`);
    const item = buyer.getByRole("listitem").filter({ hasText: question });
    const edit = item.getByRole("button", { name: "Ubah jawaban" });
    if (revise) {
      await waitForHydration(edit);
      await edit.click();
    }
    const box = item.getByLabel("Jawaban", { exact: true });
    await waitForHydration(box);
    await box.fill(answer);
    await item.getByRole("button", { name: "Kirim jawaban" }).click();
    // Saved: the form closes and the answer is shown.
    await expect(edit).toBeVisible();
    await expect(item.locator("p").filter({ hasText: answer })).toBeVisible();
  }

  // 1. The tab is hidden: the buyer answers, a minute passes, the bell does not ask.
  await setVisibility("hidden");
  await buyerAnswers(`Ya, revisi C (${runId}).`, { revise: false });
  await page.clock.fastForward("01:00");
  await page.waitForTimeout(500);
  expect(countRequests).toEqual([]);
  expect(await unreadOnBell(page)).toBe(before);

  // 2. Back to the tab: it asks at once, the count goes up and is announced.
  await setVisibility("visible");
  await expect.poll(() => unreadOnBell(page)).toBeGreaterThan(before);
  const afterFirst = await unreadOnBell(page);
  expect(countRequests[0]).toContain("userId=");
  await expect(status).toHaveText(`${afterFirst} notifikasi belum dibaca`);
  await expect(bell(page)).toHaveAttribute("aria-label", `Notifikasi, ${afterFirst} belum dibaca`);
  await expect(page.getByTestId("notification-bell").locator("span[aria-hidden]")).toHaveText(String(afterFirst));

  // 3. Visible and left alone: the next 30-second poll brings the revised answer's notification.
  await buyerAnswers(`Ya, revisi D (${runId}).`);
  const asked = countRequests.length;
  await page.clock.fastForward(30_000);
  await expect.poll(() => unreadOnBell(page)).toBeGreaterThan(afterFirst);
  expect(countRequests.length).toBeGreaterThan(asked);
  const afterSecond = await unreadOnBell(page);
  await expect(status).toHaveText(`${afterSecond} notifikasi belum dibaca`);

  // 4. Focus (coming back from another window) asks at once too.
  await buyerAnswers(`Ya, revisi E (${runId}).`);
  await page.evaluate(() => window.dispatchEvent(new Event("focus")));
  await expect.poll(() => unreadOnBell(page)).toBeGreaterThan(afterSecond);

  // All without leaving the page.
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});
