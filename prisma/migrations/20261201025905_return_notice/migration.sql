-- CreateEnum
CREATE TYPE "ReminderKind" AS ENUM ('remind', 'returned');

-- AlterTable
ALTER TABLE "Reminder" ADD COLUMN     "kind" "ReminderKind" NOT NULL DEFAULT 'remind';
