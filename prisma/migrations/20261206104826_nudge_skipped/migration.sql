-- AlterTable
ALTER TABLE "NudgeSent" ADD COLUMN     "skipped" TEXT;
