import { describe, expect, it } from 'vitest';
import {
  type DigestRunFacts,
  digestProblem,
  explainDigestFailure,
  explainDmRefusal,
  plainReason,
} from '../../../src/domain/status/delivery-problems.js';

describe('explainDigestFailure', () => {
  it('names an archived digest channel and says how to pick another', () => {
    expect(explainDigestFailure('is_archived', '<#C1>')).toEqual({
      problem: 'The digest channel <#C1> is archived.',
      fix: 'Pick another with `/tandem set digest-channel #channel`.',
    });
  });

  it('offers an invitation when Tandem is not in the channel', () => {
    const { problem, fix } = explainDigestFailure('not_in_channel', '<#C1>');
    expect(problem).toBe('Tandem is not a member of the digest channel <#C1>.');
    expect(fix).toContain('`/invite @Tandem`');
    expect(fix).toContain('/tandem set digest-channel');
  });

  it.each(['token_revoked', 'invalid_auth', 'account_inactive', 'not_authed'])(
    'sends %s to a reinstall',
    (reason) => {
      expect(explainDigestFailure(reason, '<#C1>').fix).toBe('Reinstall Tandem in this workspace.');
    },
  );

  it('reads without a channel when none was set', () => {
    expect(explainDigestFailure('channel_not_found', null).problem).toBe(
      'The digest channel no longer exists, or Tandem cannot see it.',
    );
  });

  it('quotes an error it does not know, without anything that could break the message', () => {
    const { problem, fix } = explainDigestFailure('An HTTP protocol error occurred: statusCode = 500', null);
    expect(problem).toBe(
      'Slack or the network failed (`An HTTP protocol error occurred: statusCode = 500`).',
    );
    expect(fix).toContain('`/digest now`');
    expect(explainDigestFailure('<!channel> `x` *y*', null).problem).toBe(
      'Slack or the network failed (`channel x y`).',
    );
    expect(plainReason('<!channel> & `x`')).toBe('channel x');
  });
});

describe('plainReason', () => {
  it('keeps Slack codes as they are and shortens long errors', () => {
    expect(plainReason('user_not_found')).toBe('user_not_found');
    expect(plainReason('x'.repeat(200))).toHaveLength(80);
    expect(plainReason('<>')).toBe('no reason given');
  });
});

describe('explainDmRefusal', () => {
  it.each([
    ['cannot_dm_bot', 'is a bot, and bots cannot receive direct messages'],
    ['user_disabled', 'has been deactivated'],
    ['account_inactive', 'has been deactivated'],
    ['user_not_found', 'is not someone Slack knows in this workspace'],
    ['user_not_visible', 'is hidden from Tandem by Slack'],
    ['weird_code', 'cannot receive Tandem’s direct messages (`weird_code`)'],
    [null, 'cannot receive Tandem’s direct messages'],
  ])('%s → %s', (refusal, words) => {
    expect(explainDmRefusal(refusal)).toBe(words);
  });
});

describe('digestProblem', () => {
  const day = (over: Partial<DigestRunFacts>): DigestRunFacts => ({
    localDate: '2026-11-20',
    status: 'failed',
    channel: 'C1',
    lastError: 'is_archived',
    ...over,
  });

  it('is nothing without a day, or for a day posted, skipped or being posted', () => {
    expect(digestProblem(null, 'C1')).toBeNull();
    for (const status of ['sent', 'skipped', 'sending'] as const)
      expect(digestProblem(day({ status }), 'C1')).toBeNull();
  });

  it('tells a day given up from one still retrying', () => {
    expect(digestProblem(day({}), 'C1')).toBe('given-up');
    expect(digestProblem(day({ status: 'retrying' }), 'C1')).toBe('retrying');
  });

  it('takes a day given up in a channel no longer chosen as fixed since', () => {
    expect(digestProblem(day({}), 'C2')).toBe('fixed-since');
    // No channel recorded (given up before Tandem kept it), or none set now: still a problem.
    expect(digestProblem(day({ channel: null }), 'C2')).toBe('given-up');
    expect(digestProblem(day({}), null)).toBe('given-up');
  });
});
