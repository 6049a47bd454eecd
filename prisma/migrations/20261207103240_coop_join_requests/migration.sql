-- CreateEnum
CREATE TYPE "CooperativeJoinRequestStatus" AS ENUM ('pending', 'accepted', 'declined', 'cancelled');

-- AlterTable
ALTER TABLE "OrganizationInvitation" ADD COLUMN     "cooperativeId" TEXT,
ADD COLUMN     "heldAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "CooperativeJoinRequest" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "memberNumber" TEXT,
    "status" "CooperativeJoinRequestStatus" NOT NULL DEFAULT 'pending',
    "requestedById" TEXT,
    "decidedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "CooperativeJoinRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CooperativeJoinRequest_memberId_status_idx" ON "CooperativeJoinRequest"("memberId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CooperativeJoinRequest_cooperativeId_memberId_key" ON "CooperativeJoinRequest"("cooperativeId", "memberId");

-- CreateIndex
CREATE INDEX "OrganizationInvitation_cooperativeId_heldAt_idx" ON "OrganizationInvitation"("cooperativeId", "heldAt");

-- AddForeignKey
ALTER TABLE "OrganizationInvitation" ADD CONSTRAINT "OrganizationInvitation_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CooperativeJoinRequest" ADD CONSTRAINT "CooperativeJoinRequest_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CooperativeJoinRequest" ADD CONSTRAINT "CooperativeJoinRequest_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CooperativeJoinRequest" ADD CONSTRAINT "CooperativeJoinRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CooperativeJoinRequest" ADD CONSTRAINT "CooperativeJoinRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
