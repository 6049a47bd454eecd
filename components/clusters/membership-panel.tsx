// The cluster page's membership control (issue 12), for the signed-in visitor: ask to join / request pending /
// accept or decline an invitation / leave (UMKM, cooperatives); accept or decline an anchor invitation, leave
// as anchor (buyer owners and admins); "Kelola klaster" for the manager; a sign-in link for visitors. The
// actions check role, verification and ownership again in lib/clusters.
import { getTranslations } from "next-intl/server";
import { Alert, ButtonLink, Card } from "@/components/ui";
import { getActor } from "@/lib/auth/session";
import { authRoutes } from "@/lib/auth/routes";
import {
  answerAnchorInvitationAction,
  answerInvitationAction,
  leaveAsAnchorAction,
  leaveClusterAction,
  requestToJoinAction,
} from "@/lib/clusters/actions";
import { membershipPanelState } from "@/lib/clusters/queries";
import { clusterRoutes } from "@/lib/clusters/routes";
import { ClusterActionButton } from "./action-button";

export async function ClusterMembershipPanel({ clusterId }: { clusterId: string }) {
  const t = await getTranslations("clusters.panel");
  const actor = await getActor();
  const state = await membershipPanelState(actor, clusterId);
  const fields = { clusterId };
  let body: React.ReactNode = null;

  switch (state.kind) {
    case "visitor":
      body = (
        <div className="flex flex-col gap-2">
          <p className="text-sm">{t("visitor")}</p>
          <ButtonLink href={authRoutes.signIn(clusterRoutes.detail(clusterId))} size="sm" className="self-start">
            {t("signIn")}
          </ButtonLink>
        </div>
      );
      break;
    case "manager":
      body = (
        <div className="flex flex-col gap-2">
          <p className="text-sm">{t("manager")}</p>
          <ButtonLink href={clusterRoutes.manage(clusterId)} size="sm" className="self-start">
            {t("manage")}
          </ButtonLink>
        </div>
      );
      break;
    case "member": {
      const accept = (
        <ClusterActionButton action={answerInvitationAction} fields={{ ...fields, decision: "accept" }} label={t("acceptInvitation")} doneLabel={t("accepted")} />
      );
      const decline = (
        <ClusterActionButton
          action={answerInvitationAction}
          fields={{ ...fields, decision: "decline" }}
          label={t("declineInvitation")}
          doneLabel={t("declined")}
          variant="outline"
        />
      );
      const ask = <ClusterActionButton action={requestToJoinAction} fields={fields} label={t("ask")} pendingLabel={t("asking")} doneLabel={t("asked")} />;
      body =
        state.status === "active" ? (
          <div className="flex flex-col gap-2">
            <p className="text-sm font-medium">{t("member")}</p>
            <ClusterActionButton action={leaveClusterAction} fields={fields} label={t("leave")} doneLabel={t("left")} variant="outline" />
          </div>
        ) : state.status === "requested" ? (
          <div className="flex flex-col gap-2">
            <p className="text-sm">{t("pending")}</p>
            <ClusterActionButton action={leaveClusterAction} fields={fields} label={t("withdraw")} doneLabel={t("withdrawn")} variant="outline" />
          </div>
        ) : state.status === "invited" ? (
          <div className="flex flex-col gap-2">
            <p className="text-sm">{t("invited")}</p>
            <div className="flex flex-wrap gap-2">
              {accept}
              {decline}
            </div>
          </div>
        ) : (
          <div className="flex flex-col gap-2">
            <p className="text-sm">{state.status === "declined" ? t("wasDeclined") : t("notMember")}</p>
            {!state.verified && <Alert tone="info">{t("unverifiedNote")}</Alert>}
            {ask}
          </div>
        );
      break;
    }
    case "anchor":
      body =
        state.status === "invited" ? (
          <div className="flex flex-col gap-2">
            <p className="text-sm">{t("anchorInvited")}</p>
            {state.canAct ? (
              <div className="flex flex-wrap gap-2">
                <ClusterActionButton
                  action={answerAnchorInvitationAction}
                  fields={{ ...fields, decision: "accept" }}
                  label={t("acceptAnchor")}
                  doneLabel={t("accepted")}
                />
                <ClusterActionButton
                  action={answerAnchorInvitationAction}
                  fields={{ ...fields, decision: "decline" }}
                  label={t("declineInvitation")}
                  doneLabel={t("declined")}
                  variant="outline"
                />
              </div>
            ) : (
              <p className="text-sm text-stone-600">{t("ownerDecides")}</p>
            )}
          </div>
        ) : state.status === "active" ? (
          <div className="flex flex-col gap-2">
            <p className="text-sm font-medium">{t("anchor")}</p>
            {state.canAct && (
              <ClusterActionButton action={leaveAsAnchorAction} fields={fields} label={t("leaveAnchor")} doneLabel={t("left")} variant="outline" />
            )}
          </div>
        ) : (
          <p className="text-sm">{t("anchorNone")}</p>
        );
      break;
    case "other":
      return null;
  }
  return (
    <Card title={t("title")} headingLevel={2}>
      {body}
    </Card>
  );
}
