-- Issue 16: two migrations of the same session each replaced rantai_search_refresh. 20261207134138_suspension
-- left suspended UMKM out of the search documents (so they leave the directory, their public profile and
-- matching); 20261207134219_certificate_review, applied after it, replaced the function again from an older
-- copy (to count verified certificates only) and so dropped the suspension rule. This is the certificate_review
-- version with `"suspendedAt" IS NULL` restored in its DELETE and its INSERT; then every suspended UMKM's
-- document is refreshed (removed).

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
     AND NOT EXISTS (SELECT 1 FROM "Organization" o WHERE o.id = s."organizationId" AND o.type = 'umkm' AND o."suspendedAt" IS NULL);

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
   WHERE o.id = ANY (ids) AND o.type = 'umkm' AND o."suspendedAt" IS NULL
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

SELECT rantai_search_refresh(ARRAY(SELECT id FROM "Organization" WHERE type = 'umkm' AND "suspendedAt" IS NOT NULL));
