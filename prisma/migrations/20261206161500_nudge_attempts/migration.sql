-- AlterTable
ALTER TABLE "NudgeSent" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0;
