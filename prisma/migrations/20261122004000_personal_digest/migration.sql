-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "personalDigest" BOOLEAN NOT NULL DEFAULT false;
