// What the Slack stand-in saw during a claims run, for bench/claims-server.ts: calls by method,
// refusals (429) per method per minute, calls that were refused and never made good, and whether
// each task's message, as Slack last showed it, names the owner the database has.
import type { SlackCall } from '../test/harness/fake-slack.js';

export interface CallCounts {
  /** Calls Slack took, by method. */
  ok: Record<string, number>;
  /** Calls Slack refused (429, or a queued fault), by method. */
  refused: Record<string, number>;
}

export function countCalls(calls: readonly SlackCall[]): CallCounts {
  const ok: Record<string, number> = {};
  const refused: Record<string, number> = {};
  for (const call of calls) {
    const into = call.fault ? refused : ok;
    into[call.method] = (into[call.method] ?? 0) + 1;
  }
  return { ok, refused };
}

/** Refusals by method, per minute since `since` (ms since the epoch): `{ method: [minute 0, minute 1, …] }`. */
export function refusalsPerMinute(calls: readonly SlackCall[], since: number): Record<string, number[]> {
  const perMinute: Record<string, number[]> = {};
  for (const call of calls) {
    if (!call.fault || call.at < since) continue;
    const minute = Math.floor((call.at - since) / 60_000);
    const counts = perMinute[call.method] ?? [];
    while (counts.length <= minute) counts.push(0);
    counts[minute] = (counts[minute] ?? 0) + 1;
    perMinute[call.method] = counts;
  }
  return perMinute;
}

/** What a call is about: the message it updates, the person it tells, the channel it posts in. */
function targetOf(call: SlackCall): string {
  const a = call.args;
  switch (call.method) {
    case 'chat.update':
      return `${String(a.channel)}:${String(a.ts)}`;
    case 'chat.postEphemeral':
      return `${String(a.channel)}:${String(a.user)}`;
    case 'views.publish':
    case 'users.info':
      return String(a.user_id ?? a.user);
    default:
      return String(a.channel ?? a.user ?? '');
  }
}

/**
 * Calls dropped, by method: targets whose last call of that method Slack refused, with no later
 * call taken. A call refused and then retried until taken does not count; one given up on does.
 */
export function droppedCalls(calls: readonly SlackCall[]): Record<string, number> {
  const last = new Map<string, SlackCall>();
  for (const call of calls) last.set(`${call.method}|${targetOf(call)}`, call);
  const dropped: Record<string, number> = {};
  for (const call of last.values()) if (call.fault) dropped[call.method] = (dropped[call.method] ?? 0) + 1;
  return dropped;
}

export interface MessageCheck {
  /** Task messages whose last update Slack took names their owner in the database. */
  correct: number;
  total: number;
  /** When Slack took the last update of any of them (ms since the epoch), if any. */
  lastUpdateAt: number | null;
}

/** Compares each task message as Slack last showed it with its owner in the database. */
export function checkMessages(
  calls: readonly SlackCall[],
  tasks: ReadonlyArray<{ channel: string; ts: string; ownerId: string | null }>,
): MessageCheck {
  const shown = new Map<string, SlackCall>();
  for (const call of calls) if (call.method === 'chat.update' && !call.fault) shown.set(targetOf(call), call);
  let correct = 0;
  let lastUpdateAt: number | null = null;
  for (const task of tasks) {
    const update = shown.get(`${task.channel}:${task.ts}`);
    if (update) lastUpdateAt = Math.max(lastUpdateAt ?? 0, update.at);
    const text = String(update?.args.text ?? '');
    const owner = task.ownerId ? `owned by <@${task.ownerId}>` : 'unclaimed';
    if (task.ownerId ? text.includes(owner) : !update || text.includes(owner)) correct++;
  }
  return { correct, total: tasks.length, lastUpdateAt };
}
