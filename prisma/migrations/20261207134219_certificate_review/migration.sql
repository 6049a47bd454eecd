-- AlterTable
ALTER TABLE "Certification" ADD COLUMN     "returnedReason" TEXT,
ADD COLUMN     "submittedAt" TIMESTAMP(3),
ADD COLUMN     "verifiedAt" TIMESTAMP(3),
ADD COLUMN     "verifiedById" TEXT;

-- CreateIndex
CREATE INDEX "Certification_verificationStatus_submittedAt_idx" ON "Certification"("verificationStatus", "submittedAt");

-- AddForeignKey
ALTER TABLE "Certification" ADD CONSTRAINT "Certification_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written (issue 16): certificates reviewed one at a time (lib/suppliers/certificate-review.ts).
--
-- 1. Certificates verified before this migration were verified with their UMKM's profile: they count from the
--    profile's verification time (or, failing that, their last change). The TKDN preference compares this
--    time with an RFQ's deadline.
UPDATE "Certification" c
SET "verifiedAt" = coalesce(sp."verifiedAt", c."updatedAt")
FROM "SupplierProfile" sp
WHERE sp."organizationId" = c."organizationId"
  AND c."verificationStatus" = 'verified'
  AND c."verifiedAt" IS NULL;

-- 2. A certificate added or changed after its UMKM was verified stayed "unverified" for good (nothing
--    reviewed it). It now awaits review in the platform's certificate queue, in the order it was last changed.
UPDATE "Certification" c
SET "verificationStatus" = 'pending', "submittedAt" = c."updatedAt"
FROM "SupplierProfile" sp
WHERE sp."organizationId" = c."organizationId"
  AND sp."verificationStatus" = 'verified'
  AND c."verificationStatus" = 'unverified';
UPDATE "Certification" SET "submittedAt" = "updatedAt" WHERE "verificationStatus" = 'pending' AND "submittedAt" IS NULL;

-- 3. The directory's certificate filters and matching count verified certificates only (they counted
--    unverified and pending ones too). Same function as *_search_rank_vectors, one condition changed.
CREATE OR REPLACE FUNCTION rantai_search_refresh(ids text[]) RETURNS void
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
    "productCount", "document", "nameVector", "productVector", "createdAt", "refreshedAt")
  SELECT o.id, o.name, lower(o.name), r."provinceCode", p."regencyCode", p."sizeClass", p."verificationStatus" = 'verified',
         coalesce(k.codes, '{}'), coalesce(k.prefixes, '{}'),
         c.halal, c.sni, c.iso9001, c.tkdn, c.other,
         coalesce(pr.n, 0),
         strip(to_tsvector('simple', o.name || ' ' || coalesce(pr.names, '') || ' ' || coalesce(p.description, '') || ' '
                || coalesce(k.titles, '') || ' ' || coalesce(pr.descriptions, '') || ' '
                || coalesce(regexp_replace(r.name, '^(Kabupaten|Kota Administrasi|Kota)\s+', ''), ''))),
         strip(to_tsvector('simple', o.name)),
         strip(to_tsvector('simple', coalesce(pr.names, ''))),
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
       WHERE ce."organizationId" = o.id AND ce."verificationStatus" = 'verified'
    ) c ON true
   WHERE o.id = ANY (ids) AND o.type = 'umkm'
  ON CONFLICT ("organizationId") DO UPDATE SET
    "name" = EXCLUDED."name", "nameSort" = EXCLUDED."nameSort", "provinceCode" = EXCLUDED."provinceCode",
    "regencyCode" = EXCLUDED."regencyCode", "sizeClass" = EXCLUDED."sizeClass", "verified" = EXCLUDED."verified",
    "kbliCodes" = EXCLUDED."kbliCodes", "kbliPrefixes" = EXCLUDED."kbliPrefixes",
    "halalUntil" = EXCLUDED."halalUntil", "sniUntil" = EXCLUDED."sniUntil", "iso9001Until" = EXCLUDED."iso9001Until",
    "tkdnUntil" = EXCLUDED."tkdnUntil", "otherUntil" = EXCLUDED."otherUntil", "productCount" = EXCLUDED."productCount",
    "document" = EXCLUDED."document", "nameVector" = EXCLUDED."nameVector", "productVector" = EXCLUDED."productVector",
    "createdAt" = EXCLUDED."createdAt", "refreshedAt" = EXCLUDED."refreshedAt";

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

SELECT rantai_search_refresh(ARRAY(SELECT "organizationId" FROM "SupplierSearch"));
