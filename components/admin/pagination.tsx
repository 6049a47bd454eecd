// Previous / next links of an admin list, with "page N of M" (links built by the caller's routes.ts builder).
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function AdminPagination({
  page,
  pageCount,
  total,
  href,
}: {
  page: number;
  pageCount: number;
  total: number;
  href: (page: number) => string;
}) {
  const t = await getTranslations("admin.pagination");
  return (
    <nav aria-label={t("label")} className="mt-4 flex flex-wrap items-center gap-4 text-sm">
      <span>{t("total", { count: total })}</span>
      <span>{t("page", { page, pageCount })}</span>
      {page > 1 && (
        <Link className="underline" href={href(page - 1)} rel="prev">
          {t("previous")}
        </Link>
      )}
      {page < pageCount && (
        <Link className="underline" href={href(page + 1)} rel="next">
          {t("next")}
        </Link>
      )}
    </nav>
  );
}
