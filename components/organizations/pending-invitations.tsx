"use client";
// Pending invitations on the team page (owners and admins): address, role, until when, and a revoke button.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "@/lib/i18n/client";
import { Alert, Badge, Button } from "@/components/ui";
import type { MemberRole } from "@/lib/auth/types";
import { revokeInvitationAction } from "@/lib/organizations/actions";

interface PendingInvitation {
  id: string;
  email: string;
  role: MemberRole;
  /** Already formatted in the viewer's language. */
  expires: string;
  expired: boolean;
  invitedBy: string | null;
}

export function PendingInvitations({ invitations }: { invitations: PendingInvitation[] }) {
  const t = useTranslations("members.invitations");
  const tr = useTranslations("roles");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (invitations.length === 0) return <p className="text-sm text-muted">{t("empty")}</p>;
  const revoke = (i: PendingInvitation) =>
    start(async () => {
      const r = await revokeInvitationAction({ invitationId: i.id });
      if (r.ok) {
        setError(null);
        router.refresh();
      } else setError(r.error.message);
    });
  return (
    <div className="flex flex-col gap-3">
      {error && <Alert tone="danger">{error}</Alert>}
      <ul className="divide-y divide-line" aria-label={t("title")}>
        {invitations.map((i) => (
          <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 py-3 first:pt-0 last:pb-0">
            <div className="min-w-0">
              <p className="font-medium break-all text-ink">{i.email}</p>
              <p className="text-sm text-muted">
                {tr(i.role)} · {i.expired ? t("expired") : t("expires", { date: i.expires })}
                {i.invitedBy ? ` · ${t("invitedBy", { name: i.invitedBy })}` : ""}
              </p>
            </div>
            <div className="flex items-center gap-2">
              {i.expired && <Badge tone="warning">{t("expiredBadge")}</Badge>}
              <Button
                variant="outline"
                size="sm"
                onClick={() => revoke(i)}
                disabled={pending}
                aria-label={t("revokeFor", { email: i.email })}
              >
                {t("revoke")}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
