// Vitest configuration: two tiers run by Vitest (Playwright runs the third, see playwright.config.ts).
//
//   unit                 tests/unit/**/*.test.ts                    no database
//   integration-pglite   tests/integration/**/*.integration.test.ts embedded PGlite, always
//   integration-pg       the same files on PostgreSQL               only when TEST_DATABASE_URL is set
//                        (then a few pure-TypeScript sweeps run on PostgreSQL only: see postgresOnly below)
//
// Each integration project migrates one template database in its global setup (tests/setup/); every test
// file then gets its own copy through useTestDatabase() from tests/helpers/db.ts. An unreachable
// TEST_DATABASE_URL fails the run in global setup: it never turns into skipped tests.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

const integrationFiles = ["tests/integration/**/*.integration.test.ts"];

// Test code must never fall back to the developer's own database (DATABASE_URL, or the embedded one under
// .data/). lib/db's lazy `db` reads DATABASE_URL only when nothing was handed to setDb(), so point it at a
// host that cannot resolve: forgetting useTestDatabase() fails loudly, with the reason in the error.
const unitEnv = { DATABASE_URL: "postgresql://unit-tests-have-no-database.invalid/none" };
const integrationEnv = { DATABASE_URL: "postgresql://call-useTestDatabase-in-this-file.invalid/none" };

// Files that run on PostgreSQL only, when it is configured (docs/decisions/0037-integration-tests-per-engine.md): sweeps
// whose every case exercises authorization or input handling in TypeScript, with no SQL of their own that could
// differ between the engines. Everything they call is also tested on both engines by its own file. Without
// TEST_DATABASE_URL they run on PGlite, so they always run somewhere.
const postgresOnly: Record<string, string> = {
  "tests/integration/cross-tenant-matrix.integration.test.ts":
    "every route and action called by six outsiders: who may do what is decided in TypeScript (lib/auth, lib/<domain>)",
  "tests/integration/hostile-form-actions.integration.test.ts":
    "every action × 7 actors × 11 hostile form payloads: parsing and validation happen in TypeScript, before any query",
};
const hasPostgres = Boolean(process.env.TEST_DATABASE_URL?.trim());

const integrationProject = (name: string, globalSetup: string, exclude: string[] = []): TestProjectInlineConfiguration => ({
  extends: true,
  test: {
    name,
    include: integrationFiles,
    exclude: [...configDefaults.exclude, ...exclude],
    globalSetup: [globalSetup],
    env: integrationEnv,
    // Creating and migrating databases is I/O: allow for a loaded 2-core machine (a test that opens two
    // PGlite databases took 30 s at load average 22).
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});

const projects: TestProjectInlineConfiguration[] = [
  {
    extends: true,
    test: { name: "unit", include: ["tests/unit/**/*.test.ts"], env: unitEnv },
  },
  integrationProject("integration-pglite", "tests/setup/global-pglite.ts", hasPostgres ? Object.keys(postgresOnly) : []),
];
if (hasPostgres) {
  projects.push(integrationProject("integration-pg", "tests/setup/global-postgres.ts"));
}

export default defineConfig({
  resolve: {
    alias: [
      // tsconfig.json "paths": { "@/*": ["./*"] }
      { find: /^@\//, replacement: `${root}/` },
      // `server-only` throws unless bundled under React's "react-server" condition, which Vitest does not
      // use; in tests it is the empty module it is in a server bundle.
      { find: /^server-only$/, replacement: path.join(root, "tests/setup/server-only.ts") },
    ],
  },
  test: {
    environment: "node",
    // 2-core machines: one worker per core. Files run in parallel; tests inside a file run in order.
    maxWorkers: 2,
    projects,
  },
});
