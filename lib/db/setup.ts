// Brings a database up to date: pending migrations, then the reference data. Used by `npm run db:migrate`,
// `npm start` and the test set-up.
import type { SqlRunner } from "./sql-runner";
import { applyPendingMigrations } from "./migrate";
import { loadReferenceData } from "./reference-data";

export async function prepareDatabase(runner: SqlRunner, log: (m: string) => void = () => {}) {
  const migrations = await applyPendingMigrations(runner, { log });
  const reference = await loadReferenceData(runner);
  return { migrations, reference };
}
