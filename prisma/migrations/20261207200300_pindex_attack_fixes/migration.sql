-- Attacks on the Indeks Kemitraan (issue 13) that found two ways for a buyer to improve its own index
-- (docs/decisions/0024-partnership-index.md, "What a buyer cannot do to its own index"):
--
-- 1. A buyer's own delivery record (recorded as accepted or rejected at once) was stamped reviewedAt = now, so
--    every delivery the buyer recorded itself counted as "reviewed within 7 days". The index counts the
--    supplier's deliveries the buyer reviewed; lib/agreements/execution.ts no longer stamps the buyer's own
--    records, and the ones already written lose their stamp here (the audit log says who recorded each: a
--    buyer's record is logged with the status it chose, a supplier's with "pending_review").
-- 2. Confirmed payments were counted one by one, so a token payment on time diluted the late rest of the same
--    milestone ("1 of 2 payments late"). pindex_compute now counts milestones: one settles on the day its
--    confirmed payments reach its amount; unsettled ones past their term stay late ("PartnershipIndexOpen").
--
-- 3. A milestone's payment term started only with an ACCEPTED delivery, so a buyer that never reviewed its
--    suppliers' deliveries never started a term: no payment of it was ever measured (the payment components
--    dropped out of its score) and it lost only the review component; and a delivery the buyer recorded itself,
--    dated as it liked, could start the term later than the supplier's delivery waiting for review. The term now
--    starts on the earliest delivery of the milestone that is accepted or still waiting for review; only a
--    rejection (an explicit act the supplier sees) keeps a delivery from starting it.
--
-- Then every buyer's rollups are recounted with the new definitions.

UPDATE "Delivery" d SET "reviewedAt" = NULL
  FROM "AuditLog" l
 WHERE l."entityType" = 'Delivery' AND l."entityId" = d.id AND l.action = 'delivery.recorded'
   AND l.data->>'status' IN ('accepted', 'rejected') AND d."reviewedAt" IS NOT NULL;

-- Milestones of counted agreements whose payment term has started: the term starts on the delivery date of the
-- milestone's earliest delivery that the buyer accepted or has not reviewed yet (a rejected one starts nothing);
-- it lasts paymentTermDays (30 when none).
CREATE OR REPLACE FUNCTION pindex_terms(buyers text[])
RETURNS TABLE (id text, aid text, buyer text, amount bigint, term int, ts date)
LANGUAGE sql STABLE AS $fn$
  SELECT m.id, ca.id, ca.buyer, m."amountIdr", coalesce(m."paymentTermDays", 30), d.ts
    FROM pindex_counted(buyers) ca
    JOIN "Milestone" m ON m."agreementId" = ca.id
    JOIN LATERAL (SELECT min(x."deliveredOn") AS ts FROM "Delivery" x
                   WHERE x."agreementId" = ca.id AND x."milestoneId" = m.id AND x.status IN ('accepted', 'pending_review')) d
      ON d.ts IS NOT NULL
$fn$;

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
-- milestones whose term started and that the UMKM confirmed as paid in full: one row per milestone, dated the day
-- its confirmed payments (in order of receipt) reach its amount (without an amount: the first confirmed payment).
-- Per milestone, not per payment: a token sum paid on time must not dilute the late rest of the same milestone.
py AS (
  SELECT t.buyer, s.day, greatest(s.day - t.ts, 0) AS days, (s.day - t.ts) > t.term AS late
    FROM pindex_terms(buyers) t
    JOIN LATERAL (
      SELECT min(c.day) AS day
        FROM (SELECT p."receivedOn" AS day, sum(p."amountIdr") OVER (ORDER BY p."receivedOn", p.id) AS paid
                FROM "Payment" p
               WHERE p."agreementId" = t.aid AND p."milestoneId" = t.id AND p."receivedOn" IS NOT NULL) c
       WHERE c.paid >= coalesce(t.amount, 1)) s ON s.day IS NOT NULL),
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

SELECT pindex_rebuild();
