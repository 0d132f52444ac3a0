-- CreateEnum
CREATE TYPE "TaskProgress" AS ENUM ('on_track', 'behind', 'done');

-- CreateEnum
CREATE TYPE "ValueEventAction" AS ENUM ('entered', 'changed', 'submitted', 'approved', 'returned', 'unlocked', 'imported');

-- AlterTable
ALTER TABLE "IndicatorValue" ADD COLUMN     "submissionId" INTEGER,
ADD COLUMN     "submittedById" INTEGER,
ADD COLUMN     "warnings" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "Submission" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "month" VARCHAR(7) NOT NULL,
    "status" "ValueStatus" NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "firstSubmittedAt" TIMESTAMPTZ(3),
    "submittedAt" TIMESTAMPTZ(3),
    "submittedById" INTEGER,
    "extendedUntil" TIMESTAMPTZ(3),
    "extensionReason" TEXT,
    "extendedById" INTEGER,
    "reopened" BOOLEAN NOT NULL DEFAULT false,
    "reopenReason" TEXT,
    "reopenedAt" TIMESTAMPTZ(3),
    "reopenedById" INTEGER,

    CONSTRAINT "Submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskReport" (
    "id" SERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "month" VARCHAR(7) NOT NULL,
    "submissionId" INTEGER NOT NULL,
    "role" "TaskPartyRole" NOT NULL,
    "progress" "TaskProgress",
    "narrative" TEXT,
    "note" TEXT,
    "status" "ValueStatus" NOT NULL DEFAULT 'draft',
    "returnReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" INTEGER,
    "submittedAt" TIMESTAMPTZ(3),
    "submittedById" INTEGER,
    "approvedAt" TIMESTAMPTZ(3),
    "approvedById" INTEGER,

    CONSTRAINT "TaskReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ValueEvent" (
    "id" BIGSERIAL NOT NULL,
    "valueId" INTEGER,
    "taskReportId" INTEGER,
    "action" "ValueEventAction" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "actorName" TEXT NOT NULL,
    "fromStatus" "ValueStatus",
    "toStatus" "ValueStatus" NOT NULL,
    "oldValue" DECIMAL(20,4),
    "newValue" DECIMAL(20,4),
    "detail" JSONB,
    "comment" TEXT,
    "reason" TEXT,
    "version" INTEGER NOT NULL,

    CONSTRAINT "ValueEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reminder" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "month" VARCHAR(7) NOT NULL,
    "message" TEXT,
    "sentAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentById" INTEGER,
    "sentByName" TEXT NOT NULL,

    CONSTRAINT "Reminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderReceipt" (
    "reminderId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "seenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderReceipt_pkey" PRIMARY KEY ("reminderId","userId")
);

-- CreateIndex
CREATE INDEX "Submission_month_idx" ON "Submission"("month");

-- CreateIndex
CREATE UNIQUE INDEX "Submission_unitId_month_key" ON "Submission"("unitId", "month");

-- CreateIndex
CREATE INDEX "TaskReport_submissionId_idx" ON "TaskReport"("submissionId");

-- CreateIndex
CREATE UNIQUE INDEX "TaskReport_taskId_unitId_month_key" ON "TaskReport"("taskId", "unitId", "month");

-- CreateIndex
CREATE INDEX "ValueEvent_valueId_at_idx" ON "ValueEvent"("valueId", "at");

-- CreateIndex
CREATE INDEX "ValueEvent_taskReportId_at_idx" ON "ValueEvent"("taskReportId", "at");

-- CreateIndex
CREATE INDEX "Reminder_unitId_sentAt_idx" ON "Reminder"("unitId", "sentAt");

-- CreateIndex
CREATE INDEX "Reminder_month_idx" ON "Reminder"("month");

-- CreateIndex
CREATE INDEX "IndicatorValue_submissionId_idx" ON "IndicatorValue"("submissionId");

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskReport" ADD CONSTRAINT "TaskReport_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskReport" ADD CONSTRAINT "TaskReport_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskReport" ADD CONSTRAINT "TaskReport_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ValueEvent" ADD CONSTRAINT "ValueEvent_valueId_fkey" FOREIGN KEY ("valueId") REFERENCES "IndicatorValue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ValueEvent" ADD CONSTRAINT "ValueEvent_taskReportId_fkey" FOREIGN KEY ("taskReportId") REFERENCES "TaskReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderReceipt" ADD CONSTRAINT "ReminderReceipt_reminderId_fkey" FOREIGN KEY ("reminderId") REFERENCES "Reminder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderReceipt" ADD CONSTRAINT "ReminderReceipt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
