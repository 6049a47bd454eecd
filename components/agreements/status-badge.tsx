import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui";

const TONE: Record<string, BadgeTone> = { draft: "neutral", proposed: "info", active: "success", completed: "brand", terminated: "danger" };

/** "Draf" / "Diajukan" / "Aktif" / "Selesai" / "Diakhiri". */
export function AgreementStatusBadge({ status }: { status: string }) {
  const t = useTranslations("agreements.status");
  return <Badge tone={TONE[status] ?? "neutral"}>{t(status)}</Badge>;
}
