-- AlterTable
ALTER TABLE "Trend" ADD COLUMN     "spotterId" TEXT;
