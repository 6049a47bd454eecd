// /organisasi/anggota — the active organization's team (issue 16): every member sees who is in it and with
// which role; owners and admins invite colleagues by e-mail, see and revoke pending invitations, change roles
// and remove members; anyone may leave (but the last owner). lib/organizations checks all of it again.
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, Container, PageHeader } from "@/components/ui";
import { InviteForm } from "@/components/organizations/invite-form";
import { LeaveOrganization } from "@/components/organizations/leave-organization";
import { PendingInvitations } from "@/components/organizations/pending-invitations";
import { TeamMembers } from "@/components/organizations/team-members";
import { orNotFound, requirePageActor } from "@/lib/auth/page-guard";
import { formattersFor } from "@/lib/i18n/format";
import { hasOrganization } from "@/lib/organizations/access";
import { listMembers } from "@/lib/organizations/members";
import { organizationRoutes } from "@/lib/organizations/routes";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("members.page");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

export default async function TeamPage() {
  const actor = await requirePageActor(organizationRoutes.team(), hasOrganization);
  const [t, locale] = await Promise.all([getTranslations("members"), getLocale()]);
  const f = formattersFor(locale);
  const team = await orNotFound(listMembers(actor, actor.membership!.organizationId));
  return (
    <Container className="flex flex-col gap-6 py-8">
      <PageHeader title={t("page.title")} eyebrow={team.organization.name} description={t("page.description")} />
      {team.viewer.canManage && (
        <Card title={t("invite.title")} description={t("invite.description")}>
          <InviteForm roles={team.viewer.assignableRoles} />
        </Card>
      )}
      <Card title={t("list.title")} description={t("list.count", { count: team.members.length })}>
        <TeamMembers members={team.members} viewer={team.viewer} />
        {!team.viewer.canManage && <p className="mt-4 text-sm text-muted">{t("list.notManager")}</p>}
      </Card>
      {team.viewer.canManage && (
        <Card title={t("invitations.title")} description={t("invitations.description")}>
          <PendingInvitations
            invitations={team.invitations.map((i) => ({
              id: i.id,
              email: i.email,
              role: i.role,
              expires: f.dateTime(i.expiresAt),
              expired: i.expired,
              invitedBy: i.invitedBy?.name ?? null,
            }))}
          />
        </Card>
      )}
      <Card title={t("leave.title")}>
        <LeaveOrganization organizationName={team.organization.name} />
      </Card>
    </Container>
  );
}
