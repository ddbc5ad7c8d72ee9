import type { Deps } from '../../deps.js';
import type { Task } from '../../generated/prisma/client.js';

/** What a task message tells about ownership: who owns the task, and whether it is done. */
export type ShownOwnership = Pick<Task, 'assigneeId' | 'status'>;

/** Enough for every task message a busy process re-renders in a while; the oldest go first. */
const REMEMBERED = 10_000;

// Per app (keyed by its Deps), as Slack last accepted each message from this process. A restart,
// or another replica's render, leaves a message unknown here, which reads as "not shown".
const shownByApp = new WeakMap<Deps, Map<string, ShownOwnership>>();

const keyOf = (teamId: string, channel: string, ts: string) => `${teamId}|${channel}|${ts}`;

/** Records that Slack took a render of the task message showing `shown`. */
export function noteShown(deps: Deps, teamId: string, channel: string, ts: string, shown: ShownOwnership) {
  let shownHere = shownByApp.get(deps);
  if (!shownHere) {
    shownHere = new Map();
    shownByApp.set(deps, shownHere);
  }
  const key = keyOf(teamId, channel, ts);
  // Re-inserted so that the map's order is the order of last render, and the oldest leaves first.
  shownHere.delete(key);
  shownHere.set(key, { assigneeId: shown.assigneeId, status: shown.status });
  if (shownHere.size > REMEMBERED) {
    const oldest = shownHere.keys().next();
    if (!oldest.done) shownHere.delete(oldest.value);
  }
}

/**
 * Whether the task message, as Slack last took it from this process, already tells `outcome`:
 * that the task is done, or who owns it.
 */
export function messageShows(
  deps: Deps,
  teamId: string,
  channel: string,
  ts: string,
  outcome: ShownOwnership,
): boolean {
  const shown = shownByApp.get(deps)?.get(keyOf(teamId, channel, ts));
  if (!shown) return false;
  return outcome.status === 'done' ? shown.status === 'done' : shown.assigneeId === outcome.assigneeId;
}
