// Shared Playwright fixtures: sign in as one of the demo accounts that `npm start` seeds into the e2e
// server's fresh embedded database (prisma/seed/demo.ts, accounts from lib/auth/demo-accounts.ts; keep the two lists in step).
//
//   import { test, expect } from "./fixtures";
//
//   test("a buyer sees their RFQs", async ({ page, loginAs }) => {
//     await loginAs("buyer");                  // signs in on `page` through /masuk, waits for /dasbor
//     await page.goto("/rfq");
//   });
//
//   test("another tenant gets 404", async ({ page, loginAs, pageAs }) => {
//     await loginAs("buyer");                  // one user on `page` ...
//     const other = await pageAs("buyer2");    // ... and another in a browser context of its own
//   });
//
// Signing in goes through the real form every time (about a second): that is what users do, and no test
// relies on a stored session another test may have changed.
import { test as base, expect, type BrowserContext, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "rantai-demo";

export const DEMO_ACCOUNTS = {
  admin: "admin@demo.rantai.id",
  umkm: "umkm@demo.rantai.id",
  umkm2: "umkm2@demo.rantai.id",
  buyer: "buyer@demo.rantai.id",
  buyer2: "buyer2@demo.rantai.id",
  koperasi: "koperasi@demo.rantai.id",
  kementerian: "kementerian@demo.rantai.id",
  bank: "bank@demo.rantai.id",
  // issue 12: the programme layer (prisma/seed/demo-clusters.ts)
  klaster: "klaster@demo.rantai.id",
  pemprov: "pemprov@demo.rantai.id",
  pemkab: "pemkab@demo.rantai.id",
} as const;

export type DemoRole = keyof typeof DEMO_ACCOUNTS;

/** Where a successful sign-in lands. */
const DASHBOARD = /\/dasbor(?:[/?#]|$)/;

/**
 * Waits until React has hydrated `element` (attached its event handlers). Until then a click on a submit
 * button does a native form submission instead of the component's onSubmit: the page reloads with an empty
 * form and the test waits in vain. `load` is not enough: React 19 hydrates in scheduled chunks after it,
 * and on a busy 2-core machine that can take seconds. React marks hydrated DOM nodes with `__reactProps$…`.
 */
export async function waitForHydration(element: Locator): Promise<void> {
  await expect
    .poll(() => element.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactProps$"))), {
      message: "the element was never hydrated by React",
      timeout: 20_000,
    })
    .toBe(true);
}

/** Signs `page` in as a demo account through the sign-in page and waits for the dashboard. */
async function loginAs(page: Page, role: DemoRole): Promise<void> {
  const response = await page.goto("/masuk");
  if (!response?.ok()) {
    throw new Error(`loginAs("${role}"): /masuk answered ${response?.status() ?? "nothing"}, so there is no sign-in form`);
  }
  await waitForHydration(page.locator("form").filter({ has: page.getByLabel("Kata sandi", { exact: true }) }));
  await page.getByLabel("Email", { exact: true }).fill(DEMO_ACCOUNTS[role]);
  await page.getByLabel("Kata sandi", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  try {
    // "commit": the URL is what matters; a loaded machine may hold back the "load" event for long.
    await page.waitForURL(DASHBOARD, { timeout: 30_000, waitUntil: "commit" });
  } catch (err) {
    // Say why: the form's error message, if any (Next's route announcer is an empty role=alert too).
    const alerts = (
      await page
        .getByRole("alert")
        .allInnerTexts()
        .catch(() => [])
    ).filter((s) => s.trim());
    throw new Error(
      `loginAs("${role}") did not reach /dasbor; still at ${page.url()}` +
        (alerts.length ? ` showing: ${alerts.join(" | ")}` : "") +
        ` (${(err as Error).message.split("\n")[0]})`,
    );
  }
}

/** One `securitypolicyviolation` event seen in a page (issue 11: the CSP must block nothing the app does). */
interface CspViolation {
  page: string;
  directive: string;
  blocked: string;
  sample: string;
}

/**
 * Reports every Content-Security-Policy violation in `context`'s pages to `sink`, across navigations: a
 * listener installed before any page script runs, calling a binding. Cheap (no request interception).
 */
async function watchCsp(context: BrowserContext, sink: CspViolation[]): Promise<void> {
  await context.exposeBinding("__rantaiCspViolation", (_source, v: CspViolation) => void sink.push(v));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __rantaiCspViolation?: (v: unknown) => void }).__rantaiCspViolation;
      report?.({ page: location.pathname, directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample });
    });
  });
}

function expectNoCspViolations(violations: CspViolation[]): void {
  expect(violations, `Content-Security-Policy violations:\n${violations.map((v) => JSON.stringify(v)).join("\n")}`).toEqual([]);
}

interface Fixtures {
  /** Signs the test's `page` in as a demo account. */
  loginAs: (role: DemoRole) => Promise<void>;
  /** A new page, in its own browser context (own cookies), signed in as a demo account; closed after the test. */
  pageAs: (role: DemoRole) => Promise<Page>;
}

export const test = base.extend<Fixtures>({
  // Every e2e page fails its test on any CSP violation (the policy must not break a page the app renders).
  context: async ({ context }, use) => {
    const violations: CspViolation[] = [];
    await watchCsp(context, violations);
    await use(context);
    expectNoCspViolations(violations);
  },
  loginAs: async ({ page }, use) => {
    await use((role) => loginAs(page, role));
  },
  pageAs: async ({ browser }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    const violations: CspViolation[] = [];
    await use(async (role) => {
      // Contexts made from the `browser` fixture get the config's `use` options (baseURL, locale).
      const context = await browser.newContext();
      await watchCsp(context, violations);
      contexts.push(context);
      const page = await context.newPage();
      await loginAs(page, role);
      return page;
    });
    await Promise.all(contexts.map((c) => c.close()));
    expectNoCspViolations(violations);
  },
});

export { expect };
