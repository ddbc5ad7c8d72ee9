import type { WebClient } from '@slack/web-api';
import { timezoneOf } from '../../core/people.js';
import { loadWorkspace, loadWorkspaceFresh } from '../../core/team.js';
import type { Deps } from '../../deps.js';
import { digestDue } from '../../domain/digest-schedule.js';
import { sendDm } from '../../slack/dm.js';
import { gatherDigest } from './service.js';
import { digestMessage } from './views.js';

/** Turns a person's daily personal digest on or off. */
export async function setPersonalDigest(
  deps: Deps,
  teamId: string,
  userId: string,
  on: boolean,
): Promise<void> {
  await loadWorkspace(deps, teamId);
  await deps.db.prisma.member.upsert({
    where: { teamId_userId: { teamId, userId } },
    create: { teamId, userId, personalDigest: on },
    update: { personalDigest: on },
  });
}

/**
 * Personal digests: at the workspace's digest time in each person's own zone. Sent once per
 * local day, through the nudge ledger's unique key (kind personal_digest, window = that day).
 */
export async function runPersonalDigests(deps: Deps, client: WebClient): Promise<number> {
  const members = await deps.db.prisma.member.findMany({ where: { personalDigest: true } });
  let sent = 0;
  for (const member of members) {
    try {
      const workspace = await loadWorkspaceFresh(deps, member.teamId);
      const now = deps.clock.now();
      const zone = await timezoneOf(deps, client, member.teamId, member.userId, workspace.timezone);
      const due = digestDue({
        now,
        timezone: zone,
        digestTime: workspace.digestTime,
        graceMinutes: workspace.digestGraceMinutes,
      });
      if (due.kind !== 'due') continue;
      const key = {
        teamId: member.teamId,
        kind: 'personal_digest',
        recipientId: member.userId,
        itemType: 'member',
        itemId: member.userId,
        window: due.localDate,
      };
      const { count } = await deps.db.prisma.nudgeSent.createMany({
        data: [{ ...key, notBefore: now, sentAt: now }],
        skipDuplicates: true,
      });
      if (count !== 1) continue;
      const data = await gatherDigest(deps, member.teamId, now, {
        userId: member.userId,
        discipline: member.discipline,
      });
      const message = digestMessage({ ...data, title: 'Your Tandem digest' }, { now, timezone: zone });
      if (await sendDm(client, deps.logger, member.userId, message)) sent++;
      else await deps.db.prisma.nudgeSent.deleteMany({ where: key });
    } catch (error) {
      deps.logger.error(
        { err: error, teamId: member.teamId, userId: member.userId },
        'personal digest failed',
      );
    }
  }
  return sent;
}
