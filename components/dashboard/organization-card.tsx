// The active organization: name, type, verification state (with the platform's note when it was returned),
// contact details and region, and its members.
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Alert, ButtonLink, Card, OrgTypeBadge, VerificationBadge, ResponsiveTable } from "@/components/ui";
import { isProfileOrgType } from "@/lib/organizations/access";
import { organizationRoutes } from "@/lib/organizations/routes";
import { formattersFor } from "@/lib/i18n/format";
import type { getOrganizationOverview } from "@/lib/organizations/service";
import { ResubmitVerification } from "./resubmit-verification";

export type OrganizationOverview = Awaited<ReturnType<typeof getOrganizationOverview>>;

/** `canResubmit`: the viewer may ask for review again (an owner or admin of a returned buyer or cooperative). */
export async function OrganizationCard({ org, canResubmit = false }: { org: OrganizationOverview; canResubmit?: boolean }) {
  const t = await getTranslations("dashboard.organization");
  const tc = await getTranslations("common");
  const f = formattersFor(await getLocale(), await getTimeZone());
  const region = org.regency ? `${org.regency.name}, ${org.regency.province.name}` : null;

  return (
    <Card
      title={org.name}
      description={org.legalName && org.legalName !== org.name ? org.legalName : undefined}
      actions={
        <div className="flex flex-wrap gap-1.5">
          <OrgTypeBadge type={org.type} />
          <VerificationBadge status={org.verificationStatus} />
        </div>
      }
    >
      <div className="flex flex-col gap-4">
        {org.verificationStatus === "returned" && (
          <Alert tone="warning" title={t("returnedTitle")}>
            {org.verificationNote ? <p className="whitespace-pre-line">{org.verificationNote}</p> : t("returnedNoNote")}
          </Alert>
        )}
        {org.verificationStatus === "returned" && canResubmit && (org.type === "buyer" || org.type === "cooperative") && (
          <ResubmitVerification />
        )}
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          <Item label={t("region")} value={region ?? tc("notSet")} />
          <Item label={t("registeredAt")} value={f.date(org.createdAt)} />
          {org.verifiedAt && org.verificationStatus === "verified" && <Item label={t("verifiedAt")} value={f.date(org.verifiedAt)} />}
          {org.industry && <Item label={t("industry")} value={org.industry} />}
          {org.email && <Item label={t("email")} value={org.email} />}
          {org.phone && <Item label={t("phone")} value={org.phone} />}
          {org.website && <Item label={t("website")} value={org.website} />}
          {org.type === "buyer" && <Item label={t("stateOwned")} value={org.isStateOwned ? tc("yes") : tc("no")} />}
        </dl>
        {isProfileOrgType(org.type) && (
          <div>
            <ButtonLink href={organizationRoutes.profile()} variant="secondary">
              {(await getTranslations("organizations.profile"))("linkFromDashboard")}
            </ButtonLink>
          </div>
        )}
      </div>
    </Card>
  );
}

function Item({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-muted">{label}</dt>
      <dd className="font-medium break-words text-ink">{value}</dd>
    </div>
  );
}

export async function MembersCard({ org }: { org: OrganizationOverview }) {
  const t = await getTranslations("dashboard.members");
  const tr = await getTranslations("roles");
  return (
    <Card
      title={t("title")}
      description={t("count", { count: org.memberships.length })}
      actions={
        <ButtonLink href={organizationRoutes.team()} variant="outline" size="sm">
          {t("manage")}
        </ButtonLink>
      }
      flush
      className="overflow-hidden"
    >
      <ResponsiveTable caption={t("title")} minWidthClassName="sm:min-w-[28rem]" className="max-sm:p-3 sm:rounded-none sm:border-0">
        <thead>
          <tr>
            <th scope="col">{t("name")}</th>
            <th scope="col">{t("email")}</th>
            <th scope="col">{t("role")}</th>
          </tr>
        </thead>
        <tbody>
          {org.memberships.map((m) => (
            <tr key={m.id}>
              <th scope="row" className="text-ink">
                {m.user.name}
              </th>
              <td data-label={t("email")} className="break-all">
                {m.user.email}
              </td>
              <td data-label={t("role")}>{tr(m.role)}</td>
            </tr>
          ))}
        </tbody>
      </ResponsiveTable>
    </Card>
  );
}
