// On a supplier's public page (/pemasok/[id]): a buyer officer invites it to one of its own open RFQs; an
// unverified buyer is told why it cannot yet; a visitor is offered sign-in or sign-up (issue 17). Other
// signed-in organizations see nothing here.
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Alert, ButtonLink, Card } from "@/components/ui";
import { authRoutes } from "@/lib/auth/routes";
import { formattersFor } from "@/lib/i18n/format";
import type { ProfileInviteOptions } from "@/lib/matching/service";
import { rfqRoutes } from "@/lib/rfqs/routes";
import { InviteFromProfileForm } from "./invite-buttons";

export async function ProfileInvite({
  supplierId,
  profilePath,
  signedIn,
  options,
}: {
  supplierId: string;
  profilePath: string;
  signedIn: boolean;
  options: ProfileInviteOptions | null;
}) {
  const t = await getTranslations("matching.profileInvite");
  if (!signedIn) {
    return (
      <Card title={t("visitorTitle")} description={t("visitorBody")}>
        <div className="flex flex-wrap gap-2">
          <ButtonLink href={authRoutes.signIn(profilePath)}>{t("signIn")}</ButtonLink>
          <ButtonLink href={authRoutes.signUp()} variant="outline">
            {t("signUp")}
          </ButtonLink>
        </div>
      </Card>
    );
  }
  if (!options) return null;
  const f = formattersFor(await getLocale(), await getTimeZone());
  return (
    <Card title={t("title")} description={t("description")}>
      {!options.verified ? (
        <Alert tone="info">{t("unverified")}</Alert>
      ) : options.rfqs.length === 0 ? (
        <div className="flex flex-col items-start gap-2 text-sm text-ink">
          <p>{t("noRfqs")}</p>
          <ButtonLink href={rfqRoutes.create()} size="sm" variant="outline">
            {t("newRfq")}
          </ButtonLink>
        </div>
      ) : (
        <InviteFromProfileForm
          supplierId={supplierId}
          rfqs={options.rfqs.map((r) => ({
            id: r.id,
            invited: r.invited,
            label: r.invited ? t("optionInvited", { title: r.title }) : t("option", { title: r.title, deadline: f.dateTime(r.deadline) }),
          }))}
          labels={{
            rfq: t("rfq"),
            pick: t("pick"),
            submit: t("submit"),
            done: t("done"),
            already: t("already"),
            error: t("error", { message: "{message}" }),
          }}
        />
      )}
    </Card>
  );
}
