// GET/POST /api/v1/tokens: the caller's own API tokens, as in the UI (Settings → API tokens).
import { z } from "zod";
import { decodeCursor, paginate, paginationQuery } from "@/lib/api/pagination";
import { apiRoute, created } from "@/lib/api/route";
import { ApiTokenPageSchema, CreatedApiTokenSchema } from "@/lib/api/schemas/account";
import { createTokenSchema } from "@/lib/auth/schemas";
import { createApiToken, listApiTokens } from "@/lib/auth/tokens";

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
    const rest = after ? rows.filter((t) => t.createdAt.getTime() < afterTime || (t.createdAt.getTime() === afterTime && t.id < after[1])) : rows;
    return paginate(rest.slice(0, query.limit + 1), query.limit, (t) => [t.createdAt.toISOString(), t.id]);
  },
);

export const POST = apiRoute(
  {
    auth: "required",
    body: createTokenSchema,
    openapi: {
      method: "post",
      path: "/api/v1/tokens",
      summary: "Create a named API token",
      description:
        "The secret is in this response only. Not idempotent: the response holds a secret that is never stored, so an " +
        "Idempotency-Key is ignored and a retry creates another token (revoke the one you do not use).",
      tags: ["Account"],
      responses: { 201: { description: "The new token, with its secret", schema: CreatedApiTokenSchema } },
    },
  },
  async ({ actor, body }) => {
    const t = await createApiToken(actor.user.id, body);
    return created({ id: t.id, name: t.name, prefix: t.prefix, token: t.token, createdAt: t.createdAt, expiresAt: t.expiresAt });
  },
);
