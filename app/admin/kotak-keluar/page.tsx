// /admin/kotak-keluar — the email outbox for platform admins: what Rantai sent, is sending, failed to send, or
// (without SMTP configured, e.g. in development) would have sent. 404 for everyone else.
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert, Container, PageHeader } from "@/components/ui";
import { OutboxTable } from "@/components/notifications/outbox-table";
import { getOutboxOverview } from "@/lib/notifications/outbox-admin";
import { isPlatformAdmin } from "@/lib/auth/access";
import { requirePageActor } from "@/lib/auth/page-guard";
import { notificationRoutes } from "@/lib/notifications/routes";

export const dynamic = "force-dynamic";

const gate = () => requirePageActor(notificationRoutes.outbox(), isPlatformAdmin);

export async function generateMetadata(): Promise<Metadata> {
  await gate();
  const t = await getTranslations("notifications.outbox");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

export default async function OutboxPage() {
  const actor = await gate();
  const [t, locale] = await Promise.all([getTranslations("notifications.outbox"), getLocale()]);
  const overview = await getOutboxOverview(actor, { limit: 100 });
  return (
    <Container className="flex flex-col gap-5 py-8">
      <PageHeader eyebrow={actor.membership?.organizationName} title={t("title")} description={t("description")} className="pb-0" />
      <Alert tone={overview.smtpConfigured ? "success" : "warning"}>{overview.smtpConfigured ? t("smtpOn") : t("smtpOff")}</Alert>
      <p className="text-sm text-muted">
        {t("counts", overview.counts)} · {t("shown", { count: overview.rows.length })}
      </p>
      <OutboxTable rows={overview.rows} locale={locale} />
    </Container>
  );
}
