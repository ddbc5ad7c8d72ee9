import { describe, expect, it } from 'vitest';
import type { DeliveryProblems } from '../../src/core/delivery/problems.js';
import { deliveryBanner } from '../../src/core/delivery/views.js';
import type { WorkspaceSettings } from '../../src/core/settings.js';
import type { DigestDay } from '../../src/core/stores/delivery-status.js';
import type { StatusReport } from '../../src/features/setup/status.js';
import { statusMessage } from '../../src/features/setup/status-views.js';

const AT = new Date('2026-11-20T09:00:00Z');
const day = (over: Partial<DigestDay> = {}): DigestDay => ({
  localDate: '2026-11-20',
  status: 'failed',
  channel: 'CNEWS',
  sentAt: null,
  attempts: 1,
  nextAttemptAt: null,
  lastError: 'is_archived',
  ...over,
});
const nudge = (recipientId: string, count = 1) => ({
  recipientId,
  refusal: 'user_disabled',
  count,
  lastAt: AT,
});
const NONE: DeliveryProblems = { digest: null, nudges: [] };
const team = { teamId: 'T1', digestChannel: 'CNEWS', digestTime: '09:00', timezone: 'Europe/London' };

const report = (over: Partial<StatusReport> = {}): StatusReport => ({
  team: team as WorkspaceSettings,
  problems: NONE,
  latest: day({ status: 'sent', sentAt: AT }),
  lastSent: day({ status: 'sent', sentAt: AT }),
  queues: { commands: { running: 1, waiting: 0 }, events: { running: 0, waiting: 2 } },
  scheduler: { lastRanAt: AT, lastTick: { at: AT, outcome: 'ran' } },
  ...over,
});
const textOf = (blocks: unknown) => JSON.stringify(blocks);

describe('the App Home banner', () => {
  it('is nothing when nothing needs an admin, a digest still retrying included', () => {
    expect(deliveryBanner(NONE, 'CNEWS')).toEqual([]);
    expect(
      deliveryBanner(
        { digest: { state: 'retrying', day: day({ status: 'retrying' }) }, nudges: [] },
        'CNEWS',
      ),
    ).toEqual([]);
    expect(deliveryBanner({ digest: { state: 'fixed-since', day: day() }, nudges: [] }, 'CNEW2')).toEqual([]);
  });

  it('is one section and one context line, naming at most three people', () => {
    const blocks = deliveryBanner(
      { digest: { state: 'given-up', day: day() }, nudges: ['U1', 'U2', 'U3', 'U4'].map((u) => nudge(u, 2)) },
      'CNEWS',
    );
    expect(blocks.map((b) => b.type)).toEqual(['section', 'context']);
    const text = textOf(blocks);
    expect(text).toContain('The digest channel <#CNEWS> is archived.');
    expect(text).toContain('*8 nudges could not be delivered*');
    expect(text).toContain('<@U1>, <@U2>, <@U3> and 1 more');
    expect(text).not.toContain('<@U4>');
  });
});

describe('the /tandem status reply', () => {
  it('says in one line that nothing is wrong, then the facts', () => {
    const message = statusMessage(report());
    expect(message.text).toBe('Nothing is wrong: the digest and nudges are being delivered.');
    const text = textOf(message.blocks);
    expect(text).toContain('*Last digest:* 2026-11-20: posted <!date^');
    expect(text).toContain(
      'commands 1 in progress, 0 waiting (this one included); events 0 in progress, 2 waiting',
    );
  });

  it('gives a retrying digest its next try, and counts the attempts', () => {
    const retrying = day({ status: 'retrying', attempts: 2, nextAttemptAt: AT, lastError: 'ratelimited' });
    const message = statusMessage(
      report({
        latest: retrying,
        lastSent: day({ localDate: '2026-11-19', status: 'sent', sentAt: AT }),
        problems: { digest: { state: 'retrying', day: retrying }, nudges: [] },
      }),
    );
    expect(message.text).toContain('Tandem has a delivery problem.');
    expect(message.text).toContain(
      '*The digest for 2026-11-20 has not gone out yet.* Slack or the network failed (`ratelimited`).',
    );
    expect(message.text).toContain('(attempt 3 of 5)');
    expect(textOf(message.blocks)).toContain(
      '2026-11-20: not posted yet, refused 2 times so far; the last posted: 2026-11-19: posted <!date^',
    );
  });

  it('says when this process has run no pass, or another replica holds the scheduler', () => {
    expect(
      textOf(statusMessage(report({ scheduler: { lastRanAt: null, lastTick: null } })).blocks),
    ).toContain('none since this process started');
    const skipped = statusMessage(
      report({ scheduler: { lastRanAt: null, lastTick: { at: AT, outcome: 'skipped' } } }),
    );
    expect(textOf(skipped.blocks)).toContain('found another replica running the pass');
  });
});
