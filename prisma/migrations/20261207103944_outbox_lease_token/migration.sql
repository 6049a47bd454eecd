-- AlterTable
ALTER TABLE "EmailOutbox" ADD COLUMN     "leaseToken" TEXT;
