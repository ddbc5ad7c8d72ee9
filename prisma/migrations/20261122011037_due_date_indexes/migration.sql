-- CreateIndex
CREATE INDEX "Initiative_teamId_dueDate_number_idx" ON "Initiative"("teamId", "dueDate", "number");

-- CreateIndex
CREATE INDEX "Task_teamId_dueDate_number_idx" ON "Task"("teamId", "dueDate", "number");
