// /notifikasi/pengaturan — the signed-in user's own notification settings: per kind, in the app and by e-mail
// (issue 16; docs/decisions/0021-notification-preferences.md). Mandatory kinds are shown, locked on.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Container, PageHeader } from "@/components/ui";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import { requireSignedIn } from "@/lib/auth/page-guard";
import { getNotificationPreferences } from "@/lib/notifications/preferences";
import { notificationRoutes } from "@/lib/notifications/routes";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications.preferences");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

export default async function NotificationPreferencesPage() {
  const actor = await requireSignedIn(notificationRoutes.preferences());
  const [t, preferences] = await Promise.all([getTranslations("notifications.preferences"), getNotificationPreferences(actor)]);
  return (
    <Container className="flex max-w-3xl flex-col gap-5 py-8">
      <Link
        href={notificationRoutes.list()}
        className="inline-flex min-h-11 items-center self-start font-medium text-brand-700 underline underline-offset-4"
      >
        {t("back")}
      </Link>
      <PageHeader title={t("title")} description={t("description")} className="pb-0" />
      <PreferencesForm preferences={preferences} />
    </Container>
  );
}
