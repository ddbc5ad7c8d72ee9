import { describe, expect, it } from 'vitest';
import { finishDraft, releaseSource } from '../../../../src/domain/drafts/finish.js';
import { describeFlag } from '../../../../src/domain/drafts/flag-text.js';
import type { ReleaseInput } from '../../../../src/domain/drafts/types.js';

const RELEASE: ReleaseInput = {
  title: 'Acme Opens Plant',
  body: 'Acme opened a plant in Ohio with 300 jobs.',
  link: 'https://acme.example/plant',
  hashtags: ['Acme'],
  tone: 'neutral',
};

describe('releaseSource', () => {
  it('joins title, body, link and brand hashtags', () => {
    expect(releaseSource(RELEASE)).toBe(
      'Acme Opens Plant\n\nAcme opened a plant in Ohio with 300 jobs.\n\nhttps://acme.example/plant\n\n#Acme',
    );
  });
});

describe('finishDraft', () => {
  it('neutralises mentions, tidies whitespace and flags invented facts', () => {
    const draft = finishDraft(
      RELEASE,
      'x',
      '  <!channel> Acme opened a plant\u0007 with 400 jobs.\r\n\r\n\r\n\r\n<@U123|ann> #Acme  ',
    );
    expect(draft.text).toBe('@\u2060channel Acme opened a plant with 400 jobs.\n\n@\u2060ann #Acme');
    expect(draft.flags).toEqual([
      { kind: 'not-in-release', fact: 'handle', text: '@\u2060channel' },
      { kind: 'not-in-release', fact: 'number', text: '400' },
      { kind: 'not-in-release', fact: 'handle', text: '@\u2060ann' },
    ]);
    expect(draft.network).toBe('x');
  });

  it('shortens to the limit and says so', () => {
    const long = `Acme opened a plant. ${'Acme opened a plant in Ohio with 300 jobs. '.repeat(10)}`;
    const draft = finishDraft(RELEASE, 'bluesky', long);
    expect(draft.flags).toEqual([{ kind: 'shortened', from: expect.any(Number), to: expect.any(Number) }]);
    expect(draft.text.length).toBeLessThanOrEqual(300);
  });
});

describe('describeFlag', () => {
  it.each([
    [{ kind: 'not-in-release', fact: 'percentage', text: '45%' } as const, 'x', '45% is not in the release'],
    [
      { kind: 'not-in-release', fact: 'quote', text: 'We will win' } as const,
      'x',
      '“We will win” is not in the release',
    ],
    [{ kind: 'shortened', from: 312, to: 279 } as const, 'x', "Shortened from 312 to 279 to fit X's 280"],
    [{ kind: 'over-limit', length: 312, limit: 280 } as const, 'x', "Over X's 280 limit (312)"],
    [
      { kind: 'too-many-hashtags', count: 31, max: 30 } as const,
      'instagram',
      '31 hashtags; Instagram allows 30, the rest were dropped',
    ],
    [
      { kind: 'shortened', from: 3120, to: 2990 } as const,
      'linkedin',
      "Shortened from 3,120 to 2,990 to fit LinkedIn's 3,000",
    ],
  ] as const)('describes %j on %s', (flag, network, text) => {
    expect(describeFlag(flag, network)).toBe(text);
  });
});
