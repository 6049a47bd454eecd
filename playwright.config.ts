// End-to-end tests (tests/e2e/**/*.spec.ts) in a real browser against the real app, started the way a user
// starts it (`npm start`: migrations, demo data on an empty embedded database, build when missing or
// stale, serve) on its own fresh embedded database, deleted before every run so runs are reproducible.
//
//   npm run test:e2e                      build if needed, start on :3100, run all specs
//   E2E_PORT=3200 npm run test:e2e        another port (and data dir), e.g. next to a running dev server
//   E2E_BASE_URL=http://localhost:3000 npx playwright test tests/e2e/smoke.spec.ts
//                                         use a server you started yourself (nothing is started or reset)
//
// Browser: Debian's /usr/bin/chromium when installed (`apt-get install -y chromium`; Playwright's browser
// downloads are unreachable here), else Playwright's own (`npx playwright install chromium` on a laptop).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, devices } from "@playwright/test";
import { assertLocalDatabase } from "./tests/setup/assert-local-database";

const root = path.dirname(fileURLToPath(import.meta.url));
const CI = !!process.env.CI;

assertLocalDatabase();

const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const systemChromium = fs.existsSync(SYSTEM_CHROMIUM);

const externalBaseUrl = process.env.E2E_BASE_URL?.trim();
const port = Number(process.env.E2E_PORT || 3100);
// localhost, as a user types it (and as npm start tells next-auth, see NEXTAUTH_URL below).
const baseURL = externalBaseUrl || `http://localhost:${port}`;
// Per port, so two runs on different ports never open the same embedded database (one process only).
const dataDir = path.join(root, ".data", `e2e-${port}`);

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results",
  // 2-core machine shared with the server: two browsers at most. Files run in parallel, tests in a file
  // in order. Specs must not depend on each other's rows (create what a test needs, with unique values).
  workers: Number(process.env.E2E_WORKERS || 2),
  fullyParallel: false,
  forbidOnly: CI,
  // No retries: a flaky test is a bug to fix, not to hide.
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: CI ? [["list"]] : [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL,
    // Rantai's users are Indonesian; the app picks its language from Accept-Language.
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // Signs every demo account in once (tests/e2e/sessions.setup.ts) for the specs' loginAs / pageAs.
    { name: "sessions", testMatch: "sessions.setup.ts" },
    {
      name: "chromium",
      dependencies: ["sessions"],
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: systemChromium
          ? {
              executablePath: SYSTEM_CHROMIUM,
              args: [
                "--no-sandbox",
                "--headless",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
              ],
            }
          : {},
      },
    },
  ],
  webServer: externalBaseUrl
    ? undefined
    : {
        // Delete the data dir first (the config module is also loaded by every worker, so this cannot
        // happen at the top of this file), then start like a user: `npm start`.
        command: `node -e "require('node:fs').rmSync(process.env.PGLITE_DATA_DIR, { recursive: true, force: true })" && npm start`,
        cwd: root,
        env: {
          PORT: String(port),
          PGLITE_DATA_DIR: dataDir,
          // Always the embedded database: never a DATABASE_URL from the shell.
          DATABASE_URL: "",
          // The base demo data and the clusters only: the national data (2,000 UMKM, prisma/seed/national.ts)
          // would slow the start and change what the specs count.
          SEED_NATIONAL_UMKM: "0",
          // next-auth builds its redirect URLs from this: the address the browser uses.
          NEXTAUTH_URL: baseURL,
          NEXT_TELEMETRY_DISABLED: "1",
          // Every browser here is 127.0.0.1, and the server counts sign-ups and failed sign-ins per TCP peer
          // (issue 11): one address standing in for many users, as behind one NAT. The per-account limit
          // keeps its strict default.
          SIGNUP_LIMIT_PER_ADDRESS: "10000",
          LOGIN_LIMIT_PER_ADDRESS: "10000",
        },
        // Ready when the app answers and reaches its database.
        url: `${baseURL}/api/health`,
        // Cold `next build` on 2 cores plus migrations and demo data.
        timeout: 600_000,
        reuseExistingServer: false,
        stdout: "pipe",
        stderr: "pipe",
        gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      },
});
