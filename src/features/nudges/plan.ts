import { leadsFor, type WorkspaceSettings } from '../../core/settings.js';
import { type ItemType, nudgeCandidates, type PlannedNudge } from '../../core/stores/nudges.js';
import { embargoesLiftingSoon } from '../../core/stores/releases.js';
import { calendarDateFromDb, calendarDateToDb } from '../../db/calendar-dates.js';
import type { Deps } from '../../deps.js';
import { addDays, todayIn } from '../../domain/time/calendar-date.js';
import { escalates, windowFor } from '../../domain/time/deadline-windows.js';
import type { Discipline } from '../../generated/prisma/client.js';

export const UNOWNED_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Which nudges today's state calls for in one workspace: deadline windows for initiatives and
 * tasks (owner, else the leading discipline's leads; overdue ones escalate to both leads after a
 * day), and initiatives left without an owner for a day. Pure reading: recording and delivery
 * are separate, so planning twice changes nothing.
 */
export async function planNudges(
  deps: Deps,
  workspace: WorkspaceSettings,
  now = deps.clock.now(),
): Promise<PlannedNudge[]> {
  const { teamId } = workspace;
  const today = todayIn({ now, timezone: workspace.timezone });
  if (!today) return [];
  const horizon = calendarDateToDb(addDays(today, Math.max(0, ...workspace.nudgeWindows)) ?? today);
  const [{ initiatives, tasks, unowned, lateResponses }, embargoes] = await Promise.all([
    nudgeCandidates(deps, teamId, {
      now,
      horizon,
      unownedSince: new Date(now.getTime() - UNOWNED_AFTER_MS),
    }),
    embargoesLiftingSoon(deps, teamId, now),
  ]);

  const planned: PlannedNudge[] = [];
  const deadline = (
    itemType: ItemType,
    itemId: string,
    ownerId: string | null,
    discipline: Discipline | null,
    due: Date | null,
  ) => {
    if (!due) return;
    const w = windowFor(calendarDateFromDb(due), today, workspace.nudgeWindows);
    if (!w) return;
    const recipients = ownerId ? [ownerId] : leadsFor(workspace, discipline);
    for (const recipientId of recipients)
      planned.push({ kind: 'deadline', recipientId, itemType, itemId, window: w.key });
    if (escalates(w.daysLeft)) {
      for (const recipientId of leadsFor(workspace, null)) {
        planned.push({ kind: 'deadline_escalation', recipientId, itemType, itemId, window: w.key });
      }
    }
  };
  for (const i of initiatives) deadline('initiative', i.id, i.ownerId, i.leadDiscipline, i.dueDate);
  for (const t of tasks) deadline('task', t.id, t.assigneeId, t.discipline, t.dueDate);
  for (const t of lateResponses) {
    for (const recipientId of leadsFor(workspace, null)) {
      planned.push({
        kind: 'trend_unclaimed',
        recipientId,
        itemType: 'task',
        itemId: t.id,
        window: 'respond-by',
      });
    }
  }
  // An embargo lifting within a day with posts still unapproved: the social leads hear once (the
  // release's author if there are none).
  for (const release of embargoes) {
    const recipients = workspace.socialLeads.length > 0 ? workspace.socialLeads : [release.createdBy];
    for (const recipientId of recipients)
      planned.push({ kind: 'embargo', recipientId, itemType: 'release', itemId: release.id, window: '' });
  }
  for (const i of unowned) {
    for (const recipientId of leadsFor(workspace, i.leadDiscipline)) {
      planned.push({ kind: 'unowned', recipientId, itemType: 'initiative', itemId: i.id, window: '' });
    }
  }
  return planned;
}
