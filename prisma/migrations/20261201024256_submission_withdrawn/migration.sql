-- AlterEnum
ALTER TYPE "ValueEventAction" ADD VALUE 'withdrawn';

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "withdrawnAt" TIMESTAMPTZ(3),
ADD COLUMN     "withdrawnById" INTEGER;
