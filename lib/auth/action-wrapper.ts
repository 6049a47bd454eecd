// One action wrapper per actor. Every server action goes through one of these: session → active
// organization membership → organization type and permission (lib/auth/authorize.ts) → input parsed with
// the domain's zod schema → the handler. Expected errors come back as a result with localized messages and
// field errors; anything else is logged and the user sees a generic message.
import "server-only";
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { getLocale } from "next-intl/server";
import type { z } from "zod";
import { ORG_TYPES } from "@/lib/enums";
import { invalidatePublicData } from "@/lib/cache/public-data";
import { DomainError, isDomainError, invalidInput, type ErrorCode } from "@/lib/errors";
import { translate, translateFields } from "@/lib/i18n/translate";
import { organizationRoutes } from "@/lib/organizations/routes";
import { assertNotSuspended, authorize, ACTORS, type AuthorizedActor, type AuthorizeRule } from "./authorize";
import type { Permission } from "./permissions";
import { fieldErrors } from "./schemas";
import { refuseNulCharacters } from "@/lib/validation";
import { getActor } from "./session";
import type { Actor, OrgType } from "./types";

export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; error: { code: ErrorCode | "internal"; message: string; fields?: Record<string, string[]> } };

/** Path segments that would reach an object's prototype if walked into (issue 11: prototype pollution). */
const FORBIDDEN_SEGMENTS = new Set(["__proto__", "constructor", "prototype"]);

/** The field-name error: localized by toActionError, shown on the form, nothing written. */
const badFieldName = () => invalidInput({ _: ["auth.form.fieldNameRefused"] }, "auth.form.fieldNameRefused");

type FormNode = Record<string, unknown>;
const isNode = (v: unknown): v is FormNode => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Blob);

/**
 * Turns form fields named like "organization.name" into nested objects; repeated names become arrays and
 * "files[]" is always an array. Field names come from whoever posts the form (a public action is callable
 * by anyone with any FormData), so: every object made here has no prototype; a name with an empty segment
 * or a `__proto__` / `constructor` / `prototype` segment, or one that contradicts an earlier field ("a" and
 * then "a.b"), is refused with invalid_input before anything runs. zod copies the result into ordinary
 * objects when it parses it.
 */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: FormNode = Object.create(null);
  for (const [rawKey, value] of form.entries()) {
    if (rawKey.startsWith("$ACTION")) continue; // React's own fields
    const isList = rawKey.endsWith("[]");
    const keys = (isList ? rawKey.slice(0, -2) : rawKey).split(".");
    if (keys.some((k) => k === "" || FORBIDDEN_SEGMENTS.has(k))) throw badFieldName();
    let node = out;
    for (const k of keys.slice(0, -1)) {
      const next = Object.hasOwn(node, k) ? node[k] : (node[k] = Object.create(null));
      if (!isNode(next)) throw badFieldName();
      node = next;
    }
    const last = keys[keys.length - 1];
    const existing = Object.hasOwn(node, last) ? node[last] : undefined;
    if (isNode(existing)) throw badFieldName();
    if (isList) node[last] = existing === undefined ? [value] : ([] as unknown[]).concat(existing, value);
    else node[last] = existing === undefined ? value : ([] as unknown[]).concat(existing, value);
  }
  return out;
}

/**
 * The request's locale, or "id" outside a Next.js request. next-intl's getLocale() throws synchronously
 * (not a rejected promise) where it is unsupported, e.g. in Vitest, so the call is wrapped.
 */
export async function actionLocale(): Promise<string> {
  try {
    return await getLocale();
  } catch {
    return "id";
  }
}

export async function toActionError(err: unknown): Promise<Extract<ActionResult<never>, { ok: false }>> {
  const locale = await actionLocale();
  if (isDomainError(err)) {
    return {
      ok: false,
      error: { code: err.code, message: translate(locale, err.messageKey), fields: translateFields(locale, err.fields) },
    };
  }
  console.error("[action] unexpected error", err);
  return { ok: false, error: { code: "internal", message: translate(locale, "errors.generic") } };
}

type Handler<S extends z.ZodType, T, A> = (input: z.infer<S>, ctx: { actor: A }) => Promise<T>;

/**
 * Builds a server action. The returned function accepts either a plain object or, when used with
 * `useActionState`, (previousState, formData).
 */
function makeAction<S extends z.ZodType, T, A>(resolve: () => Promise<A>, schema: S, handler: Handler<S, T, A>) {
  return async (first: unknown, second?: unknown): Promise<ActionResult<T>> => {
    try {
      const actor = await resolve();
      const raw = second instanceof FormData ? formDataToObject(second) : first instanceof FormData ? formDataToObject(first) : first;
      refuseNulCharacters(raw);
      const parsed = schema.safeParse(raw);
      if (!parsed.success) throw invalidInput(fieldErrors(parsed.error));
      const data = await handler(parsed.data, { actor });
      // the writer sees their change on the public pages at once (lib/cache/public-data.ts)
      invalidatePublicData();
      return { ok: true, data };
    } catch (err) {
      // redirect() / notFound() in a handler are Next.js control flow, not failures: let them through.
      unstable_rethrow(err);
      return toActionError(err);
    }
  };
}

async function requireUser(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new DomainError("unauthorized", "errors.unauthorized");
  return actor;
}

/** A signed-in user whose active organization is not suspended (issue 16: a suspended one cannot act). */
async function requireActiveUser(): Promise<Actor> {
  const actor = await requireUser();
  assertNotSuspended(actor.membership);
  return actor;
}

/**
 * Any signed-in user (their own account: tokens, notifications, active organization). Refused while the active
 * organization is suspended, unless `whileSuspended` (switching to another organization must stay possible).
 */
export function userAction<S extends z.ZodType, T>(schema: S, handler: Handler<S, T, Actor>, options: { whileSuspended?: boolean } = {}) {
  return makeAction(options.whileSuspended ? requireUser : requireActiveUser, schema, handler);
}

function actorAction(orgTypes: readonly OrgType[]) {
  return <S extends z.ZodType, T>(permission: Permission | null, schema: S, handler: Handler<S, T, AuthorizedActor>) =>
    makeAction(
      async () => {
        const rule: AuthorizeRule = { orgTypes, write: true, ...(permission ? { permission } : {}) };
        return authorize(await getActor(), rule);
      },
      schema,
      handler,
    );
}

/** Acting for an organization of any type (e.g. managing one's own organization's members). */
export const memberAction = actorAction(ORG_TYPES);
export const umkmAction = actorAction(ACTORS.umkm);
export const buyerAction = actorAction(ACTORS.buyer);
export const cooperativeAction = actorAction(ACTORS.cooperative);
export const partyAction = actorAction(ACTORS.party);
/** The supplying side of a partnership (financing requests, issue 13): UMKM and cooperatives. */
export const supplierAction = actorAction(ACTORS.suppliers);
export const bankAction = actorAction(ACTORS.bank);
export const platformAction = actorAction(ACTORS.platform);
/** Creating and managing clusters (issue 12): cluster managers, ministry staff, regional governments. */
export const clusterOwnerAction = actorAction(ACTORS.clusterOwners);
/** Asking to join a cluster, answering its invitation, leaving (issue 12): UMKM and cooperatives. */
export const clusterMemberAction = actorAction(ACTORS.clusterMembers);
export const regionalGovernmentAction = actorAction(ACTORS.regionalGovernment);

/**
 * Re-renders the given pages after a successful write (every actions.ts calls this, never revalidatePath
 * directly). A no-op outside a Next.js request (tests, scripts), where there is no cache to refresh.
 */
export function revalidate(...paths: string[]): void {
  for (const p of paths) {
    try {
      revalidatePath(p);
    } catch {
      // outside a Next.js request
    }
  }
}

/**
 * Re-renders every page from the root layout down, for what the layout itself shows (the notification bell's
 * count). A no-op outside a Next.js request.
 */
export function revalidateLayout(): void {
  try {
    revalidatePath(organizationRoutes.home(), "layout");
  } catch {
    // outside a Next.js request
  }
}
