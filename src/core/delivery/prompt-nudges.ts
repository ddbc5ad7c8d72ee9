import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.js';

/** Delivers a workspace's due nudges; resolves with how many went. */
export type NudgeDelivery = (client: WebClient, teamId: string) => Promise<number>;

const deliveries = new WeakMap<Deps, NudgeDelivery>();

/** The nudges feature says how nudges go out; the features that record them only say when. */
export function provideNudgeDelivery(deps: Deps, deliver: NudgeDelivery): void {
  deliveries.set(deps, deliver);
}

/**
 * Nudges just recorded go out now, in the request that recorded them, rather than at the
 * scheduler's next minute: a lead hears of a shared trend within seconds when it is waking hours
 * for them. Quiet hours, who may see the item and the once-only claim are the delivery's own, so
 * the scheduler stays the backstop for whatever this leaves (night-time, a failed DM).
 */
export async function deliverRecordedNudges(deps: Deps, client: WebClient, teamId: string): Promise<void> {
  const deliver = deliveries.get(deps);
  if (!deliver) return;
  try {
    await deliver(client, teamId);
  } catch (error) {
    deps.logger.warn({ err: error, teamId }, 'nudges not delivered at once; the scheduler will');
  }
}
