import type { Deps } from '../../deps.js';
import { type NetChange, netOwnershipChanges } from '../../domain/digest/net-ownership.js';
import type { Initiative, OwnershipEvent, Prisma, Task } from '../../generated/prisma/client.js';
import { type ChannelScope, initiativesIn } from './channel-scope.js';

/** A day's ownership changes are a few dozen; beyond this the digest nets what it read. */
const MAX_NETTED_EVENTS = 2_000;

/**
 * One ownership change as the digest reads it, with the task's or the initiative's title. A
 * task's initiative is there only when the reader may see it: someone may own a task in an
 * initiative of a channel they are not in.
 */
export type DigestOwnershipStep = OwnershipEvent & {
  itemId: string;
  initiative: Initiative | null;
  task: (Task & { initiative: Initiative | null }) | null;
};

/** The window's ownership changes the reader may see, netted per item. */
export async function netOwnership(
  deps: Deps,
  eventWhere: Prisma.OwnershipEventWhereInput,
  scope: ChannelScope,
  shown: number,
): Promise<{ items: Array<NetChange<DigestOwnershipStep>>; total: number }> {
  const { prisma } = deps.db;
  const events = await prisma.ownershipEvent.findMany({
    where: eventWhere,
    include: { initiative: true, task: { include: { initiative: true } } },
    orderBy: { id: 'asc' },
    take: MAX_NETTED_EVENTS,
  });
  const net = netOwnershipChanges(events.map((e) => ({ ...e, itemId: e.taskId ?? e.initiativeId ?? '' })));
  const homes = [...new Set(net.flatMap((n) => (n.last.task ? [n.last.task.initiativeId] : [])))];
  const visible = new Set(
    homes.length === 0
      ? []
      : (
          await prisma.initiative.findMany({
            where: { AND: [{ id: { in: homes } }, initiativesIn(scope)] },
            select: { id: true },
          })
        ).map((i) => i.id),
  );
  const items = net.slice(0, shown).map((n) => {
    const { task } = n.last;
    if (!task || visible.has(task.initiativeId)) return n;
    return { ...n, last: { ...n.last, task: { ...task, initiative: null } } };
  });
  return { items, total: net.length };
}
