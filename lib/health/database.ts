// Can the app reach its database? For GET /api/health (load balancers and uptime checks): one trivial query
// with a time limit, so a hung connection answers "unreachable" instead of hanging the check.
import "server-only";
import { db } from "@/lib/db";

const DB_TIMEOUT_MS = 5_000;

/** Resolves when the database answers `SELECT 1` within the time limit; rejects (with the reason) otherwise. */
export async function pingDatabase(timeoutMs = DB_TIMEOUT_MS): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
