-- AlterEnum
ALTER TYPE "QualificationKind" ADD VALUE 'listed';
