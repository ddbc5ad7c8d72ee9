// A digest Slack will not take: tried again with growing waits, given up for the day when waiting
// cannot help or the attempts run out, and the admins told once per reason, not every minute.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Scheduler, startScheduler } from '../../src/scheduler/scheduler.js';
import { BACKENDS } from '../support/databases.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';
import { TestClock } from '../support/test-clock.js';

const PAM = 'UPAM00001';
const ADA = 'UADA00001';

describe.each(BACKENDS)('digest delivery on %s', (backend) => {
  let t: RunningTandem;
  let scheduler: Scheduler;
  const attemptsIn = (channel: string) =>
    t.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
  const dmsTo = (user: string) =>
    t.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === `D${user}`);
  const run = (teamId: string, localDate: string) =>
    t.db.prisma.digestRun.findUniqueOrThrow({ where: { teamId_localDate: { teamId, localDate } } });
  async function tickAt(iso: string) {
    t.clock.set(iso);
    await scheduler.tick();
  }
  /** Only one workspace has a digest channel at a time, so every post and fault is its own. */
  async function onlyWorkspace(teamId: string, channel: string) {
    await t.db.prisma.workspace.updateMany({ data: { digestChannel: null } });
    await t.db.prisma.workspace.upsert({
      where: { teamId },
      create: {
        teamId,
        timezone: 'Europe/London',
        digestChannel: channel,
        digestTime: '09:00',
        tandemAdmins: [PAM, ADA],
      },
      update: { digestChannel: channel },
    });
  }

  beforeAll(async () => {
    t = await startTandem(backend, { clock: new TestClock('2026-11-20T08:00:00Z') });
    scheduler = startScheduler(t.deps, t.app.app.client, { cron: false });
  });
  afterAll(async () => {
    await scheduler?.stop();
    await t?.stop();
  });
  beforeEach(() => t.slack.reset());

  it('gives an archived channel up at once, tells each admin once, and not again the next day', async () => {
    await onlyWorkspace('TARCHIVE1', 'CARCHIVED');
    t.slack.setChannel({ id: 'CARCHIVED', isPrivate: false, members: [PAM, ADA], archived: true });
    await tickAt('2026-11-20T09:00:00Z');
    await tickAt('2026-11-20T09:01:00Z');
    await tickAt('2026-11-20T09:30:00Z');
    expect(attemptsIn('CARCHIVED')).toHaveLength(1);
    expect(await run('TARCHIVE1', '2026-11-20')).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'is_archived',
    });
    for (const admin of [PAM, ADA]) {
      const dms = dmsTo(admin);
      expect(dms).toHaveLength(1);
      expect(String(dms[0]?.args.text)).toContain('<#CARCHIVED>');
      expect(String(dms[0]?.args.text)).toContain('/tandem set digest-channel');
    }

    // Still archived the next morning: one attempt again, and no second round of DMs.
    t.slack.reset();
    await tickAt('2026-11-21T09:00:00Z');
    expect(attemptsIn('CARCHIVED')).toHaveLength(1);
    expect(dmsTo(PAM)).toHaveLength(0);
  });

  it('waits 1, 2, 4 and 8 minutes between failed attempts, gives up after five, and says why', async () => {
    await onlyWorkspace('TFLAKY001', 'CFLAKY001');
    t.slack.failNext('chat.postMessage', { status: 500 }, 5);
    const schedule: Array<[string, number]> = [
      ['2026-11-22T09:00:00Z', 1],
      ['2026-11-22T09:00:30Z', 1], // waiting out the first minute
      ['2026-11-22T09:01:00Z', 2],
      ['2026-11-22T09:02:00Z', 2],
      ['2026-11-22T09:03:00Z', 3],
      ['2026-11-22T09:07:00Z', 4],
      ['2026-11-22T09:14:00Z', 4],
      ['2026-11-22T09:15:00Z', 5],
      ['2026-11-22T09:40:00Z', 5],
    ];
    for (const [at, attempts] of schedule) {
      await tickAt(at);
      expect(attemptsIn('CFLAKY001'), `attempts by ${at}`).toHaveLength(attempts);
    }
    const given = await run('TFLAKY001', '2026-11-22');
    expect(given).toMatchObject({ status: 'failed', attempts: 5 });
    expect(given.lastError).toMatch(/500/);
    expect(dmsTo(PAM)).toHaveLength(1);
  });

  it('posts on the retry after one failure, and the day is then done', async () => {
    await onlyWorkspace('TONCE0001', 'CONCE0001');
    t.slack.failNext('chat.postMessage', { status: 500 });
    await tickAt('2026-11-23T09:00:00Z');
    await tickAt('2026-11-23T09:01:00Z');
    await tickAt('2026-11-23T09:02:00Z');
    expect(attemptsIn('CONCE0001').filter((c) => !c.fault)).toHaveLength(1);
    expect(await run('TONCE0001', '2026-11-23')).toMatchObject({ status: 'sent', attempts: 1 });
    expect(dmsTo(PAM)).toHaveLength(0);
  });
});
