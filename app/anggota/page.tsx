// /anggota — a cooperative's member UMKM: search, pages, claimed or invitation pending; link to the CSV import;
// membership requests to UMKM already on Rantai (issue 11: they join only by accepting).
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ButtonLink, Container, EmptyState, PageHeader, ResponsiveTable, VerificationBadge } from "@/components/ui";
import { requirePageActor } from "@/lib/auth/page-guard";
import { isCooperativeActor } from "@/lib/cooperatives/access";
import { cooperativeRoutes } from "@/lib/cooperatives/routes";
import { listMembers } from "@/lib/cooperatives/members";
import { findJoinCandidates, listOutgoingJoinRequests } from "@/lib/cooperatives/join-requests";
import { can } from "@/lib/auth/permissions";
import { enumLabelKey, type SizeClass } from "@/lib/enums";
import { JoinPanel } from "@/components/cooperatives/join-panel";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("cooperatives.members");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function MembersPage({ searchParams }: { searchParams: Search }) {
  const actor = await requirePageActor(cooperativeRoutes.members(), isCooperativeActor);
  const sp = await searchParams;
  const q = typeof sp.q === "string" ? sp.q : "";
  const page = Number(typeof sp.page === "string" ? sp.page : "1") || 1;
  const cari = typeof sp.cari === "string" ? sp.cari.slice(0, 100) : "";
  const manage = can(actor.membership, "cooperative:members:manage");
  const verified = actor.membership?.verificationStatus === "verified";
  const [result, candidates, pending] = await Promise.all([
    listMembers(actor, { q, page }),
    manage && verified ? findJoinCandidates(actor, cari) : Promise.resolve([]),
    manage ? listOutgoingJoinRequests(actor) : Promise.resolve([]),
  ]);
  const t = await getTranslations("cooperatives.members");
  const tAll = await getTranslations();
  const href = (p: number) => cooperativeRoutes.members({ q, page: String(p) });

  return (
    <Container className="flex flex-col gap-6 py-8">
      <PageHeader
        title={t("title")}
        description={t("description", { count: result.total })}
        actions={
          <ButtonLink href={cooperativeRoutes.import()} size="md">
            {t("import")}
          </ButtonLink>
        }
      />
      <form method="get" action={cooperativeRoutes.members()} role="search" className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("search")}
          <input
            name="q"
            defaultValue={q}
            className="min-w-64 rounded-lg border border-stone-300 px-3 py-2"
            placeholder={t("searchPlaceholder")}
          />
        </label>
        <button type="submit" className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-medium text-white">
          {t("searchButton")}
        </button>
      </form>
      {result.items.length === 0 ? (
        <EmptyState title={q ? t("noMatch") : t("empty")} />
      ) : (
        <ResponsiveTable caption={t("title")} minWidthClassName="sm:min-w-[44rem]">
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col">NIB</th>
              <th scope="col">{t("regency")}</th>
              <th scope="col">{t("sizeClass")}</th>
              <th scope="col">{t("verification")}</th>
              <th scope="col">{t("account")}</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((m) => (
              <tr key={m.organizationId}>
                <th scope="row">
                  {m.name}
                  {m.memberNumber ? <span className="block text-xs font-normal text-stone-500">{m.memberNumber}</span> : null}
                </th>
                <td data-label="NIB" className="tabular-nums">
                  {m.nib ?? "—"}
                </td>
                <td data-label={t("regency")}>{m.regencyName ?? "—"}</td>
                <td data-label={t("sizeClass")}>{m.sizeClass ? tAll(enumLabelKey("SizeClass", m.sizeClass as SizeClass)) : "—"}</td>
                <td data-label={t("verification")}>
                  <VerificationBadge status={m.verificationStatus as "unverified" | "pending" | "verified" | "returned"} />
                </td>
                <td data-label={t("account")}>
                  {m.claimed
                    ? t("claimed")
                    : m.invitationPending
                      ? t("invitationPending")
                      : m.invitationHeld
                        ? t("invitationHeld")
                        : t("noOwner")}
                </td>
              </tr>
            ))}
          </tbody>
        </ResponsiveTable>
      )}
      {result.pages > 1 && (
        <nav aria-label={t("pages")} className="flex items-center gap-4 text-sm">
          {result.page > 1 && <Link href={href(result.page - 1)}>{t("previous")}</Link>}
          <span>{t("pageOf", { page: result.page, pages: result.pages })}</span>
          {result.page < result.pages && <Link href={href(result.page + 1)}>{t("next")}</Link>}
        </nav>
      )}
      {manage && <JoinPanel verified={verified} query={cari} candidates={candidates} pending={pending} />}
    </Container>
  );
}
