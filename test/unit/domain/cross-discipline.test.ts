import { describe, expect, it } from 'vitest';
import {
  type Claimant,
  crossDisciplineHint,
  foreignDiscipline,
} from '../../../src/domain/tasks/cross-discipline.js';

const person = (over: Partial<Claimant> = {}): Claimant => ({
  discipline: null,
  prLead: false,
  socialLead: false,
  ...over,
});

describe('foreignDiscipline', () => {
  it('names the task’s discipline when the claimant works elsewhere', () => {
    expect(foreignDiscipline('social', person({ discipline: 'marketing' }))).toBe('social');
    expect(foreignDiscipline('pr', person({ discipline: 'social' }))).toBe('pr');
  });

  it('stays quiet on home ground', () => {
    expect(foreignDiscipline('social', person({ discipline: 'social' }))).toBeNull();
  });

  it('stays quiet for joint work and for people with no known discipline', () => {
    expect(foreignDiscipline(null, person({ discipline: 'marketing' }))).toBeNull();
    expect(foreignDiscipline('social', person())).toBeNull();
  });

  it('treats the leads of a discipline as at home in it, whatever they set for themselves', () => {
    expect(foreignDiscipline('social', person({ discipline: 'marketing', socialLead: true }))).toBeNull();
    expect(foreignDiscipline('pr', person({ prLead: true }))).toBeNull();
    // A PR lead with no discipline of their own is still PR, so a social task is foreign.
    expect(foreignDiscipline('social', person({ prLead: true }))).toBe('social');
  });
});

describe('crossDisciplineHint', () => {
  it('says the claim stands and who will see it', () => {
    expect(crossDisciplineHint('social')).toBe(
      'This is a Social task — claimed anyway; the social leads will see it in the digest.',
    );
    expect(crossDisciplineHint('pr')).toContain('the pr leads');
    expect(crossDisciplineHint('marketing')).toContain('This is a Marketing task');
  });
});
