// Prisma CLI configuration. Rantai applies migrations with its own scripts (scripts/db-migrate.ts) because
// Prisma's native schema engine cannot be downloaded on every machine; `prisma generate` needs no database.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
