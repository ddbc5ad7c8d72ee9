import type { Clock } from '../../clock.js';
import type { Prisma } from '../../generated/prisma/client.js';

/**
 * Appends one ownership change. The time comes from Tandem's clock, not the database's, so the
 * history, the digest's "since yesterday" and tests that move the clock all agree.
 */
export function recordOwnershipChange(
  tx: Prisma.TransactionClient,
  clock: Clock,
  data: Omit<Prisma.OwnershipEventUncheckedCreateInput, 'at' | 'id'>,
) {
  return tx.ownershipEvent.create({ data: { ...data, at: clock.now() } });
}
