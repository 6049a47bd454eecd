// /klaim/[token] — an UMKM owner invited by their cooperative sets a name and password to claim the account.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert, Card, Container, PageHeader } from "@/components/ui";
import { claimInvitation, findClaimableInvitation } from "@/lib/cooperatives/members";
import { isDomainError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("cooperatives.claim");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

async function claim(token: string, form: FormData) {
  "use server";
  try {
    await claimInvitation(token, { name: form.get("name"), password: form.get("password") });
  } catch (err) {
    if (isDomainError(err)) redirect(`/klaim/${encodeURIComponent(token)}?error=${encodeURIComponent(err.messageKey)}`);
    throw err;
  }
  redirect("/masuk?claimed=1");
}

export default async function ClaimPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ error?: string }> }) {
  const { token } = await params;
  const { error } = await searchParams;
  const t = await getTranslations("cooperatives.claim");
  const te = await getTranslations();
  const inv = await findClaimableInvitation(token);
  return (
    <Container className="flex max-w-lg flex-col gap-6 py-8">
      <PageHeader title={t("title")} />
      {!inv ? (
        <Alert tone="warning">{t("invalid")}</Alert>
      ) : (
        <Card>
          <p className="mb-4 text-sm">{t("intro", { organization: inv.organization.name, email: inv.email })}</p>
          {error && <Alert tone="danger">{te.has(error) ? te(error) : error}</Alert>}
          <form action={claim.bind(null, token)} className="mt-3 flex flex-col gap-3">
            <label className="flex flex-col gap-1 text-sm font-medium">
              {t("name")}
              <input name="name" required minLength={2} maxLength={120} autoComplete="name" className="rounded-lg border border-stone-300 px-3 py-2" />
            </label>
            <label className="flex flex-col gap-1 text-sm font-medium">
              {t("password")}
              <input name="password" type="password" required minLength={10} autoComplete="new-password" className="rounded-lg border border-stone-300 px-3 py-2" />
            </label>
            <button type="submit" className="self-start rounded-lg bg-brand-700 px-4 py-2 text-sm font-medium text-white">
              {t("submit")}
            </button>
          </form>
        </Card>
      )}
    </Container>
  );
}
