// ICU messages in client components (issue 14: JavaScript per public page ≤ 150 KB gzipped), with next-intl's
// own ahead-of-time compiler, icu-minify: the server compiles the client's messages once per process
// (lib/i18n/client-messages.ts; the compiler stays out of this file, which the browser loads) and the browser
// formats the compiled form with icu-minify's runtime (under 1 KB) instead of next-intl's client provider, which
// ships a full ICU parser (intl-messageformat, ~12 KB gzipped) to every page. This is what next-intl's
// `experimental.messages.precompile` does at build time; we do it at run time because code in lib/ reads the
// raw message strings of the catalogue. tests/unit/client-icu.test.ts formats every client message in both
// languages this way and with next-intl and requires the same text.
import format, { type CompiledMessage, type FormatOptions } from "icu-minify/format";

export type { CompiledMessage };
export type IcuValues = Record<string, string | number | boolean | null | undefined | Date>;

export type CompiledTree = { [key: string]: CompiledMessage | CompiledTree };

/** A compiled message's node, or a subtree: compiled messages are strings or arrays, subtrees plain objects. */
export function isCompiledMessage(node: CompiledMessage | CompiledTree | undefined): node is CompiledMessage {
  return typeof node === "string" || Array.isArray(node);
}

// Intl formatters are costly to build: one per locale and options, as next-intl caches them.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(kind: string, args: unknown[], make: () => T): T {
  const key = `${kind}|${JSON.stringify(args)}`;
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}
const formatters: FormatOptions["formatters"] = {
  getNumberFormat: (...args) => cached("n", args, () => new Intl.NumberFormat(...args)),
  getDateTimeFormat: (...args) => cached("d", args, () => new Intl.DateTimeFormat(...args)),
  getPluralRules: (...args) => cached("p", args, () => new Intl.PluralRules(...args)),
};

/** Formats a compiled message as text (client messages carry no rich-text tags). Throws on a missing value. */
export function formatCompiled(message: CompiledMessage, locale: string, values: IcuValues | undefined, timeZone?: string): string {
  const defined: Record<string, string | number | boolean | Date> = {};
  for (const [k, v] of Object.entries(values ?? {})) if (v !== null && v !== undefined) defined[k] = v;
  const out = format<string>(message, locale, defined, { formatters, timeZone });
  return Array.isArray(out) ? out.join("") : String(out);
}
