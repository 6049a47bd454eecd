// The CSV files /statistik hands out (issue 17, item 8), for Excel through lib/csv/excel.ts: headers in the
// reader's language, ";" separated, UTF-8 with a byte-order mark. The same protected figures the page shows
// (lib/stats/disclosure.ts): a withheld cell is empty and its row says so; public periods are whole quarters.
// GET /api/v1/stats/partnerships keeps its machine-readable CSV (lib/stats/csv.ts).
import "server-only";
import { onOneReadServer } from "@/lib/db";
import { z } from "zod";
import { appBaseUrl } from "@/lib/app-url";
import type { Actor } from "@/lib/auth/types";
import { localizedExcelCsv } from "@/lib/csv/excel";
import type { Locale } from "@/lib/i18n/config";
import { translate } from "@/lib/i18n/translate";
import { supplierRoutes } from "@/lib/suppliers/routes";
import { Disclosure, type PublishedRow } from "./disclosure";
import { getDrillTable, DRILL_BYS } from "./drill";
import { getTopSuppliers } from "./drilldown";
import { GROUP_BYS, statsFilterSchema, type StatsFilter } from "./schemas";

const STATS_TABLES = [...GROUP_BYS, ...DRILL_BYS] as const;

/** /statistik/tabel.csv?tabel=…&<the page's filters> */
export const statsTableCsvQuerySchema = z.intersection(
  z.object({ tabel: z.enum(STATS_TABLES, { error: "errors.field.invalidChoice" }) }),
  statsFilterSchema,
);

const TABLE_COLUMNS = ["key", "name", "agreements", "valueIdr", "suppliers", "withheld"] as const;

function tableRows(rows: PublishedRow[], locale: Locale) {
  const yes = translate(locale, "stats.csv.withheldYes");
  return rows.map((r) => [r.key, r.label, r.agreements, r.valueIdr, r.suppliers, r.suppressed ? yes : ""]);
}

const periodPart = (p: { from: string | null; to: string | null }) => `${p.from ? `-${p.from}` : ""}${p.to ? `-${p.to}` : ""}`;

/** One table of /statistik as the reader's audience sees it; a drill table the view does not offer is empty. */
export async function statsTableCsv(
  actor: Actor | null,
  { tabel, ...filter }: z.output<typeof statsTableCsvQuerySchema>,
  locale: Locale,
): Promise<{ content: string; filename: string }> {
  return onOneReadServer(async () => {
    const disclosure = Disclosure.for(actor, locale);
    const headers = TABLE_COLUMNS.map((c) => `stats.csv.${c}`);
    if (tabel === "regency" || tabel === "kbliDivision") {
      const drill = await getDrillTable(disclosure, filter);
      const rows = drill && drill.drillBy === tabel ? tableRows(drill.rows, locale) : [];
      const parent = drill ? `-${drill.parent.code.replace(".", "-")}` : "";
      return {
        content: localizedExcelCsv(locale, headers, rows),
        filename: `rantai-kemitraan-${tabel}${parent}${periodPart(drill?.period ?? { from: null, to: null })}.csv`,
      };
    }
    const s = await disclosure.partnerships(tabel, filter);
    return {
      content: localizedExcelCsv(locale, headers, tableRows(s.rows, locale)),
      filename: `rantai-kemitraan-${tabel}${periodPart(s.period)}.csv`,
    };
  });
}

const SUPPLIER_COLUMNS = ["supplier", "province", "section", "size", "agreements", "participations", "valueIdr", "profileUrl"] as const;

/** The named suppliers behind the figures (ministry and platform staff: getTopSuppliers checks stats:drilldown). */
export async function topSuppliersCsv(
  actor: Actor | null,
  filter: StatsFilter,
  locale: Locale,
): Promise<{ content: string; filename: string }> {
  return onOneReadServer(async () => {
    const top = await getTopSuppliers(actor, filter, 100);
    const unknown = translate(locale, "stats.unknown");
    const origin = appBaseUrl();
    const rows = top.map((s) => [
      s.name,
      s.provinceName ?? unknown,
      s.kbliSection === "-" ? unknown : s.kbliSection,
      s.sizeClass === "-" ? unknown : translate(locale, `sizeClasses.${s.sizeClass}`),
      s.agreements,
      s.participations,
      s.valueIdr,
      origin + supplierRoutes.profile(s.id),
    ]);
    return {
      content: localizedExcelCsv(
        locale,
        SUPPLIER_COLUMNS.map((c) => `stats.csv.top.${c}`),
        rows,
      ),
      filename: `rantai-pemasok-teratas${periodPart({ from: filter.from ?? null, to: filter.to ?? null })}.csv`,
    };
  });
}
