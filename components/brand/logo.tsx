// Rantai's mark: two interlocking chain links ("rantai" = chain) in indigo and soga brown, and the wordmark.
import { useId } from "react";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

function LogoMark({ className, inverse = false }: { className?: string; inverse?: boolean }) {
  const clipId = `lm${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const first = inverse ? "stroke-white" : "stroke-brand-700";
  return (
    <svg viewBox="0 0 46 24" aria-hidden="true" className={cn("h-6 w-11.5 shrink-0", className)} fill="none" strokeWidth="4">
      <clipPath id={clipId}>
        {/* where the first link passes over the second (top crossing) */}
        <rect x="18" y="0" width="8" height="10" />
      </clipPath>
      <rect x="3" y="4" width="25" height="16" rx="8" className={first} />
      <rect x="18" y="4" width="25" height="16" rx="8" className="stroke-accent-500" />
      <rect x="3" y="4" width="25" height="16" rx="8" className={first} clipPath={`url(#${clipId})`} />
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
