// The named organizations behind the aggregates: ministry (and platform) staff only — the permission
// "stats:drilldown" is checked here, in lib/, so no page or route can leak the list by forgetting it.
import "server-only";
import { db, Prisma } from "@/lib/db";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { getProvinceNames } from "./partnerships";
import { monthIndex, type StatsFilter } from "./schemas";

export interface TopSupplier {
  id: string;
  name: string;
  provinceCode: string;
  provinceName: string | null;
  kbliSection: string;
  sizeClass: string;
  /** Agreements it leads (counted: active or completed, starting in the period) */
  agreements: number;
  valueIdr: bigint;
  /** Agreements it is a party to, as lead or consortium member */
  participations: number;
}

/** The suppliers with the largest counted agreement value in the filter (lead supplier's value), best first. */
export async function getTopSuppliers(actor: Actor | null, filter: StatsFilter, limit = 20): Promise<TopSupplier[]> {
  authorize(actor, { permission: "stats:drilldown" });
  const conds: Prisma.Sql[] = [];
  if (filter.from) conds.push(Prisma.sql`m.month >= ${monthIndex(filter.from)}`);
  if (filter.to) conds.push(Prisma.sql`m.month <= ${monthIndex(filter.to)}`);
  if (filter.province) conds.push(Prisma.sql`s."provinceCode" = ${filter.province}`);
  if (filter.kbliSection) conds.push(Prisma.sql`s."kbliSection" = ${filter.kbliSection}`);
  const where = conds.length ? Prisma.sql`WHERE ${Prisma.join(conds, " AND ")}` : Prisma.empty;
  const rows = await db.$queryRaw<
    { id: string; name: string; provinceCode: string; kbliSection: string; sizeClass: string; agreements: number; valueIdr: bigint; participations: number }[]
  >`
    SELECT t.id, o.name, t."provinceCode", t."kbliSection", t."sizeClass", t.agreements, t."valueIdr", t.participations
      FROM (SELECT s."supplierId" AS id, s."provinceCode", s."kbliSection", s."sizeClass",
                   sum(m."leadAgreements")::int AS agreements, sum(m."leadValueIdr")::bigint AS "valueIdr",
                   sum(m.participations)::int AS participations
              FROM "StatsSupplierMonth" m JOIN "StatsSupplier" s ON s."supplierId" = m."supplierId"
              ${where}
             GROUP BY s."supplierId", s."provinceCode", s."kbliSection", s."sizeClass"
             ORDER BY "valueIdr" DESC, participations DESC, s."supplierId"
             LIMIT ${Math.max(1, Math.min(100, limit))}) t
      JOIN "Organization" o ON o.id = t.id
     ORDER BY t."valueIdr" DESC, t.participations DESC, t.id`;
  const names = await getProvinceNames();
  return rows.map((r) => ({ ...r, provinceName: names.get(r.provinceCode) ?? null }));
}
