import type { WebClient } from '@slack/web-api';
import { timezoneOf } from '../../core/people.js';
import type { WorkspaceSettings } from '../../core/settings.js';
import { type NudgeKind, recordNudges } from '../../core/stores/nudges.js';
import { findTrendById } from '../../core/stores/trends.js';
import { loadWorkspaceFresh } from '../../core/team.js';
import { calendarDateFromDb } from '../../db/calendar-dates.js';
import type { Deps } from '../../deps.js';
import { todayIn } from '../../domain/calendar-date.js';
import { windowFor } from '../../domain/deadline-windows.js';
import { nextAllowedInstant } from '../../domain/quiet-hours.js';
import type { NudgeSent } from '../../generated/prisma/client.js';
import type { SlackMessage } from '../../slack/blocks.js';
import { sendDm } from '../../slack/dm.js';
import { embargoNudgeMessage } from './embargo.js';
import { planNudges } from './plan.js';
import { type NudgeItem, nudgeMessage, sharedTrendMessage } from './views.js';

const keyOf = (n: { kind: string; recipientId: string; itemType: string; itemId: string; window: string }) =>
  `${n.kind}|${n.recipientId}|${n.itemType}|${n.itemId}|${n.window}`;

/**
 * Plans, records and delivers one workspace's nudges. Recording is keyed, so planning every minute
 * adds nothing twice; delivery claims each row before sending it.
 */
export async function runWorkspaceNudges(deps: Deps, client: WebClient, teamId: string): Promise<number> {
  const workspace = await loadWorkspaceFresh(deps, teamId);
  const now = deps.clock.now();
  const planned = await planNudges(deps, teamId);
  if (planned.length > 0) {
    const existing = await deps.db.prisma.nudgeSent.findMany({
      where: { teamId, itemId: { in: [...new Set(planned.map((p) => p.itemId))] } },
      select: { kind: true, recipientId: true, itemType: true, itemId: true, window: true },
    });
    const seen = new Set(existing.map(keyOf));
    const fresh = planned.filter((p) => !seen.has(keyOf(p)));
    await recordNudges(
      deps,
      teamId,
      fresh.map((p) => ({ ...p, notBefore: now })),
    );
  }
  const due = await deps.db.prisma.nudgeSent.findMany({
    where: { teamId, sentAt: null, notBefore: { lte: now } },
    take: 200,
  });
  let sent = 0;
  for (const nudge of due) if (await deliver(deps, client, workspace, nudge)) sent++;
  return sent;
}

async function loadItem(deps: Deps, nudge: NudgeSent): Promise<NudgeItem | null> {
  if (nudge.itemType === 'task') {
    const task = await deps.db.prisma.task.findFirst({
      where: { id: nudge.itemId, teamId: nudge.teamId },
      include: { initiative: true },
    });
    return task ? { type: 'task', task } : null;
  }
  const initiative = await deps.db.prisma.initiative.findFirst({
    where: { id: nudge.itemId, teamId: nudge.teamId },
  });
  return initiative ? { type: 'initiative', initiative } : null;
}

/** Whether the nudge still makes sense now (the item may have been finished or claimed since). */
function stillRelevant(nudge: NudgeSent, item: NudgeItem): boolean {
  const done =
    item.type === 'task'
      ? item.task.status === 'done'
      : item.initiative.status === 'done' || item.initiative.status === 'cancelled';
  if (done) return false;
  if (nudge.kind === 'unowned') return item.type === 'initiative' && item.initiative.ownerId === null;
  if (nudge.kind === 'trend_unclaimed') return item.type === 'task' && item.task.assigneeId === null;
  return true;
}

async function deliver(
  deps: Deps,
  client: WebClient,
  workspace: WorkspaceSettings,
  nudge: NudgeSent,
): Promise<boolean> {
  const now = deps.clock.now();
  // Quiet hours are the recipient's own, checked when the nudge is about to go: whatever planned
  // it (deadlines, trends), a nudge due at night waits for their morning.
  const zone = await timezoneOf(deps, client, workspace.teamId, nudge.recipientId, workspace.timezone);
  const allowed = nextAllowedInstant(now, zone, workspace.quietHours);
  if (allowed.getTime() > now.getTime()) {
    await deps.db.prisma.nudgeSent.updateMany({
      where: { id: nudge.id, sentAt: null },
      data: { notBefore: allowed },
    });
    return false;
  }
  // Claim it first: another replica (or the next tick) finds it taken.
  const { count } = await deps.db.prisma.nudgeSent.updateMany({
    where: { id: nudge.id, sentAt: null },
    data: { sentAt: now },
  });
  if (count !== 1) return false;
  if (nudge.itemType === 'release') {
    const embargo = await embargoNudgeMessage(deps, nudge.teamId, nudge.itemId);
    return embargo ? sendOrRelease(deps, client, nudge, embargo) : false;
  }
  const item = await loadItem(deps, nudge);
  if (!item || !stillRelevant(nudge, item)) return false;
  const due = item.type === 'task' ? item.task.dueDate : item.initiative.dueDate;
  const today = todayIn({ now, timezone: workspace.timezone });
  const label =
    due && today ? (windowFor(calendarDateFromDb(due), today, workspace.nudgeWindows)?.label ?? null) : null;
  let message = nudgeMessage(nudge.kind as Exclude<NudgeKind, 'embargo'>, item, label);
  if (nudge.kind === 'shared_trend') {
    // The window of a shared-trend nudge is the trend's id.
    const trend = await findTrendById(deps, nudge.teamId, nudge.window);
    if (!trend || item.type !== 'initiative') return false;
    message = sharedTrendMessage(trend, item.initiative);
  }
  return sendOrRelease(deps, client, nudge, message);
}

/** A DM Slack refused is un-claimed, so the next tick tries again. */
async function sendOrRelease(
  deps: Deps,
  client: WebClient,
  nudge: NudgeSent,
  message: SlackMessage,
): Promise<boolean> {
  const delivered = await sendDm(client, deps.logger, nudge.recipientId, message);
  if (!delivered) {
    await deps.db.prisma.nudgeSent.update({ where: { id: nudge.id }, data: { sentAt: null } });
    return false;
  }
  return true;
}

export async function runDueNudges(deps: Deps, client: WebClient): Promise<number> {
  const workspaces = await deps.db.prisma.workspace.findMany({ select: { teamId: true } });
  let sent = 0;
  for (const { teamId } of workspaces) {
    try {
      sent += await runWorkspaceNudges(deps, client, teamId);
    } catch (error) {
      deps.logger.error({ err: error, teamId }, 'nudges failed for a workspace');
    }
  }
  return sent;
}
