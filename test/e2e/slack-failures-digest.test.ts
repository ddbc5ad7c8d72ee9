// The daily digest (channel and personal) when Slack refuses, rate-limits or answers too late,
// with production's retry policy: each day is recorded as sent, retrying or given up, the admins
// hear of a give-up, and a post that landed after the client gave up is not posted again.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Scheduler, startScheduler } from '../../src/scheduler/scheduler.js';
import { BACKENDS } from '../support/databases.js';
import {
  accepted,
  EVERY_TRY,
  LATE,
  PRODUCTION_FAULTS,
  RATE_LIMITED,
  textOf,
} from '../support/slack-faults.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';
import { TestClock } from '../support/test-clock.js';

const PAM = 'UPAM00001';
const ADA = 'UADA00001';

describe.each(BACKENDS)('the digest when Slack fails, on %s', (backend) => {
  let t: RunningTandem;
  let scheduler: Scheduler;
  const postsIn = (channel: string) =>
    t.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
  const dmsTo = (user: string) => accepted(postsIn(`D${user}`));
  const run = (teamId: string, localDate: string) =>
    t.db.prisma.digestRun.findUniqueOrThrow({ where: { teamId_localDate: { teamId, localDate } } });
  async function tickAt(iso: string) {
    t.clock.set(iso);
    await scheduler.tick();
  }
  /** Only one workspace has a digest channel at a time, so every post and fault is its own. */
  async function onlyWorkspace(teamId: string, channel: string) {
    await t.db.prisma.workspace.updateMany({ data: { digestChannel: null } });
    await t.db.prisma.workspace.create({
      data: {
        teamId,
        timezone: 'Europe/London',
        digestChannel: channel,
        digestTime: '09:00',
        tandemAdmins: [PAM, ADA],
      },
    });
  }

  beforeAll(async () => {
    t = await startTandem(backend, { clock: new TestClock('2026-11-20T08:00:00Z'), ...PRODUCTION_FAULTS });
    scheduler = startScheduler(t.deps, t.app.app.client, { cron: false });
  });
  afterAll(async () => {
    await scheduler?.stop();
    await t?.stop();
  });
  beforeEach(() => t.slack.reset());

  it('not_in_channel: gives the day up at once, tells each admin how to fix it, once', async () => {
    await onlyWorkspace('TDGREFUSE', 'CDGREFUSE');
    t.slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    await tickAt('2026-11-20T09:00:00Z');
    await tickAt('2026-11-20T09:05:00Z');
    expect(postsIn('CDGREFUSE')).toHaveLength(1);
    expect(await run('TDGREFUSE', '2026-11-20')).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'not_in_channel',
    });
    for (const admin of [PAM, ADA]) {
      const told = dmsTo(admin);
      expect(told).toHaveLength(1);
      expect(textOf(told[0])).toContain('<#CDGREFUSE>');
    }
  });

  it('429 once: the client waits out Retry-After and posts the digest once', async () => {
    await onlyWorkspace('TDGLIMIT1', 'CDGLIMIT1');
    t.slack.failNext('chat.postMessage', RATE_LIMITED);
    await tickAt('2026-11-21T09:00:00Z');
    const posts = postsIn('CDGLIMIT1');
    expect(posts.map((c) => Boolean(c.fault))).toEqual([true, false]);
    expect((posts[1]?.at ?? 0) - (posts[0]?.at ?? 0)).toBeGreaterThanOrEqual(900);
    expect(await run('TDGLIMIT1', '2026-11-21')).toMatchObject({ status: 'sent', attempts: 0 });
    await tickAt('2026-11-21T09:10:00Z');
    expect(accepted(postsIn('CDGLIMIT1'))).toHaveLength(1);
  });

  it('429 past every retry: recorded as retrying with the reason, and posted once a minute later', async () => {
    await onlyWorkspace('TDGLIMIT2', 'CDGLIMIT2');
    t.slack.failNext('chat.postMessage', RATE_LIMITED, EVERY_TRY);
    await tickAt('2026-11-22T09:00:00Z');
    expect(postsIn('CDGLIMIT2')).toHaveLength(EVERY_TRY);
    const waiting = await run('TDGLIMIT2', '2026-11-22');
    expect(waiting).toMatchObject({ status: 'retrying', attempts: 1 });
    expect(waiting.lastError).toMatch(/rate limit/i);
    expect(waiting.nextAttemptAt?.toISOString()).toBe('2026-11-22T09:01:00.000Z');
    await tickAt('2026-11-22T09:00:30Z'); // still waiting: no storm of attempts
    expect(postsIn('CDGLIMIT2')).toHaveLength(EVERY_TRY);
    await tickAt('2026-11-22T09:01:00Z');
    expect(accepted(postsIn('CDGLIMIT2'))).toHaveLength(1);
    expect(await run('TDGLIMIT2', '2026-11-22')).toMatchObject({ status: 'sent' });
    expect(dmsTo(PAM)).toHaveLength(0);
  });

  it('a post that lands after the client timed out is found by its metadata, not posted twice', async () => {
    await onlyWorkspace('TDGSLOW01', 'CDGSLOW01');
    t.slack.failNext('chat.postMessage', LATE);
    await tickAt('2026-11-23T09:00:00Z');
    await tickAt('2026-11-23T09:01:00Z');
    await tickAt('2026-11-23T09:05:00Z');
    expect(postsIn('CDGSLOW01')).toHaveLength(1);
    expect(t.slack.callsTo('conversations.history').length).toBeGreaterThan(0);
    const day = await run('TDGSLOW01', '2026-11-23');
    expect(day).toMatchObject({ status: 'sent', channel: 'CDGSLOW01' });
    expect(day.messageTs).toBeTruthy();
    expect(dmsTo(PAM)).toHaveLength(0);
  });

  it('a personal digest DM that lands after the client timed out is not sent again', async () => {
    await t.db.prisma.workspace.updateMany({ data: { digestChannel: null } });
    const ctx = { teamId: 'TDGPERSON', userId: 'UPERSONAL', channelId: 'CDGPERSON' };
    t.slack.setUser({ id: 'UPERSONAL', teamId: 'TDGPERSON', tz: 'Europe/London' });
    await t.command('/digest', 'me on', ctx);
    t.slack.reset();
    t.slack.failNext('chat.postMessage', LATE);
    await tickAt('2026-11-24T09:00:00Z');
    await tickAt('2026-11-24T09:01:00Z');
    await tickAt('2026-11-24T09:10:00Z');
    const personal = postsIn('DUPERSONAL').filter((c) => textOf(c).includes('Your Tandem digest'));
    expect(personal).toHaveLength(1);
  });

  it('a dropped connection (the post never arrived): retried at once and posted once', async () => {
    await onlyWorkspace('TDGRESET1', 'CDGRESET1');
    t.slack.failNext('chat.postMessage', { reset: true });
    await tickAt('2026-11-26T09:00:00Z');
    expect(postsIn('CDGRESET1').map((c) => Boolean(c.fault))).toEqual([true, false]);
    expect(await run('TDGRESET1', '2026-11-26')).toMatchObject({ status: 'sent', attempts: 0 });
  });
});
