-- CreateTable
CREATE TABLE "StatsSchemeStep" (
    "scheme" TEXT NOT NULL,
    "kbliSection" TEXT NOT NULL,
    "prev" INTEGER NOT NULL,
    "cur" INTEGER NOT NULL,
    "suppliers" INTEGER NOT NULL,

    CONSTRAINT "StatsSchemeStep_pkey" PRIMARY KEY ("scheme","kbliSection","prev","cur")
);

-- CreateIndex
CREATE INDEX "StatsSupplierScheme_provinceCode_idx" ON "StatsSupplierScheme"("provinceCode");

-- ---------------------------------------------------------------------------------------------------------
-- Hand-written below. "StatsSchemeStep" (docs/decisions/0012-partnership-statistics.md): the steps of every
-- "StatsSupplierScheme" row's months, counted per scheme × KBLI section, kept by a row trigger on that table
-- (skipped during stats_rebuild()'s bulk phase, which rebuilds the steps at its end).
-- ---------------------------------------------------------------------------------------------------------

-- Adds d (+1 / -1) to the steps of one (supplier, scheme) row's months, dropping steps that reach zero.
CREATE FUNCTION stats_scheme_step_add(sch text, sec text, months int[], d int) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  IF months IS NULL OR cardinality(months) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO "StatsSchemeStep" AS t (scheme, "kbliSection", prev, cur, suppliers)
  SELECT sch, sec, coalesce(lag(x.m) OVER (ORDER BY x.m), -1), x.m, d
    FROM (SELECT DISTINCT m FROM unnest(months) m) x
   ORDER BY x.m
  ON CONFLICT (scheme, "kbliSection", prev, cur) DO UPDATE SET suppliers = t.suppliers + EXCLUDED.suppliers;
  IF d < 0 THEN
    DELETE FROM "StatsSchemeStep" WHERE scheme = sch AND "kbliSection" = sec AND cur = ANY (months) AND suppliers = 0;
  END IF;
END
$fn$;

CREATE FUNCTION stats_scheme_step_trigger() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF current_setting('rantai.stats_bulk', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.months = NEW.months AND OLD.scheme = NEW.scheme AND OLD."kbliSection" = NEW."kbliSection" THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM stats_scheme_step_add(OLD.scheme, OLD."kbliSection", OLD.months, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM stats_scheme_step_add(NEW.scheme, NEW."kbliSection", NEW.months, 1);
  END IF;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER stats_scheme_step_write AFTER INSERT OR UPDATE OR DELETE ON "StatsSupplierScheme"
  FOR EACH ROW EXECUTE FUNCTION stats_scheme_step_trigger();

CREATE FUNCTION stats_rebuild_scheme_steps() RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  TRUNCATE "StatsSchemeStep";
  INSERT INTO "StatsSchemeStep" (scheme, "kbliSection", prev, cur, suppliers)
  SELECT x.scheme, x."kbliSection", x.prev, x.cur, count(*)::int
    FROM (
      SELECT s.scheme, s."kbliSection", coalesce(lag(u.m) OVER (PARTITION BY s."supplierId", s.scheme ORDER BY u.m), -1) AS prev, u.m AS cur
        FROM "StatsSupplierScheme" s, LATERAL (SELECT DISTINCT m FROM unnest(s.months) m) u) x
   GROUP BY 1, 2, 3, 4;
END
$fn$;

-- stats_rebuild() (last defined by *_supplier_track_record) also rebuilds the steps after the bulk phase.
CREATE OR REPLACE FUNCTION stats_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM set_config('rantai.stats_bulk', 'on', true);
  PERFORM stats_rebuild_agreements();
  PERFORM set_config('rantai.stats_bulk', 'off', true);
  PERFORM stats_rebuild_scheme_steps();
  PERFORM stats_rebuild_totals();
  PERFORM stats_rebuild_umkm();
  PERFORM supplier_track_record_rebuild();
END $fn$;

-- Backfill.
SELECT stats_rebuild_scheme_steps();
