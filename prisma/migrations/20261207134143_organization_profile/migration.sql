-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "address" TEXT,
ADD COLUMN     "identityChange" JSONB,
ADD COLUMN     "identityChangeAt" TIMESTAMP(3),
ADD COLUMN     "identityChangeNote" TEXT,
ADD COLUMN     "industryKbli" TEXT,
ADD COLUMN     "legalForm" "LegalForm",
ADD COLUMN     "npwp" TEXT;

-- CreateIndex
CREATE INDEX "Organization_identityChangeAt_idx" ON "Organization"("identityChangeAt");
