// The platform's verification queue: buyers and cooperatives not yet verified, and UMKM that submitted
// their profile. Rows become stacked cards on phones (a list, not a table), each with its decision buttons.
import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Badge, ButtonLink, Card, EmptyState, OrgTypeBadge, VerificationBadge } from "@/components/ui";
import { formattersFor } from "@/lib/i18n/format";
import { longestWaitingFirst, waitingDays, type listOrganizationsForReview } from "@/lib/organizations/service";
import { VerificationActions } from "./verification-actions";
import { supplierRoutes } from "@/lib/suppliers/routes";

type Queue = Awaited<ReturnType<typeof listOrganizationsForReview>>;

interface Row {
  id: string;
  name: string;
  type: Queue["organizations"][number]["type"];
  status: Queue["organizations"][number]["verificationStatus"];
  createdAt: Date;
  /** Since when it waits for a decision (profile submitted, resubmitted, or signed up). */
  waitingSince: Date;
  nib?: string | null;
  region?: string | null;
  /** A returned buyer/cooperative that asked for review again: when, what it said, and the note it answered. */
  resubmission?: Queue["organizations"][number]["resubmission"];
  returnNote?: string | null;
  /** A regional government's scope (issue 12), for the admin to check before verifying. */
  scope?: { kind: "province" | "regency"; name: string } | null;
}

function queueRows(queue: Queue): Row[] {
  return longestWaitingFirst([
    ...queue.suppliers.map((s) => ({
      id: s.id,
      name: s.name,
      type: s.type,
      status: s.supplierProfile?.verificationStatus ?? ("pending" as const),
      createdAt: s.createdAt,
      waitingSince: s.waitingSince,
      nib: s.supplierProfile?.nib ?? null,
      region: s.supplierProfile?.regency?.name ?? null,
    })),
    ...queue.organizations.map((o) => ({
      id: o.id,
      name: o.name,
      type: o.type,
      status: o.verificationStatus,
      createdAt: o.createdAt,
      waitingSince: o.waitingSince,
      resubmission: o.resubmission,
      returnNote: o.returnNote,
      scope: o.regionRegency
        ? { kind: "regency" as const, name: `${o.regionRegency.name}, ${o.regionRegency.province.name}` }
        : o.regionProvince
          ? { kind: "province" as const, name: o.regionProvince.name }
          : null,
    })),
  ]);
}

export async function VerificationQueue({ queue, limit, showPageLink = false }: { queue: Queue; limit?: number; showPageLink?: boolean }) {
  const t = await getTranslations("verification");
  const td = await getTranslations("dashboard.platform");
  const f = formattersFor(await getLocale(), await getTimeZone());
  const rows = queueRows(queue);
  const now = new Date();
  const shown = limit ? rows.slice(0, limit) : rows;

  return (
    <Card
      title={t("queue")}
      description={td("queueCount", { count: rows.length })}
      actions={
        showPageLink && rows.length > 0 ? (
          <ButtonLink href={supplierRoutes.verificationQueue()} size="sm" variant="outline">
            {td("openQueue")}
          </ButtonLink>
        ) : undefined
      }
    >
      {shown.length === 0 ? (
        <EmptyState title={t("queueEmpty")} />
      ) : (
        <ul className="flex flex-col divide-y divide-line">
          {shown.map((r) => (
            <li key={r.id} className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0 md:flex-row md:items-start md:justify-between">
              <div className="min-w-0">
                <p className="font-semibold break-words text-ink">
                  {r.type === "umkm" ? (
                    // UMKM have a full profile to review (documents, identifiers) before deciding.
                    <Link href={supplierRoutes.review(r.id)} className="text-brand-800 underline decoration-brand-300 hover:text-brand-950">
                      {r.name}
                    </Link>
                  ) : (
                    r.name
                  )}
                </p>
                <div className="mt-1 flex flex-wrap items-center gap-1.5">
                  <OrgTypeBadge type={r.type} />
                  <VerificationBadge status={r.status} />
                  {r.scope && (
                    <Badge tone="info" data-testid="government-scope">
                      {t(r.scope.kind === "province" ? "scopeProvince" : "scopeRegency", { name: r.scope.name })}
                    </Badge>
                  )}
                  {r.nib && (
                    <Badge tone="neutral">
                      {td("nib")} <span className="font-mono">{r.nib}</span>
                    </Badge>
                  )}
                </div>
                <p className="mt-1 text-sm text-muted">
                  {r.region ? `${r.region} · ` : ""}
                  {td("registered", { date: f.date(r.createdAt) })}
                  {" · "}
                  <span className="font-medium text-ink" data-testid="waiting">
                    {t("waiting", { days: waitingDays(r.waitingSince, now) })}
                  </span>
                </p>
                {(r.resubmission || r.returnNote) && (
                  // Plain text nodes: React escapes what the organization wrote.
                  <dl className="mt-2 flex flex-col gap-2 rounded-md border border-line bg-paper p-3 text-sm" data-testid="resubmission">
                    {r.resubmission && (
                      <div>
                        <dt className="font-medium text-ink">{t("resubmittedAt", { date: f.dateTime(r.resubmission.at) })}</dt>
                        <dd className="mt-0.5 whitespace-pre-line break-words text-ink">{r.resubmission.message}</dd>
                      </div>
                    )}
                    {r.returnNote && (
                      <div>
                        <dt className="font-medium text-muted">{t("earlierReturnNote")}</dt>
                        <dd className="mt-0.5 whitespace-pre-line break-words text-muted">{r.returnNote}</dd>
                      </div>
                    )}
                  </dl>
                )}
              </div>
              <div className="md:w-80 md:shrink-0">
                <VerificationActions organizationId={r.id} organizationName={r.name} />
              </div>
            </li>
          ))}
        </ul>
      )}
      {limit && rows.length > limit && <p className="mt-4 text-sm text-muted">{td("more", { count: rows.length - limit })}</p>}
    </Card>
  );
}
