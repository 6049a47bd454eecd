// The messages the browser receives (issue 14): only what client components translate. Server components
// read the whole catalogue on the server (lib/i18n/request.ts); the root layout hands <ClientIntlProvider> (lib/i18n/client.tsx)
// the subset below, so a page's payload no longer carries every domain's labels (~195 KB of JSON).
//
// One list for the whole app: a client component translating a namespace that is not covered here shows its
// keys instead of text. tests/unit/client-messages.test.ts reads every client component (and everything they
// import) and fails when one uses a namespace or key this list does not pass — add the path here when it does.
import { defaultLocale, isLocale, type Locale } from "./config";
import compile from "icu-minify/compile";
import type { CompiledMessage, CompiledTree } from "./icu";
import { MESSAGES } from "./messages";

/** Dotted message paths the client needs: a namespace, or a subtree of one when only part is used. */
export const CLIENT_MESSAGE_PATHS = [
  "admin.organizations.new",
  "admin.suspend",
  "admin.users",
  "agreements.detail",
  "agreements.fields",
  "agreements.form",
  "auth.forgotPassword",
  "auth.passwordChange",
  "auth.passwordReset",
  "auth.signIn",
  "auth.signOut",
  "auth.signUp",
  "certifications",
  "clusters.form",
  "clusters.import",
  "common",
  "cooperatives.claim",
  "cooperatives.importPage",
  "cooperatives.incomingRequests",
  "cooperatives.joinRequests",
  "dashboard.organization",
  "errors.errorPage",
  "financingProgrammes.request",
  "members.accept",
  "members.invitations",
  "members.invite",
  "members.leave",
  "members.list",
  "notifications.bell",
  "notifications.preferences",
  "orgTypes",
  "organizations.profile",
  "organizations.review",
  "products",
  "quotes.attachments",
  "quotes.award",
  "quotes.form",
  "regions.flagship",
  "rfqs.attachments",
  "rfqs.clarifications",
  "rfqs.detail",
  "rfqs.form",
  "rfqs.invitations",
  "roles",
  "sites.admin",
  "sites.select",
  "sizeClasses",
  "suppliers.certificateReview",
  "suppliers.certificates",
  "suppliers.fields",
  "suppliers.legalForms",
  "suppliers.previous",
  "suppliers.saveAndBack",
  "suppliers.saveAndContinue",
  "suppliers.size",
  "suppliers.verification",
  "tokens",
  "uploads",
  "verification",
] as const;

type Tree = { [key: string]: string | Tree };

/** The parts of `messages` at the given dotted paths, in the catalogue's shape (missing paths are skipped). */
export function pickMessages(messages: Tree, paths: readonly string[]): Tree {
  const out: Tree = {};
  for (const p of paths) {
    const segments = p.split(".");
    let source: string | Tree | undefined = messages;
    for (const s of segments) source = typeof source === "object" ? source[s] : undefined;
    if (source === undefined) continue;
    let target = out;
    for (const s of segments.slice(0, -1)) {
      const next = target[s];
      target = typeof next === "object" ? next : (target[s] = {});
    }
    target[segments.at(-1)!] = source;
  }
  return out;
}

/** The client subset of a locale's catalogue, as written (ICU source strings). */
export function clientMessages(requested: string): Tree {
  const locale = isLocale(requested) ? requested : defaultLocale;
  return pickMessages(MESSAGES[locale] as Tree, CLIENT_MESSAGE_PATHS);
}

/**
 * Every message of `tree`, compiled by next-intl's icu-minify (the catalogue's shape kept). The compiler builds
 * plural branches as null-prototype objects, which React refuses to pass to a client component: the JSON round
 * trip makes them plain objects.
 */
function compileMessages(tree: Tree): CompiledTree {
  const out: CompiledTree = {};
  for (const [key, value] of Object.entries(tree))
    out[key] = typeof value === "string" ? (JSON.parse(JSON.stringify(compile(value))) as CompiledMessage) : compileMessages(value);
  return out;
}

const compiled = new Map<Locale, CompiledTree>();

/** The client subset compiled for the browser's small formatter (./icu.ts): once per process and locale. */
export function compiledClientMessages(requested: string): CompiledTree {
  const locale = isLocale(requested) ? requested : defaultLocale;
  let m = compiled.get(locale);
  if (!m) compiled.set(locale, (m = compileMessages(clientMessages(locale))));
  return m;
}
