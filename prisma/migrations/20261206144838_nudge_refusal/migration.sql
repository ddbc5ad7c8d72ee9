-- AlterTable
ALTER TABLE "NudgeSent" ADD COLUMN     "refusal" TEXT;
