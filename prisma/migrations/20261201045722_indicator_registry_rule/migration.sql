-- AlterTable
ALTER TABLE "Indicator" ADD COLUMN     "registryRule" JSONB;
