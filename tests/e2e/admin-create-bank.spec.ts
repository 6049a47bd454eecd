// Issue 16 item 4 in the browser: banks cannot sign up, so a platform admin creates one at /admin/organisasi/baru
// with its first owner invited by e-mail; the owner opens the link from the e-mail (read from the outbox on
// /admin/kotak-keluar, as a developer without SMTP would), signs up on the invitation page and lands on the
// bank's dashboard acting for the new bank, with the bank's menu.
import { randomBytes } from "node:crypto";
import { expect, test, waitForHydration } from "./fixtures";

test("an admin creates a bank whose invited owner signs up from the e-mailed link and acts for it", async ({ page, loginAs, browser }) => {
  test.setTimeout(180_000);
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  const bankName = `Bank Pembangunan Daerah Uji ${runId}`;
  const ownerEmail = `pemilik.${runId}@bank.rantai.test`;

  // --- the admin creates the bank ------------------------------------------------------------------------
  await loginAs("admin");
  await page.goto("/admin/organisasi/baru");
  const form = page.locator("form").filter({ has: page.getByLabel("Email pemilik pertama") });
  await waitForHydration(form);
  await form.getByLabel("Jenis organisasi").selectOption("bank");
  await form.getByLabel("Nama organisasi").fill(bankName);
  await form.getByLabel("Email pemilik pertama").fill(ownerEmail);
  await form.getByRole("button", { name: "Buat dan undang pemilik" }).click();
  await page.waitForURL(/\/admin\/organisasi\/(?!baru)[^/?#]+/);
  await expect(page.getByRole("heading", { level: 1, name: bankName })).toBeVisible();
  const bankPage = new URL(page.url()).pathname;

  // --- the invitation, as the outbox shows it -------------------------------------------------------------
  await page.goto("/admin/kotak-keluar");
  const mail = page.getByTestId("outbox-row").filter({ hasText: ownerEmail }).first();
  await expect(mail).toBeVisible();
  await mail.getByText("Lihat isi").click();
  const text = await mail.locator("pre").innerText();
  const link = text.match(/https?:\/\/\S+\/undangan#token=\S+/)?.[0];
  expect(link, `no invitation link in:\n${text}`).toBeTruthy();

  // --- the bank's owner, in their own browser, signs up and lands acting for the bank ---------------------
  const context = await browser.newContext();
  const owner = await context.newPage();
  await owner.goto(new URL(link!).pathname + new URL(link!).hash);
  await expect(owner.getByText(new RegExp(`Anda diundang bergabung dengan ${bankName} \\(.+\\) sebagai Pemilik\\.`))).toBeVisible();
  const signUp = owner.locator("form").filter({ has: owner.getByLabel("Nama lengkap") });
  await waitForHydration(signUp);
  await signUp.getByLabel("Nama lengkap").fill("Pemilik Bank Uji");
  await signUp.getByLabel("Kata sandi", { exact: true }).fill("tenun-ikat-sumba-7");
  await signUp.getByRole("button", { name: "Buat akun dan bergabung" }).click();
  await owner.waitForURL(/\/dasbor(?:[?#]|$)/, { timeout: 30_000 });
  await expect(owner.getByText(bankName).first()).toBeVisible();
  await expect(owner.getByRole("link", { name: "Pembiayaan" }).first()).toBeVisible();

  // --- and the admin sees the owner as the bank's member --------------------------------------------------
  await page.goto(bankPage);
  await expect(page.getByText(ownerEmail).first()).toBeVisible();
  await context.close();
});
