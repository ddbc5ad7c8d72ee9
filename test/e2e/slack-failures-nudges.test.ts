// Nudge DMs when Slack refuses, rate-limits or answers too late, with production's retry policy:
// each nudge ends sent once, dropped with its reason, or waiting for its next try, never sent
// twice (a DM that landed after the client gave up counts as sent) and never tried every tick.
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

const TEAM = 'TNUDGEFLT';
const PAM = 'UPAM00001';
const GONE = 'UGONE0001';
const RITA = 'URITA0001';
const LENA = 'ULENA0001';
const TOM = 'UTOM00001';
const CHANNEL = 'CNUDGEFLT';
const as = (userId: string) => ({ teamId: TEAM, userId, channelId: CHANNEL });

describe.each(BACKENDS)('nudges when Slack fails, on %s', (backend) => {
  let t: RunningTandem;
  let scheduler: Scheduler;
  const dmAttempts = (user: string) =>
    t.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === `D${user}`);
  const nudgeTo = async (user: string) => {
    const rows = await t.db.prisma.nudgeSent.findMany({ where: { teamId: TEAM, recipientId: user } });
    expect(rows).toHaveLength(1);
    return rows[0];
  };
  async function tickAt(iso: string) {
    t.clock.set(iso);
    await scheduler.tick();
  }
  /** A task due in three days, owned by `user`: the one nudge due, as earlier tasks are done. */
  async function taskFor(user: string, title: string, due: string) {
    await t.db.prisma.task.updateMany({ where: { teamId: TEAM }, data: { status: 'done' } });
    await t.command('/task', `add 1 "${title}" social due ${due} <@${user}|x>`, as(PAM));
    t.slack.reset();
  }

  beforeAll(async () => {
    t = await startTandem(backend, { clock: new TestClock('2026-11-23T12:00:00Z'), ...PRODUCTION_FAULTS });
    scheduler = startScheduler(t.deps, t.app.app.client, { cron: false });
    for (const id of [PAM, GONE, RITA, LENA, TOM]) t.slack.setUser({ id, teamId: TEAM, tz: 'Europe/London' });
    await t.command('/initiative', `add "Launch" press_release <@${PAM}|pam> <#${CHANNEL}|launch>`, as(PAM));
  });
  afterAll(async () => {
    await scheduler?.stop();
    await t?.stop();
  });
  beforeEach(() => t.slack.reset());

  it('user_not_found when opening the DM: dropped for good as undeliverable, not tried again', async () => {
    t.clock.set('2026-11-23T12:00:00Z');
    await taskFor(GONE, 'Archive old posts', '2026-11-26');
    t.slack.failNext('conversations.open', { error: 'user_not_found' });
    await tickAt('2026-11-23T12:00:00Z');
    await tickAt('2026-11-23T12:10:00Z');
    await tickAt('2026-11-23T13:00:00Z');
    expect(t.slack.callsTo('conversations.open').filter((c) => c.args.users === GONE)).toHaveLength(1);
    expect(dmAttempts(GONE)).toHaveLength(0);
    const nudge = await nudgeTo(GONE);
    expect(nudge?.skipped).toBe('undeliverable');
    expect(nudge?.sentAt).not.toBeNull();
  });

  it('429 once: the client waits out Retry-After and the DM goes once', async () => {
    t.clock.set('2026-11-24T12:00:00Z');
    await taskFor(RITA, 'Reply to comments', '2026-11-27');
    t.slack.failNext('chat.postMessage', RATE_LIMITED);
    await tickAt('2026-11-24T12:00:00Z');
    const attempts = dmAttempts(RITA);
    expect(attempts.map((c) => Boolean(c.fault))).toEqual([true, false]);
    expect(textOf(attempts[1])).toContain('Reply to comments');
    const nudge = await nudgeTo(RITA);
    expect(nudge?.skipped).toBeNull();
    expect(nudge?.sentAt).not.toBeNull();
    await tickAt('2026-11-24T12:30:00Z');
    expect(accepted(dmAttempts(RITA))).toHaveLength(1);
  });

  it('429 past every retry: waits five minutes (no tick-by-tick storm), then goes once', async () => {
    t.clock.set('2026-11-25T12:00:00Z');
    await taskFor(LENA, 'Schedule stories', '2026-11-28');
    t.slack.failNext('chat.postMessage', RATE_LIMITED, EVERY_TRY);
    await tickAt('2026-11-25T12:00:00Z');
    expect(dmAttempts(LENA)).toHaveLength(EVERY_TRY);
    const waiting = await nudgeTo(LENA);
    expect(waiting?.sentAt).toBeNull();
    expect(waiting?.notBefore.toISOString()).toBe('2026-11-25T12:05:00.000Z');
    await tickAt('2026-11-25T12:01:00Z');
    await tickAt('2026-11-25T12:04:00Z');
    expect(dmAttempts(LENA)).toHaveLength(EVERY_TRY);
    await tickAt('2026-11-25T12:05:00Z');
    expect(accepted(dmAttempts(LENA))).toHaveLength(1);
    expect((await nudgeTo(LENA))?.sentAt).not.toBeNull();
  });

  it('a DM that lands after the client timed out counts as sent: not sent again later', async () => {
    t.clock.set('2026-11-26T12:00:00Z');
    await taskFor(TOM, 'Brief the agency', '2026-11-29');
    t.slack.failNext('chat.postMessage', LATE);
    await tickAt('2026-11-26T12:00:00Z');
    await tickAt('2026-11-26T12:05:00Z');
    await tickAt('2026-11-26T12:30:00Z');
    const dms = dmAttempts(TOM);
    expect(dms).toHaveLength(1);
    expect(textOf(dms[0])).toContain('Brief the agency');
    const nudge = await nudgeTo(TOM);
    expect(nudge?.sentAt).not.toBeNull();
    expect(nudge?.skipped).toBeNull();
  });
});
