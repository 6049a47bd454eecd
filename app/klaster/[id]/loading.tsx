// While a cluster's figures load: the page's frame with placeholders (screen readers hear "loading").
import { getTranslations } from "next-intl/server";
import { Container } from "@/components/ui";

export default async function Loading() {
  const t = await getTranslations("common");
  return (
    <Container className="py-8">
      <div className="flex flex-col gap-4" aria-busy="true">
        <p className="sr-only" role="status">
          {t("loading")}
        </p>
        <div className="h-8 w-2/3 animate-pulse rounded bg-paper" />
        <div className="h-40 animate-pulse rounded-card bg-paper" />
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          {[0, 1, 2, 3].map((i) => (
            <div key={i} className="h-24 animate-pulse rounded-card bg-paper" />
          ))}
        </div>
      </div>
    </Container>
  );
}
