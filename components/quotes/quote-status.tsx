// The status of a quote as a badge ("Terkirim", "Draf", "Menang", ...). Text carries the meaning.
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui";

const TONE: Record<string, BadgeTone> = {
  draft: "neutral",
  submitted: "info",
  withdrawn: "warning",
  awarded: "success",
  not_awarded: "neutral",
};

export function QuoteStatusBadge({ status }: { status: string }) {
  const t = useTranslations("quotes.status");
  return <Badge tone={TONE[status] ?? "neutral"}>{t(status as "draft")}</Badge>;
}
