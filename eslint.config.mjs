// ESLint (flat config): Next.js's rules (core web vitals, React, hooks, a11y) and typescript-eslint's
// recommended rules — none type-aware, so a full run stays in seconds — plus the import boundaries of
// ARCHITECTURE.md. Formatting is Prettier's business: eslint-config-prettier, last, switches off every
// stylistic rule that could disagree with it.
//
//   npm run lint                 the whole tree
//   npx eslint lib/rfqs          one folder
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

const root = import.meta.dirname;

// Layer boundaries. import/no-restricted-paths matches the RESOLVED file (so `@/lib/db`, `../../lib/db`
// and `@/lib/db/generated/enums` are all caught), unlike no-restricted-imports, which sees only the string.
const boundaries = {
  basePath: root,
  zones: [
    {
      target: "components",
      from: "app",
      message: "components/ never import app/: move what both need into components/ or lib/.",
    },
    {
      target: ["app", "components"],
      from: ["lib/db"],
      message: "Only lib/<domain> touches the database: call a lib/<domain> function (enum values and types: @/lib/enums).",
    },
    {
      target: ["app", "components"],
      from: ["prisma/seed"],
      message: "The demo seed is not shipped code: app/ and components/ never import prisma/seed.",
    },
    {
      // Everything but tests/, scripts/ and the test runners' configs: top-level folders and root files (extglobs).
      target: ["!(tests|scripts)/**", "!(playwright.config|vitest.config).ts", "*.{tsx,mts,mjs,js}"],
      from: ["tests"],
      message: "Only tests/ and scripts/ import tests/ (factories and helpers are not shipped code).",
    },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    name: "rantai/conventions",
    rules: {
      // A leading underscore marks a deliberately unused binding (e.g. `const { id: _id, ...rest } = row`).
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    name: "rantai/tests-and-scripts",
    files: ["tests/**/*.ts", "scripts/**/*.ts"],
    // No React here: useTestDatabase(), useBenchPrisma() and Playwright's fixture `use` are not hooks.
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    name: "rantai/boundaries",
    rules: { "import/no-restricted-paths": ["error", boundaries] },
  },
  {
    name: "rantai/lib-no-navigation",
    files: ["lib/**"],
    // Redirects and notFound() belong to the page guard, the action wrappers and server actions; the rest of
    // lib/ returns values and throws domain errors, so it runs the same from a page, an action or the API.
    ignores: ["lib/auth/page-guard.ts", "lib/auth/action-wrapper.ts", "lib/**/actions.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "next/navigation",
              message:
                "lib/ never imports next/navigation outside lib/auth/page-guard.ts, lib/auth/action-wrapper.ts and actions.ts files.",
            },
          ],
        },
      ],
    },
  },
  prettier,
  {
    name: "rantai/line-length",
    // After eslint-config-prettier, which switches max-len off: Prettier wraps code at 140 (.prettierrc.json)
    // but never splits a comment or a string. Comments the author wraps by hand. String and template literals
    // stay whole: test names, API descriptions, SQL, Tailwind class lists and user-facing sentences are
    // searched for verbatim, and a sentence cut into "…" + "…" pieces is harder to find and to translate.
    rules: {
      "max-len": ["error", { code: 140, ignoreUrls: true, ignoreRegExpLiterals: true, ignoreStrings: true, ignoreTemplateLiterals: true }],
    },
  },
  globalIgnores([
    // Default ignores of eslint-config-next (a globalIgnores here replaces them).
    ".next/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    // Generated, data and run output.
    "lib/db/generated/**",
    ".data/**",
    "data/**",
    "uploads/**",
    "test-results/**",
    "playwright-report/**",
  ]),
]);
