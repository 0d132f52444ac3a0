-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "isDemo" BOOLEAN NOT NULL DEFAULT false;
