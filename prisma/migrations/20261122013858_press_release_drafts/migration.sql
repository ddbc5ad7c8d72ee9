-- CreateEnum
CREATE TYPE "DraftStatus" AS ENUM ('pending', 'approved', 'superseded');

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "network" TEXT,
ADD COLUMN     "releaseId" TEXT;

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "draftApprovers" TEXT NOT NULL DEFAULT 'both',
ADD COLUMN     "nextReleaseNumber" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "PressRelease" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "releaseHash" TEXT NOT NULL,
    "networks" TEXT[],
    "tone" TEXT NOT NULL,
    "hashtags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "embargoUntil" TIMESTAMP(3),
    "initiativeId" TEXT,
    "channelId" TEXT,
    "messageTs" TEXT,
    "note" TEXT,
    "draftedAt" TIMESTAMP(3),
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PressRelease_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SocialDraft" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "releaseId" TEXT NOT NULL,
    "network" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "flags" JSONB NOT NULL DEFAULT '[]',
    "drafter" TEXT NOT NULL,
    "promptVersion" TEXT NOT NULL,
    "releaseHash" TEXT NOT NULL,
    "status" "DraftStatus" NOT NULL DEFAULT 'pending',
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "approvedBy" TEXT,
    "approvedAt" TIMESTAMP(3),

    CONSTRAINT "SocialDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PressRelease_teamId_embargoUntil_idx" ON "PressRelease"("teamId", "embargoUntil");

-- CreateIndex
CREATE UNIQUE INDEX "PressRelease_teamId_number_key" ON "PressRelease"("teamId", "number");

-- CreateIndex
CREATE INDEX "SocialDraft_teamId_status_idx" ON "SocialDraft"("teamId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "SocialDraft_releaseId_network_version_key" ON "SocialDraft"("releaseId", "network", "version");

-- CreateIndex
CREATE INDEX "Task_teamId_releaseId_idx" ON "Task"("teamId", "releaseId");

-- AddForeignKey
ALTER TABLE "PressRelease" ADD CONSTRAINT "PressRelease_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Workspace"("teamId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SocialDraft" ADD CONSTRAINT "SocialDraft_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Workspace"("teamId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SocialDraft" ADD CONSTRAINT "SocialDraft_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "PressRelease"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
