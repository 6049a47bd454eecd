"use server";
// The language switcher's server action: remembers the choice in the NEXT_LOCALE cookie (read by
// lib/i18n/request.ts). Works without JavaScript: the form posts to the current page, which re-renders in
// the new language.
import { cookies } from "next/headers";
import { isLocale, LOCALE_COOKIE } from "./config";

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

export async function setLocale(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return; // ignore anything that is not a supported locale
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: ONE_YEAR_SECONDS,
    sameSite: "lax",
    // Not a secret and not `secure`: a language choice must also stick on plain-HTTP local installs.
  });
}
