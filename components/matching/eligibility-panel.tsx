// On an RFQ's page for an UMKM: how well it fits (score and reasons) and, when it does not qualify yet, what it
// needs — each gap linked to where it is fixed.
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui";
import type { SupplierFit } from "@/lib/matching/service";
import { GapList } from "./gap-list";
import { ScoreMeter } from "./match-list";
import { ReasonList } from "./reason-list";

export async function EligibilityPanel({ fit }: { fit: SupplierFit }) {
  const t = await getTranslations("matching");
  const locale = await getLocale();
  return (
    <section
      aria-label={t("eligibility.title")}
      className={`mb-6 rounded-xl border p-4 ${fit.qualified ? "border-emerald-200 bg-emerald-50" : "border-amber-300 bg-amber-50"}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 className="font-semibold text-ink">{t("eligibility.title")}</h2>
          <p className="mt-1">
            {fit.qualified ? (
              <Badge tone="success">{t("dashboard.qualified")}</Badge>
            ) : (
              <Badge tone="warning">{t("eligibility.notYet")}</Badge>
            )}
          </p>
        </div>
        <ScoreMeter score={fit.score} label={t("page.score", { score: fit.score })} />
      </div>
      {!fit.qualified && (
        <div className="mt-3 text-sm text-amber-950">
          <GapList gaps={fit.gaps} />
        </div>
      )}
      <ReasonList reasons={fit.reasons} locale={locale} label={t("page.reasons")} className="mt-3 flex flex-col gap-0.5 text-sm text-ink" />
    </section>
  );
}
