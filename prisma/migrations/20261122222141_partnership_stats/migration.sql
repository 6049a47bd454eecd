-- CreateTable
CREATE TABLE "StatsSupplier" (
    "supplierId" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "kbliSection" TEXT NOT NULL,
    "sizeClass" TEXT NOT NULL,
    "months" INTEGER[],
    "activeAgreements" INTEGER NOT NULL,

    CONSTRAINT "StatsSupplier_pkey" PRIMARY KEY ("supplierId")
);

-- CreateTable
CREATE TABLE "StatsSupplierScheme" (
    "supplierId" TEXT NOT NULL,
    "scheme" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "kbliSection" TEXT NOT NULL,
    "sizeClass" TEXT NOT NULL,
    "months" INTEGER[],

    CONSTRAINT "StatsSupplierScheme_pkey" PRIMARY KEY ("supplierId","scheme")
);

-- CreateTable
CREATE TABLE "StatsSupplierMonth" (
    "supplierId" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "scheme" TEXT NOT NULL,
    "participations" INTEGER NOT NULL,
    "leadAgreements" INTEGER NOT NULL,
    "leadValueIdr" BIGINT NOT NULL,

    CONSTRAINT "StatsSupplierMonth_pkey" PRIMARY KEY ("supplierId","month","scheme")
);

-- CreateTable
CREATE TABLE "StatsCell" (
    "month" INTEGER NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "kbliSection" TEXT NOT NULL,
    "scheme" TEXT NOT NULL,
    "sizeClass" TEXT NOT NULL,
    "agreements" INTEGER NOT NULL,
    "valueIdr" BIGINT NOT NULL,

    CONSTRAINT "StatsCell_pkey" PRIMARY KEY ("month","provinceCode","kbliSection","scheme","sizeClass")
);

-- CreateTable
CREATE TABLE "StatsSupplierMonthCell" (
    "month" INTEGER NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "kbliSection" TEXT NOT NULL,
    "sizeClass" TEXT NOT NULL,
    "suppliers" INTEGER NOT NULL,

    CONSTRAINT "StatsSupplierMonthCell_pkey" PRIMARY KEY ("month","provinceCode","kbliSection","sizeClass")
);

-- CreateTable
CREATE TABLE "StatsAgreementStatus" (
    "status" TEXT NOT NULL,
    "agreements" INTEGER NOT NULL,
    "valueIdr" BIGINT NOT NULL,

    CONSTRAINT "StatsAgreementStatus_pkey" PRIMARY KEY ("status")
);

-- CreateIndex
CREATE INDEX "StatsSupplier_provinceCode_idx" ON "StatsSupplier"("provinceCode");

-- CreateIndex
CREATE INDEX "StatsSupplier_kbliSection_idx" ON "StatsSupplier"("kbliSection");

-- CreateIndex
CREATE INDEX "StatsCell_provinceCode_month_idx" ON "StatsCell"("provinceCode", "month");

-- CreateIndex
CREATE INDEX "StatsCell_kbliSection_month_idx" ON "StatsCell"("kbliSection", "month");

-- ---------------------------------------------------------------------------------------------------------
-- Partnership statistics rollups (docs/decisions/0009-partnership-statistics.md). Hand-written:
-- the Stats* tables above are written ONLY by these triggers (and stats_rebuild()), in the same
-- transaction as the change to an agreement, its parties, or a supplier's province / KBLI / size class.
-- Counted agreements: status active or completed, by the month of their start date ("month" is
-- year * 12 + month - 1). Dimensions of a supplier: province of its profile's (else its organization's)
-- regency, section of its primary (else lowest) KBLI code, size class of its profile; '-' when unknown.
-- ---------------------------------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION stats_month(d date) RETURNS int LANGUAGE sql IMMUTABLE AS
$fn$ SELECT extract(year FROM d)::int * 12 + extract(month FROM d)::int - 1 $fn$;

-- The supplier's dimensions now (the same expressions as stats_rebuild's stats_dim).
CREATE OR REPLACE FUNCTION stats_dims(org text, OUT province text, OUT section text, OUT size text)
LANGUAGE sql STABLE AS $fn$
  SELECT coalesce(r."provinceCode", '-'), coalesce(ks.section, '-'), coalesce(sp."sizeClass"::text, '-')
    FROM "Organization" o
    LEFT JOIN "SupplierProfile" sp ON sp."organizationId" = o.id
    LEFT JOIN "Regency" r ON r.code = coalesce(sp."regencyCode", o."regencyCode")
    LEFT JOIN LATERAL (SELECT k.section FROM "SupplierKbli" sk
                         JOIN "KbliCode" k ON k.version = sk."kbliVersion" AND k.code = sk."kbliCode"
                        WHERE sk."supplierId" = o.id
                        ORDER BY sk."isPrimary" DESC, sk."kbliVersion" DESC, sk."kbliCode" LIMIT 1) ks ON true
   WHERE o.id = org
$fn$;

CREATE OR REPLACE FUNCTION stats_cell_add(m int, p text, sec text, sch text, sz text, d_agreements int, d_value bigint)
RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  IF d_agreements = 0 AND d_value = 0 THEN RETURN; END IF;
  INSERT INTO "StatsCell" (month, "provinceCode", "kbliSection", scheme, "sizeClass", agreements, "valueIdr")
  VALUES (m, p, sec, sch, sz, d_agreements, d_value)
  ON CONFLICT (month, "provinceCode", "kbliSection", scheme, "sizeClass")
  DO UPDATE SET agreements = "StatsCell".agreements + d_agreements, "valueIdr" = "StatsCell"."valueIdr" + d_value;
  DELETE FROM "StatsCell"
   WHERE month = m AND "provinceCode" = p AND "kbliSection" = sec AND scheme = sch AND "sizeClass" = sz
     AND agreements = 0 AND "valueIdr" = 0;
END $fn$;

CREATE OR REPLACE FUNCTION stats_month_cell_add(m int, p text, sec text, sz text, d int)
RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO "StatsSupplierMonthCell" (month, "provinceCode", "kbliSection", "sizeClass", suppliers)
  VALUES (m, p, sec, sz, d)
  ON CONFLICT (month, "provinceCode", "kbliSection", "sizeClass") DO UPDATE SET suppliers = "StatsSupplierMonthCell".suppliers + d;
  DELETE FROM "StatsSupplierMonthCell"
   WHERE month = m AND "provinceCode" = p AND "kbliSection" = sec AND "sizeClass" = sz AND suppliers = 0;
END $fn$;

-- The supplier's rollup row (created with its current dimensions), locked for this transaction.
CREATE OR REPLACE FUNCTION stats_supplier_row(org text) RETURNS "StatsSupplier" LANGUAGE plpgsql AS $fn$
DECLARE s "StatsSupplier"; d record;
BEGIN
  SELECT * INTO s FROM "StatsSupplier" WHERE "supplierId" = org FOR UPDATE;
  IF FOUND THEN RETURN s; END IF;
  SELECT * INTO d FROM stats_dims(org);
  INSERT INTO "StatsSupplier" ("supplierId", "provinceCode", "kbliSection", "sizeClass", months, "activeAgreements")
  VALUES (org, coalesce(d.province, '-'), coalesce(d.section, '-'), coalesce(d.size, '-'), '{}', 0)
  ON CONFLICT ("supplierId") DO NOTHING;
  SELECT * INTO s FROM "StatsSupplier" WHERE "supplierId" = org FOR UPDATE;
  RETURN s;
END $fn$;

CREATE OR REPLACE FUNCTION stats_supplier_gc(org text) RETURNS void LANGUAGE sql AS $fn$
  DELETE FROM "StatsSupplier" WHERE "supplierId" = org AND cardinality(months) = 0 AND "activeAgreements" = 0
$fn$;

CREATE OR REPLACE FUNCTION stats_month_row_gc(org text, m int, sch text) RETURNS void LANGUAGE sql AS $fn$
  DELETE FROM "StatsSupplierMonth"
   WHERE "supplierId" = org AND month = m AND scheme = sch AND participations = 0 AND "leadAgreements" = 0 AND "leadValueIdr" = 0
$fn$;

-- The lead supplier's agreement count and value (the agreement is counted once, in its lead's cell).
CREATE OR REPLACE FUNCTION stats_lead(org text, m int, sch text, d_agreements int, d_value bigint)
RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE s "StatsSupplier";
BEGIN
  s := stats_supplier_row(org);
  INSERT INTO "StatsSupplierMonth" ("supplierId", month, scheme, participations, "leadAgreements", "leadValueIdr")
  VALUES (org, m, sch, 0, d_agreements, d_value)
  ON CONFLICT ("supplierId", month, scheme) DO UPDATE
     SET "leadAgreements" = "StatsSupplierMonth"."leadAgreements" + d_agreements,
         "leadValueIdr" = "StatsSupplierMonth"."leadValueIdr" + d_value;
  PERFORM stats_cell_add(m, s."provinceCode", s."kbliSection", sch, s."sizeClass", d_agreements, d_value);
  PERFORM stats_month_row_gc(org, m, sch);
  PERFORM stats_supplier_gc(org);
END $fn$;

-- A supplier-side party (lead or consortium member) joins (+1) or leaves (-1) a counted agreement.
CREATE OR REPLACE FUNCTION stats_participate(org text, m int, sch text, delta int) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE s "StatsSupplier"; after_n int; month_after int;
BEGIN
  s := stats_supplier_row(org);
  INSERT INTO "StatsSupplierMonth" ("supplierId", month, scheme, participations, "leadAgreements", "leadValueIdr")
  VALUES (org, m, sch, delta, 0, 0)
  ON CONFLICT ("supplierId", month, scheme) DO UPDATE SET participations = "StatsSupplierMonth".participations + delta
  RETURNING participations INTO after_n;
  IF (after_n - delta > 0) <> (after_n > 0) THEN
    -- this (supplier, scheme) gained or lost the month
    INSERT INTO "StatsSupplierScheme" ("supplierId", scheme, "provinceCode", "kbliSection", "sizeClass", months)
    VALUES (org, sch, s."provinceCode", s."kbliSection", s."sizeClass", '{}')
    ON CONFLICT ("supplierId", scheme) DO NOTHING;
    UPDATE "StatsSupplierScheme"
       SET months = CASE WHEN after_n > 0 THEN ARRAY(SELECT DISTINCT x FROM unnest(months || m) x ORDER BY x)
                         ELSE array_remove(months, m) END
     WHERE "supplierId" = org AND scheme = sch;
    DELETE FROM "StatsSupplierScheme" WHERE "supplierId" = org AND scheme = sch AND cardinality(months) = 0;
    -- and the supplier as a whole, over every scheme?
    SELECT coalesce(sum(participations), 0)::int INTO month_after FROM "StatsSupplierMonth" WHERE "supplierId" = org AND month = m;
    IF (month_after - delta > 0) <> (month_after > 0) THEN
      UPDATE "StatsSupplier"
         SET months = CASE WHEN month_after > 0 THEN ARRAY(SELECT DISTINCT x FROM unnest(months || m) x ORDER BY x)
                           ELSE array_remove(months, m) END
       WHERE "supplierId" = org;
      PERFORM stats_month_cell_add(m, s."provinceCode", s."kbliSection", s."sizeClass", CASE WHEN month_after > 0 THEN 1 ELSE -1 END);
    END IF;
  END IF;
  PERFORM stats_month_row_gc(org, m, sch);
  PERFORM stats_supplier_gc(org);
END $fn$;

CREATE OR REPLACE FUNCTION stats_active(org text, delta int) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM stats_supplier_row(org);
  UPDATE "StatsSupplier" SET "activeAgreements" = "activeAgreements" + delta WHERE "supplierId" = org;
  PERFORM stats_supplier_gc(org);
END $fn$;

-- Adds (sign 1) or removes (sign -1) one agreement's contribution.
CREATE OR REPLACE FUNCTION stats_apply(aid text, sup text, sch text, start date, val bigint, st text, sign int)
RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE m int := stats_month(start); p record;
BEGIN
  INSERT INTO "StatsAgreementStatus" (status, agreements, "valueIdr") VALUES (st, sign, sign * val)
  ON CONFLICT (status) DO UPDATE SET agreements = "StatsAgreementStatus".agreements + sign,
                                     "valueIdr" = "StatsAgreementStatus"."valueIdr" + sign * val;
  IF st NOT IN ('active', 'completed') THEN RETURN; END IF;
  PERFORM stats_lead(sup, m, sch, sign, sign * val);
  PERFORM stats_participate(sup, m, sch, sign);
  IF st = 'active' THEN PERFORM stats_active(sup, sign); END IF;
  FOR p IN SELECT "organizationId" AS org FROM "AgreementParty"
            WHERE "agreementId" = aid AND role <> 'buyer' AND "organizationId" <> sup ORDER BY "organizationId" LOOP
    PERFORM stats_participate(p.org, m, sch, sign);
    IF st = 'active' THEN PERFORM stats_active(p.org, sign); END IF;
  END LOOP;
END $fn$;

CREATE OR REPLACE FUNCTION stats_agreement_trigger() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = NEW.status AND OLD."supplierId" = NEW."supplierId" AND OLD.scheme = NEW.scheme
     AND OLD."startDate" = NEW."startDate" AND OLD."valueIdr" = NEW."valueIdr" THEN
    RETURN NEW;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM stats_apply(OLD.id, OLD."supplierId", OLD.scheme::text, OLD."startDate", OLD."valueIdr", OLD.status::text, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM stats_apply(NEW.id, NEW."supplierId", NEW.scheme::text, NEW."startDate", NEW."valueIdr", NEW.status::text, 1);
    RETURN NEW;
  END IF;
  RETURN OLD;
END $fn$;

-- BEFORE DELETE: the parties are still there (ON DELETE CASCADE removes them after the agreement).
CREATE TRIGGER stats_agreement_write AFTER INSERT OR UPDATE ON "Agreement"
  FOR EACH ROW EXECUTE FUNCTION stats_agreement_trigger();
CREATE TRIGGER stats_agreement_delete BEFORE DELETE ON "Agreement"
  FOR EACH ROW EXECUTE FUNCTION stats_agreement_trigger();

CREATE OR REPLACE FUNCTION stats_party_trigger() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE a record;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."organizationId" = NEW."organizationId" AND OLD.role = NEW.role AND OLD."agreementId" = NEW."agreementId" THEN
    RETURN NEW;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.role <> 'buyer' THEN
    SELECT "supplierId", scheme::text AS sch, "startDate", status::text AS st INTO a FROM "Agreement" WHERE id = OLD."agreementId";
    IF FOUND AND a.st IN ('active', 'completed') AND OLD."organizationId" <> a."supplierId" THEN
      PERFORM stats_participate(OLD."organizationId", stats_month(a."startDate"), a.sch, -1);
      IF a.st = 'active' THEN PERFORM stats_active(OLD."organizationId", -1); END IF;
    END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.role <> 'buyer' THEN
    SELECT "supplierId", scheme::text AS sch, "startDate", status::text AS st INTO a FROM "Agreement" WHERE id = NEW."agreementId";
    IF FOUND AND a.st IN ('active', 'completed') AND NEW."organizationId" <> a."supplierId" THEN
      PERFORM stats_participate(NEW."organizationId", stats_month(a."startDate"), a.sch, 1);
      IF a.st = 'active' THEN PERFORM stats_active(NEW."organizationId", 1); END IF;
    END IF;
  END IF;
  RETURN NULL;
END $fn$;

CREATE TRIGGER stats_party_write AFTER INSERT OR UPDATE OR DELETE ON "AgreementParty"
  FOR EACH ROW EXECUTE FUNCTION stats_party_trigger();

-- A supplier moved, changed its KBLI codes or its size class: move its contributions to its new cells.
CREATE OR REPLACE FUNCTION stats_refresh_dims(org text) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE s "StatsSupplier"; d record; r record; m int;
BEGIN
  SELECT * INTO s FROM "StatsSupplier" WHERE "supplierId" = org FOR UPDATE;
  IF NOT FOUND THEN RETURN; END IF;
  SELECT coalesce(x.province, '-') AS p, coalesce(x.section, '-') AS sec, coalesce(x.size, '-') AS sz INTO d FROM stats_dims(org) x;
  IF d.p = s."provinceCode" AND d.sec = s."kbliSection" AND d.sz = s."sizeClass" THEN RETURN; END IF;
  FOR r IN SELECT month, scheme, "leadAgreements" AS la, "leadValueIdr" AS lv FROM "StatsSupplierMonth"
            WHERE "supplierId" = org AND ("leadAgreements" <> 0 OR "leadValueIdr" <> 0) LOOP
    PERFORM stats_cell_add(r.month, s."provinceCode", s."kbliSection", r.scheme, s."sizeClass", -r.la, -r.lv);
    PERFORM stats_cell_add(r.month, d.p, d.sec, r.scheme, d.sz, r.la, r.lv);
  END LOOP;
  FOREACH m IN ARRAY s.months LOOP
    PERFORM stats_month_cell_add(m, s."provinceCode", s."kbliSection", s."sizeClass", -1);
    PERFORM stats_month_cell_add(m, d.p, d.sec, d.sz, 1);
  END LOOP;
  UPDATE "StatsSupplier" SET "provinceCode" = d.p, "kbliSection" = d.sec, "sizeClass" = d.sz WHERE "supplierId" = org;
  UPDATE "StatsSupplierScheme" SET "provinceCode" = d.p, "kbliSection" = d.sec, "sizeClass" = d.sz WHERE "supplierId" = org;
END $fn$;

CREATE OR REPLACE FUNCTION stats_dims_trigger() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_TABLE_NAME = 'Organization' THEN
    PERFORM stats_refresh_dims(NEW.id);
  ELSIF TG_TABLE_NAME = 'SupplierProfile' THEN
    PERFORM stats_refresh_dims(NEW."organizationId");
  ELSE -- SupplierKbli
    IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM stats_refresh_dims(OLD."supplierId"); END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM stats_refresh_dims(NEW."supplierId"); END IF;
  END IF;
  RETURN NULL;
END $fn$;

CREATE TRIGGER stats_dims_organization AFTER UPDATE OF "regencyCode" ON "Organization"
  FOR EACH ROW EXECUTE FUNCTION stats_dims_trigger();
CREATE TRIGGER stats_dims_profile AFTER INSERT OR UPDATE OF "regencyCode", "sizeClass" ON "SupplierProfile"
  FOR EACH ROW EXECUTE FUNCTION stats_dims_trigger();
CREATE TRIGGER stats_dims_kbli AFTER INSERT OR UPDATE OR DELETE ON "SupplierKbli"
  FOR EACH ROW EXECUTE FUNCTION stats_dims_trigger();

-- Recomputes every Stats* table from the agreements (after a bulk load with triggers off; and the
-- reference the tests compare the incremental tables with).
CREATE OR REPLACE FUNCTION stats_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  TRUNCATE "StatsSupplier", "StatsSupplierScheme", "StatsSupplierMonth", "StatsCell", "StatsSupplierMonthCell", "StatsAgreementStatus";
  INSERT INTO "StatsAgreementStatus" (status, agreements, "valueIdr")
  SELECT status::text, count(*)::int, coalesce(sum("valueIdr"), 0)::bigint FROM "Agreement" GROUP BY status;

  DROP TABLE IF EXISTS stats_part, stats_dim;
  CREATE TEMP TABLE stats_part AS
  SELECT a."supplierId" AS org, stats_month(a."startDate") AS month, a.scheme::text AS scheme, a.status::text AS status,
         1 AS lead, a."valueIdr" AS value
    FROM "Agreement" a WHERE a.status IN ('active', 'completed')
  UNION ALL
  SELECT p."organizationId", stats_month(a."startDate"), a.scheme::text, a.status::text, 0, 0::bigint
    FROM "Agreement" a JOIN "AgreementParty" p ON p."agreementId" = a.id
   WHERE a.status IN ('active', 'completed') AND p.role <> 'buyer' AND p."organizationId" <> a."supplierId";

  CREATE TEMP TABLE stats_dim AS
  SELECT o.id AS org, coalesce(r."provinceCode", '-') AS province, coalesce(ks.section, '-') AS section,
         coalesce(sp."sizeClass"::text, '-') AS size
    FROM (SELECT DISTINCT org FROM stats_part) x
    JOIN "Organization" o ON o.id = x.org
    LEFT JOIN "SupplierProfile" sp ON sp."organizationId" = o.id
    LEFT JOIN "Regency" r ON r.code = coalesce(sp."regencyCode", o."regencyCode")
    LEFT JOIN LATERAL (SELECT k.section FROM "SupplierKbli" sk
                         JOIN "KbliCode" k ON k.version = sk."kbliVersion" AND k.code = sk."kbliCode"
                        WHERE sk."supplierId" = o.id
                        ORDER BY sk."isPrimary" DESC, sk."kbliVersion" DESC, sk."kbliCode" LIMIT 1) ks ON true;

  INSERT INTO "StatsSupplierMonth" ("supplierId", month, scheme, participations, "leadAgreements", "leadValueIdr")
  SELECT org, month, scheme, count(*)::int, sum(lead)::int, sum(value)::bigint FROM stats_part GROUP BY org, month, scheme;

  INSERT INTO "StatsSupplier" ("supplierId", "provinceCode", "kbliSection", "sizeClass", months, "activeAgreements")
  SELECT d.org, d.province, d.section, d.size, g.months, g.active
    FROM stats_dim d
    JOIN (SELECT org, array_agg(DISTINCT month ORDER BY month) AS months, count(*) FILTER (WHERE status = 'active')::int AS active
            FROM stats_part GROUP BY org) g ON g.org = d.org;

  INSERT INTO "StatsSupplierScheme" ("supplierId", scheme, "provinceCode", "kbliSection", "sizeClass", months)
  SELECT p.org, p.scheme, d.province, d.section, d.size, array_agg(DISTINCT p.month ORDER BY p.month)
    FROM stats_part p JOIN stats_dim d ON d.org = p.org
   GROUP BY p.org, p.scheme, d.province, d.section, d.size;

  INSERT INTO "StatsCell" (month, "provinceCode", "kbliSection", scheme, "sizeClass", agreements, "valueIdr")
  SELECT p.month, d.province, d.section, p.scheme, d.size, count(*)::int, sum(p.value)::bigint
    FROM stats_part p JOIN stats_dim d ON d.org = p.org
   WHERE p.lead = 1
   GROUP BY p.month, d.province, d.section, p.scheme, d.size;

  INSERT INTO "StatsSupplierMonthCell" (month, "provinceCode", "kbliSection", "sizeClass", suppliers)
  SELECT x.month, d.province, d.section, d.size, count(*)::int
    FROM (SELECT DISTINCT org, month FROM stats_part) x JOIN stats_dim d ON d.org = x.org
   GROUP BY x.month, d.province, d.section, d.size;

  DROP TABLE stats_part, stats_dim;
END $fn$;
