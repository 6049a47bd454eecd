// apiRoute(config, handler): the one wrapper every /api/v1 route handler goes through.
//
//   export const POST = apiRoute(
//     { auth: "required", orgTypes: ACTORS.buyer, permission: "rfq:write", body: createRfqSchema, idempotent: true,
//       openapi: { method: "post", path: "/api/v1/rfqs", summary: "Create an RFQ",
//                  responses: { 201: { description: "The draft", schema: RfqSchema } } } },
//     async ({ actor, body }) => created(await createRfq(actor, body)),
//   );
//
// In order: bearer token → actor (+ organization from ?organizationId= / X-Organization-Id) → 401 when
// required → authorize(actor, {orgTypes, permission}) → 403 → path params, query and JSON body parsed and
// validated with zod → 400 with `fields` → Idempotency-Key (replay / conflict) → the handler. The handler
// returns a value (200 JSON), reply()/created()/noContent(), or a Response of its own (e.g. CSV).
// Thrown DomainErrors become the documented status codes in the error format, localized by
// Accept-Language; anything else is logged and becomes a generic 500. Bodies go through toJson (BigInt
// Rupiah → numbers, Dates → ISO 8601). Responses carry `Cache-Control: no-store` unless the handler
// sets its own.
import "server-only";
import type { z } from "zod";
import { authorize, type AuthorizedActor } from "@/lib/auth/authorize";
import type { Permission } from "@/lib/auth/permissions";
import { fieldErrors } from "@/lib/auth/schemas";
import type { Actor, OrgType } from "@/lib/auth/types";
import { invalidatePublicData } from "@/lib/cache/public-data";
import { DomainError, unauthorized } from "@/lib/errors";
import { localeFromAcceptLanguage } from "@/lib/i18n/translate";
import type { Locale } from "@/lib/i18n/config";
import { ORGANIZATION_PARAM, READ_METHODS, resolveApiActor } from "./actor";
import { MAX_JSON_BODY_BYTES, readJsonBody } from "./body";
import { errorResponse } from "./errors";
import {
  completeIdempotencyKey,
  IDEMPOTENCY_HEADER,
  parseIdempotencyKey,
  releaseIdempotencyKey,
  reserveIdempotencyKey,
} from "./idempotency";
import { jsonResponse, toJson, type JsonValue } from "./json";
import { registerApiRoute, type ApiRouteDoc } from "./openapi";
import { searchParamsToObject } from "./request";

export interface ApiRouteConfig {
  /** "required": 401 without a valid token; "optional": actor or null; "none": the header is not read. */
  auth: "required" | "optional" | "none";
  /** With orgTypes and/or permission, authorize() runs (401 without actor, 403 when not allowed). */
  orgTypes?: readonly OrgType[];
  permission?: Permission;
  body?: z.ZodType;
  query?: z.ZodType;
  /** Path parameters ([id] folders); failing validation → 404 (an id that cannot exist is not found). */
  params?: z.ZodType;
  /** Honour the Idempotency-Key header (writes). The handler must answer JSON (not a raw Response). */
  idempotent?: boolean;
  /** Defaults to 1 MB. */
  maxBodyBytes?: number;
  /** Registers the route in the OpenAPI document (lib/api/openapi.ts). */
  openapi?: ApiRouteDoc;
}

type Authorized<C> = C extends { orgTypes: readonly OrgType[] } ? true : C extends { permission: Permission } ? true : false;

export type ActorFor<C extends ApiRouteConfig> =
  Authorized<C> extends true ? AuthorizedActor : C["auth"] extends "required" ? Actor : C["auth"] extends "optional" ? Actor | null : null;

type Parsed<S, Fallback> = S extends z.ZodType ? z.output<S> : Fallback;

export interface ApiContext<C extends ApiRouteConfig> {
  req: Request;
  url: URL;
  actor: ActorFor<C>;
  body: Parsed<C["body"], undefined>;
  query: Parsed<C["query"], Record<string, string | string[]>>;
  params: Parsed<C["params"], Record<string, string | string[]>>;
  locale: Locale;
}

/** A JSON answer with a status other than 200, or with headers. */
class ApiReply {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers?: HeadersInit,
  ) {}
}

export const reply = (body: unknown, init: { status?: number; headers?: HeadersInit } = {}) =>
  new ApiReply(init.status ?? 200, body, init.headers);
export const created = (body: unknown, headers?: HeadersInit) => new ApiReply(201, body, headers);
export const noContent = () => new ApiReply(204, undefined);

/** What Next.js calls: (request, { params: Promise<...> }). The context is optional for direct calls in tests. */
export type RouteHandler = (req: Request, ctx?: { params: Promise<unknown> }) => Promise<Response>;

const invalid = (error: z.ZodError) => new DomainError("invalid_input", "errors.invalidInput", fieldErrors(error));

function withDefaultHeaders(res: Response, extra?: Headers): Response {
  if (!res.headers.has("cache-control")) res.headers.set("cache-control", "no-store");
  extra?.forEach((v, k) => res.headers.set(k, v));
  return res;
}

export function apiRoute<const C extends ApiRouteConfig>(
  config: C,
  handler: (ctx: ApiContext<C>) => Promise<unknown> | unknown,
): RouteHandler {
  const needsAuthorization = Boolean(config.orgTypes || config.permission);
  if (config.openapi) {
    registerApiRoute(config.openapi, {
      auth: config.auth,
      authorized: needsAuthorization,
      body: config.body,
      query: config.query,
      params: config.params,
      idempotent: config.idempotent,
    });
  }

  return async (req, routeCtx) => {
    const url = new URL(req.url);
    const locale = localeFromAcceptLanguage(req.headers.get("accept-language"));
    const where = `${req.method} ${url.pathname}`;
    let reservation: string | null = null;
    try {
      // 1. who
      const actor = config.auth === "none" ? null : await resolveApiActor(req, url);
      if (config.auth === "required" && !actor) throw unauthorized();
      if (needsAuthorization) {
        authorize(actor, {
          ...(config.orgTypes ? { orgTypes: config.orgTypes } : {}),
          ...(config.permission ? { permission: config.permission } : {}),
          write: !READ_METHODS.has(req.method.toUpperCase()),
        });
      }

      // 2. what
      const rawParams = ((await routeCtx?.params) ?? {}) as Record<string, string | string[]>;
      let params: unknown = rawParams;
      if (config.params) {
        const p = config.params.safeParse(rawParams);
        if (!p.success) throw new DomainError("not_found", "errors.notFound");
        params = p.data;
      }
      let query: unknown = searchParamsToObject(url.searchParams, [ORGANIZATION_PARAM]);
      if (config.query) {
        const q = config.query.safeParse(query);
        if (!q.success) throw invalid(q.error);
        query = q.data;
      }
      let rawBody: unknown = null;
      let body: unknown = undefined;
      if (config.body) {
        rawBody = await readJsonBody(req, { maxBytes: config.maxBodyBytes ?? MAX_JSON_BODY_BYTES });
        const b = config.body.safeParse(rawBody);
        if (!b.success) throw invalid(b.error);
        body = b.data;
      }

      // 3. seen before?
      const key = config.idempotent ? parseIdempotencyKey(req.headers.get(IDEMPOTENCY_HEADER)) : null;
      if (key) {
        const r = await reserveIdempotencyKey({
          scope: actor ? `user:${actor.user.id}` : "anon",
          key,
          method: req.method,
          path: url.pathname,
          body: rawBody,
        });
        if (r.kind === "replay") {
          const res =
            r.status === 204 || r.body === null ? new Response(null, { status: r.status }) : jsonResponse(r.body, { status: r.status });
          res.headers.set("idempotent-replayed", "true");
          return withDefaultHeaders(res);
        }
        reservation = r.id;
      }

      // 4. do it
      const result = await handler({ req, url, actor, body, query, params, locale } as ApiContext<C>);
      // a write empties this process's cache of public page data (lib/cache/public-data.ts)
      if (!READ_METHODS.has(req.method.toUpperCase())) invalidatePublicData();
      if (result instanceof Response) {
        if (reservation) {
          await releaseIdempotencyKey(reservation);
          reservation = null;
        }
        return withDefaultHeaders(result);
      }
      const { status, body: out, headers } = result instanceof ApiReply ? result : new ApiReply(result === undefined ? 204 : 200, result);
      const json: JsonValue | null = out === undefined || status === 204 ? null : toJson(out);
      if (reservation) {
        await completeIdempotencyKey(reservation, status, json);
        reservation = null;
      }
      const res = json === null ? new Response(null, { status, headers }) : jsonResponse(json, { status, headers });
      return withDefaultHeaders(res);
    } catch (err) {
      if (reservation) await releaseIdempotencyKey(reservation).catch((e: unknown) => console.error("[api] releasing idempotency key", e));
      const res = withDefaultHeaders(errorResponse(err, { locale, where }));
      // Refused before its body was read (401, 403, 404 …): close the connection rather than let the server
      // drain a body nobody will read (issue 11: an anonymous 48 MB upload costs nothing).
      if (req.body !== null && !req.bodyUsed) res.headers.set("connection", "close");
      return res;
    }
  };
}
