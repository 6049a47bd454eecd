// The API's error format, `{ "error": { "code", "message", "fields"? } }` (docs/api.md, the public contract
// in api-v1.md). Domain errors carry i18n keys; they are translated here with the caller's Accept-Language
// (Bahasa Indonesia unless English is preferred). Anything that is not a DomainError is logged and answered
// with a generic 500: no stack trace, SQL or library message ever reaches the client.
import { Prisma } from "@/lib/db/generated/client";
import { DomainError, isDomainError, type ErrorCode } from "@/lib/errors";
import { translate, translateFields } from "@/lib/i18n/translate";
import { jsonResponse } from "./json";

export type ApiErrorCode = ErrorCode | "internal";

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; fields?: Record<string, string[]> };
}

const STATUS_BY_CODE: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  verification_required: 403,
  organization_suspended: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
};

/**
 * A safety net for database errors that mean "bad request" rather than "bug": a unique constraint hit by a
 * concurrent write is a conflict, a record that vanished between check and write is not found. Domain code
 * should turn these into DomainErrors itself; this only keeps such races from surfacing as 500s.
 */
function fromPrismaError(err: unknown): DomainError | null {
  if (err instanceof Prisma.PrismaClientKnownRequestError) {
    if (err.code === "P2002") return new DomainError("conflict", "errors.conflict");
    if (err.code === "P2025") return new DomainError("not_found", "errors.notFound");
  }
  return null;
}

function errorBody(err: DomainError, locale: string): ApiErrorBody {
  const fields = translateFields(locale, err.fields);
  return {
    error: {
      code: err.code,
      message: translate(locale, err.messageKey),
      ...(fields && Object.keys(fields).length ? { fields } : {}),
    },
  };
}

export interface ErrorContext {
  locale: string;
  /** For the log line of unexpected errors, e.g. "POST /api/v1/auth/token". */
  where?: string;
}

/** The status and body for any thrown value (unexpected ones are logged here). */
export function describeError(
  err: unknown,
  { locale, where }: ErrorContext,
): { status: number; body: ApiErrorBody; retryAfterSeconds?: number } {
  const domain = isDomainError(err) ? err : fromPrismaError(err);
  if (domain) {
    if (!isDomainError(err)) console.warn(`[api] ${where ?? ""} database error mapped to ${domain.code}:`, (err as Error).message);
    return { status: STATUS_BY_CODE[domain.code], body: errorBody(domain, locale), retryAfterSeconds: domain.retryAfterSeconds };
  }
  console.error(`[api] ${where ?? ""} unexpected error`, err);
  return { status: 500, body: { error: { code: "internal", message: translate(locale, "errors.generic") } } };
}

/**
 * The Response for any thrown value: status, localized message, Retry-After on 429, WWW-Authenticate on 401,
 * Connection: close on 413.
 */
export function errorResponse(err: unknown, ctx: ErrorContext & { headers?: HeadersInit }): Response {
  const { status, body, retryAfterSeconds } = describeError(err, ctx);
  const headers = new Headers(ctx.headers);
  if (status === 429) headers.set("retry-after", String(Math.max(1, Math.ceil(retryAfterSeconds ?? 60))));
  if (status === 401) headers.set("www-authenticate", 'Bearer realm="rantai"');
  // The body was not read to its end (issue 11): close the connection rather than read the rest.
  if (status === 413) headers.set("connection", "close");
  return jsonResponse(body, { status, headers });
}
