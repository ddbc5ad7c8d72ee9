import type { WebClient } from '@slack/web-api';
import type { TeamClients } from '../../core/installations/team-clients.js';
import { abandonRetries, claimDigest, markSent, markSkipped } from '../../core/stores/digest-runs.js';
import { workspacesWithDigest } from '../../core/stores/workspaces.js';
import type { Deps } from '../../deps.js';
import { digestDue } from '../../domain/digest/digest-schedule.js';
import { findPosted, postOnce } from '../../slack/post-once.js';
import { channelReading, gatherDigest } from './service.js';
import { type DigestWorkspace, digestNotDelivered } from './undelivered.js';
import { digestMessage } from './views.js';

export type DigestOutcome =
  | 'sent'
  | 'skipped'
  | 'not-due'
  | 'already-done'
  | 'no-channel'
  | 'not-installed'
  | 'failed';

/**
 * One workspace's digest for the current minute: computed from the database and the clock only,
 * so a restart loses nothing and a second replica finds the day already claimed.
 */
export async function runWorkspaceDigest(
  deps: Deps,
  client: WebClient,
  workspace: DigestWorkspace & { timezone: string; digestTime: string; digestGraceMinutes: number },
): Promise<DigestOutcome> {
  if (!workspace.digestChannel) return 'no-channel';
  const now = deps.clock.now();
  const due = digestDue({
    now,
    timezone: workspace.timezone,
    digestTime: workspace.digestTime,
    graceMinutes: workspace.digestGraceMinutes,
  });
  if (due.kind === 'not-yet') return 'not-due';
  if (due.kind === 'missed') {
    const marked = await markSkipped(deps, workspace.teamId, due.localDate, due.scheduledFor);
    // Retries still waiting when the grace window closed will not be made.
    if (!marked) await abandonRetries(deps, workspace.teamId, due.localDate);
    return marked ? 'skipped' : 'already-done';
  }
  const claim = await claimDigest(deps, workspace.teamId, due.localDate, due.scheduledFor);
  if (claim.kind === 'done') return 'already-done';
  const channel = workspace.digestChannel;
  const key = { type: 'tandem_digest', teamId: workspace.teamId, key: due.localDate };
  try {
    if (claim.takenOver) {
      // The process that claimed the day died; it may have posted before it could say so. A
      // digest goes out once a day, so the last day of the channel holds it if anything does.
      const earlier = await findPosted(client, channel, key, new Date(Date.now() - DAY_MS));
      if (earlier) {
        await markSent(deps, workspace.teamId, due.localDate, channel, earlier.ts);
        return 'already-done';
      }
    }
    const reader = channelReading(deps, client, workspace.teamId, channel);
    const data = await gatherDigest(deps, workspace.teamId, now, reader);
    const message = digestMessage(data, { now, timezone: workspace.timezone });
    const posted = await postOnce(client, deps.logger, { channel, ...message }, key);
    await markSent(deps, workspace.teamId, due.localDate, channel, posted.ts);
    return 'sent';
  } catch (error) {
    await digestNotDelivered(deps, client, workspace, due.localDate, error);
    return 'failed';
  }
}

/** How many workspaces are handled at once: one slow workspace (429s) must not hold up the rest. */
export const DIGEST_CONCURRENCY = 8;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Slack accepts about one message per second per channel. */
export const CHANNEL_SPACING_MS = 1_000;

/**
 * Every workspace whose digest is due, eight channels at a time. Workspaces that share a channel
 * (Slack Connect, Enterprise Grid) go one after another with a second between posts: the Web API
 * client answers a 429 by pausing its whole queue, so one busy channel would stall every other.
 */
export async function runDueDigests(
  deps: Deps,
  clients: TeamClients,
): Promise<Record<DigestOutcome, number>> {
  const workspaces = await workspacesWithDigest(deps);
  const byChannel = new Map<string, typeof workspaces>();
  for (const w of workspaces) {
    const key = w.digestChannel ?? '';
    byChannel.set(key, [...(byChannel.get(key) ?? []), w]);
  }
  const channels = [...byChannel.entries()].map(([channel, queue]) => ({
    channel,
    queue,
    readyAt: 0,
    busy: false,
  }));
  const counts: Record<DigestOutcome, number> = {
    sent: 0,
    skipped: 0,
    'not-due': 0,
    'already-done': 0,
    'no-channel': 0,
    'not-installed': 0,
    failed: 0,
  };
  // Each worker takes the next workspace whose channel may post now, so a channel waiting out its
  // second never holds a worker while other channels have digests ready.
  const worker = async () => {
    for (;;) {
      const pending = channels.filter((c) => c.queue.length > 0);
      if (pending.length === 0) return;
      const now = Date.now();
      const ready = pending.find((c) => !c.busy && c.readyAt <= now);
      if (!ready) {
        const soonest = Math.min(...pending.filter((c) => !c.busy).map((c) => c.readyAt), now + 50);
        await new Promise((resolve) => setTimeout(resolve, Math.max(10, soonest - now)));
        continue;
      }
      const workspace = ready.queue.shift();
      if (!workspace) continue;
      ready.busy = true;
      try {
        const client = await clients.forTeam(workspace.teamId);
        const outcome = client ? await runWorkspaceDigest(deps, client, workspace) : 'not-installed';
        if (outcome === 'sent' || outcome === 'failed') ready.readyAt = Date.now() + CHANNEL_SPACING_MS;
        counts[outcome]++;
      } catch (error) {
        // One workspace's broken settings or a database hiccup must not stop everyone else's digest.
        deps.logger.error({ err: error, teamId: workspace.teamId }, 'digest run failed for a workspace');
        counts.failed++;
      } finally {
        ready.busy = false;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(DIGEST_CONCURRENCY, workspaces.length) }, worker));
  return counts;
}
