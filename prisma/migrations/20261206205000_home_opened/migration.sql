-- AlterTable
ALTER TABLE "Member" ADD COLUMN "homeOpenedAt" TIMESTAMP(3);
