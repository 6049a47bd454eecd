// Whether this database holds the demo data (issue 11): the sign-in page lists the demo accounts and their
// shared password only then. The demo seed — the embedded database's first run, or SEED_DEMO=true on an
// empty PostgreSQL — writes an InstallationMarker row in the same transaction as the demo rows; nothing a
// user can do creates one (a sign-up with a demo address does not). SHOW_DEMO_ACCOUNTS=false hides the list
// even there.
import "server-only";
import { db } from "@/lib/db";
import { DEMO_DATA_MARKER } from "./demo-accounts";

export async function showDemoAccounts(): Promise<boolean> {
  if (process.env.SHOW_DEMO_ACCOUNTS?.trim() === "false") return false;
  try {
    return (await db.installationMarker.count({ where: { key: DEMO_DATA_MARKER } })) > 0;
  } catch (err) {
    // Never advertise accounts because of a database hiccup; the page still lets people sign in.
    console.error("[auth] could not tell whether demo data was seeded", err);
    return false;
  }
}
