// Reasons and gaps as sentences in the reader's language (messages/matching/{id,en}.json), from their codes and
// parameters. Used by the API (Accept-Language) and the pages (the UI locale) alike.
import { translate } from "@/lib/i18n/translate";
import { formatCalendarDate, formatNumber } from "@/lib/i18n/format";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { CERTIFICATION_TYPES } from "@/lib/enums";
import type { Gap, Params, Reason } from "./signals";
import type { SplitReason } from "./lines";

function certName(locale: Locale, c: string): string {
  return (CERTIFICATION_TYPES as readonly string[]).includes(c) ? translate(locale, `matching.certs.${c}`) : c;
}

function values(locale: Locale, params: Params): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) {
    if (k === "certs" && typeof v === "string")
      out[k] = v
        .split(",")
        .filter(Boolean)
        .map((c) => certName(locale, c))
        .join(", ");
    else if (k === "cert" && typeof v === "string") out[k] = certName(locale, v);
    else if ((k === "deadline" || k === "until") && typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v))
      out[k] = v.startsWith("9999") ? v : formatCalendarDate(v, locale);
    else if ((k === "capacity" || k === "quantity" || k === "km") && typeof v === "number")
      out[k] = formatNumber(v, locale, { maximumFractionDigits: 0 });
    else if ((k === "percent" || k === "min") && typeof v === "number") out[k] = formatNumber(v, locale, { maximumFractionDigits: 2 });
    else out[k] = v;
  }
  return out;
}

export function reasonLabel(locale: string, r: Pick<Reason, "code" | "params">): string {
  const l: Locale = isLocale(locale) ? locale : "id";
  return translate(l, `matching.reasons.${r.code}`, values(l, r.params));
}

export function gapLabel(locale: string, g: Pick<Gap, "code" | "params">): string {
  const l: Locale = isLocale(locale) ? locale : "id";
  return translate(l, `matching.gaps.${g.code}`, values(l, g.params));
}

/**
 * How a reason reads beside its text: "good" (a tick), "warn" (capacity below the need, a long distance, a
 * poor on-time record) or "neutral" (a fact that is neither, e.g. a track record without a completed
 * partnership). Never a green tick for something that is not in the UMKM's favour.
 */
export type ReasonTone = "good" | "warn" | "neutral";

export function reasonTone(r: Pick<Reason, "code" | "params">): ReasonTone {
  if (r.code === "distance_far" || r.code === "capacity_partial") return "warn";
  if (r.code === "track_record") {
    const completed = Number(r.params.completed ?? 0);
    const deliveries = Number(r.params.deliveries ?? 0);
    const onTime = Number(r.params.onTimePercent ?? 0);
    if (deliveries > 0 && onTime < 50) return "warn";
    if (completed === 0) return "neutral";
  }
  return "good";
}

/** A suggested split's reason as a sentence (matching.split.*). */
export function splitReasonLabel(locale: string, r: SplitReason): string {
  const l: Locale = isLocale(locale) ? locale : "id";
  const values = Object.fromEntries(
    Object.entries(r.params).map(([k, v]) => [k, typeof v === "number" ? formatNumber(v, l, { maximumFractionDigits: 0 }) : v]),
  );
  return translate(l, `matching.split.${r.code}`, values);
}
