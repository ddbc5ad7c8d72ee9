import type { WebClient } from '@slack/web-api';
import { timezoneOf } from '../../core/people.js';
import type { WorkspaceSettings } from '../../core/settings.js';
import { findInitiativeById } from '../../core/stores/initiatives.js';
import {
  claimNudge,
  deferNudge,
  dueNudges,
  markUndeliverable,
  type NudgeKind,
  nudgesAbout,
  recordNudges,
  retryNudgeAt,
  type SkipReason,
} from '../../core/stores/nudges.js';
import { embargoesLiftingSoon, releaseById } from '../../core/stores/releases.js';
import { findTaskById } from '../../core/stores/tasks.js';
import { findTrendById } from '../../core/stores/trends.js';
import { loadWorkspaceFresh } from '../../core/team.js';
import {
  initiativeFacts,
  releaseFacts,
  taskFacts,
  trendFacts,
  type Viewer,
} from '../../core/work/request.js';
import { maySee } from '../../core/work/visibility.js';
import { calendarDateFromDb } from '../../db/calendar-dates.js';
import type { Deps } from '../../deps.js';
import { DM_GAVE_UP } from '../../domain/status/delivery-problems.js';
import { todayIn } from '../../domain/time/calendar-date.js';
import { windowFor } from '../../domain/time/deadline-windows.js';
import { nextAllowedInstant } from '../../domain/time/quiet-hours.js';
import type { NudgeSent } from '../../generated/prisma/client.js';
import { metrics } from '../../runtime/metrics.js';
import type { SlackMessage } from '../../slack/blocks.js';
import { tryDm } from '../../slack/dm.js';
import { planNudges } from './plan.js';
import { embargoNudgeMessage, type NudgeItem, nudgeMessage, sharedTrendMessage } from './views.js';

const keyOf = (n: { kind: string; recipientId: string; itemType: string; itemId: string; window: string }) =>
  `${n.kind}|${n.recipientId}|${n.itemType}|${n.itemId}|${n.window}`;

/**
 * Plans and records one workspace's nudges as of `now`. Recording is keyed, so planning again
 * adds nothing twice.
 */
export async function recordPlannedNudges(
  deps: Deps,
  workspace: WorkspaceSettings,
  now: Date,
): Promise<void> {
  const { teamId } = workspace;
  const planned = await planNudges(deps, workspace, now);
  if (planned.length === 0) return;
  const existing = await nudgesAbout(deps, teamId, [...new Set(planned.map((p) => p.itemId))]);
  const seen = new Set(existing.map(keyOf));
  const fresh = planned.filter((p) => !seen.has(keyOf(p)));
  await recordNudges(
    deps,
    teamId,
    fresh.map((p) => ({ ...p, notBefore: now })),
  );
}

/** Plans, records and delivers one workspace's nudges, whatever changed: the way every pass once worked. */
export async function runWorkspaceNudges(deps: Deps, client: WebClient, teamId: string): Promise<number> {
  const workspace = await loadWorkspaceFresh(deps, teamId);
  await recordPlannedNudges(deps, workspace, deps.clock.now());
  return deliverDueNudges(deps, client, workspace);
}

/** A workspace's nudges whose time has come, each claimed before it is sent. */
export async function deliverDueNudges(
  deps: Deps,
  client: WebClient,
  workspace: WorkspaceSettings,
): Promise<number> {
  const { teamId } = workspace;
  let sent = 0;
  for (const nudge of await dueNudges(deps, teamId, deps.clock.now())) {
    try {
      if (await deliver(deps, client, workspace, nudge)) {
        sent++;
        metrics.nudgesSent.inc({ kind: nudge.kind });
      }
    } catch (error) {
      // Slack could not say who may see the item (nothing is claimed then) or the database failed:
      // the rest of the batch still goes, and the next tick tries this one again.
      deps.logger.warn({ err: error, teamId, nudge: String(nudge.id) }, 'nudge not delivered');
    }
  }
  return sent;
}

async function loadItem(deps: Deps, nudge: NudgeSent): Promise<NudgeItem | null> {
  if (nudge.itemType === 'task') {
    const task = await findTaskById(deps, nudge.teamId, nudge.itemId);
    return task ? { type: 'task', task } : null;
  }
  const initiative = await findInitiativeById(deps, nudge.teamId, nudge.itemId);
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

type Composed = { kind: 'send'; message: SlackMessage } | { kind: 'skip'; reason: SkipReason };

const send = (message: SlackMessage): Composed => ({ kind: 'send', message });
const STALE: Composed = { kind: 'skip', reason: 'stale' };
const HIDDEN: Composed = { kind: 'skip', reason: 'hidden' };

/**
 * The DM a nudge becomes, from the state now, for this recipient. A recipient who may not see
 * the item (private-channel work, they not in the channel) gets nothing: a DM would show it.
 */
async function compose(recipient: Viewer, nudge: NudgeSent, now: Date): Promise<Composed> {
  const { deps, team } = recipient;
  if (nudge.itemType === 'release') {
    const release = await releaseById(deps, team.teamId, nudge.itemId);
    const embargoUntil = release?.embargoUntil;
    if (!release || !embargoUntil || embargoUntil.getTime() <= now.getTime()) return STALE;
    const pending = (await embargoesLiftingSoon(deps, team.teamId, now)).find((r) => r.id === release.id);
    if (!pending) return STALE;
    if (!(await maySee(recipient, await releaseFacts(recipient, release)))) return HIDDEN;
    return send(embargoNudgeMessage({ ...release, embargoUntil }, pending.unapproved));
  }
  const item = await loadItem(deps, nudge);
  if (!item || !stillRelevant(nudge, item)) return STALE;
  const facts =
    item.type === 'task'
      ? await taskFacts(recipient, item.task)
      : await initiativeFacts(recipient, item.initiative);
  if (!(await maySee(recipient, facts))) return HIDDEN;
  if (nudge.kind === 'shared_trend') {
    // The window of a shared-trend nudge is the trend's id.
    const trend = await findTrendById(deps, team.teamId, nudge.window);
    if (!trend || item.type !== 'initiative') return STALE;
    if (!(await maySee(recipient, await trendFacts(recipient, trend)))) return HIDDEN;
    return send(sharedTrendMessage(trend, item.initiative));
  }
  const due = item.type === 'task' ? item.task.dueDate : item.initiative.dueDate;
  const today = todayIn({ now, timezone: team.timezone });
  const label =
    due && today ? (windowFor(calendarDateFromDb(due), today, team.nudgeWindows)?.label ?? null) : null;
  return send(nudgeMessage(nudge.kind as Exclude<NudgeKind, 'embargo'>, item, label));
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
    await deferNudge(deps, nudge.id, allowed);
    return false;
  }
  // Composed before the claim: a Slack outage while asking who may see the item leaves the nudge
  // waiting for the next tick rather than claimed and never sent.
  const composed = await compose({ deps, client, team: workspace, userId: nudge.recipientId }, nudge, now);
  // A skipped nudge is claimed too, with its reason, so that no tick tries it again.
  const skipped = composed.kind === 'skip' ? composed.reason : undefined;
  if (!(await claimNudge(deps, nudge.id, now, skipped)) || composed.kind === 'skip') return false;
  const key = { type: 'tandem_nudge', teamId: nudge.teamId, key: String(nudge.id) };
  const dm = await tryDm(client, deps.logger, nudge.recipientId, composed.message, key);
  // A timed-out DM whose landing could not be checked has most likely landed: it stays claimed
  // rather than risk a second copy.
  if (dm.kind === 'sent' || dm.kind === 'unconfirmed') return true;
  if (dm.kind === 'undeliverable') {
    // A deactivated person or a bot never will receive it: dropped for good, with the reason.
    await markUndeliverable(deps, nudge.id, dm.reason);
    return false;
  }
  // Anything else may pass: un-claimed, and tried again later, twice as long each time, rather
  // than every tick; after the last try it is given up, and the admins' status says so.
  const tries = nudge.attempts + 1;
  if (tries >= DM_MAX_TRIES) {
    await markUndeliverable(deps, nudge.id, DM_GAVE_UP);
    return false;
  }
  await retryNudgeAt(deps, nudge.id, new Date(now.getTime() + DM_RETRY_MS * 2 ** (tries - 1)));
  return false;
}

/** The first wait of a DM that failed for a passing reason (an outage, a 5xx); it doubles each try. */
const DM_RETRY_MS = 5 * 60_000;
/** Six tries span about two and a half hours: past that, the nudge's moment has gone. */
const DM_MAX_TRIES = 6;
