// /dasbor — the signed-in user's dashboard for their active organization. Every block reads through lib/
// functions that authorize the actor themselves (organization type, permission, membership in the where
// clause); this page only chooses which blocks the organization type gets.
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert, ButtonLink, Container, EmptyState, PageHeader } from "@/components/ui";
import { switcherOptions } from "@/components/auth/account-slots";
import { OrganizationSwitcher } from "@/components/auth/organization-switcher";
import { AuditLogCard } from "@/components/dashboard/audit-log";
import { ClusterDashboardCard } from "@/components/clusters/dashboard-card";
import { BankSection } from "@/components/dashboard/bank-section";
import { BuyerSection } from "@/components/dashboard/buyer-section";
import { CooperativeSection } from "@/components/dashboard/cooperative-section";
import { MinistrySection } from "@/components/dashboard/ministry-section";
import { MembersCard, OrganizationCard } from "@/components/dashboard/organization-card";
import { SupplierSection } from "@/components/dashboard/supplier-section";
import { RecommendedRfqsCard } from "@/components/matching/recommended-rfqs";
import { getRecommendedRfqs } from "@/lib/matching/service";
import { TokensPanel } from "@/components/dashboard/tokens-panel";
import { PasswordChangePanel } from "@/components/dashboard/password-change-panel";
import { VerificationQueue } from "@/components/dashboard/verification-queue";
import { OutboxLink } from "@/components/notifications/outbox-link";
import { can } from "@/lib/auth/permissions";
import { listOwnAgreements } from "@/lib/agreements/dashboard";
import { requireSignedIn } from "@/lib/auth/page-guard";
import { authRoutes } from "@/lib/auth/routes";
import { listApiTokens } from "@/lib/auth/tokens";
import type { Actor } from "@/lib/auth/types";
import { getCooperativeDashboard } from "@/lib/cooperatives/dashboard";
import { listIncomingJoinRequests } from "@/lib/cooperatives/join-requests";
import { IncomingJoinRequestsCard } from "@/components/cooperatives/incoming-requests-card";
import { getBankDashboard } from "@/lib/financing/dashboard";
import { organizationRoutes } from "@/lib/organizations/routes";
import { getOrganizationOverview, listOrganizationsForReview } from "@/lib/organizations/service";
import { listOwnActivity } from "@/lib/organizations/activity";
import { getBuyerDashboard } from "@/lib/rfqs/dashboard";
import { getMinistryOverview } from "@/lib/stats/ministry-overview";
import { getSupplierDashboard } from "@/lib/suppliers/dashboard";
import { RegionSection } from "@/components/regions/region-section";
import { regionHeadline } from "@/lib/regions/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

export default async function DashboardPage() {
  const actor = await requireSignedIn(organizationRoutes.dashboard());
  const t = await getTranslations("dashboard");

  if (!actor.membership) {
    return (
      <Container className="py-8">
        <PageHeader title={t("greeting", { name: actor.user.name })} />
        <EmptyState
          title={t("noOrganization.title")}
          description={t("noOrganization.body")}
          action={
            <ButtonLink href={authRoutes.signUp()} variant="outline">
              {t("noOrganization.signUp")}
            </ButtonLink>
          }
        />
      </Container>
    );
  }

  const m = actor.membership;
  const [org, audit, tokens, roleSection, options] = await Promise.all([
    getOrganizationOverview(actor),
    listOwnActivity(actor, { limit: 10, locale: await getLocale() }),
    listApiTokens(actor.user.id),
    RoleSection({ actor }),
    switcherOptions(actor),
  ]);
  const awaitingAdmin =
    (org.type === "buyer" || org.type === "cooperative") &&
    (org.verificationStatus === "unverified" || org.verificationStatus === "pending");

  return (
    <Container className="py-8">
      <PageHeader
        eyebrow={m.organizationName}
        title={t("greeting", { name: actor.user.name })}
        description={t("actingFor", { organization: m.organizationName })}
        actions={
          options.length > 1 ? (
            <div className="w-full sm:w-72">
              <OrganizationSwitcher options={options} activeId={m.organizationId} />
            </div>
          ) : undefined
        }
      />

      <div className="flex flex-col gap-6">
        {awaitingAdmin ? (
          <Alert tone="info" title={t("verificationNotice.awaitingAdminTitle")}>
            {t("verificationNotice.awaitingAdmin")}
          </Alert>
        ) : org.verificationStatus !== "verified" && org.verificationStatus !== "returned" && org.type === "umkm" ? (
          <Alert tone="info">{t(`verificationNotice.${org.verificationStatus}`)}</Alert>
        ) : null}

        {roleSection}
        <ClusterDashboardCard actor={actor} />

        <div className="grid gap-6 lg:grid-cols-2">
          <div className="flex min-w-0 flex-col gap-6">
            <OrganizationCard org={org} canResubmit={can(m, "org:update")} />
            <MembersCard org={org} />
          </div>
          <div className="min-w-0">
            <AuditLogCard entries={audit} />
          </div>
        </div>

        <TokensPanel tokens={tokens} />
        <PasswordChangePanel email={actor.user.email} />
      </div>
    </Container>
  );
}

/** The blocks that depend on the organization type. */
async function RoleSection({ actor }: { actor: Actor }) {
  switch (actor.membership?.organizationType) {
    case "umkm": {
      const [data, agreements, recommended, joinRequests] = await Promise.all([
        getSupplierDashboard(actor),
        listOwnAgreements(actor, { limit: 10 }),
        getRecommendedRfqs(actor, actor.membership.organizationId),
        listIncomingJoinRequests(actor),
      ]);
      return (
        <div className="flex flex-col gap-6">
          <IncomingJoinRequestsCard data={joinRequests} umkmName={actor.membership.organizationName} />
          <RecommendedRfqsCard items={recommended} />
          <SupplierSection data={data} agreements={agreements} />
        </div>
      );
    }
    case "buyer": {
      const [data, agreements] = await Promise.all([getBuyerDashboard(actor), listOwnAgreements(actor, { limit: 10 })]);
      return <BuyerSection data={data} agreements={agreements} />;
    }
    case "cooperative": {
      const [data, agreements] = await Promise.all([getCooperativeDashboard(actor), listOwnAgreements(actor, { limit: 10 })]);
      return <CooperativeSection data={data} agreements={agreements} />;
    }
    case "ministry":
      return <MinistrySection data={await getMinistryOverview(actor)} />;
    case "bank":
      return <BankSection data={await getBankDashboard(actor)} />;
    case "regional_government":
      return <RegionSection data={await regionHeadline(actor)} />;
    case "platform":
      return (
        <>
          <VerificationQueue queue={await listOrganizationsForReview(actor, { limit: 20 })} limit={5} showPageLink />
          {can(actor.membership, "platform:admin") && <OutboxLink />}
        </>
      );
    default:
      return null;
  }
}
