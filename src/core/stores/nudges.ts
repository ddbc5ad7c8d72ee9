import type { Deps } from '../../deps.js';

export type NudgeKind =
  | 'deadline'
  | 'deadline_escalation'
  | 'unowned'
  | 'shared_trend'
  | 'trend_unclaimed'
  | 'embargo';
export type ItemType = 'initiative' | 'task' | 'trend' | 'release';

export interface PlannedNudge {
  kind: NudgeKind;
  recipientId: string;
  itemType: ItemType;
  itemId: string;
  window: string;
}

/** Records planned nudges; the unique key drops any already recorded, so each goes out once. */
export async function recordNudges(
  deps: Deps,
  teamId: string,
  nudges: Array<PlannedNudge & { notBefore: Date }>,
): Promise<number> {
  if (nudges.length === 0) return 0;
  const { count } = await deps.db.prisma.nudgeSent.createMany({
    data: nudges.map((n) => ({ teamId, ...n })),
    skipDuplicates: true,
  });
  return count;
}
