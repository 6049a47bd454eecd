// Issue 12 in the browser, one journey: a cluster's invited UMKM accepts from the cluster page, the cluster
// manager accepts a request to join on its management page, and a visitor sees the cluster's public page with
// its anchor and the sign-in offer. Demo data: prisma/seed/demo-clusters.ts (the Jawa Barat electric-motorcycle
// components cluster run by klaster@, with an invitation for umkm2@'s workshop and a request waiting).
import { expect, test } from "./fixtures";

const CLUSTER = "Klaster Komponen Motor Listrik Jawa Barat";

test("an invited UMKM joins a cluster, the manager accepts a request, the public page shows the cluster", async ({
  page,
  loginAs,
  pageAs,
  browser,
}) => {
  test.setTimeout(180_000);

  // --- the invited workshop finds the cluster in the public list and accepts its invitation -------------------
  await loginAs("umkm2");
  await page.goto("/klaster");
  await page.getByRole("link", { name: CLUSTER }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: CLUSTER })).toBeVisible();
  const clusterUrl = new URL(page.url()).pathname;
  await expect(page.getByText("Pengelola klaster mengundang organisasi Anda menjadi anggota.")).toBeVisible();
  await page.getByRole("button", { name: "Terima undangan" }).click();
  // The action revalidates the page: the panel turns into the member's view.
  await expect(page.getByText("Organisasi Anda anggota klaster ini.")).toBeVisible();

  // --- the manager accepts the request waiting on its management page --------------------------------------
  const manager = await pageAs("klaster");
  await manager.goto(clusterUrl);
  await manager.getByRole("link", { name: "Kelola klaster" }).click();
  await manager.waitForURL(/\/kelola$/);
  await expect(manager.getByRole("heading", { level: 1, name: CLUSTER })).toBeVisible();
  const section = (name: string | RegExp) => manager.locator("section").filter({ has: manager.getByRole("heading", { level: 2, name }) });
  const requests = section("Permintaan bergabung");
  await requests.getByRole("button", { name: "Terima: CV Sidoarjo Presisi Mandiri" }).click();
  await expect(requests.getByText("CV Sidoarjo Presisi Mandiri")).toHaveCount(0);
  const members = section(/^Anggota \(\d+\)$/);
  await expect(members.getByText("UD Logam Presisi Tegal")).toBeVisible();
  await expect(members.getByText("CV Sidoarjo Presisi Mandiri")).toBeVisible();

  // --- a visitor sees the public page: the anchor, figures under the disclosure rule, an offer to sign in -----
  const context = await browser.newContext();
  const visitor = await context.newPage();
  const response = await visitor.goto(clusterUrl);
  expect(response?.status()).toBe(200);
  await expect(visitor.getByRole("heading", { level: 1, name: CLUSTER })).toBeVisible();
  await expect(visitor.getByText("PT Garuda Otomotif Manufaktur").first()).toBeVisible();
  await expect(visitor.getByText("Masuk sebagai UMKM atau koperasi untuk meminta bergabung ke klaster ini.")).toBeVisible();
  await context.close();
});
