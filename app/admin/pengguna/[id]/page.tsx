// /admin/pengguna/<id> — one user for platform admins: memberships, history, suspend / reinstate, force a
// password reset; 404 for everyone else (issue 16 item 4).
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ForcePasswordResetForm, SuspensionForm } from "@/components/admin/admin-forms";
import { Alert, Badge, Card, Container, OrgTypeBadge, PageHeader } from "@/components/ui";
import { getUserForAdmin, listUserHistoryForAdmin } from "@/lib/admin/users";
import { AdminHistoryList } from "@/components/admin/admin-history";
import { isPlatformAdmin } from "@/lib/auth/access";
import { orNotFound, requirePageActor } from "@/lib/auth/page-guard";
import { organizationRoutes } from "@/lib/organizations/routes";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const actor = await requirePageActor(organizationRoutes.adminUser(id), isPlatformAdmin);
  const user = await orNotFound(getUserForAdmin(actor, id));
  return { title: `${user.name} — Rantai`, robots: { index: false } };
}

export default async function AdminUserPage({ params }: Props) {
  const { id } = await params;
  const actor = await requirePageActor(organizationRoutes.adminUser(id), isPlatformAdmin);
  const user = await orNotFound(getUserForAdmin(actor, id));
  const history = await listUserHistoryForAdmin(actor, id, await getLocale());
  const t = await getTranslations("admin");
  const tr = await getTranslations("roles");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <Container className="py-8">
      <PageHeader eyebrow={t("users.title")} title={user.name} description={user.email} />
      {user.suspendedAt && (
        <Alert tone="warning" title={t("organizations.detail.suspendedSince", { date: when(user.suspendedAt) })}>
          {user.suspendedReason && t("organizations.detail.reason", { reason: user.suspendedReason })}
        </Alert>
      )}
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{t("users.memberships")}</h2>
          <ul className="space-y-2 text-sm">
            {user.memberships.map((m) => (
              <li key={m.organization.id} className="flex flex-wrap items-center gap-2">
                <Link className="underline" href={organizationRoutes.adminOrganization(m.organization.id)}>
                  {m.organization.name}
                </Link>
                <OrgTypeBadge type={m.organization.type} /> {tr(m.role)}
                {m.organization.suspendedAt && <Badge tone="danger">{t("status.suspended")}</Badge>}
              </li>
            ))}
          </ul>
        </Card>
        {user.id !== actor.user.id && (
          <Card>
            <h2 className="mb-3 text-lg font-semibold">{user.suspendedAt ? t("suspend.reinstate") : t("suspend.title")}</h2>
            <SuspensionForm kind="user" id={user.id} suspended={Boolean(user.suspendedAt)} />
          </Card>
        )}
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{t("users.forceReset")}</h2>
          <ForcePasswordResetForm id={user.id} />
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{t("organizations.detail.history")}</h2>
          <AdminHistoryList entries={history} />
        </Card>
      </div>
    </Container>
  );
}
