import { describe, expect, it } from 'vitest';
import { type FirstRunFacts, firstRunChecklist } from '../../../src/domain/setup/first-run.js';

const fresh: FirstRunFacts = {
  prLeads: [],
  socialLeads: [],
  digestChannel: null,
  hasInitiative: false,
  inAChannel: false,
};
const doneSteps = (facts: FirstRunFacts) =>
  firstRunChecklist(facts)
    ?.filter((i) => i.done)
    .map((i) => i.step);

describe('firstRunChecklist', () => {
  it('lists every step, in order, unticked for a fresh workspace', () => {
    expect(firstRunChecklist(fresh)).toEqual([
      { step: 'leads', done: false },
      { step: 'digest-channel', done: false },
      { step: 'initiative', done: false },
      { step: 'channel', done: false },
    ]);
  });

  it('ticks leads when either discipline has one', () => {
    expect(doneSteps({ ...fresh, prLeads: ['UANA'] })).toEqual(['leads']);
    expect(doneSteps({ ...fresh, socialLeads: ['UCAM'] })).toEqual(['leads']);
  });

  it('ticks each other step from its own fact only', () => {
    expect(doneSteps({ ...fresh, digestChannel: 'CDIGEST' })).toEqual(['digest-channel']);
    expect(doneSteps({ ...fresh, hasInitiative: true })).toEqual(['initiative']);
    expect(doneSteps({ ...fresh, inAChannel: true })).toEqual(['channel']);
  });

  it('is gone once everything is done, and comes back if the leads are cleared', () => {
    const all = { ...fresh, prLeads: ['UANA'], digestChannel: 'C1', hasInitiative: true, inAChannel: true };
    expect(firstRunChecklist(all)).toBeNull();
    expect(doneSteps({ ...all, prLeads: [] })).toEqual(['digest-channel', 'initiative', 'channel']);
  });
});
