// Notifications in a real browser, on a phone-sized screen: the demo UMKM that was invited to an RFQ sees the
// unread count on the bell, opens /notifikasi, follows the invitation to the RFQ (marking it read: the count
// drops), then marks everything read. The email outbox page is for platform admins only (404 for others).
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

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
  await expect(page.getByRole("listitem").filter({ hasText: "Undangan RFQ: Fabrikasi pipe support dan flange" })).not.toHaveAttribute("data-unread", "true");
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
  await page.getByRole("link", { name: "Kotak keluar email" }).click();
  await expect(page).toHaveURL(/\/admin\/kotak-keluar$/);
  await expect(page.getByRole("heading", { level: 1, name: "Kotak keluar email" })).toBeVisible();
  await expect(page.getByText(/SMTP belum dikonfigurasi/)).toBeVisible();

  const umkm = await pageAs("umkm");
  const res = await umkm.goto("/admin/kotak-keluar");
  expect(res?.status()).toBe(404);
});
