// Issue 16 item 1 on a phone: a buyer's owner invites a colleague by e-mail from the team page, the colleague
// opens the link from the e-mail (read from the outbox on /admin/kotak-keluar, as a developer without SMTP
// would), signs up on the invitation page, lands on the buyer's dashboard and posts an RFQ; the owner then
// sees them in the team with their role, and the used link no longer works.
import { randomBytes } from "node:crypto";
import { expect, test, waitForHydration } from "./fixtures";

const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE });

/** A `datetime-local` value `days` from now in WIB (the form's time zone). */
function wibLocal(days: number): string {
  return new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 16);
}

test("a buyer owner invites a colleague, who signs up from the e-mailed link and posts an RFQ", async ({
  page,
  loginAs,
  pageAs,
  browser,
}) => {
  test.setTimeout(240_000);
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  const email = `rekan.${runId}@pembeli.rantai.test`;
  const title = `Pengadaan seragam kerja ${runId}`;

  // --- the owner invites from the team page, reached from the dashboard -------------------------------
  await loginAs("buyer");
  await page.goto("/dasbor");
  await page.getByRole("link", { name: "Kelola tim" }).click();
  await expect(page).toHaveURL(/\/organisasi\/anggota$/);
  await expect(page.getByRole("heading", { level: 1, name: "Tim" })).toBeVisible();
  const invite = page.locator("form").filter({ has: page.getByLabel("Alamat e-mail") });
  await waitForHydration(invite);
  await invite.getByLabel("Alamat e-mail").fill(email);
  await invite.getByLabel("Peran", { exact: true }).selectOption({ label: "Anggota" });
  await invite.getByRole("button", { name: "Kirim undangan" }).click();
  await expect(page.getByText(`Undangan terkirim ke ${email}.`)).toBeVisible();
  await expect(page.getByRole("list", { name: "Undangan tertunda" }).getByText(email)).toBeVisible();

  // --- the e-mail, as the outbox shows it ---------------------------------------------------------------
  const admin = await pageAs("admin");
  await admin.goto("/admin/kotak-keluar");
  const mail = admin.getByTestId("outbox-row").filter({ hasText: email }).first();
  await expect(mail).toBeVisible();
  await mail.getByText("Lihat isi").click();
  const text = await mail.locator("pre").innerText();
  const link = text.match(/https?:\/\/\S+\/undangan#token=\S+/)?.[0];
  expect(link, `no invitation link in:\n${text}`).toBeTruthy();

  // --- the colleague, on their own phone, opens the link and signs up -----------------------------------
  const context = await browser.newContext({ viewport: PHONE });
  const colleague = await context.newPage();
  const requested: string[] = [];
  colleague.on("request", (r) => requested.push(r.url()));
  await colleague.goto(new URL(link!).pathname + new URL(link!).hash);
  await expect(colleague.getByText(/Anda diundang bergabung dengan .+ sebagai Anggota\./)).toBeVisible();
  // The token never went to the server in a URL, and does not stay in the address bar.
  const token = new URL(link!).hash.replace("#token=", "");
  expect(requested.filter((u) => u.includes(token))).toEqual([]);
  await expect.poll(() => colleague.url()).not.toContain("token=");
  const signUp = colleague.locator("form").filter({ has: colleague.getByLabel("Nama lengkap") });
  await waitForHydration(signUp);
  await signUp.getByLabel("Nama lengkap").fill("Rekan Pengadaan Uji");
  await signUp.getByLabel("Kata sandi", { exact: true }).fill("tenun-ikat-sumba-7");
  await signUp.getByRole("button", { name: "Buat akun dan bergabung" }).click();
  await colleague.waitForURL(/\/dasbor(?:[?#]|$)/, { timeout: 30_000 });

  // --- and posts an RFQ for the buyer -------------------------------------------------------------------
  await colleague.goto("/rfq/baru");
  const form = colleague.getByRole("form", { name: "RFQ baru" });
  await waitForHydration(form);
  await form.getByLabel("Judul RFQ").fill(title);
  await form.getByLabel("Cari KBLI").fill("13134");
  await form.getByRole("button", { name: /^13134/ }).click();
  await form.getByLabel("Provinsi pengiriman").selectOption({ label: "Jawa Tengah" });
  await form.getByLabel("Kabupaten/kota pengiriman").selectOption("33.75");
  await form.getByLabel("Batas waktu penawaran (WIB)").fill(wibLocal(10));
  const item = form.getByRole("listitem", { name: "Barang 1" });
  await item.getByLabel("Nama barang").fill("Kemeja kerja lengan panjang");
  await item.getByLabel("Jumlah").fill("300");
  await item.getByLabel("Satuan", { exact: true }).fill("potong");
  await form.getByRole("button", { name: "Simpan draf" }).click();
  await colleague.waitForURL(/\/rfq\/(?!baru)[^/?]+\?saved=1$/);
  const publish = colleague.getByRole("button", { name: "Terbitkan RFQ" });
  await waitForHydration(publish);
  await publish.click();
  await expect(colleague.getByText("Terbuka", { exact: true })).toBeVisible();

  // --- the owner sees the new member; the used link no longer works ----------------------------------
  await page.reload();
  const members = page.getByRole("list", { name: "Anggota" });
  await expect(members.getByText(email)).toBeVisible();
  await expect(page.getByRole("list", { name: "Undangan tertunda" })).toHaveCount(0);

  const again = await context.newPage();
  await again.goto(new URL(link!).pathname + new URL(link!).hash);
  await expect(again.getByText(/Undangan ini tidak berlaku lagi/)).toBeVisible();
  await context.close();
});
