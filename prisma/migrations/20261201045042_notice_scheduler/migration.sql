-- DropIndex
DROP INDEX "NoticeDelivery_status_idx";

-- AlterTable
ALTER TABLE "Notice" ADD COLUMN     "dedupKey" VARCHAR(160);

-- AlterTable
ALTER TABLE "NoticeDelivery" ADD COLUMN     "nextAttemptAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE UNIQUE INDEX "Notice_dedupKey_key" ON "Notice"("dedupKey");

-- CreateIndex
CREATE INDEX "NoticeDelivery_status_nextAttemptAt_idx" ON "NoticeDelivery"("status", "nextAttemptAt");
