// Translating outside React (API error messages, emails, server action results): the same message files
// and the same ICU syntax as the UI.
import { createTranslator } from "next-intl";
import { MESSAGES } from "./messages";
import { defaultLocale, isLocale, type Locale } from "./config";

/** Translates a full dotted key such as "errors.notFound"; unknown keys fall back to errors.generic. */
export function translate(locale: string | null | undefined, key: string, values?: Record<string, string | number>): string {
  const l: Locale = isLocale(locale) ? locale : defaultLocale;
  const t = createTranslator({ locale: l, messages: MESSAGES[l] as Record<string, unknown> });
  const tt = t as unknown as { has(k: string): boolean; (k: string, v?: Record<string, string | number>): string };
  if (tt.has(key)) return tt(key, values);
  if (!key.includes(".") || /\s/.test(key)) return key; // already a sentence (e.g. from a library)
  return tt.has("errors.generic") ? tt("errors.generic") : key;
}

/** Picks the API/email locale from an Accept-Language header (id unless English is preferred). */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  const first = (header ?? "").split(",")[0]?.trim().slice(0, 2).toLowerCase();
  return first === "en" ? "en" : "id";
}

export function translateFields(locale: string | null | undefined, fields: Record<string, string[]> | undefined) {
  if (!fields) return undefined;
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.map((key) => translate(locale, key))]));
}
