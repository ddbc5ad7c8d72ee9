import type { DigestOwnershipStep } from '../../core/stores/digest-ownership.js';
import type { NetChange } from '../../domain/digest/net-ownership.js';
import { formatTaskRef } from '../../domain/tasks/task-ref.js';
import type { Initiative } from '../../generated/prisma/client.js';
import { escapeText, inlineCode, userMention } from '../../slack/mrkdwn.js';

const who = (userId: string | null) => (userId ? userMention(userId) : 'nobody');

function handsLine(change: NetChange<DigestOwnershipStep>, ask: string): string {
  const between = change.steps - 1;
  const steps =
    between > 0 ? `, ${between} step${between === 1 ? '' : 's'} in between (${inlineCode(ask)})` : '';
  return `${who(change.from)} → ${who(change.to)}${steps}`;
}

/**
 * The digest's ownership changes, net and grouped under their initiative: "• #1 Launch — nobody
 * → @ana" and beneath it "◦ T1 Brief the agency — nobody → @ben, 2 steps in between". The steps
 * themselves are one `/tandem who-owns` away.
 */
export function ownershipLines(changes: ReadonlyArray<NetChange<DigestOwnershipStep>>): string[] {
  const groups = new Map<string, { initiative: Initiative | null; own?: string; tasks: string[] }>();
  for (const change of changes) {
    const { task, initiative } = change.last;
    const home = task?.initiative ?? initiative;
    const key = home?.id ?? '';
    const group = groups.get(key) ?? { initiative: home, tasks: [] };
    if (task) {
      const ref = formatTaskRef(task.number);
      group.tasks.push(
        `    ◦ *${ref}* ${escapeText(task.title)} — ${handsLine(change, `/tandem who-owns ${ref}`)}`,
      );
    } else if (initiative) {
      group.own = handsLine(change, `/tandem who-owns ${initiative.number}`);
    }
    groups.set(key, group);
  }
  return [...groups.values()].flatMap(({ initiative, own, tasks }) => [
    initiative
      ? `• *#${initiative.number}* ${escapeText(initiative.title)}${own ? ` — ${own}` : ''}`
      : '• Other work',
    ...tasks,
  ]);
}
