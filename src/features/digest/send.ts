import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.js';
import { digestDue } from '../../domain/digest-schedule.js';
import { claimDigest, markSent, markSkipped, releaseClaim } from './runs.js';
import { gatherDigest } from './service.js';
import { digestMessage } from './views.js';

export type DigestOutcome = 'sent' | 'skipped' | 'not-due' | 'already-done' | 'no-channel' | 'failed';

/**
 * One workspace's digest for the current minute: computed from the database and the clock only,
 * so a restart loses nothing and a second replica finds the day already claimed.
 */
export async function runWorkspaceDigest(
  deps: Deps,
  client: WebClient,
  workspace: {
    teamId: string;
    timezone: string;
    digestTime: string;
    digestGraceMinutes: number;
    digestChannel: string | null;
  },
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
    const existing = await deps.db.prisma.digestRun.findUnique({
      where: { teamId_localDate: { teamId: workspace.teamId, localDate: due.localDate } },
    });
    if (existing) return 'already-done';
    await markSkipped(deps, workspace.teamId, due.localDate, due.scheduledFor);
    return 'skipped';
  }
  const claim = await claimDigest(deps, workspace.teamId, due.localDate, due.scheduledFor);
  if (claim.kind === 'done') return 'already-done';
  try {
    const data = await gatherDigest(deps, workspace.teamId, now);
    const message = digestMessage(data, { now, timezone: workspace.timezone });
    const posted = await client.chat.postMessage({ channel: workspace.digestChannel, ...message });
    await markSent(deps, workspace.teamId, due.localDate, workspace.digestChannel, posted.ts);
    return 'sent';
  } catch (error) {
    deps.logger.warn(
      { err: error, teamId: workspace.teamId, day: due.localDate },
      'digest not sent; the next tick retries',
    );
    await releaseClaim(deps, workspace.teamId, due.localDate);
    return 'failed';
  }
}

/** How many workspaces are handled at once: one slow workspace (429s) must not hold up the rest. */
export const DIGEST_CONCURRENCY = 8;

export async function runDueDigests(deps: Deps, client: WebClient): Promise<Record<DigestOutcome, number>> {
  const workspaces = await deps.db.prisma.workspace.findMany({
    where: { digestChannel: { not: null } },
    select: { teamId: true, timezone: true, digestTime: true, digestGraceMinutes: true, digestChannel: true },
  });
  const counts: Record<DigestOutcome, number> = {
    sent: 0,
    skipped: 0,
    'not-due': 0,
    'already-done': 0,
    'no-channel': 0,
    failed: 0,
  };
  let next = 0;
  const worker = async () => {
    while (next < workspaces.length) {
      const workspace = workspaces[next++];
      if (!workspace) continue;
      try {
        counts[await runWorkspaceDigest(deps, client, workspace)]++;
      } catch (error) {
        // One workspace's broken settings or a database hiccup must not stop everyone else's digest.
        deps.logger.error({ err: error, teamId: workspace.teamId }, 'digest run failed for a workspace');
        counts.failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(DIGEST_CONCURRENCY, workspaces.length) }, worker));
  return counts;
}
