// Language switcher: a plain form posting to the setLocale server action, so it works with the keyboard,
// with screen readers and even before JavaScript loads. Each language is named in its own language
// ("Bahasa Indonesia", "English") and tagged with `lang`.
import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/lib/i18n/actions";
import { locales, type Locale } from "@/lib/i18n/config";
import { cn } from "@/components/ui/cn";

function GlobeIcon({ className }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className={cn("size-4 shrink-0 fill-none stroke-current", className)} strokeWidth="1.6">
      <circle cx="10" cy="10" r="7.5" />
      <path d="M2.5 10h15M10 2.5c2.2 2.1 3.2 4.6 3.2 7.5s-1 5.4-3.2 7.5c-2.2-2.1-3.2-4.6-3.2-7.5s1-5.4 3.2-7.5Z" />
    </svg>
  );
}

export interface LanguageSwitcherProps {
  /**
   * "full": both languages as a two-button group, the current one pressed (footer, mobile menu).
   * "compact": one button that switches to the other language (header).
   */
  variant?: "full" | "compact";
  /** Colours for a dark background. */
  inverse?: boolean;
  className?: string;
}

export async function LanguageSwitcher({ variant = "full", inverse = false, className }: LanguageSwitcherProps) {
  const current = (await getLocale()) as Locale;
  const t = await getTranslations("common");
  const name = (l: Locale) => t(`languageNames.${l}`);

  if (variant === "compact") {
    const other = locales.find((l) => l !== current) ?? "id";
    return (
      <form action={setLocale} className={className}>
        <button
          type="submit"
          name="locale"
          value={other}
          title={t("switchTo", { language: name(other) })}
          className={cn(
            "inline-flex min-h-11 items-center gap-1.5 rounded-lg px-3 text-sm font-medium transition-colors",
            inverse ? "text-white hover:bg-white/10" : "text-brand-800 hover:bg-brand-50",
          )}
        >
          <GlobeIcon />
          <span lang={other}>{name(other)}</span>
        </button>
      </form>
    );
  }

  return (
    <form action={setLocale} className={className}>
      <fieldset>
        <legend className={cn("mb-1.5 flex items-center gap-1.5 text-sm font-medium", inverse ? "text-brand-100" : "text-muted")}>
          <GlobeIcon />
          {t("language")}
        </legend>
        <div className={cn("inline-flex rounded-lg border p-0.5", inverse ? "border-white/30" : "border-line bg-surface")}>
          {locales.map((l) => {
            const active = l === current;
            return (
              <button
                key={l}
                type="submit"
                name="locale"
                value={l}
                lang={l}
                aria-pressed={active}
                className={cn(
                  "min-h-10 rounded-md px-3 text-sm font-medium transition-colors",
                  active
                    ? inverse
                      ? "bg-white text-brand-900"
                      : "bg-brand-700 text-white"
                    : inverse
                      ? "text-white hover:bg-white/10"
                      : "text-brand-800 hover:bg-brand-50",
                )}
              >
                {name(l)}
              </button>
            );
          })}
        </div>
      </fieldset>
    </form>
  );
}
