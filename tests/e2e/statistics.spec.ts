// /statistik: the public sees aggregates (map, figures, charts with table views and CSV downloads) and
// filters them through the URL; ministry staff also see the named suppliers behind the figures.
import fs from "node:fs";
import { expect, test } from "./fixtures";

test("a visitor sees the map, filters by province, opens a table and downloads its CSV; no named suppliers", async ({ page }) => {
  await page.goto("/statistik");
  await expect(page.getByRole("heading", { level: 1, name: "Statistik Kemitraan UMKM" })).toBeVisible();
  const map = page.getByTestId("province-map");
  await expect(map.getByRole("img", { name: "Peta Indonesia: jumlah kemitraan per provinsi" })).toBeVisible();
  await expect(map.locator("path[data-province]")).toHaveCount(38);
  await expect(page.getByTestId("drilldown")).toHaveCount(0);
  await expect(page.getByText("Pemasok dengan nilai kemitraan terbesar")).toHaveCount(0);

  // The province table (the map's data as a table) says how many partnerships Central Java has.
  const total = Number((await page.getByTestId("figure-agreements").innerText()).replace(/\D/g, ""));
  expect(total).toBeGreaterThan(0);
  // Agreements completed with open milestones are counted apart (issue 11 item 16): one line under the figures.
  await expect(page.getByTestId("completed-open")).toContainText("diselesaikan dengan tahap yang belum dikirim atau belum dibayar");
  const provinceCard = page.locator("#by-province");
  await provinceCard.getByText("Tampilkan tabel").click();
  const jatengRow = provinceCard.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Jawa Tengah", exact: true }) });
  const jateng = Number((await jatengRow.getByRole("cell").nth(1).innerText()).replace(/\D/g, ""));
  expect(jateng).toBeGreaterThan(0);
  expect(jateng).toBeLessThan(total); // the demo has partnerships outside Central Java too

  await page.getByRole("combobox", { name: "Provinsi" }).selectOption("33");
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/province=33/);
  await expect(page.getByTestId("figure-agreements")).toHaveText(String(jateng));
  await expect(page.getByTestId("active-filters")).toContainText("Jawa Tengah");

  // Table view of the by-scheme chart, and its CSV.
  const scheme = page.locator("section").filter({ has: page.getByRole("heading", { name: "Per skema kemitraan (PP 7/2021)" }) });
  await scheme.getByText("Tampilkan tabel").click();
  await expect(scheme.getByRole("columnheader", { name: "Kemitraan" })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), scheme.getByRole("link", { name: /Unduh CSV/ }).click()]);
  expect(download.suggestedFilename()).toBe("rantai-kemitraan-scheme.csv");
  const csv = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  expect(csv.split(/\r?\n/)[0]).toBe("key,label,agreements,valueIdr,suppliers");
  const csvTotal = csv
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .reduce((n, line) => n + Number(line.split(",").at(-3)), 0);
  expect(csvTotal).toBe(jateng); // the CSV carries the page's filter
});

test("a bad filter value gets a clear message, not an error page", async ({ page }) => {
  await page.goto("/statistik?from=2026-13&province=33");
  await expect(page.getByText(/Sebagian filter tidak valid/)).toContainText("TTTT-BB");
  await expect(page.getByTestId("active-filters")).toContainText("Jawa Tengah"); // the valid filter still applies
});

test("ministry staff see the named suppliers behind the figures", async ({ page, loginAs }) => {
  await loginAs("kementerian");
  await page.goto("/statistik");
  const drill = page.getByTestId("drilldown");
  await expect(drill).toBeVisible();
  await expect(drill.getByRole("row").nth(1)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Pemasok dengan nilai kemitraan terbesar" })).toBeVisible();
});
