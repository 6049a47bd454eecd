// The buyer's matches for one RFQ: ranked qualified UMKM with score and reasons, and almost-qualified ones
// with their gaps. A server component; the invite buttons are the only client parts.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState } from "@/components/ui";
import type { ScoredSupplier } from "@/lib/matching/engine";
import { gapLabel, reasonLabel } from "@/lib/matching/labels";
import { InviteMatchButton } from "./invite-buttons";
import { supplierRoutes } from "@/lib/suppliers/routes";

export function ScoreMeter({ score, label }: { score: number; label: string }) {
  const tone = score >= 80 ? "bg-emerald-600" : score >= 60 ? "bg-brand-600" : "bg-amber-500";
  return (
    <div className="flex items-center gap-2" title={label}>
      <span className="text-2xl font-bold tabular-nums text-ink" aria-hidden="true">
        {score}
      </span>
      <span className="sr-only">{label}</span>
      <span className="block h-2 w-20 overflow-hidden rounded-full bg-stone-200" aria-hidden="true">
        <span className={`block h-full ${tone}`} style={{ width: `${score}%` }} />
      </span>
    </div>
  );
}

export async function MatchList({
  rfqId,
  matches,
  almostQualified,
  invitedSupplierIds,
  canInvite,
}: {
  rfqId: string;
  matches: ScoredSupplier[];
  almostQualified: ScoredSupplier[];
  invitedSupplierIds: string[];
  canInvite: boolean;
}) {
  const t = await getTranslations("matching.page");
  const locale = await getLocale();
  const invited = new Set(invitedSupplierIds);
  const labels = (name: string) => ({
    idle: t("invite"),
    done: t("inviteDone", { name }),
    invited: t("invited"),
    error: t("error", { message: "{message}" }),
  });

  return (
    <div className="flex flex-col gap-6">
      <Card title={t("ranked")}>
        {matches.length === 0 ? (
          <EmptyState title={t("rankedEmpty")} />
        ) : (
          <ol className="flex flex-col divide-y divide-line" aria-label={t("ranked")}>
            {matches.map((m, i) => (
              <li
                key={m.supplier.id}
                className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0 sm:flex-row sm:items-start sm:justify-between"
                data-testid="match"
              >
                <div className="min-w-0 flex-1">
                  <p className="text-xs font-semibold uppercase tracking-wide text-muted">{t("rank", { rank: i + 1 })}</p>
                  <h3 className="text-base font-semibold text-ink">
                    <Link href={supplierRoutes.profile(m.supplier.id)} className="hover:underline">
                      {m.supplier.name}
                    </Link>
                  </h3>
                  {m.supplier.regencyName && <p className="text-sm text-muted">{m.supplier.regencyName}</p>}
                  <ul className="mt-2 flex flex-col gap-1 text-sm text-ink" aria-label={t("reasons")}>
                    {m.reasons.map((r) => (
                      <li key={r.code} className="flex gap-2">
                        <span
                          aria-hidden="true"
                          className={r.code === "distance_far" || r.code === "capacity_partial" ? "text-amber-600" : "text-emerald-700"}
                        >
                          {r.code === "distance_far" || r.code === "capacity_partial" ? "!" : "✓"}
                        </span>
                        <span>{reasonLabel(locale, r)}</span>
                      </li>
                    ))}
                  </ul>
                </div>
                <div className="flex shrink-0 flex-row items-center justify-between gap-3 sm:flex-col sm:items-end">
                  <ScoreMeter score={m.score} label={t("score", { score: m.score })} />
                  {canInvite && (
                    <InviteMatchButton
                      rfqId={rfqId}
                      supplierId={m.supplier.id}
                      supplierName={m.supplier.name}
                      invited={invited.has(m.supplier.id)}
                      labels={labels(m.supplier.name)}
                    />
                  )}
                </div>
              </li>
            ))}
          </ol>
        )}
      </Card>

      <Card title={t("almost")} description={t("almostDescription")}>
        {almostQualified.length === 0 ? (
          <EmptyState title={t("almostEmpty")} />
        ) : (
          <ul className="flex flex-col divide-y divide-line" aria-label={t("almost")}>
            {almostQualified.map((m) => (
              <li
                key={m.supplier.id}
                className="flex flex-col gap-2 py-4 first:pt-0 last:pb-0 sm:flex-row sm:justify-between"
                data-testid="almost"
              >
                <div className="min-w-0 flex-1">
                  <h3 className="text-base font-semibold text-ink">
                    <Link href={supplierRoutes.profile(m.supplier.id)} className="hover:underline">
                      {m.supplier.name}
                    </Link>
                  </h3>
                  {m.supplier.regencyName && <p className="text-sm text-muted">{m.supplier.regencyName}</p>}
                  <p className="mt-2 text-sm font-medium text-red-800">{t("gaps")}:</p>
                  <ul className="flex flex-col gap-1 text-sm">
                    {m.gaps.map((g) => (
                      <li key={g.code + JSON.stringify(g.params)} className="flex gap-2 text-red-900">
                        <span aria-hidden="true">✗</span>
                        <span>{gapLabel(locale, g)}</span>
                      </li>
                    ))}
                  </ul>
                  <ul className="mt-2 flex flex-wrap gap-1" aria-label={t("reasons")}>
                    {m.reasons.slice(0, 3).map((r) => (
                      <li key={r.code}>
                        <Badge tone="neutral">{reasonLabel(locale, r)}</Badge>
                      </li>
                    ))}
                  </ul>
                </div>
                <ScoreMeter score={m.score} label={t("score", { score: m.score })} />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
