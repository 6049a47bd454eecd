// GET /api/v1/tokens: the caller's own API tokens, as in the UI (Dasbor → Token API). POST: 403 (below).
import { z } from "zod";
import { decodeCursor, paginate, paginationQuery } from "@/lib/api/pagination";
import { apiRoute } from "@/lib/api/route";
import { ApiTokenPageSchema } from "@/lib/auth/responses";
import { listApiTokens } from "@/lib/auth/tokens";
import { forbidden } from "@/lib/errors";

const cursorKeys = z.tuple([z.iso.datetime(), z.string()]);

export const GET = apiRoute(
  {
    auth: "required",
    query: paginationQuery,
    openapi: {
      method: "get",
      path: "/api/v1/tokens",
      summary: "List your active API tokens",
      description: "Newest first. Secrets are never shown again, only each token's prefix.",
      tags: ["Account"],
      responses: { 200: { description: "A page of tokens", schema: ApiTokenPageSchema } },
    },
  },
  async ({ actor, query }) => {
    const after = decodeCursor(query.cursor, cursorKeys);
    // A user has a handful of tokens: listApiTokens returns them all, and the page is cut here, in the same
    // (createdAt desc, id desc) order the cursor encodes.
    const rows = (await listApiTokens(actor.user.id)).sort(
      (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
    );
    const afterTime = after ? Date.parse(after[0]) : 0;
    const rest = after
      ? rows.filter((t) => t.createdAt.getTime() < afterTime || (t.createdAt.getTime() === afterTime && t.id < after[1]))
      : rows;
    return paginate(rest.slice(0, query.limit + 1), query.limit, (t) => [t.createdAt.toISOString(), t.id]);
  },
);

// Tokens are made only from a signed-in browser session (the dashboard, lib/auth/actions.ts): a bearer
// token — leaked or not — cannot mint another one (issue 11). The route stays so that clients written for
// it get a clear 403 rather than a 404/405; the body is never read.
export const POST = apiRoute(
  {
    auth: "required",
    openapi: {
      method: "post",
      path: "/api/v1/tokens",
      summary: "Create a named API token (not with a token: 403)",
      description:
        "Refused with 403 (`forbidden`) for every bearer token: named tokens are created only from a signed-in browser " +
        "session, in the dashboard (Dasbor → Token API), where the user picks an expiry (1–365 days) and a scope " +
        "(`read` or `read write`). A token cannot create tokens, so a leaked one cannot outlive its own expiry or " +
        "revocation. Without a token: 401.",
      tags: ["Account"],
      responses: {},
      errors: [401, 403],
    },
  },
  async () => {
    throw forbidden("tokens.errors.sessionOnly");
  },
);
