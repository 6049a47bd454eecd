// Shared Playwright fixtures: be signed in as one of the demo accounts that `npm start` seeds into the e2e
// server's fresh embedded database (prisma/seed/demo.ts, accounts from lib/auth/demo-accounts.ts; keep the two lists in step).
//
//   import { test, expect } from "./fixtures";
//
//   test("a buyer sees their RFQs", async ({ page, loginAs }) => {
//     await loginAs("buyer");                  // `page` now carries the buyer's session (no navigation)
//     await page.goto("/rfq");
//   });
//
//   test("another tenant gets 404", async ({ page, loginAs, pageAs }) => {
//     await loginAs("buyer");                  // one user on `page` ...
//     const other = await pageAs("buyer2");    // ... and another in a browser context of its own (blank page)
//   });
//
// The sessions come from sessions.setup.ts, which signs each demo account in once per run through the real
// sign-in endpoint (a UI sign-in per test cost ~3 s, ~75 times a run). Sessions are JWTs: no test can end
// another's (signing out only drops the cookie; a password change would, and no spec changes a demo
// account's password). The sign-in form itself is driven in auth.spec.ts.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
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

/** Where sessions.setup.ts keeps each demo account's signed-in cookies (test-results/ is the run's output dir). */
export const SESSION_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "test-results", ".auth");
export const sessionFile = (role: DemoRole) => path.join(SESSION_DIR, `${role}.json`);

/** The stored session of a demo account (its cookies), as `browser.newContext({ storageState })` takes it. */
function storedSession(role: DemoRole): string {
  const file = sessionFile(role);
  if (!fs.existsSync(file)) {
    throw new Error(`no stored session for ${role} (${file}): the "sessions" project (sessions.setup.ts) runs first unless --no-deps`);
  }
  return file;
}

/** Gives `context` the demo account's session cookies (replacing any session it had, as signing in does). */
async function signInContext(context: BrowserContext, role: DemoRole): Promise<void> {
  const { cookies } = JSON.parse(fs.readFileSync(storedSession(role), "utf8")) as {
    cookies: Parameters<BrowserContext["addCookies"]>[0];
  };
  await context.addCookies(cookies);
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
  /** Signs the test's `page` in as a demo account (its stored session); does not navigate. */
  loginAs: (role: DemoRole) => Promise<void>;
  /** A new blank page, in its own browser context (own cookies), signed in as a demo account; closed after the test. */
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
  loginAs: async ({ context }, use) => {
    await use((role) => signInContext(context, role));
  },
  pageAs: async ({ browser }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    const violations: CspViolation[] = [];
    await use(async (role) => {
      // Contexts made from the `browser` fixture get the config's `use` options (baseURL, locale).
      const context = await browser.newContext({ storageState: storedSession(role) });
      await watchCsp(context, violations);
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((c) => c.close()));
    expectNoCspViolations(violations);
  },
});

export { expect };
