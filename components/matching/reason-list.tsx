// The reasons behind a match as a list of sentences, each with a mark that says how it reads: a tick for what
// is in the UMKM's favour, "!" for a warning (capacity below the need, far away), "•" for a plain fact (a track
// record without a completed partnership). The mark is decoration; the sentence carries the meaning. Wraps on
// a phone (no chip wider than the screen).
import { reasonLabel, reasonTone, type ReasonTone } from "@/lib/matching/labels";
import type { Reason } from "@/lib/matching/signals";

const MARK: Record<ReasonTone, { sign: string; className: string }> = {
  good: { sign: "✓", className: "text-emerald-700" },
  warn: { sign: "!", className: "font-bold text-amber-700" },
  neutral: { sign: "•", className: "text-muted" },
};

export function ReasonList({
  reasons,
  locale,
  label,
  className = "mt-2 flex flex-col gap-1 text-sm text-ink",
}: {
  reasons: Pick<Reason, "code" | "params">[];
  locale: string;
  label: string;
  className?: string;
}) {
  return (
    <ul className={className} aria-label={label}>
      {reasons.map((r) => {
        const tone = reasonTone(r);
        return (
          <li key={r.code} className="flex min-w-0 gap-2" data-tone={tone}>
            <span aria-hidden="true" className={`w-3 shrink-0 text-center ${MARK[tone].className}`}>
              {MARK[tone].sign}
            </span>
            <span className="min-w-0 break-words">{reasonLabel(locale, r)}</span>
          </li>
        );
      })}
    </ul>
  );
}
