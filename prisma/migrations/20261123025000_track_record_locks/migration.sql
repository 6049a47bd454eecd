-- Hand-written (functions only; no table changes). Fixes found in review of *_supplier_track_record and
-- *_stats_scheme_steps (docs/decisions/0014-matching-model.md, 0012-partnership-statistics.md):
--
-- 1. The track-record recount locked the UMKM's "SupplierProfile" row. An agreement status change runs the
--    statistics triggers first (they lock the supplier's "StatsSupplier" row) and then the recount (profile),
--    while a profile edit locks the profile and then, through the statistics dimension triggers, "StatsSupplier":
--    opposite orders, a deadlock (reproduced). The recount now serializes on a transaction-scoped advisory lock
--    per UMKM, which nothing else takes.
-- 2. A party or delivery written while another transaction activated the same agreement could be recounted by
--    neither: each decided from its own snapshot. Their triggers now lock the agreement row (FOR SHARE, which
--    waits for a concurrent status change to commit) before reading its status.
-- 3. A "StatsSupplierScheme" change applied its old steps (-1) and its new steps (+1) in two statements, locking
--    shared step rows in different orders for different suppliers; it now applies the net change in one
--    statement, in key order.

CREATE OR REPLACE FUNCTION supplier_track_record_refresh(ids text[]) RETURNS void
LANGUAGE plpgsql AS $fn$
DECLARE k text;
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  -- Two transactions recounting the same UMKM must not overwrite each other with counts from snapshots that lack
  -- the other's change: one advisory lock per UMKM (until commit), taken in a fixed order; the statements below
  -- then see whatever was committed meanwhile (READ COMMITTED).
  FOR k IN SELECT DISTINCT x FROM unnest(ids) x WHERE x IS NOT NULL ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(hashtextextended('rantai.track_record:' || k, 0));
  END LOOP;

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

CREATE OR REPLACE FUNCTION supplier_track_record_party() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE ids text[] := '{}';
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    -- Wait for a concurrent status change of the agreement, then read its status as committed.
    PERFORM 1 FROM "Agreement" a WHERE a.id = NEW."agreementId" FOR SHARE;
    IF EXISTS (SELECT 1 FROM "Agreement" a WHERE a.id = NEW."agreementId" AND a.status IN ('active', 'completed', 'terminated')) THEN
      ids := ids || NEW."organizationId";
    END IF;
  END IF;
  -- A removed party is always recounted (the agreement may already be gone when its parties go with it).
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    ids := ids || OLD."organizationId";
  END IF;
  PERFORM supplier_track_record_refresh(ids);
  RETURN NULL;
END
$fn$;

CREATE OR REPLACE FUNCTION supplier_track_record_delivery() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE agreements text[] := '{}';
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN agreements := agreements || NEW."agreementId"; END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN agreements := agreements || OLD."agreementId"; END IF;
  -- Wait for a concurrent status change of the agreement(s), then keep those that became active.
  PERFORM 1 FROM "Agreement" a WHERE a.id = ANY (agreements) ORDER BY a.id FOR SHARE;
  SELECT coalesce(array_agg(a.id), '{}') INTO agreements
    FROM "Agreement" a WHERE a.id = ANY (agreements) AND a.status IN ('active', 'completed', 'terminated');
  PERFORM supplier_track_record_refresh(supplier_track_record_orgs(agreements));
  RETURN NULL;
END
$fn$;

-- The net change of one "StatsSupplierScheme" row's steps (old steps -1, new steps +1), in key order.
CREATE OR REPLACE FUNCTION stats_scheme_step_apply(old_sch text, old_sec text, old_months int[], new_sch text, new_sec text, new_months int[]) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  WITH steps AS (
    SELECT old_sch AS scheme, old_sec AS sec, coalesce(lag(x.m) OVER (ORDER BY x.m), -1) AS prev, x.m AS cur, -1 AS d
      FROM (SELECT DISTINCT m FROM unnest(coalesce(old_months, '{}')) m) x
    UNION ALL
    SELECT new_sch, new_sec, coalesce(lag(x.m) OVER (ORDER BY x.m), -1), x.m, 1
      FROM (SELECT DISTINCT m FROM unnest(coalesce(new_months, '{}')) m) x),
  net AS (
    SELECT scheme, sec, prev, cur, sum(d)::int AS d FROM steps WHERE scheme IS NOT NULL GROUP BY 1, 2, 3, 4 HAVING sum(d) <> 0)
  INSERT INTO "StatsSchemeStep" AS t (scheme, "kbliSection", prev, cur, suppliers)
  SELECT scheme, sec, prev, cur, d FROM net ORDER BY scheme, sec, prev, cur
  ON CONFLICT (scheme, "kbliSection", prev, cur) DO UPDATE SET suppliers = t.suppliers + EXCLUDED.suppliers;
  IF old_sch IS NOT NULL THEN
    DELETE FROM "StatsSchemeStep"
     WHERE scheme = old_sch AND "kbliSection" = old_sec AND cur = ANY (old_months) AND suppliers = 0;
  END IF;
END
$fn$;

CREATE OR REPLACE FUNCTION stats_scheme_step_trigger() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF current_setting('rantai.stats_bulk', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.months = NEW.months AND OLD.scheme = NEW.scheme AND OLD."kbliSection" = NEW."kbliSection" THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM stats_scheme_step_apply(NULL, NULL, NULL, NEW.scheme, NEW."kbliSection", NEW.months);
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM stats_scheme_step_apply(OLD.scheme, OLD."kbliSection", OLD.months, NEW.scheme, NEW."kbliSection", NEW.months);
  ELSE
    PERFORM stats_scheme_step_apply(OLD.scheme, OLD."kbliSection", OLD.months, NULL, NULL, NULL);
  END IF;
  RETURN NULL;
END
$fn$;

DROP FUNCTION stats_scheme_step_add(text, text, int[], int);
