-- CreateEnum
CREATE TYPE "SiteKind" AS ENUM ('industrial_estate', 'umkm_centre', 'sentra');

-- CreateEnum
CREATE TYPE "ClusterMemberStatus" AS ENUM ('requested', 'invited', 'active', 'declined', 'left');

-- CreateEnum
CREATE TYPE "ClusterAnchorStatus" AS ENUM ('invited', 'active', 'declined', 'left');

-- CreateEnum
CREATE TYPE "AgreementFlagStatus" AS ENUM ('open', 'cleared', 'confirmed');

-- CreateEnum
CREATE TYPE "FinancingProgrammeStatus" AS ENUM ('proposed', 'active', 'declined', 'closed');

-- CreateEnum
CREATE TYPE "FinancingReferralStatus" AS ENUM ('referred', 'accepted', 'declined', 'withdrawn');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "OrgType" ADD VALUE 'cluster_manager';
ALTER TYPE "OrgType" ADD VALUE 'regional_government';

-- AlterTable
ALTER TABLE "Agreement" ADD COLUMN     "excludedAt" TIMESTAMP(3),
ADD COLUMN     "ownershipDeclaredAt" TIMESTAMP(3),
ADD COLUMN     "ownershipDeclaredById" TEXT;

-- AlterTable
ALTER TABLE "Consortium" ADD COLUMN     "clusterId" TEXT;

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "reviewedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "FinancingRequest" ADD COLUMN     "programmeId" TEXT;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "indexPublishedAt" TIMESTAMP(3),
ADD COLUMN     "regionProvinceCode" TEXT,
ADD COLUMN     "regionRegencyCode" TEXT,
ADD COLUMN     "siteId" TEXT;

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "receiptConfirmedAt" TIMESTAMP(3),
ADD COLUMN     "receiptConfirmedById" TEXT,
ADD COLUMN     "receivedOn" DATE;

-- AlterTable
ALTER TABLE "Rfq" ADD COLUMN     "clusterId" TEXT;

-- CreateTable
CREATE TABLE "Site" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "SiteKind" NOT NULL,
    "regencyCode" TEXT NOT NULL,
    "lat" DOUBLE PRECISION,
    "lon" DOUBLE PRECISION,
    "operator" TEXT,
    "website" TEXT,
    "source" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Site_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Cluster" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "kbliSections" TEXT[],
    "provinceCodes" TEXT[],
    "regencyCodes" TEXT[],
    "siteId" TEXT,
    "managerId" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Cluster_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClusterMember" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "status" "ClusterMemberStatus" NOT NULL,
    "invitedById" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "joinedAt" TIMESTAMP(3),
    "leftAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClusterMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClusterAnchor" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "buyerId" TEXT NOT NULL,
    "status" "ClusterAnchorStatus" NOT NULL DEFAULT 'invited',
    "invitedById" TEXT,
    "invitedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClusterAnchor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FlagshipProduct" (
    "id" TEXT NOT NULL,
    "governmentId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kbliVersion" TEXT NOT NULL DEFAULT '2020',
    "kbliCode" TEXT NOT NULL,
    "keywords" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FlagshipProduct_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnershipReport" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "buyerId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "contentHash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartnershipReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementFlag" (
    "id" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "reasons" TEXT[],
    "details" JSONB NOT NULL,
    "status" "AgreementFlagStatus" NOT NULL DEFAULT 'open',
    "flaggedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedAt" TIMESTAMP(3),
    "reviewedById" TEXT,
    "reviewNote" TEXT,

    CONSTRAINT "AgreementFlag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FinancingProgramme" (
    "id" TEXT NOT NULL,
    "buyerId" TEXT NOT NULL,
    "bankId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "maxPerUmkmIdr" BIGINT NOT NULL,
    "tenorDays" INTEGER NOT NULL,
    "requireAcceptedDeliveries" BOOLEAN NOT NULL DEFAULT true,
    "status" "FinancingProgrammeStatus" NOT NULL DEFAULT 'proposed',
    "acceptedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FinancingProgramme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FinancingReferral" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "supplierId" TEXT NOT NULL,
    "status" "FinancingReferralStatus" NOT NULL DEFAULT 'referred',
    "referredById" TEXT,
    "referredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "FinancingReferral_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Site_regencyCode_idx" ON "Site"("regencyCode");

-- CreateIndex
CREATE UNIQUE INDEX "Site_name_regencyCode_key" ON "Site"("name", "regencyCode");

-- CreateIndex
CREATE INDEX "Cluster_managerId_idx" ON "Cluster"("managerId");

-- CreateIndex
CREATE INDEX "Cluster_siteId_idx" ON "Cluster"("siteId");

-- CreateIndex
CREATE INDEX "ClusterMember_clusterId_status_idx" ON "ClusterMember"("clusterId", "status");

-- CreateIndex
CREATE INDEX "ClusterMember_organizationId_status_idx" ON "ClusterMember"("organizationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ClusterMember_clusterId_organizationId_key" ON "ClusterMember"("clusterId", "organizationId");

-- CreateIndex
CREATE INDEX "ClusterAnchor_buyerId_status_idx" ON "ClusterAnchor"("buyerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ClusterAnchor_clusterId_buyerId_key" ON "ClusterAnchor"("clusterId", "buyerId");

-- CreateIndex
CREATE INDEX "FlagshipProduct_governmentId_idx" ON "FlagshipProduct"("governmentId");

-- CreateIndex
CREATE INDEX "FlagshipProduct_kbliVersion_kbliCode_idx" ON "FlagshipProduct"("kbliVersion", "kbliCode");

-- CreateIndex
CREATE UNIQUE INDEX "PartnershipReport_code_key" ON "PartnershipReport"("code");

-- CreateIndex
CREATE INDEX "PartnershipReport_buyerId_year_idx" ON "PartnershipReport"("buyerId", "year");

-- CreateIndex
CREATE INDEX "AgreementFlag_status_flaggedAt_idx" ON "AgreementFlag"("status", "flaggedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AgreementFlag_agreementId_key" ON "AgreementFlag"("agreementId");

-- CreateIndex
CREATE INDEX "FinancingProgramme_buyerId_idx" ON "FinancingProgramme"("buyerId");

-- CreateIndex
CREATE INDEX "FinancingProgramme_bankId_status_idx" ON "FinancingProgramme"("bankId", "status");

-- CreateIndex
CREATE INDEX "FinancingReferral_supplierId_status_idx" ON "FinancingReferral"("supplierId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "FinancingReferral_programmeId_supplierId_key" ON "FinancingReferral"("programmeId", "supplierId");

-- CreateIndex
CREATE INDEX "Organization_siteId_idx" ON "Organization"("siteId");

-- CreateIndex
CREATE INDEX "Rfq_clusterId_status_idx" ON "Rfq"("clusterId", "status");

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_regionProvinceCode_fkey" FOREIGN KEY ("regionProvinceCode") REFERENCES "Province"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_regionRegencyCode_fkey" FOREIGN KEY ("regionRegencyCode") REFERENCES "Regency"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rfq" ADD CONSTRAINT "Rfq_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consortium" ADD CONSTRAINT "Consortium_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinancingRequest" ADD CONSTRAINT "FinancingRequest_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "FinancingProgramme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Site" ADD CONSTRAINT "Site_regencyCode_fkey" FOREIGN KEY ("regencyCode") REFERENCES "Regency"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cluster" ADD CONSTRAINT "Cluster_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cluster" ADD CONSTRAINT "Cluster_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterMember" ADD CONSTRAINT "ClusterMember_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterMember" ADD CONSTRAINT "ClusterMember_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterAnchor" ADD CONSTRAINT "ClusterAnchor_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterAnchor" ADD CONSTRAINT "ClusterAnchor_buyerId_fkey" FOREIGN KEY ("buyerId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlagshipProduct" ADD CONSTRAINT "FlagshipProduct_governmentId_fkey" FOREIGN KEY ("governmentId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlagshipProduct" ADD CONSTRAINT "FlagshipProduct_kbliVersion_kbliCode_fkey" FOREIGN KEY ("kbliVersion", "kbliCode") REFERENCES "KbliCode"("version", "code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnershipReport" ADD CONSTRAINT "PartnershipReport_buyerId_fkey" FOREIGN KEY ("buyerId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementFlag" ADD CONSTRAINT "AgreementFlag_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinancingProgramme" ADD CONSTRAINT "FinancingProgramme_buyerId_fkey" FOREIGN KEY ("buyerId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinancingProgramme" ADD CONSTRAINT "FinancingProgramme_bankId_fkey" FOREIGN KEY ("bankId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinancingReferral" ADD CONSTRAINT "FinancingReferral_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "FinancingProgramme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinancingReferral" ADD CONSTRAINT "FinancingReferral_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
