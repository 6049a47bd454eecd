// Rantai's mark: two interlocking chain links ("rantai" = chain), indigo and soga brown, and the wordmark.
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

export function LogoMark({ className, inverse = false }: { className?: string; inverse?: boolean }) {
  return (
    <svg viewBox="0 0 40 28" aria-hidden="true" className={cn("h-7 w-10 shrink-0", className)} fill="none" strokeWidth="4.5" strokeLinecap="round">
      <rect x="3" y="5" width="20" height="18" rx="9" className={inverse ? "stroke-white" : "stroke-brand-700"} />
      <rect x="17" y="5" width="20" height="18" rx="9" className="stroke-accent-500" />
      {/* redraw a short arc of the first link on top, so the links look interlocked */}
      <path d="M21.3 9.2A9 9 0 0 1 23 14" className={inverse ? "stroke-white" : "stroke-brand-700"} />
    </svg>
  );
}

/** Mark + "Rantai" wordmark. Put it inside a link to "/" where needed; the text is the accessible name. */
export function Logo({ className, inverse = false }: { className?: string; inverse?: boolean }) {
  const t = useTranslations("common");
  return (
    <span className={cn("inline-flex items-center gap-2", className)}>
      <LogoMark inverse={inverse} />
      <span className={cn("text-xl font-extrabold tracking-tight", inverse ? "text-white" : "text-brand-900")}>{t("appName")}</span>
    </span>
  );
}
