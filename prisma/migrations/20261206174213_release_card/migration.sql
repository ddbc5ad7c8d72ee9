-- One release card: per-network approvals, requested changes, posting times and live links.
ALTER TABLE "Workspace" ADD COLUMN "draftApproval" TEXT NOT NULL DEFAULT 'any';

ALTER TABLE "SocialDraft" ADD COLUMN "prApprovedBy" TEXT,
ADD COLUMN "socialApprovedBy" TEXT,
ADD COLUMN "changesRequestedBy" TEXT,
ADD COLUMN "changesReason" TEXT;

ALTER TABLE "Task" ADD COLUMN "postAt" TIMESTAMP(3),
ADD COLUMN "postedUrl" TEXT;

CREATE INDEX "Task_teamId_postAt_idx" ON "Task"("teamId", "postAt");
