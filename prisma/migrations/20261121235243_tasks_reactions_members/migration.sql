-- DropIndex
DROP INDEX "Task_teamId_assigneeId_idx";

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "blockedAt" TIMESTAMP(3),
ADD COLUMN     "blockedBy" TEXT,
ADD COLUMN     "blockedReason" TEXT,
ADD COLUMN     "doneAt" TIMESTAMP(3),
ADD COLUMN     "doneBy" TEXT,
ADD COLUMN     "snoozedUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "blockEmoji" TEXT NOT NULL DEFAULT 'construction',
ADD COLUMN     "doneEmoji" TEXT NOT NULL DEFAULT 'white_check_mark',
ADD COLUMN     "handoffEmoji" TEXT NOT NULL DEFAULT 'repeat',
ADD COLUMN     "snoozeEmoji" TEXT NOT NULL DEFAULT 'zzz',
ADD COLUMN     "taskChecklists" JSONB,
ADD COLUMN     "workloadThreshold" INTEGER NOT NULL DEFAULT 5;

-- CreateTable
CREATE TABLE "Member" (
    "teamId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "discipline" "Discipline",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("teamId","userId")
);

-- CreateIndex
CREATE INDEX "Task_teamId_assigneeId_status_idx" ON "Task"("teamId", "assigneeId", "status");

-- CreateIndex
CREATE INDEX "Task_teamId_status_idx" ON "Task"("teamId", "status");

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Workspace"("teamId") ON DELETE RESTRICT ON UPDATE CASCADE;
