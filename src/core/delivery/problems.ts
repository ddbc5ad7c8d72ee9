import type { Deps } from '../../deps.js';
import { digestProblem, RECENT_NUDGE_DAYS } from '../../domain/status/delivery-problems.js';
import type { WorkspaceSettings } from '../settings.js';
import {
  type DigestDay,
  latestDigestDay,
  type UndeliveredNudges,
  undeliveredNudgesSince,
} from '../stores/delivery-status.js';

export interface DigestTrouble {
  /** `fixed-since`: given up in a channel that is no longer the digest channel. */
  state: 'given-up' | 'retrying' | 'fixed-since';
  day: DigestDay;
}

/** What of Tandem's background delivery went wrong lately in one workspace. */
export interface DeliveryProblems {
  digest: DigestTrouble | null;
  nudges: UndeliveredNudges[];
}

/** The latest digest day, judged against the digest channel set now. */
export function digestTrouble(day: DigestDay | null, team: WorkspaceSettings): DigestTrouble | null {
  const state = digestProblem(day, team.digestChannel);
  return day && state ? { state, day } : null;
}

export async function deliveryProblems(
  deps: Deps,
  team: WorkspaceSettings,
  latest?: DigestDay | null,
): Promise<DeliveryProblems> {
  const since = new Date(deps.clock.now().getTime() - RECENT_NUDGE_DAYS * 86_400_000);
  const [day, nudges] = await Promise.all([
    latest === undefined ? latestDigestDay(deps, team.teamId) : latest,
    undeliveredNudgesSince(deps, team.teamId, since),
  ]);
  return { digest: digestTrouble(day, team), nudges };
}

/**
 * Whether something is still wrong that an admin should fix: a digest day given up, or nudges
 * nobody could receive. A digest still being retried may yet go out, so it is not yet one.
 */
export const needsAnAdmin = (problems: DeliveryProblems): boolean =>
  problems.digest?.state === 'given-up' || problems.nudges.length > 0;
