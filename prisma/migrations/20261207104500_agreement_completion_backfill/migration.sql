-- Issue 11: completion takes both sides, and an agreement completed with milestones still undelivered or unpaid
-- carries a reason (the statistics count those apart: "completionReason" IS NOT NULL). Agreements completed
-- before this rule by one party alone get a reason saying so when something was open then, by the same rule
-- as lib/agreements/service.ts openItems(): a milestone is undelivered until accepted deliveries reach its
-- quantity (or one is accepted when it has none), unpaid until its payments reach its amount; an agreement
-- without milestones is one item (an accepted delivery; payments reaching the value). Their confirmation
-- timestamps stay null: who confirmed is not known. One statement (the integration test replays it).
UPDATE "Agreement" a
SET "completionReason" = 'Diselesaikan oleh satu pihak sebelum Rantai mewajibkan konfirmasi kedua pihak; saat itu masih ada tahap yang belum dikirim atau belum dibayar.'
WHERE a."status" = 'completed'
  AND a."completionReason" IS NULL
  AND (
    EXISTS (
      SELECT 1 FROM "Milestone" m
      WHERE m."agreementId" = a."id"
        AND (
          (m."quantity" IS NULL AND NOT EXISTS (SELECT 1 FROM "Delivery" d WHERE d."milestoneId" = m."id" AND d."status" = 'accepted'))
          OR (m."quantity" IS NOT NULL AND COALESCE((SELECT SUM(d."quantity") FROM "Delivery" d WHERE d."milestoneId" = m."id" AND d."status" = 'accepted'), 0) < m."quantity")
          OR (m."amountIdr" IS NOT NULL AND COALESCE((SELECT SUM(p."amountIdr") FROM "Payment" p WHERE p."milestoneId" = m."id"), 0) < m."amountIdr")
        )
    )
    OR (
      NOT EXISTS (SELECT 1 FROM "Milestone" m WHERE m."agreementId" = a."id")
      AND (
        NOT EXISTS (SELECT 1 FROM "Delivery" d WHERE d."agreementId" = a."id" AND d."status" = 'accepted')
        OR COALESCE((SELECT SUM(p."amountIdr") FROM "Payment" p WHERE p."agreementId" = a."id"), 0) < a."valueIdr"
      )
    )
  );
