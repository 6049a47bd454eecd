import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import fs from "node:fs";

/** Opens the embedded database without awaiting (PGlite queues queries until it is ready). */
export function openPGliteSync(dataDir: string): PGlite {
  fs.mkdirSync(dataDir, { recursive: true });
  return new PGlite(dataDir, { extensions: { pg_trgm } });
}
