// "Langkah 2 dari 6" with the list of steps: done steps are links (the flow can go back), the current one
// carries aria-current="step". On phones only the current step's name is shown next to the count.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui";
import { ONBOARDING_STEPS, stepNumber, type OnboardingStep } from "@/lib/suppliers/onboarding";
import { supplierRoutes } from "@/lib/suppliers/routes";

export function StepIndicator({ current, savedStep }: { current: OnboardingStep; savedStep: number }) {
  const t = useTranslations("suppliers");
  const n = stepNumber(current);
  return (
    <nav aria-label={t("steps.label")} className="mb-6">
      <p className="text-sm font-semibold text-accent-700">
        {t("stepOf", { current: n, total: ONBOARDING_STEPS.length })}
        <span className="sm:hidden"> · {t(`steps.${current}`)}</span>
      </p>
      <ol className="mt-2 hidden gap-2 sm:grid sm:grid-cols-6">
        {ONBOARDING_STEPS.map((s, i) => {
          const num = i + 1;
          const isCurrent = s === current;
          const reachable = num <= Math.max(savedStep + 1, n);
          const done = num <= savedStep && !isCurrent;
          const label = (
            <>
              <span
                className={cn("block h-1.5 rounded-full", isCurrent ? "bg-brand-700" : done ? "bg-teal-600" : "bg-stone-200")}
                aria-hidden="true"
              />
              <span className={cn("mt-1.5 block text-xs", isCurrent ? "font-semibold text-ink" : "text-muted")}>
                {num}. {t(`steps.${s}`)}
                {done && <span className="sr-only"> ({t("steps.done")})</span>}
              </span>
            </>
          );
          return (
            <li key={s}>
              {isCurrent ? (
                <span aria-current="step" className="block">
                  {label}
                </span>
              ) : reachable ? (
                <Link href={supplierRoutes.step(s)} className="block rounded hover:bg-brand-50 focus-visible:outline-2">
                  {label}
                </Link>
              ) : (
                <span className="block opacity-70">{label}</span>
              )}
            </li>
          );
        })}
      </ol>
      <div className="mt-2 h-1.5 rounded-full bg-stone-200 sm:hidden" aria-hidden="true">
        <div className="h-1.5 rounded-full bg-brand-700" style={{ width: `${(n / ONBOARDING_STEPS.length) * 100}%` }} />
      </div>
    </nav>
  );
}
