// /admin/organisasi/<id> — one organization for platform admins: details, members, pending invitations, its
// history from the audit log, and suspend / reinstate; 404 for everyone else (issue 16 item 4).
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { SuspensionForm } from "@/components/admin/admin-forms";
import { Alert, Badge, Card, Container, OrgTypeBadge, PageHeader, VerificationBadge } from "@/components/ui";
import { getOrganizationForAdmin, listOrganizationHistoryForAdmin } from "@/lib/admin/organizations";
import { AdminHistoryList } from "@/components/admin/admin-history";
import { orNotFound, requirePageActor } from "@/lib/auth/page-guard";
import { isPlatformAdmin } from "@/lib/auth/access";
import { organizationRoutes } from "@/lib/organizations/routes";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const actor = await requirePageActor(organizationRoutes.adminOrganization(id), isPlatformAdmin);
  const org = await orNotFound(getOrganizationForAdmin(actor, id));
  return { title: `${org.name} — Rantai`, robots: { index: false } };
}

export default async function AdminOrganizationPage({ params }: Props) {
  const { id } = await params;
  const actor = await requirePageActor(organizationRoutes.adminOrganization(id), isPlatformAdmin);
  const org = await orNotFound(getOrganizationForAdmin(actor, id));
  const history = await listOrganizationHistoryForAdmin(actor, id, await getLocale());
  const t = await getTranslations("admin.organizations.detail");
  const ts = await getTranslations("admin");
  const tr = await getTranslations("roles");
  const tv = await getTranslations("verification");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <Container className="py-8">
      <PageHeader eyebrow={ts("organizations.title")} title={org.name} />
      <div className="mb-4 flex flex-wrap gap-2">
        <OrgTypeBadge type={org.type} />
        <VerificationBadge status={org.verificationStatus} />
        {org.suspendedAt && <Badge tone="danger">{ts("status.suspended")}</Badge>}
      </div>
      {org.suspendedAt && (
        <Alert tone="warning" title={t("suspendedSince", { date: when(org.suspendedAt) })}>
          {org.suspendedReason && t("reason", { reason: org.suspendedReason })}
        </Alert>
      )}
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="font-medium">{t("email")}</dt>
            <dd className="break-all">{org.email ?? "—"}</dd>
            <dt className="font-medium">{t("phone")}</dt>
            <dd>{org.phone ?? "—"}</dd>
            <dt className="font-medium">{t("npwp")}</dt>
            <dd>{org.npwp ?? "—"}</dd>
            {org.type === "regional_government" && (
              <>
                <dt className="font-medium">{t("regionScope")}</dt>
                <dd data-testid="government-scope">
                  {org.regionRegency
                    ? `${org.regionRegency.name} (${org.regionRegency.code}), ${org.regionRegency.province.name}`
                    : org.regionProvince
                      ? `${tv("scopeProvince", { name: org.regionProvince.name })} (${org.regionProvince.code})`
                      : tv("scopeNone")}
                </dd>
              </>
            )}
          </dl>
        </Card>
        {org.type !== "platform" && (
          <Card>
            <h2 className="mb-3 text-lg font-semibold">{org.suspendedAt ? ts("suspend.reinstate") : ts("suspend.title")}</h2>
            <SuspensionForm kind="organization" id={org.id} suspended={Boolean(org.suspendedAt)} />
          </Card>
        )}
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{t("members")}</h2>
          {org.memberships.length === 0 ? (
            <p className="text-sm">{t("noMembers")}</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {org.memberships.map((m) => (
                <li key={m.user.id}>
                  <Link className="underline" href={organizationRoutes.adminUser(m.user.id)}>
                    {m.user.name}
                  </Link>{" "}
                  <span className="break-all text-slate-600">{m.user.email}</span> · {tr(m.role)}
                  {m.user.suspendedAt && (
                    <Badge tone="danger" className="ml-1">
                      {ts("status.suspended")}
                    </Badge>
                  )}
                </li>
              ))}
            </ul>
          )}
          {org.pendingInvitations.length > 0 && (
            <>
              <h3 className="mt-4 mb-2 font-medium">{t("pending")}</h3>
              <ul className="space-y-1 text-sm">
                {org.pendingInvitations.map((i) => (
                  <li key={i.id} className="break-all">
                    {i.email} · {tr(i.role)} · {t("expires", { date: when(i.expiresAt) })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{t("history")}</h2>
          <AdminHistoryList entries={history} />
        </Card>
      </div>
    </Container>
  );
}
