-- CreateTable
CREATE TABLE "StatsPayment" (
    "paymentId" TEXT NOT NULL,
    "supplierId" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "kbliSection" TEXT NOT NULL,
    "daysToPay" INTEGER NOT NULL,

    CONSTRAINT "StatsPayment_pkey" PRIMARY KEY ("paymentId")
);

-- CreateIndex
CREATE INDEX "StatsPayment_month_idx" ON "StatsPayment"("month");

-- CreateIndex
CREATE INDEX "StatsPayment_supplierId_idx" ON "StatsPayment"("supplierId");

-- CreateIndex
CREATE INDEX "StatsPayment_provinceCode_month_idx" ON "StatsPayment"("provinceCode", "month");

-- ---------------------------------------------------------------------------------------------------------
-- Payments for the median days to pay (docs/decisions/0012-partnership-statistics.md): one narrow row per
-- payment with daysToPay, with the month it was paid and its agreement's lead supplier's province and KBLI
-- section, kept by a trigger on "Payment" and moved by stats_refresh_dims() when the supplier's dimensions
-- change. stats_rebuild() now fills it too.
-- ---------------------------------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION stats_payment_trigger() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE sup text; d record;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM "StatsPayment" WHERE "paymentId" = OLD.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."daysToPay" IS NOT NULL THEN
    SELECT "supplierId" INTO sup FROM "Agreement" WHERE id = NEW."agreementId";
    IF FOUND THEN
      SELECT * INTO d FROM stats_dims(sup);
      INSERT INTO "StatsPayment" ("paymentId", "supplierId", month, "provinceCode", "kbliSection", "daysToPay")
      VALUES (NEW.id, sup, stats_month(NEW."paidOn"), coalesce(d.province, '-'), coalesce(d.section, '-'), NEW."daysToPay");
    END IF;
  END IF;
  RETURN NULL;
END $fn$;

CREATE TRIGGER stats_payment_write AFTER INSERT OR UPDATE OR DELETE ON "Payment"
  FOR EACH ROW EXECUTE FUNCTION stats_payment_trigger();

CREATE OR REPLACE FUNCTION stats_refresh_dims(org text) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE s "StatsSupplier"; d record; r record; m int;
BEGIN
  SELECT coalesce(x.province, '-') AS p, coalesce(x.section, '-') AS sec, coalesce(x.size, '-') AS sz INTO d FROM stats_dims(org) x;
  UPDATE "StatsPayment" SET "provinceCode" = d.p, "kbliSection" = d.sec
   WHERE "supplierId" = org AND ("provinceCode" <> d.p OR "kbliSection" <> d.sec);
  SELECT * INTO s FROM "StatsSupplier" WHERE "supplierId" = org FOR UPDATE;
  IF NOT FOUND THEN RETURN; END IF;
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

  TRUNCATE "StatsPayment";
  INSERT INTO "StatsPayment" ("paymentId", "supplierId", month, "provinceCode", "kbliSection", "daysToPay")
  SELECT p.id, a."supplierId", stats_month(p."paidOn"), coalesce(r."provinceCode", '-'), coalesce(ks.section, '-'), p."daysToPay"
    FROM "Payment" p
    JOIN "Agreement" a ON a.id = p."agreementId"
    JOIN "Organization" o ON o.id = a."supplierId"
    LEFT JOIN "SupplierProfile" sp ON sp."organizationId" = o.id
    LEFT JOIN "Regency" r ON r.code = coalesce(sp."regencyCode", o."regencyCode")
    LEFT JOIN LATERAL (SELECT k.section FROM "SupplierKbli" sk
                         JOIN "KbliCode" k ON k.version = sk."kbliVersion" AND k.code = sk."kbliCode"
                        WHERE sk."supplierId" = o.id
                        ORDER BY sk."isPrimary" DESC, sk."kbliVersion" DESC, sk."kbliCode" LIMIT 1) ks ON true
   WHERE p."daysToPay" IS NOT NULL;
END $fn$;

-- Payments recorded before this migration.
INSERT INTO "StatsPayment" ("paymentId", "supplierId", month, "provinceCode", "kbliSection", "daysToPay")
SELECT p.id, a."supplierId", stats_month(p."paidOn"), coalesce(d.province, '-'), coalesce(d.section, '-'), p."daysToPay"
  FROM "Payment" p JOIN "Agreement" a ON a.id = p."agreementId" CROSS JOIN LATERAL stats_dims(a."supplierId") d
 WHERE p."daysToPay" IS NOT NULL;
