import type { Metadata, Viewport } from "next";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { AppShell } from "@/components/shell/app-shell";
import { accountSlots } from "@/components/auth/account-slots";
import { ClientIntlProvider } from "@/lib/i18n/client";
import { compiledClientMessages } from "@/lib/i18n/client-messages";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { getActor } from "@/lib/auth/session";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("landing");
  return {
    // No title template: pages set their full title ("Masuk ke Rantai — Rantai").
    title: t("metaTitle"),
    description: t("metaDescription"),
    applicationName: "Rantai",
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#2f3a80",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, timeZone, actor] = await Promise.all([getLocale(), getTimeZone(), getActor()]);
  // The user menu's organization switcher (two or more memberships) and sign-out button.
  const slots = await accountSlots(actor);
  return (
    <html lang={locale}>
      <body>
        {/* only the messages client components translate (lib/i18n/client-messages.ts), not the catalogue,
            compiled on the server for a small formatter instead of next-intl's client runtime (lib/i18n/icu.ts) */}
        <ClientIntlProvider
          locale={isLocale(locale) ? locale : defaultLocale}
          timeZone={timeZone}
          messages={compiledClientMessages(locale)}
        >
          <AppShell user={actor?.user ?? null} activeMembership={actor?.membership ?? null} {...slots}>
            {children}
          </AppShell>
        </ClientIntlProvider>
      </body>
    </html>
  );
}
