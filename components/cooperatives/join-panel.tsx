// /anggota's "invite a registered UMKM" panel (issue 11): an UMKM already on Rantai joins only by accepting
// the cooperative's request. Search by NIB or name (lib/cooperatives/join-requests.ts findJoinCandidates), send
// a request, see and withdraw the requests still waiting. Unverified cooperatives are told to get verified.
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Alert, Badge, Card } from "@/components/ui";
import { formattersFor } from "@/lib/i18n/format";
import type { findJoinCandidates, listOutgoingJoinRequests } from "@/lib/cooperatives/join-requests";
import { CancelJoinRequestForm, SendJoinRequestForm } from "./join-request-forms";
import { cooperativeRoutes } from "@/lib/cooperatives/routes";

interface Props {
  verified: boolean;
  query: string;
  candidates: Awaited<ReturnType<typeof findJoinCandidates>>;
  pending: Awaited<ReturnType<typeof listOutgoingJoinRequests>>;
}

export async function JoinPanel({ verified, query, candidates, pending }: Props) {
  const t = await getTranslations("cooperatives.joinRequests");
  const f = formattersFor(await getLocale(), await getTimeZone());
  return (
    <Card title={t("title")} description={t("description")}>
      <div className="flex flex-col gap-4">
        {!verified ? (
          <Alert tone="info">{t("needsVerification")}</Alert>
        ) : (
          <>
            <form method="get" action={cooperativeRoutes.members()} role="search" className="flex flex-wrap items-end gap-2">
              <label className="flex flex-col gap-1 text-sm font-medium">
                {t("search")}
                <input
                  name="cari"
                  defaultValue={query}
                  minLength={3}
                  maxLength={100}
                  className="min-w-64 rounded-lg border border-stone-300 px-3 py-2"
                />
              </label>
              <button type="submit" className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-medium text-white">
                {t("searchButton")}
              </button>
            </form>
            {query.trim().length >= 3 &&
              (candidates.length === 0 ? (
                <p className="text-sm text-muted">{t("noResults")}</p>
              ) : (
                <ul className="flex flex-col divide-y divide-line" aria-label={t("searchButton")}>
                  {candidates.map((c) => (
                    <li key={c.organizationId} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-end sm:justify-between">
                      <div className="min-w-0">
                        <p className="font-medium">{c.name}</p>
                        <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
                          {c.nib ? <span className="tabular-nums">NIB {c.nib}</span> : null}
                          {c.regencyName ? <span>{c.regencyName}</span> : null}
                          {c.verified ? <Badge tone="success">{t("verifiedUmkm")}</Badge> : null}
                        </p>
                      </div>
                      {c.requestStatus === "pending" ? (
                        <Badge tone="info">{t("statusPending")}</Badge>
                      ) : (
                        <div className="flex flex-col gap-1">
                          {c.requestStatus === "declined" ? <span className="text-xs text-muted">{t("statusDeclined")}</span> : null}
                          <SendJoinRequestForm organizationId={c.organizationId} name={c.name} />
                        </div>
                      )}
                    </li>
                  ))}
                </ul>
              ))}
          </>
        )}
        <div>
          <h3 className="mb-2 font-semibold">{t("pendingTitle")}</h3>
          {pending.length === 0 ? (
            <p className="text-sm text-muted">{t("pendingEmpty")}</p>
          ) : (
            <ul className="flex flex-col divide-y divide-line">
              {pending.map((r) => (
                <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    {r.member.name}
                    <span className="block text-xs text-muted">
                      {r.member.supplierProfile?.nib ? `NIB ${r.member.supplierProfile.nib} · ` : ""}
                      {t("sentOn", { date: f.date(r.createdAt) })}
                    </span>
                  </span>
                  <CancelJoinRequestForm requestId={r.id} name={r.member.name} />
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </Card>
  );
}
