// The OpenAPI 3.1 description of the HTTP API, generated from the same zod schemas that validate requests
// (served at GET /api/v1/openapi.json).
//
// Routes describe themselves: apiRoute({ ..., openapi: { method, path, summary, responses } }, handler)
// registers the path with its request body, query and path parameters taken from the route's own
// `body` / `query` / `params` schemas, the security requirement from `auth`, the Idempotency-Key header
// from `idempotent`, and the matching error responses. A route module is only evaluated when imported, so
// every route file is also listed in app/api/v1/openapi.json/routes.ts (a test checks that none is missing).
import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

extendZodWithOpenApi(z);

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

export interface ApiResponseDoc {
  description: string;
  /** The JSON body; omit for bodiless responses (204). */
  schema?: z.ZodType;
  /** Other media types, e.g. { "text/csv": z.string() }. */
  content?: Record<string, z.ZodType>;
}

export interface ApiRouteDoc {
  method: HttpMethod;
  /** OpenAPI path with {param} placeholders, e.g. "/api/v1/tokens/{id}". */
  path: string;
  summary: string;
  description?: string;
  tags?: string[];
  /** Success responses (and any special ones); the standard error responses are added for you. */
  responses: Record<number, ApiResponseDoc>;
  /** Extra error statuses this route can answer besides the ones derived from its config (e.g. [429]). */
  errors?: number[];
}

/** What apiRoute knows about a route, beyond the doc itself. */
export interface ApiRouteShape {
  auth: "required" | "optional" | "none";
  authorized: boolean;
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
  idempotent?: boolean;
}

export const ErrorResponseSchema = z
  .object({
    error: z.object({
      code: z.enum([
        "invalid_input",
        "unauthorized",
        "forbidden",
        "verification_required",
        "organization_suspended",
        "not_found",
        "conflict",
        "payload_too_large",
        "rate_limited",
        "internal",
      ]),
      message: z.string().openapi({ description: "Human-readable, in the language of Accept-Language (id default, en)." }),
      fields: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .openapi({ description: "Which input fields failed validation, with one or more messages each." }),
    }),
  })
  .openapi("Error");

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "invalid_input: malformed JSON, wrong content type, body over 1 MB, or failed validation (`fields` says which)",
  401: "unauthorized: missing, invalid, expired or revoked bearer token (or bad credentials)",
  403: "forbidden: authenticated, but this organization or role may not do this; verification_required: the organization must be verified first; organization_suspended: a platform admin suspended the organization (reads still work)",
  404: "not_found: no such thing, or it belongs to someone else",
  413: "payload_too_large: the body is over this endpoint's limit (reading stops there, declared length or not)",
  409: "conflict: the state does not allow this, or the Idempotency-Key is in use",
  429: "rate_limited: too many attempts; see the Retry-After header (seconds)",
  500: "internal: an unexpected error (logged); the message is generic",
};

/** "method path" → how to build its OpenAPI operation (built lazily, when the document is requested). */
const routes = new Map<string, () => RouteConfig>();

/** Called by apiRoute; re-registering the same method + path replaces it (module reloads in dev). */
export function registerApiRoute(doc: ApiRouteDoc, shape: ApiRouteShape): void {
  routes.set(`${doc.method} ${doc.path}`, () => toRouteConfig(doc, shape));
}

/** For paths answered without apiRoute (e.g. /api/health): the operation as zod-to-openapi takes it. */
export function registerRawRoute(route: RouteConfig): void {
  routes.set(`${route.method} ${route.path}`, () => route);
}

function jsonContent(schema: z.ZodType) {
  return { "application/json": { schema } };
}

function errorStatuses(doc: ApiRouteDoc, shape: ApiRouteShape): number[] {
  const s = new Set<number>(doc.errors ?? []);
  if (shape.body || shape.query || shape.idempotent) s.add(400);
  if (shape.auth !== "none") s.add(401);
  if (shape.authorized || shape.auth !== "none") s.add(403); // a foreign X-Organization-Id is 403 too
  if (shape.params) s.add(404);
  if (shape.idempotent) s.add(409);
  s.add(500);
  return [...s].sort();
}

function toRouteConfig(doc: ApiRouteDoc, shape: ApiRouteShape): RouteConfig {
  const responses: RouteConfig["responses"] = {};
  for (const [status, r] of Object.entries(doc.responses)) {
    const content = {
      ...(r.schema ? jsonContent(r.schema) : {}),
      ...Object.fromEntries(Object.entries(r.content ?? {}).map(([t, schema]) => [t, { schema }])),
    };
    responses[status] = { description: r.description, ...(Object.keys(content).length ? { content } : {}) };
  }
  for (const status of errorStatuses(doc, shape)) {
    if (responses[status]) continue;
    responses[status] = {
      description: ERROR_DESCRIPTIONS[status] ?? "Error",
      ...(status === 429 ? { headers: { "Retry-After": { description: "Seconds to wait", schema: { type: "integer" } } } } : {}),
      content: jsonContent(ErrorResponseSchema),
    };
  }

  const headers: z.ZodType[] = [];
  if (shape.idempotent) {
    headers.push(
      z
        .string()
        .min(1)
        .max(255)
        .optional()
        .openapi({
          param: {
            name: "Idempotency-Key",
            in: "header",
            description:
              "A unique value per logical request (e.g. a UUID); a retry with the same key and body returns the first response for 24 hours.",
          },
        }),
    );
  }
  if (shape.auth !== "none") {
    headers.push(
      z
        .string()
        .optional()
        .openapi({
          param: {
            name: "X-Organization-Id",
            in: "header",
            description: "Act for this one of your organizations (also `?organizationId=`); default: your first.",
          },
        }),
    );
  }

  const request: NonNullable<RouteConfig["request"]> = {};
  if (shape.body) request.body = { required: true, content: jsonContent(shape.body) };
  if (shape.query) request.query = shape.query as NonNullable<RouteConfig["request"]>["query"];
  if (shape.params) request.params = shape.params as NonNullable<RouteConfig["request"]>["params"];
  if (headers.length) request.headers = headers;

  return {
    method: doc.method,
    path: doc.path,
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    ...(doc.tags ? { tags: doc.tags } : {}),
    security: shape.auth === "required" ? [{ bearerAuth: [] }] : shape.auth === "optional" ? [{ bearerAuth: [] }, {}] : [],
    ...(Object.keys(request).length ? { request } : {}),
    responses,
  };
}

export function generateOpenApiDocument() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "A token from POST /api/v1/auth/token, or one created in the UI (Settings → API tokens).",
  });
  registry.register("Error", ErrorResponseSchema);
  const byPath = (k: string) => k.slice(k.indexOf(" ") + 1) + " " + k.slice(0, k.indexOf(" "));
  const sorted = [...routes.entries()].sort(([a], [b]) => byPath(a).localeCompare(byPath(b)));
  for (const [, build] of sorted) registry.registerPath(build());
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Rantai API",
      version: "1.0.0",
      description:
        "Rantai connects Indonesian UMKM with industrial buyers. JSON in and out; errors as `{error: {code, message, fields?}}`; " +
        "lists as `{data, nextCursor}` with `?limit=` and `?cursor=`; writes accept `Idempotency-Key`. See docs/api.md.",
    },
    servers: [{ url: "/", description: "This server" }],
  });
}
