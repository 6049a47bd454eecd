// GET /api/health: is the app up and can it reach its database? For load balancers and uptime checks;
// no authentication, nothing about the deployment in the answer.
import { registerRawRoute } from "@/lib/api/openapi";
import { HealthSchema } from "@/lib/auth/responses";
import { pingDatabase } from "@/lib/health/database";

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
  try {
    await pingDatabase();
    return Response.json({ status: "ok", database: "ok" }, { headers });
  } catch (err) {
    console.error("[health] database check failed:", err instanceof Error ? err.message : err);
    return Response.json({ status: "error", database: "unreachable" }, { status: 503, headers });
  }
}
