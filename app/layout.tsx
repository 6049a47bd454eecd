import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { AppShell } from "@/components/shell/app-shell";
import { accountSlots } from "@/components/auth/account-slots";
import { clientMessages } from "@/lib/i18n/client-messages";
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
  const [locale, actor] = await Promise.all([getLocale(), getActor()]);
  // The user menu's organization switcher (two or more memberships) and sign-out button.
  const slots = await accountSlots(actor);
  return (
    <html lang={locale}>
      <body>
        {/* only the messages client components translate (lib/i18n/client-messages.ts), not the catalogue */}
        <NextIntlClientProvider messages={clientMessages(locale)}>
          <AppShell user={actor?.user ?? null} activeMembership={actor?.membership ?? null} {...slots}>
            {children}
          </AppShell>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
