/**
 * The first things a team does with Tandem, each ticked from what Tandem already knows. Once all
 * are done the checklist goes; clearing every lead or the digest channel brings it back, as a
 * reminder of what is missing.
 */
export const FIRST_RUN_STEPS = ['leads', 'digest-channel', 'initiative', 'channel'] as const;
export type FirstRunStep = (typeof FIRST_RUN_STEPS)[number];

export interface FirstRunFacts {
  prLeads: readonly string[];
  socialLeads: readonly string[];
  digestChannel: string | null;
  /** The workspace has at least one initiative. */
  hasInitiative: boolean;
  /**
   * Tandem is in at least one channel. Slack only lets it post in (and only sends it reactions
   * from) channels it was invited to, so a task message it posted or a trend logged from a
   * channel proves it.
   */
  inAChannel: boolean;
}

export interface FirstRunItem {
  step: FirstRunStep;
  done: boolean;
}

function isDone(step: FirstRunStep, facts: FirstRunFacts): boolean {
  switch (step) {
    case 'leads':
      return facts.prLeads.length > 0 || facts.socialLeads.length > 0;
    case 'digest-channel':
      return facts.digestChannel !== null;
    case 'initiative':
      return facts.hasInitiative;
    case 'channel':
      return facts.inAChannel;
  }
}

/** The checklist in order with each step ticked or not; null once every step is done. */
export function firstRunChecklist(facts: FirstRunFacts): FirstRunItem[] | null {
  const items = FIRST_RUN_STEPS.map((step) => ({ step, done: isDone(step, facts) }));
  return items.every((i) => i.done) ? null : items;
}
