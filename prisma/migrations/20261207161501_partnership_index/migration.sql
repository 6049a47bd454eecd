-- CreateTable
CREATE TABLE "PartnershipIndexPeriod" (
    "buyerId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "fromDate" DATE NOT NULL,
    "toDate" DATE NOT NULL,
    "partners" INTEGER NOT NULL,
    "agreementsActive" INTEGER NOT NULL,
    "agreementsCompleted" INTEGER NOT NULL,
    "agreementsTerminated" INTEGER NOT NULL,
    "valueIdr" BIGINT NOT NULL,
    "microSmallValueIdr" BIGINT NOT NULL,
    "paymentsMeasured" INTEGER NOT NULL,
    "paymentsLate" INTEGER NOT NULL,
    "daysMedian" INTEGER,
    "daysP90" INTEGER,
    "deliveriesReviewed" INTEGER NOT NULL,
    "deliveriesOnTime" INTEGER NOT NULL,
    "partnersMovedUp" INTEGER NOT NULL,
    "ratings" INTEGER NOT NULL,
    "ratingSum" INTEGER NOT NULL,

    CONSTRAINT "PartnershipIndexPeriod_pkey" PRIMARY KEY ("buyerId","period")
);

-- CreateTable
CREATE TABLE "PartnershipIndexOpen" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "buyerId" TEXT NOT NULL,
    "periodDate" DATE NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PartnershipIndexOpen_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PartnershipIndexPeriod_period_idx" ON "PartnershipIndexPeriod"("period");

-- CreateIndex
CREATE INDEX "PartnershipIndexOpen_buyerId_periodDate_idx" ON "PartnershipIndexOpen"("buyerId", "periodDate");

-- CreateIndex
CREATE INDEX "PartnershipIndexOpen_periodDate_idx" ON "PartnershipIndexOpen"("periodDate");

-- ---------------------------------------------------------------------------------------------------------
-- Hand-written below (issue 13, the Indeks Kemitraan; docs/decisions/0024-partnership-index.md).
--
-- pindex_compute(buyers, periods) is the one definition of the index's components; pindex_refresh(buyers)
-- replaces those buyers' rows of "PartnershipIndexPeriod" (every year and quarter from their first counted
-- agreement to the later of this year and their last agreement's end) and "PartnershipIndexOpen" (what turns
-- late with time alone) with what pindex_compute says now. Statement triggers on every table the index reads
-- call it for the buyers a statement touched, in the writing transaction; pindex_rebuild() recounts everyone.
-- Each buyer's refresh holds an advisory lock ('rantai.pindex:' || buyer) until commit, so two transactions
-- writing for one buyer never overwrite each other's rows with a count from a snapshot without the other's
-- change. The triggers are named zpindex_* so that they fire after the statistics' triggers on the same table
-- (statement triggers fire in name order; row triggers first): every path takes the verification locks of
-- ADR 0012 before a buyer's lock.
-- ---------------------------------------------------------------------------------------------------------

-- The agreements the index counts: in force or ended (active, completed, terminated), both parties verified,
-- not confirmed as a fake partnership (excludedAt). Span: start date to the completion or termination date
-- (the planned end date while active). ms: the lead supplier is a micro or small firm (its size class now).
CREATE OR REPLACE FUNCTION pindex_counted(buyers text[])
RETURNS TABLE (id text, buyer text, lead text, st text, value bigint, s date, e date, ms boolean)
LANGUAGE sql STABLE AS $fn$
  SELECT a.id, a."buyerId", a."supplierId", a.status::text, a."valueIdr", a."startDate",
         greatest(a."startDate", CASE a.status WHEN 'completed' THEN coalesce(a."completedAt"::date, a."endDate")
                                               WHEN 'terminated' THEN coalesce(a."terminatedAt"::date, a."endDate")
                                               ELSE a."endDate" END),
         coalesce(sp."sizeClass" IN ('mikro', 'kecil'), false)
    FROM "Agreement" a
    JOIN "Organization" ob ON ob.id = a."buyerId" AND ob."verificationStatus" = 'verified'
    JOIN "Organization" os ON os.id = a."supplierId" AND os."verificationStatus" = 'verified'
    LEFT JOIN "SupplierProfile" sp ON sp."organizationId" = a."supplierId"
   WHERE a."buyerId" = ANY (buyers) AND a."excludedAt" IS NULL AND a.status IN ('active', 'completed', 'terminated')
$fn$;

-- Milestones of counted agreements whose payment term has started: the term starts on the delivery date of
-- the milestone's first accepted delivery; it lasts paymentTermDays (30 when none).
CREATE OR REPLACE FUNCTION pindex_terms(buyers text[])
RETURNS TABLE (id text, aid text, buyer text, amount bigint, term int, ts date)
LANGUAGE sql STABLE AS $fn$
  SELECT m.id, ca.id, ca.buyer, m."amountIdr", coalesce(m."paymentTermDays", 30), d.ts
    FROM pindex_counted(buyers) ca
    JOIN "Milestone" m ON m."agreementId" = ca.id
    JOIN LATERAL (SELECT min(x."deliveredOn") AS ts FROM "Delivery" x
                   WHERE x."agreementId" = ca.id AND x."milestoneId" = m.id AND x.status = 'accepted') d ON d.ts IS NOT NULL
$fn$;

-- The components of each buyer for each period [froms[i], tos[i]] (keys[i] names it). A row per buyer and
-- period with anything in it.
CREATE OR REPLACE FUNCTION pindex_compute(buyers text[], keys text[], froms date[], tos date[])
RETURNS TABLE ("buyerId" text, period text, "fromDate" date, "toDate" date, partners int, "agreementsActive" int,
               "agreementsCompleted" int, "agreementsTerminated" int, "valueIdr" bigint, "microSmallValueIdr" bigint,
               "paymentsMeasured" int, "paymentsLate" int, "daysMedian" int, "daysP90" int, "deliveriesReviewed" int,
               "deliveriesOnTime" int, "partnersMovedUp" int, ratings int, "ratingSum" int)
LANGUAGE sql STABLE AS $fn$
WITH per AS (SELECT x.k, x.f, x.t FROM unnest(keys, froms, tos) AS x(k, f, t)),
ca AS MATERIALIZED (SELECT * FROM pindex_counted(buyers)),
-- (agreement, partner): the lead and consortium members that are verified UMKM or cooperatives
pa AS MATERIALIZED (
  SELECT DISTINCT ca.id, ca.buyer, ca.s, ca.e, x.org
    FROM ca
    CROSS JOIN LATERAL (SELECT ca.lead AS org
                        UNION ALL
                        SELECT p."organizationId" FROM "AgreementParty" p WHERE p."agreementId" = ca.id AND p.role <> 'buyer') x
    JOIN "Organization" o ON o.id = x.org AND o.type IN ('umkm', 'cooperative') AND o."verificationStatus" = 'verified'),
-- partners whose size class went up (a change to a larger class than the one before) during that agreement
mv AS (
  SELECT pa.* FROM pa
   WHERE EXISTS (SELECT 1 FROM (SELECT c."effectiveAt", c."sizeClass",
                                       lag(c."sizeClass") OVER (ORDER BY c."effectiveAt", c.id) AS prev
                                  FROM "SizeClassChange" c WHERE c."supplierId" = pa.org) h
                  WHERE h.prev IS NOT NULL AND h."sizeClass" > h.prev AND h."effectiveAt"::date BETWEEN pa.s AND pa.e)),
-- payments the UMKM confirmed (receivedOn) against a milestone whose term started
py AS (
  SELECT t.buyer, p."receivedOn" AS day, greatest(p."receivedOn" - t.ts, 0) AS days, (p."receivedOn" - t.ts) > t.term AS late
    FROM pindex_terms(buyers) t
    JOIN "Payment" p ON p."agreementId" = t.aid AND p."milestoneId" = t.id AND p."receivedOn" IS NOT NULL),
dl AS (
  SELECT ca.buyer, d."createdAt"::date AS day, (d."reviewedAt" - d."createdAt") <= interval '7 days' AS on_time
    FROM ca JOIN "Delivery" d ON d."agreementId" = ca.id WHERE d."reviewedAt" IS NOT NULL),
rt AS (
  SELECT ca.buyer, r."createdAt"::date AS day, r.score
    FROM ca
    JOIN "Rating" r ON r."agreementId" = ca.id AND r."rateeId" = ca.buyer
    JOIN "Organization" o ON o.id = r."raterId" AND o.type IN ('umkm', 'cooperative') AND o."verificationStatus" = 'verified'),
g_ag AS (
  SELECT ca.buyer, per.k, count(*) FILTER (WHERE ca.st = 'active')::int AS act,
         count(*) FILTER (WHERE ca.st = 'completed')::int AS com, count(*) FILTER (WHERE ca.st = 'terminated')::int AS ter,
         sum(ca.value)::bigint AS v, coalesce(sum(ca.value) FILTER (WHERE ca.ms), 0)::bigint AS vms
    FROM ca JOIN per ON ca.s <= per.t AND ca.e >= per.f GROUP BY 1, 2),
g_pa AS (SELECT pa.buyer, per.k, count(DISTINCT pa.org)::int AS n FROM pa JOIN per ON pa.s <= per.t AND pa.e >= per.f GROUP BY 1, 2),
g_mv AS (SELECT mv.buyer, per.k, count(DISTINCT mv.org)::int AS n FROM mv JOIN per ON mv.s <= per.t AND mv.e >= per.f GROUP BY 1, 2),
g_py AS (
  SELECT py.buyer, per.k, count(*)::int AS n, count(*) FILTER (WHERE py.late)::int AS late,
         percentile_disc(0.5) WITHIN GROUP (ORDER BY py.days)::int AS med,
         percentile_disc(0.9) WITHIN GROUP (ORDER BY py.days)::int AS p90
    FROM py JOIN per ON py.day BETWEEN per.f AND per.t GROUP BY 1, 2),
g_dl AS (
  SELECT dl.buyer, per.k, count(*)::int AS n, count(*) FILTER (WHERE dl.on_time)::int AS ok
    FROM dl JOIN per ON dl.day BETWEEN per.f AND per.t GROUP BY 1, 2),
g_rt AS (SELECT rt.buyer, per.k, count(*)::int AS n, sum(rt.score)::int AS total FROM rt JOIN per ON rt.day BETWEEN per.f AND per.t GROUP BY 1, 2),
bk AS (SELECT buyer, k FROM g_ag UNION SELECT buyer, k FROM g_py UNION SELECT buyer, k FROM g_dl UNION SELECT buyer, k FROM g_rt)
SELECT bk.buyer, bk.k, per.f, per.t, coalesce(g_pa.n, 0), coalesce(g_ag.act, 0), coalesce(g_ag.com, 0), coalesce(g_ag.ter, 0),
       coalesce(g_ag.v, 0), coalesce(g_ag.vms, 0), coalesce(g_py.n, 0), coalesce(g_py.late, 0), g_py.med, g_py.p90,
       coalesce(g_dl.n, 0), coalesce(g_dl.ok, 0), coalesce(g_mv.n, 0), coalesce(g_rt.n, 0), coalesce(g_rt.total, 0)
  FROM bk
  JOIN per ON per.k = bk.k
  LEFT JOIN g_ag ON g_ag.buyer = bk.buyer AND g_ag.k = bk.k
  LEFT JOIN g_pa ON g_pa.buyer = bk.buyer AND g_pa.k = bk.k
  LEFT JOIN g_mv ON g_mv.buyer = bk.buyer AND g_mv.k = bk.k
  LEFT JOIN g_py ON g_py.buyer = bk.buyer AND g_py.k = bk.k
  LEFT JOIN g_dl ON g_dl.buyer = bk.buyer AND g_dl.k = bk.k
  LEFT JOIN g_rt ON g_rt.buyer = bk.buyer AND g_rt.k = bk.k
$fn$;

-- What turns late with time alone: a milestone whose term started and that the UMKM has not confirmed as paid
-- in full (confirmed payments below its amount; without an amount, none confirmed) is late after its deadline
-- (periodDate = the term's last day); a delivery still waiting for review is late 7 days after it was recorded.
CREATE OR REPLACE FUNCTION pindex_open_items(buyers text[])
RETURNS TABLE (id text, kind text, "buyerId" text, "periodDate" date, deadline timestamp)
LANGUAGE sql STABLE AS $fn$
  SELECT t.id, 'payment', t.buyer, t.ts + t.term, (t.ts + t.term + 1)::timestamp
    FROM pindex_terms(buyers) t
   WHERE coalesce((SELECT sum(p."amountIdr") FROM "Payment" p
                    WHERE p."agreementId" = t.aid AND p."milestoneId" = t.id AND p."receivedOn" IS NOT NULL), 0) < coalesce(t.amount, 1)
  UNION ALL
  SELECT d.id, 'delivery', ca.buyer, d."createdAt"::date, d."createdAt" + interval '7 days'
    FROM pindex_counted(buyers) ca
    JOIN "Delivery" d ON d."agreementId" = ca.id AND d."reviewedAt" IS NULL AND d.status = 'pending_review'
$fn$;

CREATE OR REPLACE FUNCTION pindex_refresh(buyers text[]) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE b text; y0 int; y1 int; y int; q int; ks text[] := '{}'; fs date[] := '{}'; ts date[] := '{}';
BEGIN
  SELECT coalesce(array_agg(DISTINCT x ORDER BY x), '{}') INTO buyers FROM unnest(buyers) x WHERE x IS NOT NULL;
  IF cardinality(buyers) = 0 THEN
    RETURN;
  END IF;
  FOREACH b IN ARRAY buyers LOOP
    PERFORM pg_advisory_xact_lock(hashtextextended('rantai.pindex:' || b, 0));
  END LOOP;
  SELECT min(extract(year FROM c.s))::int, max(extract(year FROM c.e))::int INTO y0, y1 FROM pindex_counted(buyers) c;
  IF y0 IS NOT NULL THEN
    y0 := least(y0, extract(year FROM current_date)::int);
    y1 := least(greatest(y1, extract(year FROM current_date)::int), y0 + 40);
    FOR y IN y0..y1 LOOP
      ks := ks || ('Y' || y);
      fs := fs || make_date(y, 1, 1);
      ts := ts || make_date(y, 12, 31);
      FOR q IN 1..4 LOOP
        ks := ks || ('Q' || y || '-' || q);
        fs := fs || make_date(y, 3 * q - 2, 1);
        ts := ts || (make_date(y, 3 * q - 2, 1) + interval '3 months' - interval '1 day')::date;
      END LOOP;
    END LOOP;
  END IF;
  -- Only what changed is written (an unchanged row is neither updated nor rewritten).
  WITH n AS (SELECT * FROM pindex_compute(buyers, ks, fs, ts)),
  up AS (
    INSERT INTO "PartnershipIndexPeriod" AS p ("buyerId", period, "fromDate", "toDate", partners, "agreementsActive", "agreementsCompleted",
                                               "agreementsTerminated", "valueIdr", "microSmallValueIdr", "paymentsMeasured", "paymentsLate",
                                               "daysMedian", "daysP90", "deliveriesReviewed", "deliveriesOnTime", "partnersMovedUp", ratings,
                                               "ratingSum")
    SELECT * FROM n
    ON CONFLICT ("buyerId", period) DO UPDATE
       SET "fromDate" = EXCLUDED."fromDate", "toDate" = EXCLUDED."toDate", partners = EXCLUDED.partners,
           "agreementsActive" = EXCLUDED."agreementsActive", "agreementsCompleted" = EXCLUDED."agreementsCompleted",
           "agreementsTerminated" = EXCLUDED."agreementsTerminated", "valueIdr" = EXCLUDED."valueIdr",
           "microSmallValueIdr" = EXCLUDED."microSmallValueIdr", "paymentsMeasured" = EXCLUDED."paymentsMeasured",
           "paymentsLate" = EXCLUDED."paymentsLate", "daysMedian" = EXCLUDED."daysMedian", "daysP90" = EXCLUDED."daysP90",
           "deliveriesReviewed" = EXCLUDED."deliveriesReviewed", "deliveriesOnTime" = EXCLUDED."deliveriesOnTime",
           "partnersMovedUp" = EXCLUDED."partnersMovedUp", ratings = EXCLUDED.ratings, "ratingSum" = EXCLUDED."ratingSum"
     WHERE (p."fromDate", p."toDate", p.partners, p."agreementsActive", p."agreementsCompleted", p."agreementsTerminated", p."valueIdr",
            p."microSmallValueIdr", p."paymentsMeasured", p."paymentsLate", p."daysMedian", p."daysP90", p."deliveriesReviewed",
            p."deliveriesOnTime", p."partnersMovedUp", p.ratings, p."ratingSum")
           IS DISTINCT FROM
           (EXCLUDED."fromDate", EXCLUDED."toDate", EXCLUDED.partners, EXCLUDED."agreementsActive", EXCLUDED."agreementsCompleted",
            EXCLUDED."agreementsTerminated", EXCLUDED."valueIdr", EXCLUDED."microSmallValueIdr", EXCLUDED."paymentsMeasured",
            EXCLUDED."paymentsLate", EXCLUDED."daysMedian", EXCLUDED."daysP90", EXCLUDED."deliveriesReviewed", EXCLUDED."deliveriesOnTime",
            EXCLUDED."partnersMovedUp", EXCLUDED.ratings, EXCLUDED."ratingSum")
    RETURNING 1)
  DELETE FROM "PartnershipIndexPeriod" x
   WHERE x."buyerId" = ANY (buyers) AND NOT EXISTS (SELECT 1 FROM n WHERE n."buyerId" = x."buyerId" AND n.period = x.period);

  WITH n AS (SELECT * FROM pindex_open_items(buyers)),
  up AS (
    INSERT INTO "PartnershipIndexOpen" AS o (id, kind, "buyerId", "periodDate", deadline)
    SELECT * FROM n
    ON CONFLICT (id) DO UPDATE
       SET kind = EXCLUDED.kind, "buyerId" = EXCLUDED."buyerId", "periodDate" = EXCLUDED."periodDate", deadline = EXCLUDED.deadline
     WHERE (o.kind, o."buyerId", o."periodDate", o.deadline) IS DISTINCT FROM
           (EXCLUDED.kind, EXCLUDED."buyerId", EXCLUDED."periodDate", EXCLUDED.deadline)
    RETURNING 1)
  DELETE FROM "PartnershipIndexOpen" x
   WHERE x."buyerId" = ANY (buyers) AND NOT EXISTS (SELECT 1 FROM n WHERE n.id = x.id);
END $fn$;

-- Everyone's index recounted (after a bulk load with triggers off; bench:index).
CREATE OR REPLACE FUNCTION pindex_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE b text;
BEGIN
  TRUNCATE "PartnershipIndexPeriod", "PartnershipIndexOpen";
  FOR b IN SELECT DISTINCT "buyerId" FROM "Agreement" ORDER BY 1 LOOP
    PERFORM pindex_refresh(ARRAY[b]);
  END LOOP;
END $fn$;

-- The buyers of these agreements, where the index counts them (a draft's parties or milestones change nothing).
CREATE OR REPLACE FUNCTION pindex_buyers_of_agreements(aids text[]) RETURNS text[] LANGUAGE sql STABLE AS $fn$
  SELECT coalesce(array_agg(DISTINCT a."buyerId"), '{}') FROM "Agreement" a
   WHERE a.id = ANY (aids) AND a.status IN ('active', 'completed', 'terminated')
$fn$;

CREATE OR REPLACE FUNCTION pindex_buyers_of_suppliers(orgs text[]) RETURNS text[] LANGUAGE sql STABLE AS $fn$
  SELECT coalesce(array_agg(DISTINCT a."buyerId"), '{}') FROM "Agreement" a
   WHERE a.id IN (SELECT x.id FROM "Agreement" x WHERE x."supplierId" = ANY (orgs)
                  UNION SELECT p."agreementId" FROM "AgreementParty" p WHERE p."organizationId" = ANY (orgs))
$fn$;

-- Agreement: a change of what the index reads (status, parties, value, dates, exclusion as a fake partnership).
CREATE OR REPLACE FUNCTION pindex_agreement_trigger() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE b text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n."buyerId") INTO b FROM new_rows n WHERE n.status IN ('active', 'completed', 'terminated');
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o."buyerId") INTO b FROM old_rows o;
  ELSE
    SELECT array_agg(DISTINCT x) INTO b FROM (
      SELECT unnest(ARRAY[n."buyerId", o."buyerId"]) AS x
        FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE (n.status, n."buyerId", n."supplierId", n."valueIdr", n."startDate", n."endDate", n."completedAt", n."terminatedAt", n."excludedAt")
             IS DISTINCT FROM
             (o.status, o."buyerId", o."supplierId", o."valueIdr", o."startDate", o."endDate", o."completedAt", o."terminatedAt", o."excludedAt")) q;
  END IF;
  PERFORM pindex_refresh(b);
  RETURN NULL;
END $fn$;

CREATE TRIGGER zpindex_agreement_ins AFTER INSERT ON "Agreement" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pindex_agreement_trigger();
CREATE TRIGGER zpindex_agreement_upd AFTER UPDATE ON "Agreement" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pindex_agreement_trigger();
CREATE TRIGGER zpindex_agreement_del AFTER DELETE ON "Agreement" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pindex_agreement_trigger();

-- Parties, milestones, deliveries, payments, ratings: the buyer of the agreement they belong to.
CREATE OR REPLACE FUNCTION pindex_child_trigger() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE ids text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n."agreementId") INTO ids FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o."agreementId") INTO ids FROM old_rows o;
  ELSE
    SELECT array_agg(DISTINCT x) INTO ids FROM (SELECT n."agreementId" AS x FROM new_rows n UNION SELECT o."agreementId" FROM old_rows o) q;
  END IF;
  PERFORM pindex_refresh(pindex_buyers_of_agreements(ids));
  RETURN NULL;
END $fn$;

CREATE TRIGGER zpindex_party_ins AFTER INSERT ON "AgreementParty" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pindex_child_trigger();
CREATE TRIGGER zpindex_party_upd AFTER UPDATE ON "AgreementParty" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pindex_child_trigger();
CREATE TRIGGER zpindex_party_del AFTER DELETE ON "AgreementParty" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pindex_child_trigger();
CREATE TRIGGER zpindex_milestone_ins AFTER INSERT ON "Milestone" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pindex_child_trigger();
CREATE TRIGGER zpindex_milestone_upd AFTER UPDATE ON "Milestone" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pindex_child_trigger();
CREATE TRIGGER zpindex_milestone_del AFTER DELETE ON "Milestone" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pindex_child_trigger();
CREATE TRIGGER zpindex_delivery_ins AFTER INSERT ON "Delivery" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pindex_child_trigger();
CREATE TRIGGER zpindex_delivery_upd AFTER UPDATE ON "Delivery" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pindex_child_trigger();
CREATE TRIGGER zpindex_delivery_del AFTER DELETE ON "Delivery" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pindex_child_trigger();
CREATE TRIGGER zpindex_payment_ins AFTER INSERT ON "Payment" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pindex_child_trigger();
CREATE TRIGGER zpindex_payment_upd AFTER UPDATE ON "Payment" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pindex_child_trigger();
CREATE TRIGGER zpindex_payment_del AFTER DELETE ON "Payment" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pindex_child_trigger();
CREATE TRIGGER zpindex_rating_ins AFTER INSERT ON "Rating" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pindex_child_trigger();
CREATE TRIGGER zpindex_rating_upd AFTER UPDATE ON "Rating" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pindex_child_trigger();
CREATE TRIGGER zpindex_rating_del AFTER DELETE ON "Rating" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pindex_child_trigger();

-- A partner's size history or size class, and an organization's verification or type: the buyers it partners.
CREATE OR REPLACE FUNCTION pindex_size_trigger() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE orgs text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n."supplierId") INTO orgs FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o."supplierId") INTO orgs FROM old_rows o;
  ELSE
    SELECT array_agg(DISTINCT x) INTO orgs FROM (SELECT n."supplierId" AS x FROM new_rows n UNION SELECT o."supplierId" FROM old_rows o) q;
  END IF;
  PERFORM pindex_refresh(pindex_buyers_of_suppliers(orgs));
  RETURN NULL;
END $fn$;

CREATE TRIGGER zpindex_size_ins AFTER INSERT ON "SizeClassChange" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pindex_size_trigger();
CREATE TRIGGER zpindex_size_upd AFTER UPDATE ON "SizeClassChange" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pindex_size_trigger();
CREATE TRIGGER zpindex_size_del AFTER DELETE ON "SizeClassChange" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pindex_size_trigger();

CREATE OR REPLACE FUNCTION pindex_profile_trigger() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE orgs text[];
BEGIN
  SELECT array_agg(n."organizationId") INTO orgs
    FROM new_rows n JOIN old_rows o ON o."organizationId" = n."organizationId"
   WHERE n."sizeClass" IS DISTINCT FROM o."sizeClass";
  IF orgs IS NOT NULL THEN
    PERFORM pindex_refresh(pindex_buyers_of_suppliers(orgs));
  END IF;
  RETURN NULL;
END $fn$;

CREATE TRIGGER zpindex_profile_upd AFTER UPDATE ON "SupplierProfile" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pindex_profile_trigger();

CREATE OR REPLACE FUNCTION pindex_organization_trigger() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE orgs text[];
BEGIN
  SELECT array_agg(n.id) INTO orgs
    FROM new_rows n JOIN old_rows o ON o.id = n.id
   WHERE n."verificationStatus" IS DISTINCT FROM o."verificationStatus" OR n.type IS DISTINCT FROM o.type;
  IF orgs IS NOT NULL THEN
    PERFORM pindex_refresh(pindex_buyers_of_suppliers(orgs) || orgs);
  END IF;
  RETURN NULL;
END $fn$;

CREATE TRIGGER zpindex_organization_upd AFTER UPDATE ON "Organization" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pindex_organization_trigger();

-- Backfill.
SELECT pindex_rebuild();
