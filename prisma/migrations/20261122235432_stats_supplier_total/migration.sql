-- CreateTable
CREATE TABLE "StatsSupplierTotal" (
    "supplierId" TEXT NOT NULL,
    "participations" INTEGER NOT NULL,
    "leadAgreements" INTEGER NOT NULL,
    "leadValueIdr" BIGINT NOT NULL,

    CONSTRAINT "StatsSupplierTotal_pkey" PRIMARY KEY ("supplierId")
);

-- CreateIndex
CREATE INDEX "StatsSupplierTotal_leadValueIdr_idx" ON "StatsSupplierTotal"("leadValueIdr" DESC);

-- CreateIndex
CREATE INDEX "StatsSupplierMonth_month_idx" ON "StatsSupplierMonth"("month");

-- ---------------------------------------------------------------------------------------------------------
-- Per-supplier totals for the ministry drill-down (docs/decisions/0012-partnership-statistics.md): the sums of
-- "StatsSupplierMonth" over every month and scheme, kept by a trigger on it (every delta the agreement
-- triggers apply there lands here in the same transaction). Without a period the top suppliers are the first
-- rows of the (leadValueIdr DESC) index; with one, a supplier's total value bounds its value in any period,
-- so lib/stats/drilldown.ts walks candidates in that order and stops once the bound cannot beat its top list.
-- ---------------------------------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION stats_supplier_total_trigger() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE org text; dp int := 0; da int := 0; dv bigint := 0;
BEGIN
  IF current_setting('rantai.stats_bulk', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    org := NEW."supplierId"; dp := NEW.participations; da := NEW."leadAgreements"; dv := NEW."leadValueIdr";
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF TG_OP = 'UPDATE' AND OLD."supplierId" <> NEW."supplierId" THEN
      UPDATE "StatsSupplierTotal" SET participations = participations - OLD.participations,
             "leadAgreements" = "leadAgreements" - OLD."leadAgreements", "leadValueIdr" = "leadValueIdr" - OLD."leadValueIdr"
       WHERE "supplierId" = OLD."supplierId";
      DELETE FROM "StatsSupplierTotal" WHERE "supplierId" = OLD."supplierId" AND participations = 0 AND "leadAgreements" = 0 AND "leadValueIdr" = 0;
    ELSE
      org := OLD."supplierId"; dp := dp - OLD.participations; da := da - OLD."leadAgreements"; dv := dv - OLD."leadValueIdr";
    END IF;
  END IF;
  IF dp = 0 AND da = 0 AND dv = 0 THEN RETURN NULL; END IF;
  INSERT INTO "StatsSupplierTotal" ("supplierId", participations, "leadAgreements", "leadValueIdr")
  VALUES (org, dp, da, dv)
  ON CONFLICT ("supplierId") DO UPDATE
     SET participations = "StatsSupplierTotal".participations + dp,
         "leadAgreements" = "StatsSupplierTotal"."leadAgreements" + da,
         "leadValueIdr" = "StatsSupplierTotal"."leadValueIdr" + dv;
  DELETE FROM "StatsSupplierTotal" WHERE "supplierId" = org AND participations = 0 AND "leadAgreements" = 0 AND "leadValueIdr" = 0;
  RETURN NULL;
END $fn$;

CREATE TRIGGER stats_supplier_total_write AFTER INSERT OR UPDATE OR DELETE ON "StatsSupplierMonth"
  FOR EACH ROW EXECUTE FUNCTION stats_supplier_total_trigger();

CREATE OR REPLACE FUNCTION stats_rebuild_totals() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  TRUNCATE "StatsSupplierTotal";
  INSERT INTO "StatsSupplierTotal" ("supplierId", participations, "leadAgreements", "leadValueIdr")
  SELECT "supplierId", sum(participations)::int, sum("leadAgreements")::int, sum("leadValueIdr")::bigint
    FROM "StatsSupplierMonth" GROUP BY "supplierId"
  HAVING sum(participations) <> 0 OR sum("leadAgreements") <> 0 OR sum("leadValueIdr") <> 0;
END $fn$;

-- stats_rebuild(): the agreement rollups in bulk (the totals trigger skipped), then the totals and the per-UMKM rows.
CREATE OR REPLACE FUNCTION stats_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM set_config('rantai.stats_bulk', 'on', true);
  PERFORM stats_rebuild_agreements();
  PERFORM set_config('rantai.stats_bulk', 'off', true);
  PERFORM stats_rebuild_totals();
  PERFORM stats_rebuild_umkm();
END $fn$;

-- Backfill.
SELECT stats_rebuild_totals();
