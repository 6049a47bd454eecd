-- CreateTable
CREATE TABLE "SupplierTrackRecord" (
    "supplierId" TEXT NOT NULL,
    "completedAgreements" INTEGER NOT NULL,
    "deliveries" INTEGER NOT NULL,
    "onTimeDeliveries" INTEGER NOT NULL,

    CONSTRAINT "SupplierTrackRecord_pkey" PRIMARY KEY ("supplierId")
);

-- ---------------------------------------------------------------------------------------------------------
-- Hand-written below (the schema engine ignores functions and triggers). docs/decisions/0014-matching-model.md.
--
-- "SupplierTrackRecord": per UMKM, the agreements it is the supplier of or a party to that became active
-- (active, completed, terminated), how many are completed, and their deliveries that were not rejected (and
-- how many on time). Matching reads it by primary key instead of walking agreements and deliveries for each
-- candidate. Row triggers on "Agreement", "AgreementParty" and "Delivery" recount the UMKM an agreement
-- concerns whenever something that counts changes, in the same transaction.
-- ---------------------------------------------------------------------------------------------------------

CREATE FUNCTION supplier_track_record_refresh(ids text[]) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  -- Two transactions recounting the same UMKM (two deliveries recorded at once) must not overwrite each
  -- other with counts from snapshots that lack the other's change: lock the profiles in a fixed order (the
  -- lock rantai_search_refresh takes); the statements below then see whatever was committed meanwhile.
  PERFORM 1 FROM "SupplierProfile" WHERE "organizationId" = ANY (ids) ORDER BY "organizationId" FOR NO KEY UPDATE;

  DELETE FROM "SupplierTrackRecord" WHERE "supplierId" = ANY (ids);
  INSERT INTO "SupplierTrackRecord" ("supplierId", "completedAgreements", "deliveries", "onTimeDeliveries")
  SELECT sp."organizationId", t.completed, t.deliveries, t.on_time
    FROM "SupplierProfile" sp
    CROSS JOIN LATERAL (
      SELECT count(*) AS agreements,
             count(*) FILTER (WHERE a.status = 'completed')::int AS completed,
             coalesce(sum(dl.n), 0)::int AS deliveries,
             coalesce(sum(dl.on_time), 0)::int AS on_time
        FROM "Agreement" a
        LEFT JOIN LATERAL (
          SELECT count(*) AS n, count(*) FILTER (WHERE d."onTime") AS on_time
            FROM "Delivery" d WHERE d."agreementId" = a.id AND d.status <> 'rejected') dl ON true
       WHERE a.id IN (SELECT x.id FROM "Agreement" x WHERE x."supplierId" = sp."organizationId"
                      UNION SELECT ap."agreementId" FROM "AgreementParty" ap WHERE ap."organizationId" = sp."organizationId")
         AND a.status IN ('active', 'completed', 'terminated')) t
   WHERE sp."organizationId" = ANY (ids) AND t.agreements > 0;
END
$fn$;

-- The organizations an agreement concerns: its supplier and every party (buyers have no profile: skipped).
CREATE FUNCTION supplier_track_record_orgs(agreement_ids text[]) RETURNS text[]
LANGUAGE sql STABLE AS $fn$
  SELECT coalesce(array_agg(DISTINCT o), '{}') FROM (
    SELECT a."supplierId" AS o FROM "Agreement" a WHERE a.id = ANY (agreement_ids)
    UNION ALL
    SELECT ap."organizationId" FROM "AgreementParty" ap WHERE ap."agreementId" = ANY (agreement_ids)) x
$fn$;

CREATE FUNCTION supplier_track_record_agreement() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM supplier_track_record_refresh(ARRAY[OLD."supplierId"] || supplier_track_record_orgs(ARRAY[OLD.id]));
    RETURN NULL;
  END IF;
  PERFORM supplier_track_record_refresh(
    CASE WHEN TG_OP = 'UPDATE' THEN ARRAY[OLD."supplierId"] ELSE '{}'::text[] END || supplier_track_record_orgs(ARRAY[NEW.id]));
  RETURN NULL;
END
$fn$;

-- Only changes that move a count: a draft becoming proposed (or edited) recounts nobody.
CREATE TRIGGER supplier_track_record_agreement_insert AFTER INSERT ON "Agreement"
  FOR EACH ROW WHEN (NEW.status IN ('active', 'completed', 'terminated'))
  EXECUTE FUNCTION supplier_track_record_agreement();
CREATE TRIGGER supplier_track_record_agreement_update AFTER UPDATE OF status, "supplierId" ON "Agreement"
  FOR EACH ROW WHEN ((OLD.status IS DISTINCT FROM NEW.status OR OLD."supplierId" IS DISTINCT FROM NEW."supplierId")
                     AND (OLD.status IN ('active', 'completed', 'terminated') OR NEW.status IN ('active', 'completed', 'terminated')))
  EXECUTE FUNCTION supplier_track_record_agreement();
CREATE TRIGGER supplier_track_record_agreement_delete AFTER DELETE ON "Agreement"
  FOR EACH ROW WHEN (OLD.status IN ('active', 'completed', 'terminated'))
  EXECUTE FUNCTION supplier_track_record_agreement();

CREATE FUNCTION supplier_track_record_party() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE ids text[] := '{}';
BEGIN
  -- A party added to (or moved onto) an agreement that counts; a removed party is always recounted (the
  -- agreement may already be gone when its parties are deleted with it).
  IF TG_OP IN ('INSERT', 'UPDATE') AND EXISTS (
       SELECT 1 FROM "Agreement" a WHERE a.id = NEW."agreementId" AND a.status IN ('active', 'completed', 'terminated')) THEN
    ids := ids || NEW."organizationId";
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    ids := ids || OLD."organizationId";
  END IF;
  PERFORM supplier_track_record_refresh(ids);
  RETURN NULL;
END
$fn$;

CREATE TRIGGER supplier_track_record_party_write AFTER INSERT OR DELETE OR UPDATE OF "organizationId", "agreementId" ON "AgreementParty"
  FOR EACH ROW EXECUTE FUNCTION supplier_track_record_party();

CREATE FUNCTION supplier_track_record_delivery() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE agreements text[] := '{}';
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN agreements := agreements || NEW."agreementId"; END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN agreements := agreements || OLD."agreementId"; END IF;
  -- Deliveries of agreements that never became active count for nobody.
  SELECT coalesce(array_agg(a.id), '{}') INTO agreements
    FROM "Agreement" a WHERE a.id = ANY (agreements) AND a.status IN ('active', 'completed', 'terminated');
  PERFORM supplier_track_record_refresh(supplier_track_record_orgs(agreements));
  RETURN NULL;
END
$fn$;

CREATE TRIGGER supplier_track_record_delivery_write AFTER INSERT OR DELETE OR UPDATE OF status, "onTime", "agreementId" ON "Delivery"
  FOR EACH ROW EXECUTE FUNCTION supplier_track_record_delivery();

-- Everything at once (bulk loads with triggers off, e.g. the benchmarks): called by stats_rebuild().
CREATE FUNCTION supplier_track_record_rebuild() RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  TRUNCATE "SupplierTrackRecord";
  INSERT INTO "SupplierTrackRecord" ("supplierId", "completedAgreements", "deliveries", "onTimeDeliveries")
  WITH counted AS (
    SELECT a.id, a.status FROM "Agreement" a WHERE a.status IN ('active', 'completed', 'terminated')),
  pairs AS (
    SELECT a."supplierId" AS org, a.id AS agreement FROM "Agreement" a JOIN counted c ON c.id = a.id
    UNION
    SELECT ap."organizationId", ap."agreementId" FROM "AgreementParty" ap JOIN counted c ON c.id = ap."agreementId"),
  dl AS (
    SELECT d."agreementId", count(*) AS n, count(*) FILTER (WHERE d."onTime") AS on_time
      FROM "Delivery" d WHERE d.status <> 'rejected' GROUP BY d."agreementId")
  SELECT p.org, count(*) FILTER (WHERE c.status = 'completed')::int, coalesce(sum(dl.n), 0)::int, coalesce(sum(dl.on_time), 0)::int
    FROM pairs p
    JOIN counted c ON c.id = p.agreement
    JOIN "SupplierProfile" sp ON sp."organizationId" = p.org
    LEFT JOIN dl ON dl."agreementId" = p.agreement
   GROUP BY p.org;
END
$fn$;

-- stats_rebuild() (last defined by *_stats_supplier_total) also rebuilds the track records.
CREATE OR REPLACE FUNCTION stats_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM set_config('rantai.stats_bulk', 'on', true);
  PERFORM stats_rebuild_agreements();
  PERFORM set_config('rantai.stats_bulk', 'off', true);
  PERFORM stats_rebuild_totals();
  PERFORM stats_rebuild_umkm();
  PERFORM supplier_track_record_rebuild();
END $fn$;

-- Backfill.
SELECT supplier_track_record_rebuild();
