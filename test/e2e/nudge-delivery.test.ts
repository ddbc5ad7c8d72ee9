// A nudge's DM that Slack refuses: dropped for good when the person can never receive it (a bot,
// a deactivated account), tried again a few minutes later when the failure may pass.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Scheduler, startScheduler } from '../../src/scheduler/scheduler.js';
import { BACKENDS } from '../support/databases.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';
import { TestClock } from '../support/test-clock.js';

const TEAM = 'TNUDGEDLV';
const PAM = 'UPAM00001';
const BOT = 'UBOTUSER1';
const MAX = 'UMAX00001';
const CHANNEL = 'CNUDGEDLV';
const as = (userId: string) => ({ teamId: TEAM, userId, channelId: CHANNEL });

describe.each(BACKENDS)('nudge delivery on %s', (backend) => {
  let t: RunningTandem;
  let scheduler: Scheduler;
  const dmAttempts = (user: string) =>
    t.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === `D${user}`);
  const nudgesTo = (user: string) =>
    t.db.prisma.nudgeSent.findMany({ where: { teamId: TEAM, recipientId: user } });

  beforeAll(async () => {
    t = await startTandem(backend, { clock: new TestClock('2026-11-23T12:00:00Z') });
    scheduler = startScheduler(t.deps, t.app.app.client, { cron: false });
    for (const id of [PAM, BOT, MAX]) t.slack.setUser({ id, teamId: TEAM, tz: 'Europe/London' });
    await t.command('/tandem', `set pr-leads <@${PAM}|pam>`, as(PAM));
    await t.command('/initiative', `add "Launch" press_release <@${PAM}|pam> <#${CHANNEL}|launch>`, as(PAM));
  });
  afterAll(async () => {
    await scheduler?.stop();
    await t?.stop();
  });
  beforeEach(() => t.slack.reset());

  it('drops a nudge Slack can never deliver, once, and does not try it again', async () => {
    await t.command('/task', `add 1 "Monitor mentions" social due 2026-11-26 <@${BOT}|bot>`, as(PAM));
    t.slack.reset();
    t.slack.failNext('chat.postMessage', { error: 'cannot_dm_bot' });
    await scheduler.tick();
    t.clock.set('2026-11-23T12:10:00Z');
    await scheduler.tick();
    t.clock.set('2026-11-23T13:00:00Z');
    await scheduler.tick();
    expect(dmAttempts(BOT)).toHaveLength(1);
    const [nudge] = await nudgesTo(BOT);
    expect(nudge?.skipped).toBe('undeliverable');
    expect(nudge?.sentAt).not.toBeNull();
  });

  it('tries a DM that failed for a passing reason again after five minutes, not every tick', async () => {
    t.clock.set('2026-11-24T12:00:00Z');
    await t.command('/task', `add 1 "Schedule posts" social due 2026-11-27 <@${MAX}|max>`, as(PAM));
    t.slack.reset();
    t.slack.failNext('chat.postMessage', { status: 500 });
    await scheduler.tick();
    t.clock.set('2026-11-24T12:01:00Z');
    await scheduler.tick();
    t.clock.set('2026-11-24T12:04:00Z');
    await scheduler.tick();
    expect(dmAttempts(MAX)).toHaveLength(1);
    t.clock.set('2026-11-24T12:05:00Z');
    await scheduler.tick();
    const attempts = dmAttempts(MAX);
    expect(attempts).toHaveLength(2);
    expect(attempts[1]?.fault).toBeFalsy();
    const [nudge] = await nudgesTo(MAX);
    expect(nudge?.skipped).toBeNull();
    expect(nudge?.sentAt).not.toBeNull();
  });

  it('waits twice as long after each failed try, and gives the nudge up after the sixth', async () => {
    const LIV = 'ULIV00001';
    t.slack.setUser({ id: LIV, teamId: TEAM, tz: 'Europe/London' });
    t.clock.set('2026-11-25T10:00:00Z');
    await t.command('/task', `add 1 "Answer the journalist" pr due 2026-11-28 <@${LIV}|liv>`, as(PAM));
    t.slack.reset();
    t.slack.failNext('chat.postMessage', { status: 500 }, 10, { channel: `D${LIV}` });
    const start = Date.parse('2026-11-25T10:00:00Z');
    const triedAt: number[] = [];
    // Tick every 5 minutes for three hours and note when a DM was tried.
    for (let minute = 0; minute <= 180; minute += 5) {
      t.clock.set(new Date(start + minute * 60_000).toISOString());
      const before = dmAttempts(LIV).length;
      await scheduler.tick();
      if (dmAttempts(LIV).length > before) triedAt.push(minute);
    }
    // 5, 10, 20 and 40 minutes between tries: six in all, then nothing more.
    expect(triedAt).toEqual([0, 5, 15, 35, 75, 155]);
    const [nudge] = await nudgesTo(LIV);
    expect(nudge).toMatchObject({ skipped: 'undeliverable', refusal: 'gave_up', attempts: 5 });
  });
});
