// Stand-in for the `server-only` package in Vitest (see the alias in vitest.config.ts): in a server bundle
// the package resolves to an empty module too. Importing it anywhere else is what it guards against, and
// tests run on the server side only.
export {};
