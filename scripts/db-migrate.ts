// npm run db:migrate — applies pending migrations (and loads reference data) to DATABASE_URL, or to the
// embedded database under .data/ when DATABASE_URL is unset.
import { describeDatabase, resolveDatabaseConfig } from "../lib/db/config";
import { openSqlRunner } from "../lib/db/sql-runner";
import { prepareDatabase } from "../lib/db/setup";

async function main() {
  const config = resolveDatabaseConfig();
  console.log(`database: ${describeDatabase(config)}`);
  const runner = await openSqlRunner(config);
  try {
    const { migrations, reference } = await prepareDatabase(runner, (m) => console.log(`  ${m}`));
    console.log(
      `migrations: ${migrations.applied.length} applied, ${migrations.alreadyApplied} already applied; ` +
        `reference data: ${reference.provinces} provinces, ${reference.regencies} regencies, ${reference.kbli} KBLI codes`,
    );
  } finally {
    await runner.close();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
