// The app is up, speaks Bahasa Indonesia by default, and reaches its database.
import { expect, test } from "./fixtures";

test("the landing page loads in Bahasa Indonesia", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await expect(page).toHaveTitle(/Rantai/);
});

test("/api/health reports the app and its database ok", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});

test("a demo account signs in and reaches the dashboard", async ({ page, loginAs }) => {
  await loginAs("admin");
  await expect(page).toHaveURL(/\/dasbor/);
});
