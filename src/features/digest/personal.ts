import type { TeamClients } from '../../core/installations/team-clients.js';
import { timezoneOf } from '../../core/people.js';
import { membersWantingDigest } from '../../core/stores/members.js';
import { claimPersonalDigest, releasePersonalDigest } from '../../core/stores/nudges.js';
import { loadWorkspaceFresh } from '../../core/team.js';
import type { Deps } from '../../deps.js';
import { digestDue } from '../../domain/digest/digest-schedule.js';
import { sendDm } from '../../slack/dm.js';
import { gatherDigest, personReading } from './service.js';
import { digestMessage } from './views.js';

/**
 * Personal digests: at the workspace's digest time in each person's own zone, once per local
 * day, and only what that person may see.
 */
export async function runPersonalDigests(deps: Deps, clients: TeamClients): Promise<number> {
  let sent = 0;
  for (const member of await membersWantingDigest(deps)) {
    const { teamId, userId } = member;
    try {
      const client = await clients.forTeam(teamId);
      if (!client) continue;
      const workspace = await loadWorkspaceFresh(deps, teamId);
      const now = deps.clock.now();
      const zone = await timezoneOf(deps, client, teamId, userId, workspace.timezone);
      const due = digestDue({
        now,
        timezone: zone,
        digestTime: workspace.digestTime,
        graceMinutes: workspace.digestGraceMinutes,
      });
      if (due.kind !== 'due') continue;
      if (!(await claimPersonalDigest(deps, teamId, userId, due.localDate, now))) continue;
      let delivered = false;
      try {
        const reader = personReading({ deps, client, team: workspace, userId });
        const data = await gatherDigest(deps, teamId, now, reader, {
          userId,
          discipline: member.discipline,
        });
        const message = digestMessage({ ...data, title: 'Your Tandem digest' }, { now, timezone: zone });
        const key = { type: 'tandem_personal_digest', teamId, key: `${userId}:${due.localDate}` };
        delivered = await sendDm(client, deps.logger, userId, message, key);
      } finally {
        // Not sent (Slack refused, or could not say what they may see): the next tick tries again.
        if (!delivered) await releasePersonalDigest(deps, teamId, userId, due.localDate);
      }
      if (delivered) sent++;
    } catch (error) {
      deps.logger.error({ err: error, teamId, userId }, 'personal digest failed');
    }
  }
  return sent;
}
