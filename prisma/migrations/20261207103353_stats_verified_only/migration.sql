-- CreateTable
CREATE TABLE "StatsCompletedOpen" (
    "supplierId" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "agreements" INTEGER NOT NULL,
    "valueIdr" BIGINT NOT NULL,

    CONSTRAINT "StatsCompletedOpen_pkey" PRIMARY KEY ("supplierId","month")
);

-- CreateIndex
CREATE INDEX "StatsCompletedOpen_month_idx" ON "StatsCompletedOpen"("month");

-- ---------------------------------------------------------------------------------------------------------
-- Hand-written below (issue 11 items 8, 10 and 16; docs/decisions/0012-partnership-statistics.md, 0014).
--
-- 1. Verified parties only. Every statistic and the matching track record count an agreement only while its
--    buyer ("Agreement"."buyerId") and its supplying party ("Agreement"."supplierId": the UMKM, cooperative or
--    consortium lead) are verified ("Organization"."verificationStatus" = 'verified'); consortium members'
--    own status does not gate the agreement (the lead answers for the consortium). The agreement, party and
--    payment triggers apply the gate; a statement trigger on "Organization" adds or removes the contribution
--    of every agreement whose gate flipped, in the same transaction as the status change, and recounts the
--    track records of the UMKM those agreements concern. Figures about UMKM themselves ("StatsUmkm".verified,
--    "StatsSizeUp") are unchanged; "StatsUmkm".active follows "StatsSupplier", so it is gated too.
--    Locking: a change of an organization's verified-ness takes one global transaction advisory lock
--    ('rantai.verification': changes of verification serialize, so two parties verified at once by two
--    transactions see each other) and an exclusive one per organization ('rantai.verification:' || id) before
--    it reads the agreements; the triggers that read a verification status first take the per-organization lock
--    shared (buyer and supplier, in key order) — so a write to an agreement, a party or a payment and a
--    verification change of its buyer or supplier serialize, and the later one sees the earlier one's rows. The
--    shared lock is taken before any statistics row is touched, and the verification trigger takes its locks
--    before any statistics row or track-record lock (the order every other path keeps). It applies the flipped
--    agreements grouped (stats_apply_many). Delivery writes need no such lock: the track-record recount of a
--    UMKM already serializes on its own advisory lock and reads the verification state as committed.
-- 2. Accepted deliveries only. The track record counts a delivery only once the buyer accepted it
--    (status 'accepted'; pending_review and rejected do not count).
-- 3. Completed with open milestones. A completed agreement with "completionReason" set (completed while
--    milestones were undelivered or unpaid) still counts as completed everywhere, and is counted apart in
--    "StatsCompletedOpen" (per lead supplier and start month; the dimensions come from "StatsSupplier").
-- stats_rebuild() computes the same.
-- ---------------------------------------------------------------------------------------------------------

-- Whether the statistics count an agreement between these organizations (the gate of item 8).
CREATE OR REPLACE FUNCTION stats_counts(buyer text, supplier text) RETURNS boolean LANGUAGE sql STABLE AS $fn$
  SELECT coalesce((SELECT o."verificationStatus" = 'verified' FROM "Organization" o WHERE o.id = buyer), false)
     AND coalesce((SELECT o."verificationStatus" = 'verified' FROM "Organization" o WHERE o.id = supplier), false)
$fn$;

CREATE OR REPLACE FUNCTION stats_verification_key(org text) RETURNS bigint LANGUAGE sql IMMUTABLE AS
$fn$ SELECT hashtextextended('rantai.verification:' || org, 0) $fn$;

-- Waits for a concurrent change of these organizations' verified-ness to commit (and holds it off until this
-- transaction ends). Shared: writers of different agreements of one organization do not wait for each other.
CREATE OR REPLACE FUNCTION stats_verification_share(orgs text[]) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE k text;
BEGIN
  FOR k IN SELECT DISTINCT x FROM unnest(orgs) x WHERE x IS NOT NULL ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock_shared(stats_verification_key(k));
  END LOOP;
END $fn$;

CREATE OR REPLACE FUNCTION stats_completed_open_add(org text, m int, d_agreements int, d_value bigint)
RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO "StatsCompletedOpen" AS t ("supplierId", month, agreements, "valueIdr")
  VALUES (org, m, d_agreements, d_value)
  ON CONFLICT ("supplierId", month) DO UPDATE
     SET agreements = t.agreements + d_agreements, "valueIdr" = t."valueIdr" + d_value;
  DELETE FROM "StatsCompletedOpen" WHERE "supplierId" = org AND month = m AND agreements = 0 AND "valueIdr" = 0;
END $fn$;

-- Adds (sign 1) or removes (sign -1) one counted agreement's whole contribution (the caller checked the gate).
CREATE OR REPLACE FUNCTION stats_apply_agreement(a "Agreement", sign int) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM stats_apply(a.id, a."supplierId", a.scheme::text, a."startDate", a."valueIdr", a.status::text, sign);
  IF a.status = 'completed' AND a."completionReason" IS NOT NULL THEN
    PERFORM stats_completed_open_add(a."supplierId", stats_month(a."startDate"), sign, sign * a."valueIdr");
  END IF;
END $fn$;

CREATE OR REPLACE FUNCTION stats_agreement_trigger() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = NEW.status AND OLD."supplierId" = NEW."supplierId" AND OLD."buyerId" = NEW."buyerId"
     AND OLD.scheme = NEW.scheme AND OLD."startDate" = NEW."startDate" AND OLD."valueIdr" = NEW."valueIdr"
     AND (OLD."completionReason" IS NULL) = (NEW."completionReason" IS NULL) THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM stats_verification_share(ARRAY[NEW."buyerId", NEW."supplierId"]);
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM stats_verification_share(ARRAY[OLD."buyerId", OLD."supplierId", NEW."buyerId", NEW."supplierId"]);
  ELSE
    PERFORM stats_verification_share(ARRAY[OLD."buyerId", OLD."supplierId"]);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND stats_counts(OLD."buyerId", OLD."supplierId") THEN
    PERFORM stats_apply_agreement(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF stats_counts(NEW."buyerId", NEW."supplierId") THEN
      PERFORM stats_apply_agreement(NEW, 1);
    END IF;
    -- A new lead (or buyer) moves the agreement's payments to it, or out of the statistics.
    IF TG_OP = 'UPDATE' AND (OLD."supplierId" <> NEW."supplierId" OR OLD."buyerId" <> NEW."buyerId") THEN
      PERFORM stats_payments_refresh_many(ARRAY[NEW.id]);
    END IF;
    RETURN NEW;
  END IF;
  RETURN OLD;
END $fn$;

CREATE OR REPLACE FUNCTION stats_party_trigger() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE a record;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."organizationId" = NEW."organizationId" AND OLD.role = NEW.role AND OLD."agreementId" = NEW."agreementId" THEN
    RETURN NEW;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.role <> 'buyer' THEN
    SELECT "buyerId", "supplierId", scheme::text AS sch, "startDate", status::text AS st INTO a FROM "Agreement" WHERE id = OLD."agreementId";
    IF FOUND AND a.st IN ('active', 'completed') AND OLD."organizationId" <> a."supplierId" THEN
      PERFORM stats_verification_share(ARRAY[a."buyerId", a."supplierId"]);
      IF stats_counts(a."buyerId", a."supplierId") THEN
        PERFORM stats_participate(OLD."organizationId", stats_month(a."startDate"), a.sch, -1);
        IF a.st = 'active' THEN PERFORM stats_active(OLD."organizationId", -1); END IF;
      END IF;
    END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.role <> 'buyer' THEN
    SELECT "buyerId", "supplierId", scheme::text AS sch, "startDate", status::text AS st INTO a FROM "Agreement" WHERE id = NEW."agreementId";
    IF FOUND AND a.st IN ('active', 'completed') AND NEW."organizationId" <> a."supplierId" THEN
      PERFORM stats_verification_share(ARRAY[a."buyerId", a."supplierId"]);
      IF stats_counts(a."buyerId", a."supplierId") THEN
        PERFORM stats_participate(NEW."organizationId", stats_month(a."startDate"), a.sch, 1);
        IF a.st = 'active' THEN PERFORM stats_active(NEW."organizationId", 1); END IF;
      END IF;
    END IF;
  END IF;
  RETURN NULL;
END $fn$;

CREATE OR REPLACE FUNCTION stats_payment_trigger() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE a record; d record;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM "StatsPayment" WHERE "paymentId" = OLD.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."daysToPay" IS NOT NULL THEN
    SELECT "buyerId", "supplierId" INTO a FROM "Agreement" WHERE id = NEW."agreementId";
    IF FOUND THEN
      PERFORM stats_verification_share(ARRAY[a."buyerId", a."supplierId"]);
      IF stats_counts(a."buyerId", a."supplierId") THEN
        SELECT * INTO d FROM stats_dims(a."supplierId");
        INSERT INTO "StatsPayment" ("paymentId", "supplierId", month, "provinceCode", "kbliSection", "daysToPay")
        VALUES (NEW.id, a."supplierId", stats_month(NEW."paidOn"), coalesce(d.province, '-'), coalesce(d.section, '-'), NEW."daysToPay");
      END IF;
    END IF;
  END IF;
  RETURN NULL;
END $fn$;

-- The track record (ADR 0014): agreements whose buyer and supplying party are verified, deliveries the buyer
-- accepted.
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
        JOIN "Organization" ob ON ob.id = a."buyerId" AND ob."verificationStatus" = 'verified'
        JOIN "Organization" os ON os.id = a."supplierId" AND os."verificationStatus" = 'verified'
        LEFT JOIN LATERAL (
          SELECT count(*) AS n, count(*) FILTER (WHERE d."onTime") AS on_time
            FROM "Delivery" d WHERE d."agreementId" = a.id AND d.status = 'accepted') dl ON true
       WHERE a.id IN (SELECT x.id FROM "Agreement" x WHERE x."supplierId" = sp."organizationId"
                      UNION SELECT ap."agreementId" FROM "AgreementParty" ap WHERE ap."organizationId" = sp."organizationId")
         AND a.status IN ('active', 'completed', 'terminated')) t
   WHERE sp."organizationId" = ANY (ids) AND t.agreements > 0;
END
$fn$;

CREATE OR REPLACE FUNCTION supplier_track_record_agreement() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM stats_verification_share(ARRAY[OLD."buyerId", OLD."supplierId"]);
    PERFORM supplier_track_record_refresh(ARRAY[OLD."supplierId"] || supplier_track_record_orgs(ARRAY[OLD.id]));
    RETURN NULL;
  END IF;
  PERFORM stats_verification_share(ARRAY[NEW."buyerId", NEW."supplierId"]
    || CASE WHEN TG_OP = 'UPDATE' THEN ARRAY[OLD."buyerId", OLD."supplierId"] ELSE '{}'::text[] END);
  PERFORM supplier_track_record_refresh(
    CASE WHEN TG_OP = 'UPDATE' THEN ARRAY[OLD."supplierId"] ELSE '{}'::text[] END || supplier_track_record_orgs(ARRAY[NEW.id]));
  RETURN NULL;
END
$fn$;

CREATE OR REPLACE FUNCTION supplier_track_record_party() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE ids text[] := '{}'; a record;
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    -- Wait for a concurrent status change of the agreement, then read its status as committed; and for a
    -- concurrent verification change of its buyer or supplier (which cannot see this party yet).
    PERFORM 1 FROM "Agreement" x WHERE x.id = NEW."agreementId" FOR SHARE;
    SELECT x."buyerId", x."supplierId", x.status INTO a FROM "Agreement" x WHERE x.id = NEW."agreementId";
    IF FOUND AND a.status IN ('active', 'completed', 'terminated') THEN
      PERFORM stats_verification_share(ARRAY[a."buyerId", a."supplierId"]);
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

-- Adds (sign 1) or removes (sign -1) many counted agreements' contributions at once, grouped: one call of the
-- per-row functions per (supplier, month, scheme) instead of per agreement (an organization with thousands of
-- agreements changing its verification). Same effect as stats_apply_agreement() on each; groups in key order.
CREATE OR REPLACE FUNCTION stats_apply_many(aids text[], sign int) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE r record;
BEGIN
  IF aids IS NULL OR cardinality(aids) = 0 THEN
    RETURN;
  END IF;
  FOR r IN SELECT status::text AS st, count(*)::int AS n, coalesce(sum("valueIdr"), 0)::bigint AS v
             FROM "Agreement" WHERE id = ANY (aids) GROUP BY 1 ORDER BY 1 LOOP
    INSERT INTO "StatsAgreementStatus" AS t (status, agreements, "valueIdr") VALUES (r.st, sign * r.n, sign * r.v)
    ON CONFLICT (status) DO UPDATE SET agreements = t.agreements + EXCLUDED.agreements, "valueIdr" = t."valueIdr" + EXCLUDED."valueIdr";
  END LOOP;
  FOR r IN SELECT "supplierId" AS org, stats_month("startDate") AS m, count(*)::int AS n, sum("valueIdr")::bigint AS v
             FROM "Agreement" WHERE id = ANY (aids) AND status = 'completed' AND "completionReason" IS NOT NULL
            GROUP BY 1, 2 ORDER BY 1, 2 LOOP
    PERFORM stats_completed_open_add(r.org, r.m, sign * r.n, sign * r.v);
  END LOOP;
  -- leads: their agreements and value, and their participation
  FOR r IN SELECT "supplierId" AS org, stats_month("startDate") AS m, scheme::text AS sch, count(*)::int AS n, sum("valueIdr")::bigint AS v
             FROM "Agreement" WHERE id = ANY (aids) AND status IN ('active', 'completed')
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3 LOOP
    PERFORM stats_lead(r.org, r.m, r.sch, sign * r.n, sign * r.v);
    PERFORM stats_participate(r.org, r.m, r.sch, sign * r.n);
  END LOOP;
  -- other supplier-side parties (consortium members)
  FOR r IN SELECT p."organizationId" AS org, stats_month(a."startDate") AS m, a.scheme::text AS sch, count(*)::int AS n
             FROM "Agreement" a JOIN "AgreementParty" p ON p."agreementId" = a.id
            WHERE a.id = ANY (aids) AND a.status IN ('active', 'completed') AND p.role <> 'buyer' AND p."organizationId" <> a."supplierId"
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3 LOOP
    PERFORM stats_participate(r.org, r.m, r.sch, sign * r.n);
  END LOOP;
  -- active agreements per supplier-side party
  FOR r IN SELECT x.org, count(*)::int AS n FROM (
             SELECT a."supplierId" AS org FROM "Agreement" a WHERE a.id = ANY (aids) AND a.status = 'active'
             UNION ALL
             SELECT p."organizationId" FROM "Agreement" a JOIN "AgreementParty" p ON p."agreementId" = a.id
              WHERE a.id = ANY (aids) AND a.status = 'active' AND p.role <> 'buyer' AND p."organizationId" <> a."supplierId") x
            GROUP BY 1 ORDER BY 1 LOOP
    PERFORM stats_active(r.org, sign * r.n);
  END LOOP;
END $fn$;

-- Many agreements' "StatsPayment" rows, as they should be now (each supplier's dimensions read once).
CREATE OR REPLACE FUNCTION stats_payments_refresh_many(aids text[]) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  IF aids IS NULL OR cardinality(aids) = 0 THEN
    RETURN;
  END IF;
  DELETE FROM "StatsPayment" WHERE "paymentId" IN (SELECT p.id FROM "Payment" p WHERE p."agreementId" = ANY (aids));
  INSERT INTO "StatsPayment" ("paymentId", "supplierId", month, "provinceCode", "kbliSection", "daysToPay")
  WITH counted AS (
    SELECT a.id, a."supplierId" FROM "Agreement" a WHERE a.id = ANY (aids) AND stats_counts(a."buyerId", a."supplierId")),
  dims AS (
    SELECT s.org, coalesce(d.province, '-') AS province, coalesce(d.section, '-') AS section
      FROM (SELECT DISTINCT "supplierId" AS org FROM counted) s CROSS JOIN LATERAL stats_dims(s.org) d)
  SELECT p.id, c."supplierId", stats_month(p."paidOn"), dims.province, dims.section, p."daysToPay"
    FROM "Payment" p JOIN counted c ON c.id = p."agreementId" JOIN dims ON dims.org = c."supplierId"
   WHERE p."daysToPay" IS NOT NULL;
END $fn$;

-- An organization became verified, or stopped being verified (returned, rejected, suspended): every agreement
-- it is the buyer or the supplying party of whose gate flipped is added to or removed from the statistics,
-- with its payments, and the track records of the UMKM it concerns are recounted. A statement trigger with
-- transition tables, so that a statement changing both parties of one agreement applies it once (a row
-- trigger for the first party would read the second's new status and count the agreement twice).
CREATE OR REPLACE FUNCTION stats_verification_trigger() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE orgs text[]; k text; a record; adds text[] := '{}'; removes text[] := '{}'; tr text[] := '{}';
BEGIN
  SELECT coalesce(array_agg(n.id ORDER BY n.id), '{}') INTO orgs
    FROM new_rows n JOIN old_rows o ON o.id = n.id
   WHERE (o."verificationStatus" = 'verified') IS DISTINCT FROM (n."verificationStatus" = 'verified');
  IF cardinality(orgs) = 0 THEN
    RETURN NULL;
  END IF;
  -- Verification changes serialize on one lock (they are an administrator's decisions): two transactions
  -- verifying the buyer and the supplier of one agreement at once would each read the other's old status
  -- and neither would count it. The statements below read the other's status as committed.
  PERFORM pg_advisory_xact_lock(hashtextextended('rantai.verification', 0));
  FOREACH k IN ARRAY orgs LOOP
    PERFORM pg_advisory_xact_lock(stats_verification_key(k));
  END LOOP;
  FOR a IN
    SELECT ag.id, ag.status,
           (coalesce(ob."verificationStatus", b."verificationStatus") = 'verified'
            AND coalesce(os."verificationStatus", s."verificationStatus") = 'verified') AS was,
           (b."verificationStatus" = 'verified' AND s."verificationStatus" = 'verified') AS now
      FROM "Agreement" ag
      JOIN "Organization" b ON b.id = ag."buyerId"
      JOIN "Organization" s ON s.id = ag."supplierId"
      LEFT JOIN old_rows ob ON ob.id = ag."buyerId"
      LEFT JOIN old_rows os ON os.id = ag."supplierId"
     WHERE ag.id IN (SELECT x.id FROM "Agreement" x WHERE x."buyerId" = ANY (orgs)
                     UNION SELECT x.id FROM "Agreement" x WHERE x."supplierId" = ANY (orgs))
     ORDER BY ag.id
  LOOP
    CONTINUE WHEN a.was = a.now;
    IF a.now THEN adds := adds || a.id; ELSE removes := removes || a.id; END IF;
    IF a.status IN ('active', 'completed', 'terminated') THEN
      tr := tr || a.id;
    END IF;
  END LOOP;
  PERFORM stats_apply_many(removes, -1);
  PERFORM stats_apply_many(adds, 1);
  PERFORM stats_payments_refresh_many(removes || adds);
  PERFORM supplier_track_record_refresh(supplier_track_record_orgs(tr));
  RETURN NULL;
END $fn$;

CREATE TRIGGER stats_verification_change AFTER UPDATE ON "Organization"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats_verification_trigger();

-- The bulk rebuild, with the gate, the completed-with-open-milestones rollup and the gated payments.
CREATE OR REPLACE FUNCTION stats_rebuild_agreements() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  TRUNCATE "StatsSupplier", "StatsSupplierScheme", "StatsSupplierMonth", "StatsCell", "StatsSupplierMonthCell", "StatsAgreementStatus",
           "StatsCompletedOpen";

  DROP TABLE IF EXISTS stats_counted, stats_part, stats_dim;
  CREATE TEMP TABLE stats_counted AS
  SELECT a.id, a."supplierId", a.scheme, a.status, a."startDate", a."valueIdr", a."completionReason"
    FROM "Agreement" a
    JOIN "Organization" ob ON ob.id = a."buyerId" AND ob."verificationStatus" = 'verified'
    JOIN "Organization" os ON os.id = a."supplierId" AND os."verificationStatus" = 'verified';

  INSERT INTO "StatsAgreementStatus" (status, agreements, "valueIdr")
  SELECT status::text, count(*)::int, coalesce(sum("valueIdr"), 0)::bigint FROM stats_counted GROUP BY status;

  INSERT INTO "StatsCompletedOpen" ("supplierId", month, agreements, "valueIdr")
  SELECT "supplierId", stats_month("startDate"), count(*)::int, sum("valueIdr")::bigint
    FROM stats_counted WHERE status = 'completed' AND "completionReason" IS NOT NULL
   GROUP BY 1, 2;

  CREATE TEMP TABLE stats_part AS
  SELECT a."supplierId" AS org, stats_month(a."startDate") AS month, a.scheme::text AS scheme, a.status::text AS status,
         1 AS lead, a."valueIdr" AS value
    FROM stats_counted a WHERE a.status IN ('active', 'completed')
  UNION ALL
  SELECT p."organizationId", stats_month(a."startDate"), a.scheme::text, a.status::text, 0, 0::bigint
    FROM stats_counted a JOIN "AgreementParty" p ON p."agreementId" = a.id
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
    JOIN stats_counted a ON a.id = p."agreementId"
    JOIN "Organization" o ON o.id = a."supplierId"
    LEFT JOIN "SupplierProfile" sp ON sp."organizationId" = o.id
    LEFT JOIN "Regency" r ON r.code = coalesce(sp."regencyCode", o."regencyCode")
    LEFT JOIN LATERAL (SELECT k.section FROM "SupplierKbli" sk
                         JOIN "KbliCode" k ON k.version = sk."kbliVersion" AND k.code = sk."kbliCode"
                        WHERE sk."supplierId" = o.id
                        ORDER BY sk."isPrimary" DESC, sk."kbliVersion" DESC, sk."kbliCode" LIMIT 1) ks ON true
   WHERE p."daysToPay" IS NOT NULL;

  DROP TABLE stats_counted;
END $fn$;

CREATE OR REPLACE FUNCTION supplier_track_record_rebuild() RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  TRUNCATE "SupplierTrackRecord";
  INSERT INTO "SupplierTrackRecord" ("supplierId", "completedAgreements", "deliveries", "onTimeDeliveries")
  WITH counted AS (
    SELECT a.id, a.status FROM "Agreement" a
      JOIN "Organization" ob ON ob.id = a."buyerId" AND ob."verificationStatus" = 'verified'
      JOIN "Organization" os ON os.id = a."supplierId" AND os."verificationStatus" = 'verified'
     WHERE a.status IN ('active', 'completed', 'terminated')),
  pairs AS (
    SELECT a."supplierId" AS org, a.id AS agreement FROM "Agreement" a JOIN counted c ON c.id = a.id
    UNION
    SELECT ap."organizationId", ap."agreementId" FROM "AgreementParty" ap JOIN counted c ON c.id = ap."agreementId"),
  dl AS (
    SELECT d."agreementId", count(*) AS n, count(*) FILTER (WHERE d."onTime") AS on_time
      FROM "Delivery" d WHERE d.status = 'accepted' GROUP BY d."agreementId")
  SELECT p.org, count(*) FILTER (WHERE c.status = 'completed')::int, coalesce(sum(dl.n), 0)::int, coalesce(sum(dl.on_time), 0)::int
    FROM pairs p
    JOIN counted c ON c.id = p.agreement
    JOIN "SupplierProfile" sp ON sp."organizationId" = p.org
    LEFT JOIN dl ON dl."agreementId" = p.agreement
   GROUP BY p.org;
END
$fn$;

-- Backfill: everything recounted under the new rules (stats_rebuild(), last defined by *_stats_scheme_steps,
-- calls the functions replaced above).
SELECT stats_rebuild();
