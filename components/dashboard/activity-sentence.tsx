// One activity-log sentence (lib/audit/describe.ts): the words around its subject, the subject a link when the
// reader may open it. Used by the dashboard's "Catatan aktivitas" and the admin history pages.
import Link from "next/link";
import type { ActivitySentence } from "@/lib/audit/describe";

export function ActivitySentenceText({ sentence: s }: { sentence: ActivitySentence }) {
  return (
    <span className="text-ink break-words">
      {s.before}
      {s.subject &&
        (s.subject.href ? (
          <Link href={s.subject.href} className="font-medium text-brand-800 underline underline-offset-2">
            {s.subject.text}
          </Link>
        ) : (
          <span className="font-medium">{s.subject.text}</span>
        ))}
      {s.after}
    </span>
  );
}
