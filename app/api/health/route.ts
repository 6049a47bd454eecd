// GET /api/health: is the app up and can it reach its database? For load balancers and uptime checks;
// no authentication, nothing about the deployment in the answer.
import { db } from "@/lib/db";
import { registerRawRoute } from "@/lib/api/openapi";
import { HealthSchema } from "@/lib/auth/responses";

const DB_TIMEOUT_MS = 5_000;
const headers = { "cache-control": "no-store" };

registerRawRoute({
  method: "get",
  path: "/api/health",
  summary: "Health check",
  tags: ["Health"],
  security: [],
  responses: {
    200: { description: "Up, and the database answers", content: { "application/json": { schema: HealthSchema } } },
    503: { description: "The database is unreachable", content: { "application/json": { schema: HealthSchema } } },
  },
});

export async function GET(): Promise<Response> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${DB_TIMEOUT_MS} ms`)), DB_TIMEOUT_MS);
      }),
    ]);
    return Response.json({ status: "ok", database: "ok" }, { headers });
  } catch (err) {
    console.error("[health] database check failed:", err instanceof Error ? err.message : err);
    return Response.json({ status: "error", database: "unreachable" }, { status: 503, headers });
  } finally {
    clearTimeout(timer);
  }
}
