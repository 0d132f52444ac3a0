-- AlterTable
ALTER TABLE "Unit" ADD COLUMN     "nameEn" TEXT;

-- AlterTable
ALTER TABLE "UnitGroup" ADD COLUMN     "nameEn" TEXT;

-- AlterTable
ALTER TABLE "Section" ADD COLUMN     "titleEn" TEXT;

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "titleEn" TEXT;
