"use client";
// Translations in client components (issue 14): the same calls as next-intl's — `useTranslations(namespace)`,
// `useLocale()`, `useTimeZone()` — without its client runtime and ICU parser (~12 KB gzipped on every page).
// The root layout (a server component) hands <ClientIntlProvider> the locale, the viewer's time zone and only
// the messages client components use (lib/i18n/client-messages.ts), compiled on the server by next-intl's
// icu-minify; the browser formats them with icu-minify's small runtime (./icu.ts).
// Server components keep next-intl (`getTranslations`, `useTranslations` from "next-intl" on the server).
//
// As with next-intl, a missing message or value logs an error and shows the key path instead of failing the page.
import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Locale } from "./config";
import { formatCompiled, isCompiledMessage, type CompiledMessage, type CompiledTree, type IcuValues } from "./icu";

interface ClientIntl {
  locale: Locale;
  timeZone: string;
  messages: CompiledTree;
}

const Context = createContext<ClientIntl | null>(null);

export function ClientIntlProvider({ children, ...value }: ClientIntl & { children: ReactNode }) {
  const { locale, timeZone, messages } = value;
  const memo = useMemo(() => ({ locale, timeZone, messages }), [locale, timeZone, messages]);
  return <Context.Provider value={memo}>{children}</Context.Provider>;
}

function useIntl(): ClientIntl {
  const intl = useContext(Context);
  if (!intl) throw new Error("ClientIntlProvider is missing (app/layout.tsx renders it)");
  return intl;
}

export function useLocale(): Locale {
  return useIntl().locale;
}

export function useTimeZone(): string {
  return useIntl().timeZone;
}

/** The compiled message at `path` (dotted) of `messages`, or undefined. */
function lookup(messages: CompiledTree, path: string): CompiledMessage | undefined {
  let node: CompiledMessage | CompiledTree | undefined = messages;
  for (const key of path.split(".")) node = node && !isCompiledMessage(node) ? node[key] : undefined;
  return isCompiledMessage(node) ? node : undefined;
}

/** Translates keys under `namespace` (dotted, as next-intl's useTranslations). */
export function useTranslations(namespace?: string) {
  const { locale, timeZone, messages } = useIntl();
  return useMemo(
    () =>
      function t(key: string, values?: IcuValues): string {
        const path = namespace ? `${namespace}.${key}` : key;
        const message = lookup(messages, path);
        if (message === undefined) {
          console.error(`[i18n] no message ${path} for the browser (lib/i18n/client-messages.ts)`);
          return path;
        }
        try {
          return formatCompiled(message, locale, values, timeZone);
        } catch (err) {
          console.error(`[i18n] cannot format ${path}: ${err instanceof Error ? err.message : String(err)}`);
          return path;
        }
      },
    [locale, timeZone, messages, namespace],
  );
}
