// The platform admins' queue of proposed identity changes (a section of /admin/verifikasi, anchor
// #perubahan-profil): for each organization, the approved and the proposed values side by side, who proposed
// them and when, and the approve / return controls.
import { getLocale, getTranslations } from "next-intl/server";
import { Card, EmptyState, OrgTypeBadge, VerificationBadge } from "@/components/ui";
import { formattersFor } from "@/lib/i18n/format";
import type { ProfileChangeForReview } from "@/lib/organizations/profile-review";
import { ProfileReviewActions } from "./profile-review-actions";
import { ProfileSummary } from "./profile-summary";

export async function ProfileReviewQueue({ changes }: { changes: ProfileChangeForReview[] }) {
  const t = await getTranslations("organizations.review");
  const f = formattersFor(await getLocale());
  return (
    <section id="perubahan-profil" aria-labelledby="perubahan-profil-title" className="mt-10 flex flex-col gap-4">
      <div>
        <h2 id="perubahan-profil-title" className="text-xl font-semibold text-ink">
          {t("title")}
        </h2>
        <p className="text-sm text-muted">{t("description")}</p>
      </div>
      {changes.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <ul className="flex flex-col gap-4">
          {changes.map((c) => {
            const keys = Object.keys(c.change.fields) as (keyof typeof c.change.fields)[];
            const current = Object.fromEntries(keys.map((k) => [k, c[k]]));
            return (
              <li key={c.id}>
                <Card
                  title={c.name}
                  description={t("proposedBy", { name: c.change.proposedByName, at: f.dateTime(c.change.at) })}
                  actions={
                    <div className="flex flex-wrap gap-1.5">
                      <OrgTypeBadge type={c.type} />
                      <VerificationBadge status={c.verificationStatus} />
                    </div>
                  }
                >
                  <div className="grid gap-4 sm:grid-cols-2">
                    <div>
                      <h3 className="font-semibold text-ink">{t("current")}</h3>
                      <ProfileSummary fields={current} />
                    </div>
                    <div>
                      <h3 className="font-semibold text-ink">{t("proposed")}</h3>
                      <ProfileSummary fields={c.change.fields} />
                    </div>
                  </div>
                  <div className="mt-4">
                    <ProfileReviewActions organizationId={c.id} identityChangeAt={c.change.at.toISOString()} organizationName={c.name} />
                  </div>
                </Card>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
