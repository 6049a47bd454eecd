// /organisasi/profil — the organization's own profile (buyers, cooperatives, banks, ministry offices; UMKM use
// /profil-usaha). Owners and admins edit it, members read it; a proposed identity change waiting for review and
// a returned verification (with the form to ask again) are shown above the form. lib/organizations checks again.
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert, Card, Container, PageHeader } from "@/components/ui";
import { ResubmitVerification } from "@/components/dashboard/resubmit-verification";
import { OrganizationProfileForm, type ProfileFormOptions } from "@/components/organizations/profile-form";
import { ProfileSummary } from "@/components/organizations/profile-summary";
import { can } from "@/lib/auth/permissions";
import { orNotFound, requirePageActor } from "@/lib/auth/page-guard";
import { LEGAL_FORMS } from "@/lib/enums";
import { formattersFor } from "@/lib/i18n/format";
import { hasOrganizationProfile } from "@/lib/organizations/access";
import { getOrganizationProfile, listIndustryKbli } from "@/lib/organizations/profile";
import { organizationRoutes } from "@/lib/organizations/routes";
import { listAllRegencies, listProvinces } from "@/lib/reference/service";
import { listSiteOptions } from "@/lib/sites/service";
import { formatNpwp } from "@/lib/suppliers/identifiers";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organizations.profile");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

export default async function OrganizationProfilePage() {
  const actor = await requirePageActor(organizationRoutes.profile(), hasOrganizationProfile);
  const m = actor.membership!;
  const profile = await orNotFound(getOrganizationProfile(actor, m.organizationId));
  const t = await getTranslations("organizations.profile");
  const tl = await getTranslations("suppliers.legalForms");
  const locale = await getLocale();
  const f = formattersFor(locale);
  const canEdit = can(m, "org:update");
  const pending = profile.pendingChange;
  const returned = profile.verificationStatus === "returned";

  let options: ProfileFormOptions | null = null;
  if (canEdit) {
    const [provinces, regencies, kbli, sites] = await Promise.all([
      listProvinces("name"),
      listAllRegencies(),
      listIndustryKbli(),
      profile.type === "buyer" ? listSiteOptions() : Promise.resolve(undefined),
    ]);
    const title = (k: { titleId: string; titleEn: string | null }) => (locale === "en" && k.titleEn ? k.titleEn : k.titleId);
    options = {
      legalForms: LEGAL_FORMS.map((v) => ({ value: v, label: tl(v) })),
      provinces: provinces.map((p) => ({ ...p, regencies: regencies.filter((r) => r.provinceCode === p.code) })),
      kbli: kbli
        .filter((k) => k.level === 1)
        .map((s) => ({
          section: s.code,
          label: `${s.code} — ${title(s)}`,
          divisions: kbli
            .filter((d) => d.level === 2 && d.section === s.code)
            .map((d) => ({ code: d.code, label: `${d.code} — ${title(d)}` })),
        })),
      sites,
    };
  }

  return (
    <Container className="py-8">
      <PageHeader eyebrow={profile.name} title={t("title")} description={t("description")} />
      <div className="flex max-w-3xl flex-col gap-6">
        {pending && (
          <Alert tone="info" title={t("pendingTitle")}>
            <p>{t("pendingBody", { name: pending.proposedByName ?? "", at: f.dateTime(pending.at) })}</p>
            <ProfileSummary fields={pending.fields ?? {}} />
          </Alert>
        )}
        {!pending && profile.identityChangeNote && (
          <Alert tone="warning" title={t("returnedChangeTitle")}>
            <p className="whitespace-pre-line">{profile.identityChangeNote}</p>
          </Alert>
        )}
        {returned && (
          <Alert tone="warning" title={(await getTranslations("dashboard.organization"))("returnedTitle")}>
            {profile.verificationNote && <p className="whitespace-pre-line">{profile.verificationNote}</p>}
            {canEdit && <p className="mt-2">{t("returnedVerificationHint")}</p>}
          </Alert>
        )}
        <Card>
          {options ? (
            <OrganizationProfileForm
              options={options}
              values={{
                id: profile.id,
                type: profile.type,
                verified: profile.verificationStatus === "verified",
                name: profile.name,
                legalName: profile.legalName ?? "",
                legalForm: profile.legalForm ?? "",
                npwp: profile.npwp ? formatNpwp(profile.npwp) : "",
                isStateOwned: profile.isStateOwned,
                address: profile.address ?? "",
                regencyCode: profile.regencyCode ?? "",
                siteId: profile.siteId ?? "",
                industry: profile.industry ?? "",
                industryKbli: profile.industryKbli ?? "",
                website: profile.website ?? "",
                email: profile.email ?? "",
                phone: profile.phone ?? "",
              }}
            />
          ) : (
            <div className="flex flex-col gap-4">
              <p className="text-sm text-muted">{t("readOnly")}</p>
              <ProfileSummary
                fields={{ ...profile, isStateOwned: profile.type === "buyer" ? profile.isStateOwned : undefined }}
                extra={{
                  address: profile.address,
                  regency: profile.regency ? `${profile.regency.name}, ${profile.regency.province.name}` : null,
                  industry: profile.industry,
                  website: profile.website,
                  email: profile.email,
                  phone: profile.phone,
                }}
              />
            </div>
          )}
        </Card>
        {returned && canEdit && (profile.type === "buyer" || profile.type === "cooperative") && (
          <Card>
            <ResubmitVerification />
          </Card>
        )}
      </div>
    </Container>
  );
}
