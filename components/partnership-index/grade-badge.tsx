// A grade of the Indeks Kemitraan as a badge; "belum cukup data" when there is none.
import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui";

const TONE: Record<string, BadgeTone> = {
  terbaik: "success",
  sangat_baik: "success",
  baik: "info",
  cukup: "warning",
  perlu_perbaikan: "danger",
};

export async function GradeBadge({ grade }: { grade: string | null }) {
  const t = await getTranslations("partnershipIndex");
  if (!grade) return <Badge tone="neutral">{t("notEnoughData")}</Badge>;
  return <Badge tone={TONE[grade] ?? "neutral"}>{t(`grade.${grade}`)}</Badge>;
}
