-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "respondBy" TIMESTAMP(3),
ADD COLUMN     "trendId" TEXT;
