-- CreateEnum
CREATE TYPE "InitiativeKind" AS ENUM ('press_release', 'influencer', 'campaign', 'trend_response', 'crisis', 'advocacy', 'other');

-- CreateEnum
CREATE TYPE "Discipline" AS ENUM ('pr', 'social', 'marketing', 'joint');

-- CreateEnum
CREATE TYPE "InitiativeStatus" AS ENUM ('planned', 'active', 'done', 'cancelled');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('open', 'blocked', 'done');

-- CreateEnum
CREATE TYPE "OwnershipChange" AS ENUM ('created', 'suggested', 'assigned', 'handoff', 'claimed', 'released');

-- CreateEnum
CREATE TYPE "ChangeSource" AS ENUM ('command', 'reaction', 'button', 'modal', 'system');

-- CreateTable
CREATE TABLE "Workspace" (
    "teamId" TEXT NOT NULL,
    "prLeads" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "socialLeads" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "digestChannel" TEXT,
    "digestTime" TEXT NOT NULL DEFAULT '09:00',
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "claimEmoji" TEXT NOT NULL DEFAULT 'raising_hand',
    "ownershipMatrix" JSONB,
    "setupAt" TIMESTAMP(3),
    "setupBy" TEXT,
    "nextInitiativeNumber" INTEGER NOT NULL DEFAULT 1,
    "nextTaskNumber" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Workspace_pkey" PRIMARY KEY ("teamId")
);

-- CreateTable
CREATE TABLE "Initiative" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "InitiativeKind" NOT NULL DEFAULT 'other',
    "leadDiscipline" "Discipline" NOT NULL,
    "ownerId" TEXT,
    "collaborators" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "InitiativeStatus" NOT NULL DEFAULT 'planned',
    "dueDate" DATE,
    "channelId" TEXT,
    "keywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Initiative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "discipline" "Discipline",
    "assigneeId" TEXT,
    "status" "TaskStatus" NOT NULL DEFAULT 'open',
    "dueDate" DATE,
    "messageChannel" TEXT,
    "messageTs" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OwnershipEvent" (
    "id" BIGSERIAL NOT NULL,
    "teamId" TEXT NOT NULL,
    "initiativeId" TEXT,
    "taskId" TEXT,
    "fromUserId" TEXT,
    "toUserId" TEXT,
    "actorId" TEXT NOT NULL,
    "change" "OwnershipChange" NOT NULL,
    "source" "ChangeSource" NOT NULL,
    "reason" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OwnershipEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessedEvent" (
    "teamId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessedEvent_pkey" PRIMARY KEY ("teamId","eventId")
);

-- CreateIndex
CREATE INDEX "Initiative_teamId_ownerId_idx" ON "Initiative"("teamId", "ownerId");

-- CreateIndex
CREATE INDEX "Initiative_teamId_status_idx" ON "Initiative"("teamId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Initiative_teamId_number_key" ON "Initiative"("teamId", "number");

-- CreateIndex
CREATE INDEX "Task_teamId_assigneeId_idx" ON "Task"("teamId", "assigneeId");

-- CreateIndex
CREATE INDEX "Task_initiativeId_idx" ON "Task"("initiativeId");

-- CreateIndex
CREATE UNIQUE INDEX "Task_teamId_number_key" ON "Task"("teamId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Task_teamId_messageChannel_messageTs_key" ON "Task"("teamId", "messageChannel", "messageTs");

-- CreateIndex
CREATE INDEX "OwnershipEvent_teamId_initiativeId_at_idx" ON "OwnershipEvent"("teamId", "initiativeId", "at");

-- CreateIndex
CREATE INDEX "OwnershipEvent_teamId_taskId_at_idx" ON "OwnershipEvent"("teamId", "taskId", "at");

-- CreateIndex
CREATE INDEX "OwnershipEvent_teamId_at_idx" ON "OwnershipEvent"("teamId", "at");

-- CreateIndex
CREATE INDEX "ProcessedEvent_receivedAt_idx" ON "ProcessedEvent"("receivedAt");

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Workspace"("teamId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Workspace"("teamId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OwnershipEvent" ADD CONSTRAINT "OwnershipEvent_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Workspace"("teamId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OwnershipEvent" ADD CONSTRAINT "OwnershipEvent_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OwnershipEvent" ADD CONSTRAINT "OwnershipEvent_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcessedEvent" ADD CONSTRAINT "ProcessedEvent_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Workspace"("teamId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Ownership history is append-only: "who owned X last month?" must stay answerable.
CREATE FUNCTION "ownership_event_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'OwnershipEvent rows are append-only (% refused)', TG_OP;
END;
$$;

CREATE TRIGGER "OwnershipEvent_append_only"
  BEFORE UPDATE OR DELETE ON "OwnershipEvent"
  FOR EACH ROW EXECUTE FUNCTION "ownership_event_is_append_only"();
