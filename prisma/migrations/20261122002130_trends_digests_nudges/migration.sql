-- CreateEnum
CREATE TYPE "TrendStatus" AS ENUM ('active', 'expired');

-- CreateEnum
CREATE TYPE "DigestStatus" AS ENUM ('sending', 'sent', 'skipped');

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "digestGraceMinutes" INTEGER NOT NULL DEFAULT 120,
ADD COLUMN     "nextTrendNumber" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "nudgeWindows" INTEGER[] DEFAULT ARRAY[3, 1, 0, -1]::INTEGER[],
ADD COLUMN     "quietEnd" TEXT NOT NULL DEFAULT '08:00',
ADD COLUMN     "quietStart" TEXT NOT NULL DEFAULT '20:00';

-- CreateTable
CREATE TABLE "Trend" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "notes" TEXT,
    "keywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "sourceChannel" TEXT,
    "sourceTs" TEXT,
    "sourceLink" TEXT,
    "reporterId" TEXT NOT NULL,
    "status" "TrendStatus" NOT NULL DEFAULT 'active',
    "expiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Trend_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrendLink" (
    "trendId" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "linkedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrendLink_pkey" PRIMARY KEY ("trendId","initiativeId")
);

-- CreateTable
CREATE TABLE "DigestRun" (
    "teamId" TEXT NOT NULL,
    "localDate" TEXT NOT NULL,
    "scheduledFor" TIMESTAMP(3) NOT NULL,
    "status" "DigestStatus" NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "channel" TEXT,
    "messageTs" TEXT,

    CONSTRAINT "DigestRun_pkey" PRIMARY KEY ("teamId","localDate")
);

-- CreateTable
CREATE TABLE "NudgeSent" (
    "id" BIGSERIAL NOT NULL,
    "teamId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "itemType" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "window" TEXT NOT NULL DEFAULT '',
    "notBefore" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NudgeSent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Trend_teamId_createdAt_idx" ON "Trend"("teamId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Trend_teamId_number_key" ON "Trend"("teamId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Trend_teamId_sourceChannel_sourceTs_key" ON "Trend"("teamId", "sourceChannel", "sourceTs");

-- CreateIndex
CREATE INDEX "TrendLink_teamId_initiativeId_idx" ON "TrendLink"("teamId", "initiativeId");

-- CreateIndex
CREATE INDEX "DigestRun_teamId_sentAt_idx" ON "DigestRun"("teamId", "sentAt");

-- CreateIndex
CREATE INDEX "NudgeSent_sentAt_notBefore_idx" ON "NudgeSent"("sentAt", "notBefore");

-- CreateIndex
CREATE UNIQUE INDEX "NudgeSent_teamId_kind_recipientId_itemType_itemId_window_key" ON "NudgeSent"("teamId", "kind", "recipientId", "itemType", "itemId", "window");

-- AddForeignKey
ALTER TABLE "Trend" ADD CONSTRAINT "Trend_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Workspace"("teamId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrendLink" ADD CONSTRAINT "TrendLink_trendId_fkey" FOREIGN KEY ("trendId") REFERENCES "Trend"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrendLink" ADD CONSTRAINT "TrendLink_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestRun" ADD CONSTRAINT "DigestRun_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Workspace"("teamId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NudgeSent" ADD CONSTRAINT "NudgeSent_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Workspace"("teamId") ON DELETE RESTRICT ON UPDATE CASCADE;
