-- AlterTable
ALTER TABLE "Agreement" ADD COLUMN     "pendingVersion" INTEGER;
