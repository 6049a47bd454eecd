// A link to the email outbox for platform admins' dashboard.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notificationRoutes } from "@/lib/notifications/routes";

export async function OutboxLink() {
  const t = await getTranslations("notifications.outbox");
  return (
    <p className="text-sm text-muted">
      <Link
        href={notificationRoutes.outbox()}
        className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline underline-offset-4"
      >
        {t("dashboardLink")}
      </Link>{" "}
      — {t("dashboardHint")}
    </p>
  );
}
