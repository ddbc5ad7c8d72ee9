import type { WebClient } from '@slack/web-api';
import { lastGivenUpReason, recordFailedAttempt } from '../../core/stores/digest-runs.js';
import type { Deps } from '../../deps.js';
import { sendDm } from '../../slack/dm.js';
import { platformError } from '../../slack/reply.js';
import { digestUndeliveredMessage } from './views.js';

/** Refusals that waiting cannot change: the channel, the membership or the token must. */
const PERMANENT = new Set([
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'restricted_action',
  'missing_scope',
  'not_authed',
  'invalid_auth',
  'account_inactive',
  'token_revoked',
]);

export interface DigestWorkspace {
  teamId: string;
  digestChannel: string | null;
  tandemAdmins: string[];
  setupBy: string | null;
  installerId: string | null;
}

/** Who is told: the Tandem admins, else whoever set Tandem up or installed it. */
function adminsOf(workspace: DigestWorkspace): string[] {
  if (workspace.tandemAdmins.length > 0) return workspace.tandemAdmins;
  return [...new Set([workspace.setupBy, workspace.installerId].filter((u): u is string => Boolean(u)))];
}

/**
 * A digest Slack refused or that failed: tried again later, twice as long each time, and given up
 * for the day when waiting cannot help or the attempts run out. Giving up tells the admins by DM,
 * once for each new reason: a channel that stays archived is not reported every morning.
 */
export async function digestNotDelivered(
  deps: Deps,
  client: WebClient,
  workspace: DigestWorkspace,
  localDate: string,
  error: unknown,
): Promise<void> {
  const refusal = platformError(error);
  const reason = refusal ?? (error instanceof Error ? error.message : String(error));
  const { teamId } = workspace;
  const outcome = await recordFailedAttempt(deps, teamId, localDate, {
    reason,
    permanent: PERMANENT.has(refusal ?? ''),
    channel: workspace.digestChannel,
  });
  if (outcome.kind === 'retrying') {
    deps.logger.warn(
      {
        err: error,
        teamId,
        day: localDate,
        attempts: outcome.attempts,
        nextAttemptAt: outcome.nextAttemptAt,
      },
      'digest not sent; trying again later',
    );
    return;
  }
  deps.logger.warn({ err: error, teamId, day: localDate, reason }, 'digest given up for the day');
  if ((await lastGivenUpReason(deps, teamId, localDate)) === reason) return;
  const message = digestUndeliveredMessage(workspace.digestChannel ?? '', reason, localDate);
  for (const admin of adminsOf(workspace)) await sendDm(client, deps.logger, admin, message);
}
