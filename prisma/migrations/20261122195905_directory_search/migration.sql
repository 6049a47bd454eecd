-- CreateTable
CREATE TABLE "SupplierSearch" (
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameSort" TEXT NOT NULL,
    "provinceCode" TEXT,
    "regencyCode" TEXT,
    "sizeClass" "SizeClass",
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "kbliCodes" TEXT[],
    "kbliPrefixes" TEXT[],
    "halalUntil" DATE,
    "sniUntil" DATE,
    "iso9001Until" DATE,
    "tkdnUntil" DATE,
    "otherUntil" DATE,
    "productCount" INTEGER NOT NULL DEFAULT 0,
    "document" tsvector,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "refreshedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupplierSearch_pkey" PRIMARY KEY ("organizationId")
);

-- CreateTable
CREATE TABLE "SearchTerm" (
    "term" TEXT NOT NULL,

    CONSTRAINT "SearchTerm_pkey" PRIMARY KEY ("term")
);

-- CreateIndex
CREATE INDEX "SupplierSearch_document_idx" ON "SupplierSearch" USING GIN ("document");

-- CreateIndex
CREATE INDEX "SupplierSearch_kbliPrefixes_idx" ON "SupplierSearch" USING GIN ("kbliPrefixes");

-- CreateIndex
CREATE INDEX "SupplierSearch_nameSort_organizationId_idx" ON "SupplierSearch"("nameSort", "organizationId");

-- CreateIndex
CREATE INDEX "SupplierSearch_createdAt_organizationId_idx" ON "SupplierSearch"("createdAt", "organizationId");

-- CreateIndex
CREATE INDEX "SupplierSearch_provinceCode_idx" ON "SupplierSearch"("provinceCode");

-- CreateIndex
CREATE INDEX "SupplierSearch_regencyCode_idx" ON "SupplierSearch"("regencyCode");

-- CreateIndex
CREATE INDEX "SupplierSearch_sizeClass_idx" ON "SupplierSearch"("sizeClass");

-- CreateIndex
CREATE INDEX "SearchTerm_term_idx" ON "SearchTerm" USING GIN ("term" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "SupplierSearch" ADD CONSTRAINT "SupplierSearch_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "SupplierProfile"("organizationId") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------------------
-- Hand-written below (Prisma cannot express functions and triggers; the schema engine ignores them, so the
-- drift check still compares only the tables and indexes above). See docs/decisions/0006-directory-search.md.
--
-- rantai_search_refresh(ids) rebuilds the "SupplierSearch" rows of the given organizations from their
-- sources and adds their new words to "SearchTerm". Statement-level triggers call it with the ids touched
-- by each statement, so a change and its search document commit (or roll back) together, whoever writes:
-- onboarding, products, certifications, verification, cooperative bulk imports, the seed.
-- ---------------------------------------------------------------------------------------------------------

CREATE FUNCTION rantai_search_refresh(ids text[]) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;

  -- Two transactions changing the same supplier (say, two products added at once) must not overwrite each
  -- other's document with one built from a snapshot that lacks the other's change. Lock the profiles (row
  -- locks: no limit on how many), in a fixed order; the statements below then take a fresh snapshot
  -- (READ COMMITTED) that includes whatever the other transaction committed meanwhile.
  PERFORM 1 FROM "SupplierProfile" WHERE "organizationId" = ANY (ids) ORDER BY "organizationId" FOR NO KEY UPDATE;

  DELETE FROM "SupplierSearch" s
   WHERE s."organizationId" = ANY (ids)
     AND NOT EXISTS (SELECT 1 FROM "Organization" o WHERE o.id = s."organizationId" AND o.type = 'umkm');

  INSERT INTO "SupplierSearch" AS s (
    "organizationId", "name", "nameSort", "provinceCode", "regencyCode", "sizeClass", "verified",
    "kbliCodes", "kbliPrefixes", "halalUntil", "sniUntil", "iso9001Until", "tkdnUntil", "otherUntil",
    "productCount", "document", "createdAt", "refreshedAt")
  SELECT o.id, o.name, lower(o.name), r."provinceCode", p."regencyCode", p."sizeClass", p."verificationStatus" = 'verified',
         coalesce(k.codes, '{}'), coalesce(k.prefixes, '{}'),
         c.halal, c.sni, c.iso9001, c.tkdn, c.other,
         coalesce(pr.n, 0),
         setweight(to_tsvector('simple', o.name), 'A')
           || setweight(to_tsvector('simple', coalesce(pr.names, '')), 'B')
           || setweight(to_tsvector('simple', coalesce(p.description, '') || ' ' || coalesce(k.titles, '')), 'C')
           || setweight(to_tsvector('simple', coalesce(pr.descriptions, '') || ' '
                || coalesce(regexp_replace(r.name, '^(Kabupaten|Kota Administrasi|Kota)\s+', ''), '')), 'D'),
         o."createdAt", now()
    FROM "Organization" o
    JOIN "SupplierProfile" p ON p."organizationId" = o.id
    LEFT JOIN "Regency" r ON r.code = p."regencyCode"
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS n,
             string_agg(x.name, ' ') AS names,
             left(string_agg(x.description, ' '), 20000) AS descriptions
        FROM "Product" x
       WHERE x."supplierId" = o.id AND x."archivedAt" IS NULL
    ) pr ON true
    LEFT JOIN LATERAL (
      SELECT array_agg(DISTINCT u.code ORDER BY u.code) AS codes,
             (SELECT array_agg(DISTINCT v ORDER BY v)
                FROM unnest(array_agg(kc.section) || array_agg(left(u.code, 2)) || array_agg(left(u.code, 3))
                            || array_agg(left(u.code, 4)) || array_agg(u.code)) v
               WHERE v IS NOT NULL) AS prefixes,
             string_agg(DISTINCT kc."titleId", ' ') AS titles
        FROM (SELECT sk."kbliVersion" AS version, sk."kbliCode" AS code FROM "SupplierKbli" sk WHERE sk."supplierId" = o.id
              UNION
              SELECT x."kbliVersion", x."kbliCode" FROM "Product" x WHERE x."supplierId" = o.id AND x."archivedAt" IS NULL) u
        LEFT JOIN "KbliCode" kc ON kc.version = u.version AND kc.code = u.code
    ) k ON true
    LEFT JOIN LATERAL (
      SELECT max(coalesce(ce."validUntil", DATE '9999-12-31')) FILTER (WHERE ce.type = 'halal') AS halal,
             max(coalesce(ce."validUntil", DATE '9999-12-31')) FILTER (WHERE ce.type = 'sni') AS sni,
             max(coalesce(ce."validUntil", DATE '9999-12-31')) FILTER (WHERE ce.type = 'iso9001') AS iso9001,
             max(coalesce(ce."validUntil", DATE '9999-12-31')) FILTER (WHERE ce.type = 'tkdn') AS tkdn,
             max(coalesce(ce."validUntil", DATE '9999-12-31')) FILTER (WHERE ce.type = 'other') AS other
        FROM "Certification" ce
       WHERE ce."organizationId" = o.id AND ce."verificationStatus" <> 'returned'
    ) c ON true
   WHERE o.id = ANY (ids) AND o.type = 'umkm'
  ON CONFLICT ("organizationId") DO UPDATE SET
    "name" = EXCLUDED."name", "nameSort" = EXCLUDED."nameSort", "provinceCode" = EXCLUDED."provinceCode",
    "regencyCode" = EXCLUDED."regencyCode", "sizeClass" = EXCLUDED."sizeClass", "verified" = EXCLUDED."verified",
    "kbliCodes" = EXCLUDED."kbliCodes", "kbliPrefixes" = EXCLUDED."kbliPrefixes",
    "halalUntil" = EXCLUDED."halalUntil", "sniUntil" = EXCLUDED."sniUntil", "iso9001Until" = EXCLUDED."iso9001Until",
    "tkdnUntil" = EXCLUDED."tkdnUntil", "otherUntil" = EXCLUDED."otherUntil", "productCount" = EXCLUDED."productCount",
    "document" = EXCLUDED."document", "createdAt" = EXCLUDED."createdAt", "refreshedAt" = EXCLUDED."refreshedAt";

  -- New words for typo correction (letters and digits mixed are fine; pure numbers and very short or very
  -- long tokens are not worth correcting towards).
  INSERT INTO "SearchTerm" (term)
  SELECT DISTINCT w.lexeme
    FROM "SupplierSearch" s, unnest(s.document) w
   WHERE s."organizationId" = ANY (ids)
     AND length(w.lexeme) BETWEEN 3 AND 40
     AND w.lexeme !~ '^[0-9.,/-]+$'
  ON CONFLICT DO NOTHING;
END
$fn$;

-- Generic statement trigger: TG_ARGV[0] names the column holding the organization id in the changed table.
CREATE FUNCTION rantai_search_changed() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM rantai_search_refresh(ARRAY(SELECT DISTINCT to_jsonb(n) ->> TG_ARGV[0] FROM new_rows n));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM rantai_search_refresh(ARRAY(SELECT to_jsonb(n) ->> TG_ARGV[0] FROM new_rows n
                                        UNION SELECT to_jsonb(o) ->> TG_ARGV[0] FROM old_rows o));
  ELSE
    PERFORM rantai_search_refresh(ARRAY(SELECT DISTINCT to_jsonb(o) ->> TG_ARGV[0] FROM old_rows o));
  END IF;
  RETURN NULL;
END
$fn$;

-- Organizations: only a change of what the document shows (every other update leaves it alone).
CREATE FUNCTION rantai_search_organization_changed() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM rantai_search_refresh(ARRAY(
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
     WHERE n.name IS DISTINCT FROM o.name OR n.type IS DISTINCT FROM o.type OR n."createdAt" IS DISTINCT FROM o."createdAt"));
  RETURN NULL;
END
$fn$;

CREATE TRIGGER rantai_search_organization_upd AFTER UPDATE ON "Organization"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rantai_search_organization_changed();

-- A deleted profile takes its document with it (foreign key ON DELETE CASCADE).
CREATE TRIGGER rantai_search_profile_ins AFTER INSERT ON "SupplierProfile"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rantai_search_changed('organizationId');
CREATE TRIGGER rantai_search_profile_upd AFTER UPDATE ON "SupplierProfile"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rantai_search_changed('organizationId');

CREATE TRIGGER rantai_search_kbli_ins AFTER INSERT ON "SupplierKbli"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rantai_search_changed('supplierId');
CREATE TRIGGER rantai_search_kbli_upd AFTER UPDATE ON "SupplierKbli"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rantai_search_changed('supplierId');
CREATE TRIGGER rantai_search_kbli_del AFTER DELETE ON "SupplierKbli"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rantai_search_changed('supplierId');

CREATE TRIGGER rantai_search_certification_ins AFTER INSERT ON "Certification"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rantai_search_changed('organizationId');
CREATE TRIGGER rantai_search_certification_upd AFTER UPDATE ON "Certification"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rantai_search_changed('organizationId');
CREATE TRIGGER rantai_search_certification_del AFTER DELETE ON "Certification"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rantai_search_changed('organizationId');

CREATE TRIGGER rantai_search_product_ins AFTER INSERT ON "Product"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rantai_search_changed('supplierId');
CREATE TRIGGER rantai_search_product_upd AFTER UPDATE ON "Product"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rantai_search_changed('supplierId');
CREATE TRIGGER rantai_search_product_del AFTER DELETE ON "Product"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rantai_search_changed('supplierId');
