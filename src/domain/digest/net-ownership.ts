/** One recorded change of who owns an item, oldest first within the list it comes in. */
export interface OwnershipStep {
  /** The task's id, or the initiative's for a change to the initiative itself. */
  itemId: string;
  fromUserId: string | null;
  toUserId: string | null;
}

export interface NetChange<T extends OwnershipStep> {
  /** The item's latest step, which carries what the item is. */
  last: T;
  from: string | null;
  to: string | null;
  /** Changes recorded for it in the window: 1 when it changed hands once. */
  steps: number;
}

/**
 * What changed hands over a window, net: per item, who owned it before its first change and
 * who owns it after its last, in the order items first changed. Claimed, released and claimed
 * again by someone else is one change; an item that ends where it started is not a change.
 */
export function netOwnershipChanges<T extends OwnershipStep>(steps: readonly T[]): Array<NetChange<T>> {
  const byItem = new Map<string, NetChange<T>>();
  for (const step of steps) {
    const seen = byItem.get(step.itemId);
    if (seen) byItem.set(step.itemId, { ...seen, last: step, to: step.toUserId, steps: seen.steps + 1 });
    else byItem.set(step.itemId, { last: step, from: step.fromUserId, to: step.toUserId, steps: 1 });
  }
  return [...byItem.values()].filter((change) => change.from !== change.to);
}
