-- AlterTable
ALTER TABLE "Agreement" ADD COLUMN     "buyerConfirmedCompletionAt" TIMESTAMP(3),
ADD COLUMN     "completionReason" TEXT,
ADD COLUMN     "supplierConfirmedCompletionAt" TIMESTAMP(3);
