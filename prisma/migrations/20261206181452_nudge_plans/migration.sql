-- CreateTable
CREATE TABLE "NudgePlan" (
    "teamId" TEXT NOT NULL,
    "nextDueAt" TIMESTAMP(3) NOT NULL,
    "plannedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NudgePlan_pkey" PRIMARY KEY ("teamId")
);

-- CreateTable
CREATE TABLE "NudgeInputChange" (
    "id" BIGSERIAL NOT NULL,
    "teamId" TEXT NOT NULL,

    CONSTRAINT "NudgeInputChange_pkey" PRIMARY KEY ("id")
);

-- Every insert or update of what nudges are planned from marks its workspace as changed. An
-- insert, not an update of one row per workspace: concurrent claims in one workspace must not
-- queue behind each other. Deletes only ever take nudges away, so they need no mark.
CREATE FUNCTION "note_nudge_input_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "NudgeInputChange" ("teamId") VALUES (NEW."teamId");
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Initiative_nudge_input" AFTER INSERT OR UPDATE ON "Initiative"
  FOR EACH ROW EXECUTE FUNCTION "note_nudge_input_change"();
CREATE TRIGGER "Task_nudge_input" AFTER INSERT OR UPDATE ON "Task"
  FOR EACH ROW EXECUTE FUNCTION "note_nudge_input_change"();
CREATE TRIGGER "PressRelease_nudge_input" AFTER INSERT OR UPDATE ON "PressRelease"
  FOR EACH ROW EXECUTE FUNCTION "note_nudge_input_change"();
CREATE TRIGGER "SocialDraft_nudge_input" AFTER INSERT OR UPDATE ON "SocialDraft"
  FOR EACH ROW EXECUTE FUNCTION "note_nudge_input_change"();
CREATE TRIGGER "Workspace_nudge_input" AFTER INSERT OR UPDATE ON "Workspace"
  FOR EACH ROW EXECUTE FUNCTION "note_nudge_input_change"();
