-- AlterTable
ALTER TABLE "Rfq" ADD COLUMN     "deadlineReminderAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");
