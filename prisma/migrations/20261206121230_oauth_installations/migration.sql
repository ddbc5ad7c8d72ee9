-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "uninstalledAt" TIMESTAMP(3),
ADD COLUMN     "enterpriseId" TEXT;

-- CreateTable
CREATE TABLE "Installation" (
    "id" TEXT NOT NULL,
    "teamId" TEXT,
    "enterpriseId" TEXT,
    "isEnterpriseInstall" BOOLEAN NOT NULL,
    "appId" TEXT,
    "botUserId" TEXT NOT NULL,
    "botId" TEXT,
    "botScopes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "botTokenSealed" TEXT NOT NULL,
    "tokenKeyId" TEXT NOT NULL,
    "installerUserId" TEXT NOT NULL,
    "enterpriseUrl" TEXT,
    "installedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Installation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Installation_teamId_idx" ON "Installation"("teamId");

-- CreateIndex
CREATE INDEX "Installation_tokenKeyId_idx" ON "Installation"("tokenKeyId");

-- Ownership history stays append-only, except that an uninstalled workspace's whole history may
-- go once its retention period has passed: the purge names the workspace in a setting local to
-- its own transaction, and only that workspace's rows may then be deleted.
CREATE OR REPLACE FUNCTION "ownership_event_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD."teamId" = current_setting('tandem.purging_team', true) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'OwnershipEvent rows are append-only (% refused)', TG_OP;
END;
$$;
