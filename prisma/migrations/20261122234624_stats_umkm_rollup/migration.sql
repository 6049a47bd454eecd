-- CreateTable
CREATE TABLE "StatsUmkm" (
    "supplierId" TEXT NOT NULL,
    "provinceCode" TEXT,
    "dimProvinceCode" TEXT NOT NULL,
    "kbliSection" TEXT NOT NULL,
    "verified" BOOLEAN NOT NULL,
    "active" BOOLEAN NOT NULL,

    CONSTRAINT "StatsUmkm_pkey" PRIMARY KEY ("supplierId")
);

-- CreateTable
CREATE TABLE "StatsSizeUp" (
    "changeId" TEXT NOT NULL,
    "supplierId" TEXT NOT NULL,
    "month" INTEGER NOT NULL,

    CONSTRAINT "StatsSizeUp_pkey" PRIMARY KEY ("changeId")
);

-- CreateIndex
CREATE INDEX "StatsUmkm_verified_provinceCode_kbliSection_active_idx" ON "StatsUmkm"("verified", "provinceCode", "kbliSection", "active");

-- CreateIndex
CREATE INDEX "StatsUmkm_verified_kbliSection_active_idx" ON "StatsUmkm"("verified", "kbliSection", "active");

-- CreateIndex
CREATE INDEX "StatsSizeUp_month_supplierId_idx" ON "StatsSizeUp"("month", "supplierId");

-- CreateIndex
CREATE INDEX "StatsSizeUp_supplierId_idx" ON "StatsSizeUp"("supplierId");

-- ---------------------------------------------------------------------------------------------------------
-- Per-UMKM rollups for the "in supply chain" rate and "moved up a class" (docs/decisions/0012-partnership-
-- statistics.md), written only by these triggers and stats_rebuild(): so the rate is two index counts over
-- "StatsUmkm" and "moved up" a count over "StatsSizeUp", instead of a DISTINCT ON over every KBLI code or a
-- window over every size-class change.
-- ---------------------------------------------------------------------------------------------------------

-- Recomputes one supplier's "StatsUmkm" row (none when it has no supplier profile).
CREATE OR REPLACE FUNCTION stats_umkm_refresh(org text) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  IF org IS NULL THEN RETURN; END IF;
  IF NOT EXISTS (SELECT 1 FROM "SupplierProfile" WHERE "organizationId" = org) THEN
    DELETE FROM "StatsUmkm" WHERE "supplierId" = org;
    RETURN;
  END IF;
  INSERT INTO "StatsUmkm" ("supplierId", "provinceCode", "dimProvinceCode", "kbliSection", verified, active)
  SELECT org, ss."provinceCode", coalesce(d.province, '-'), coalesce(d.section, '-'), coalesce(ss.verified, false),
         coalesce((SELECT s."activeAgreements" > 0 FROM "StatsSupplier" s WHERE s."supplierId" = org), false)
    FROM stats_dims(org) d LEFT JOIN "SupplierSearch" ss ON ss."organizationId" = org
  ON CONFLICT ("supplierId") DO UPDATE
     SET "provinceCode" = EXCLUDED."provinceCode", "dimProvinceCode" = EXCLUDED."dimProvinceCode",
         "kbliSection" = EXCLUDED."kbliSection", verified = EXCLUDED.verified, active = EXCLUDED.active;
END $fn$;

CREATE OR REPLACE FUNCTION stats_umkm_trigger() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_TABLE_NAME = 'Organization' THEN
    PERFORM stats_umkm_refresh(NEW.id);
  ELSIF TG_TABLE_NAME IN ('SupplierProfile', 'SupplierSearch') THEN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM stats_umkm_refresh(OLD."organizationId"); END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND (TG_OP = 'INSERT' OR NEW."organizationId" <> OLD."organizationId") THEN
      PERFORM stats_umkm_refresh(NEW."organizationId");
    END IF;
  ELSE -- SupplierKbli
    IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM stats_umkm_refresh(OLD."supplierId"); END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."supplierId" <> OLD."supplierId") THEN
      PERFORM stats_umkm_refresh(NEW."supplierId");
    END IF;
  END IF;
  RETURN NULL;
END $fn$;

CREATE TRIGGER stats_umkm_organization AFTER UPDATE OF "regencyCode" ON "Organization"
  FOR EACH ROW EXECUTE FUNCTION stats_umkm_trigger();
CREATE TRIGGER stats_umkm_profile AFTER INSERT OR DELETE OR UPDATE OF "regencyCode", "organizationId" ON "SupplierProfile"
  FOR EACH ROW EXECUTE FUNCTION stats_umkm_trigger();
CREATE TRIGGER stats_umkm_search AFTER INSERT OR DELETE OR UPDATE OF verified, "provinceCode", "organizationId" ON "SupplierSearch"
  FOR EACH ROW EXECUTE FUNCTION stats_umkm_trigger();
CREATE TRIGGER stats_umkm_kbli AFTER INSERT OR UPDATE OR DELETE ON "SupplierKbli"
  FOR EACH ROW EXECUTE FUNCTION stats_umkm_trigger();

-- A supplier became (or stopped being) a party to an active agreement.
CREATE OR REPLACE FUNCTION stats_umkm_active_trigger() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE "StatsUmkm" SET active = false WHERE "supplierId" = OLD."supplierId" AND active;
  ELSE
    UPDATE "StatsUmkm" SET active = (NEW."activeAgreements" > 0)
     WHERE "supplierId" = NEW."supplierId" AND active IS DISTINCT FROM (NEW."activeAgreements" > 0);
  END IF;
  RETURN NULL;
END $fn$;

CREATE TRIGGER stats_umkm_active AFTER INSERT OR DELETE OR UPDATE OF "activeAgreements" ON "StatsSupplier"
  FOR EACH ROW EXECUTE FUNCTION stats_umkm_active_trigger();

-- One supplier's up-moves: changes whose class is higher than the one before (by effectiveAt, then id).
CREATE OR REPLACE FUNCTION stats_size_up_refresh(org text) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  IF org IS NULL THEN RETURN; END IF;
  DELETE FROM "StatsSizeUp" WHERE "supplierId" = org;
  INSERT INTO "StatsSizeUp" ("changeId", "supplierId", month)
  SELECT c.id, c."supplierId", stats_month(c."effectiveAt"::date)
    FROM (SELECT id, "supplierId", "effectiveAt", "sizeClass",
                 lag("sizeClass") OVER (PARTITION BY "supplierId" ORDER BY "effectiveAt", id) AS prev
            FROM "SizeClassChange" WHERE "supplierId" = org) c
   WHERE c.prev IS NOT NULL AND c."sizeClass" > c.prev;
END $fn$;

CREATE OR REPLACE FUNCTION stats_size_up_trigger() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM stats_size_up_refresh(OLD."supplierId"); END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."supplierId" <> OLD."supplierId") THEN
    PERFORM stats_size_up_refresh(NEW."supplierId");
  END IF;
  RETURN NULL;
END $fn$;

CREATE TRIGGER stats_size_up_write AFTER INSERT OR UPDATE OR DELETE ON "SizeClassChange"
  FOR EACH ROW EXECUTE FUNCTION stats_size_up_trigger();

-- Both tables in bulk (the backfill below; and part of stats_rebuild()).
CREATE OR REPLACE FUNCTION stats_rebuild_umkm() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  TRUNCATE "StatsUmkm", "StatsSizeUp";
  INSERT INTO "StatsUmkm" ("supplierId", "provinceCode", "dimProvinceCode", "kbliSection", verified, active)
  SELECT sp."organizationId", ss."provinceCode", coalesce(r."provinceCode", '-'), coalesce(ks.section, '-'),
         coalesce(ss.verified, false), coalesce(s."activeAgreements" > 0, false)
    FROM "SupplierProfile" sp
    JOIN "Organization" o ON o.id = sp."organizationId"
    LEFT JOIN "Regency" r ON r.code = coalesce(sp."regencyCode", o."regencyCode")
    LEFT JOIN LATERAL (SELECT k.section FROM "SupplierKbli" sk
                         JOIN "KbliCode" k ON k.version = sk."kbliVersion" AND k.code = sk."kbliCode"
                        WHERE sk."supplierId" = o.id
                        ORDER BY sk."isPrimary" DESC, sk."kbliVersion" DESC, sk."kbliCode" LIMIT 1) ks ON true
    LEFT JOIN "SupplierSearch" ss ON ss."organizationId" = sp."organizationId"
    LEFT JOIN "StatsSupplier" s ON s."supplierId" = sp."organizationId";
  INSERT INTO "StatsSizeUp" ("changeId", "supplierId", month)
  SELECT c.id, c."supplierId", stats_month(c."effectiveAt"::date)
    FROM (SELECT id, "supplierId", "effectiveAt", "sizeClass",
                 lag("sizeClass") OVER (PARTITION BY "supplierId" ORDER BY "effectiveAt", id) AS prev
            FROM "SizeClassChange") c
   WHERE c.prev IS NOT NULL AND c."sizeClass" > c.prev;
END $fn$;

-- stats_rebuild() now rebuilds these too (the agreement rollups first: "active" reads "StatsSupplier").
ALTER FUNCTION stats_rebuild() RENAME TO stats_rebuild_agreements;
CREATE OR REPLACE FUNCTION stats_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM stats_rebuild_agreements();
  PERFORM stats_rebuild_umkm();
END $fn$;

-- Backfill: suppliers and size-class changes recorded before this migration.
SELECT stats_rebuild_umkm();
