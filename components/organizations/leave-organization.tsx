"use client";
// Leaving the active organization (any member; the last owner is told to make someone else owner first).
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "@/lib/i18n/client";
import { Alert, Button } from "@/components/ui";
import { leaveOrganizationAction } from "@/lib/organizations/actions";
import { organizationRoutes } from "@/lib/organizations/routes";

export function LeaveOrganization({ organizationName }: { organizationName: string }) {
  const t = useTranslations("members.leave");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const leave = () => {
    if (!window.confirm(t("confirm", { organization: organizationName }))) return;
    start(async () => {
      const r = await leaveOrganizationAction({});
      if (r.ok) {
        router.replace(organizationRoutes.dashboard());
        router.refresh();
      } else setError(r.error.message);
    });
  };
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-muted">{t("body")}</p>
      {error && <Alert tone="danger">{error}</Alert>}
      <Button variant="danger" className="self-start" onClick={leave} disabled={pending}>
        {t("submit")}
      </Button>
    </div>
  );
}
