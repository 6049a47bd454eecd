// npm run db:seed — brings the database up to date (migrations + reference data), then loads the demo data
// (prisma/seed/demo.ts) into DATABASE_URL, or into the embedded database under .data/ when DATABASE_URL is unset.
// A database that already has users is left alone (the demo data is for fresh installs).
import { describeDatabase, resolveDatabaseConfig } from "../lib/db/config";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../lib/auth/demo-accounts";
import { describeSeed, migrate, openScriptDatabase, seedDemoIfEmpty } from "./script-db";

async function main() {
  const config = resolveDatabaseConfig();
  console.log(`database: ${describeDatabase(config)}`);
  const sdb = await openScriptDatabase(config);
  try {
    console.log(`migrate: ${await migrate(sdb)}`);
    const outcome = await seedDemoIfEmpty(sdb);
    if (!outcome.seeded) {
      console.log(`seed: skipped — ${outcome.reason} (the demo data only goes into an empty database)`);
      return;
    }
    console.log(`seed: ${describeSeed(outcome.result)} in ${outcome.ms} ms`);
    console.log(`demo accounts (password "${DEMO_PASSWORD}"):`);
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(28)} ${a.role} — ${a.organization}`);
  } finally {
    await sdb.close();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
