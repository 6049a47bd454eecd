// Domain errors: thrown by lib/ functions, turned into HTTP responses by lib/api and into form state by
// server actions. Messages are i18n keys (under "errors.*") so the UI and the API can both localise them;
// `fields` maps field names to i18n keys or plain messages.

export type ErrorCode =
  | "invalid_input"
  | "unauthorized"
  | "forbidden"
  /** 403: the organization must be verified by a platform admin before it may act on others (issue 11). */
  | "verification_required"
  /** 403: a platform admin suspended the organization the actor acts for: it may read but not write (issue 16). */
  | "organization_suspended"
  | "not_found"
  | "conflict"
  /** 413: the request body is over the endpoint's limit; reading stopped there. */
  | "payload_too_large"
  | "rate_limited";

export class DomainError extends Error {
  constructor(
    public readonly code: ErrorCode,
    /** i18n key under "errors", e.g. "errors.notFound" */
    public readonly messageKey: string,
    public readonly fields?: Record<string, string[]>,
    public readonly retryAfterSeconds?: number,
  ) {
    super(messageKey);
    this.name = "DomainError";
  }
}

export const invalidInput = (fields?: Record<string, string[]>, messageKey = "errors.invalidInput") =>
  new DomainError("invalid_input", messageKey, fields);
export const unauthorized = (messageKey = "errors.unauthorized") => new DomainError("unauthorized", messageKey);
export const forbidden = (messageKey = "errors.forbidden") => new DomainError("forbidden", messageKey);
export const verificationRequired = (messageKey = "errors.verificationRequired") => new DomainError("verification_required", messageKey);
export const organizationSuspended = (messageKey = "errors.organizationSuspended") => new DomainError("organization_suspended", messageKey);
export const payloadTooLarge = (messageKey = "errors.payloadTooLarge") => new DomainError("payload_too_large", messageKey);
export const notFound = (messageKey = "errors.notFound") => new DomainError("not_found", messageKey);
export const conflict = (messageKey = "errors.conflict") => new DomainError("conflict", messageKey);
export const rateLimited = (retryAfterSeconds: number, messageKey = "errors.rateLimited") =>
  new DomainError("rate_limited", messageKey, undefined, retryAfterSeconds);

export function isDomainError(err: unknown): err is DomainError {
  return err instanceof DomainError;
}
