// next-intl without locale prefixes in URLs: the locale comes from the user's cookie (set by the language
// switcher), else the browser's Accept-Language, else Bahasa Indonesia. The time zone is the viewer's
// organization's (lib/i18n/time-zone.ts): pages read it with getTimeZone(), client components with useTimeZone().
import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { defaultLocale, isLocale, LOCALE_COOKIE, type Locale } from "./config";
import { MESSAGES } from "./messages";
import { getActor } from "@/lib/auth/session";
import { zoneForActor } from "./time-zone";

export async function resolveLocale(): Promise<Locale> {
  const cookieLocale = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookieLocale)) return cookieLocale;
  const accept = (await headers()).get("accept-language") ?? "";
  const first = accept.split(",")[0]?.trim().slice(0, 2).toLowerCase();
  if (first === "en") return "en";
  return defaultLocale;
}

export default getRequestConfig(async () => {
  const [locale, timeZone] = await Promise.all([resolveLocale(), getActor().then(zoneForActor)]);
  return {
    locale,
    messages: MESSAGES[locale],
    timeZone,
  };
});
