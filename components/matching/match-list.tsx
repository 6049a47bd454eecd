// The buyer's matches for one RFQ: ranked qualified UMKM with score and reasons, and almost-qualified ones
// with their gaps ("Hampir memenuhi syarat"). Every UMKM can be invited — one by one, or ticked and invited
// together (components/matching/invite-buttons.tsx BulkInviteForm wraps these lists). A server component; the
// invite buttons and the form are the only client parts. For a multi-line RFQ each entry names the lines it fits.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, EmptyState } from "@/components/ui";
import type { ScoredSupplier } from "@/lib/matching/engine";
import { gapLabel } from "@/lib/matching/labels";
import { InviteMatchButton } from "./invite-buttons";
import { ReasonList } from "./reason-list";
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

/** The checkbox that puts one UMKM into the "invite the ticked ones" form (none once invited). */
function PickBox({ id, name, label, invited }: { id: string; name: string; label: string; invited: boolean }) {
  if (invited) return null;
  return (
    <input
      type="checkbox"
      name="supplierIds[]"
      value={id}
      aria-label={label.replace("{name}", name)}
      className="mt-1 size-5 shrink-0 rounded border-stone-400 accent-brand-700"
    />
  );
}

export async function MatchList({
  rfqId,
  matches,
  almostQualified,
  invitedSupplierIds,
  canInvite,
  linesOf,
}: {
  rfqId: string;
  matches: ScoredSupplier[];
  almostQualified: ScoredSupplier[];
  invitedSupplierIds: string[];
  canInvite: boolean;
  /** Multi-line RFQs: the names of the lines each UMKM fits (lib/matching/lines.ts). */
  linesOf?: Map<string, string[]>;
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
  const pick = t("pick", { name: "{name}" });
  const fits = (id: string) => {
    const names = linesOf?.get(id);
    return names?.length ? <p className="mt-1 text-sm text-ink">{t("fitsLines", { lines: names.join(", ") })}</p> : null;
  };
  const invite = (m: ScoredSupplier) =>
    canInvite && (
      <InviteMatchButton
        rfqId={rfqId}
        supplierId={m.supplier.id}
        supplierName={m.supplier.name}
        invited={invited.has(m.supplier.id)}
        labels={labels(m.supplier.name)}
      />
    );

  return (
    <div className="flex min-w-0 flex-col gap-6">
      <Card title={t("ranked")}>
        {matches.length === 0 ? (
          <EmptyState title={t("rankedEmpty")} />
        ) : (
          <ol className="flex flex-col divide-y divide-line" aria-label={t("ranked")}>
            {matches.map((m, i) => (
              <li
                key={m.supplier.id}
                className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0 sm:flex-row sm:items-start"
                data-testid="match"
              >
                <div className="flex min-w-0 flex-1 gap-3">
                  {canInvite && <PickBox id={m.supplier.id} name={m.supplier.name} label={pick} invited={invited.has(m.supplier.id)} />}
                  <div className="min-w-0 flex-1">
                    <p className="text-xs font-semibold uppercase tracking-wide text-muted">{t("rank", { rank: i + 1 })}</p>
                    <h3 className="break-words text-base font-semibold text-ink">
                      <Link href={supplierRoutes.profile(m.supplier.id)} className="hover:underline">
                        {m.supplier.name}
                      </Link>
                    </h3>
                    {m.supplier.regencyName && <p className="text-sm text-muted">{m.supplier.regencyName}</p>}
                    {fits(m.supplier.id)}
                    <ReasonList reasons={m.reasons} locale={locale} label={t("reasons")} />
                  </div>
                </div>
                <div className="flex shrink-0 flex-row flex-wrap items-center justify-between gap-3 sm:flex-col sm:items-end">
                  <ScoreMeter score={m.score} label={t("score", { score: m.score })} />
                  {invite(m)}
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
                className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0 sm:flex-row sm:items-start"
                data-testid="almost"
              >
                <div className="flex min-w-0 flex-1 gap-3">
                  {canInvite && <PickBox id={m.supplier.id} name={m.supplier.name} label={pick} invited={invited.has(m.supplier.id)} />}
                  <div className="min-w-0 flex-1">
                    <h3 className="break-words text-base font-semibold text-ink">
                      <Link href={supplierRoutes.profile(m.supplier.id)} className="hover:underline">
                        {m.supplier.name}
                      </Link>
                    </h3>
                    {m.supplier.regencyName && <p className="text-sm text-muted">{m.supplier.regencyName}</p>}
                    {fits(m.supplier.id)}
                    <p className="mt-2 text-sm font-medium text-red-800">{t("gaps")}:</p>
                    <ul className="flex flex-col gap-1 text-sm">
                      {m.gaps.map((g) => (
                        <li key={g.code + JSON.stringify(g.params)} className="flex min-w-0 gap-2 text-red-900">
                          <span aria-hidden="true">✗</span>
                          <span className="min-w-0 break-words">{gapLabel(locale, g)}</span>
                        </li>
                      ))}
                    </ul>
                    <ReasonList reasons={m.reasons.slice(0, 3)} locale={locale} label={t("reasons")} />
                  </div>
                </div>
                <div className="flex shrink-0 flex-row flex-wrap items-center justify-between gap-3 sm:flex-col sm:items-end">
                  <ScoreMeter score={m.score} label={t("score", { score: m.score })} />
                  {invite(m)}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
