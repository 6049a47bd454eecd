-- Issue 11 (review): returning an UMKM's verification returns the certificates reviewed with it
-- (lib/organizations/service.ts decideVerification), so a returned supplier's TKDN earns no price preference.
-- UMKM returned before that rule kept verified certificates: return them too. One statement (the integration
-- test replays it).
UPDATE "Certification" c
SET "verificationStatus" = 'returned'
FROM "SupplierProfile" sp
WHERE sp."organizationId" = c."organizationId"
  AND sp."verificationStatus" = 'returned'
  AND c."verificationStatus" = 'verified';
