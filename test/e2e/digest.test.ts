import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import { type Scheduler, startScheduler } from '../../src/scheduler/scheduler.js';
import { BACKENDS } from '../support/databases.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';
import { TestClock } from '../support/test-clock.js';

const LONDON = 'TLONDON01';
const NEWYORK = 'TNEWYORK1';
const PAM = 'UPAM00001';

describe.each(BACKENDS)('daily digest on %s', (backend) => {
  let t: RunningTandem;
  let scheduler: Scheduler;
  const digestsTo = (channel: string) =>
    t.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel && !c.fault);

  async function workspace(teamId: string, timezone: string, channel: string) {
    await t.db.prisma.workspace.upsert({
      where: { teamId },
      create: { teamId, timezone, digestChannel: channel, digestTime: '09:00' },
      update: { timezone, digestChannel: channel, digestTime: '09:00' },
    });
  }

  beforeAll(async () => {
    t = await startTandem(backend, { clock: new TestClock('2026-11-20T08:00:00Z') });
    scheduler = startScheduler(t.deps, t.app.app.client, { cron: false });
    await workspace(LONDON, 'Europe/London', 'CDIGESTLN');
    await workspace(NEWYORK, 'America/New_York', 'CDIGESTNY');
  });
  afterAll(async () => {
    scheduler?.stop();
    await t?.stop();
  });
  beforeEach(() => t.slack.reset());

  it('posts once at the workspace’s local time, and not again that day', async () => {
    t.clock.set('2026-11-20T08:59:00Z');
    await scheduler.tick();
    expect(digestsTo('CDIGESTLN')).toHaveLength(0);
    t.clock.set('2026-11-20T09:00:00Z');
    await scheduler.tick();
    t.clock.set('2026-11-20T09:01:00Z');
    await scheduler.tick();
    expect(digestsTo('CDIGESTLN')).toHaveLength(1);
    expect(JSON.stringify(digestsTo('CDIGESTLN')[0]?.args.blocks)).toContain('2026-11-20');
  });

  it('reaches each workspace at 09:00 in its own zone', async () => {
    t.clock.set('2026-11-20T13:59:00Z');
    await scheduler.tick();
    expect(digestsTo('CDIGESTNY')).toHaveLength(0);
    t.clock.set('2026-11-20T14:00:00Z'); // 09:00 EST
    await scheduler.tick();
    expect(digestsTo('CDIGESTNY')).toHaveLength(1);
  });

  it('keeps 09:00 local on both sides of a DST change', async () => {
    await workspace('TDST00001', 'Europe/London', 'CDIGESTDS');
    for (const [before, at, day] of [
      ['2026-03-28T08:59:00Z', '2026-03-28T09:00:00Z', '2026-03-28'], // GMT
      ['2026-03-29T07:59:00Z', '2026-03-29T08:00:00Z', '2026-03-29'], // BST from 01:00Z that morning
      ['2026-03-30T07:59:00Z', '2026-03-30T08:00:00Z', '2026-03-30'],
    ] as const) {
      t.slack.reset();
      t.clock.set(before);
      await scheduler.tick();
      expect(digestsTo('CDIGESTDS'), `nothing before 09:00 local on ${day}`).toHaveLength(0);
      t.clock.set(at);
      await scheduler.tick();
      expect(digestsTo('CDIGESTDS'), `one digest at 09:00 local on ${day}`).toHaveLength(1);
    }
    await t.db.prisma.workspace.update({ where: { teamId: 'TDST00001' }, data: { digestChannel: null } });
  });

  it('catches up within the grace window, skips after it, and says so in the next digest', async () => {
    await workspace('TCATCH001', 'Europe/London', 'CDIGESTCU');
    t.clock.set('2026-11-21T10:30:00Z'); // 90 minutes late: still sent
    await scheduler.tick();
    expect(digestsTo('CDIGESTCU')).toHaveLength(1);
    t.slack.reset();
    t.clock.set('2026-11-22T12:00:00Z'); // three hours late: skipped
    await scheduler.tick();
    expect(digestsTo('CDIGESTCU')).toHaveLength(0);
    t.clock.set('2026-11-23T09:00:00Z');
    await scheduler.tick();
    const next = digestsTo('CDIGESTCU');
    expect(next).toHaveLength(1);
    expect(JSON.stringify(next[0]?.args.blocks)).toContain('No digest went out on 2026-11-22');
    await t.db.prisma.workspace.update({ where: { teamId: 'TCATCH001' }, data: { digestChannel: null } });
  });

  it('retries on the next tick when Slack fails, and still sends only once', async () => {
    // Only this workspace is due, so the one failure is surely its own.
    await t.db.prisma.workspace.updateMany({
      where: { teamId: { in: [LONDON, NEWYORK] } },
      data: { digestChannel: null },
    });
    await workspace('TRETRY001', 'Europe/London', 'CDIGESTRT');
    t.clock.set('2026-11-24T09:00:00Z');
    t.slack.failNext('chat.postMessage', { status: 500 });
    await scheduler.tick();
    expect(digestsTo('CDIGESTRT')).toHaveLength(0);
    expect(
      t.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'CDIGESTRT' && c.fault),
    ).toHaveLength(1);
    t.clock.set('2026-11-24T09:01:00Z');
    await scheduler.tick();
    await scheduler.tick();
    expect(digestsTo('CDIGESTRT')).toHaveLength(1);
    await t.db.prisma.workspace.update({ where: { teamId: 'TRETRY001' }, data: { digestChannel: null } });
  });

  it('finishes the day of a process that died mid-send, once, after the claim goes stale', async () => {
    await workspace('TCRASH001', 'Europe/London', 'CDIGESTCR');
    // What a process killed between claiming and posting leaves behind.
    await t.db.prisma.digestRun.create({
      data: {
        teamId: 'TCRASH001',
        localDate: '2026-11-25',
        scheduledFor: new Date('2026-11-25T09:00:00Z'),
        status: 'sending',
        claimedAt: new Date('2026-11-25T09:00:00Z'),
      },
    });
    t.clock.set('2026-11-25T09:02:00Z');
    await scheduler.tick();
    expect(digestsTo('CDIGESTCR')).toHaveLength(0);
    t.clock.set('2026-11-25T09:06:00Z');
    await scheduler.tick();
    await scheduler.tick();
    expect(digestsTo('CDIGESTCR')).toHaveLength(1);
    await t.db.prisma.workspace.update({ where: { teamId: 'TCRASH001' }, data: { digestChannel: null } });
  });

  it('lists what needs attention, with Claim buttons, and says all clear when nothing does', async () => {
    await workspace('TCONTENT1', 'Europe/London', 'CDIGESTCT');
    t.clock.set('2026-11-26T08:00:00Z');
    const ctx = { teamId: 'TCONTENT1', userId: PAM, channelId: 'CLAUNCH01' };
    await t.command('/initiative', `add "Late launch" press_release <@${PAM}|pam> due tomorrow`, ctx);
    await t.command('/task', 'add 1 "Unclaimed work"', ctx);
    t.clock.set('2026-11-27T18:00:00Z');
    await t.command('/initiative', 'status 1 active', ctx);
    await t.command('/initiative', 'assign 1 <@USOL00001|sol>', ctx);
    t.clock.set('2026-11-28T09:00:00Z'); // the launch was due on the 27th
    await scheduler.tick();
    const [digest] = digestsTo('CDIGESTCT');
    const text = JSON.stringify(digest?.args.blocks);
    expect(text).toContain('Overdue');
    expect(text).toContain('Late launch');
    expect(text).toContain('Unclaimed tasks');
    expect(text).toContain('task_claim');
    expect(text).toContain('Ownership changes');
    expect(text).toContain('<@USOL00001>');
    // A status change is history, not a change of owner.
    expect(text).not.toContain('(status)');

    await workspace('TEMPTY001', 'Europe/London', 'CDIGESTEM');
    await scheduler.tick();
    expect(JSON.stringify(digestsTo('CDIGESTEM')[0]?.args.blocks)).toContain('All clear');
  });

  it('nets ownership changes per item, grouped by initiative; the steps are one who-owns away', async () => {
    await workspace('TNETCHG01', 'Europe/London', 'CDIGESTNT');
    t.clock.set('2026-12-01T08:00:00Z');
    const ctx = (userId: string) => ({ teamId: 'TNETCHG01', userId, channelId: 'CNETCHG01' });
    await t.command('/initiative', `add "Spring launch" press_release <@${PAM}|pam>`, ctx(PAM));
    await t.command('/task', 'add 1 "Brief the agency"', ctx(PAM));
    await t.command('/task', 'add 1 "Book the venue"', ctx(PAM));
    t.clock.set('2026-12-01T10:00:00Z');
    await t.command('/task', 'claim T1', ctx('UCAM00001'));
    await t.command('/task', 'release T1', ctx('UCAM00001'));
    await t.command('/task', 'claim T1', ctx('UBEN00001'));
    // Claimed and given back: it ends where it started, so it is not a change.
    await t.command('/task', 'claim T2', ctx('UCAM00001'));
    await t.command('/task', 'release T2', ctx('UCAM00001'));
    t.clock.set('2026-12-02T09:00:00Z');
    await scheduler.tick();
    const text = JSON.stringify(digestsTo('CDIGESTNT')[0]?.args.blocks);
    expect(text).toContain('Ownership changes');
    expect(text).toContain('*#1* Spring launch');
    expect(text).toContain('*T1* Brief the agency — nobody → <@UBEN00001>, 2 steps in between');
    expect(text).toContain('/tandem who-owns T1');
    expect(text).not.toContain('Book the venue —');
    expect(text).not.toContain('<@UCAM00001>');

    const who = await t.command('/tandem', 'who-owns T1', ctx('UBEN00001'));
    const answer = JSON.stringify(who.find((c) => c.method === 'response_url')?.args.blocks);
    expect(answer).toContain('is owned by <@UBEN00001>');
    expect(answer).toContain('<@UCAM00001> claimed it');
    expect(answer).toContain('<@UCAM00001> released it');
    await t.db.prisma.workspace.update({ where: { teamId: 'TNETCHG01' }, data: { digestChannel: null } });
    t.clock.set('2026-11-28T09:00:00Z'); // where the tests after this one expect the clock
  });

  it('shows the digest and nudge settings, and how admins change them, with /digest settings', async () => {
    const calls = await t.command('/digest', 'settings', {
      teamId: 'TCONTENT1',
      userId: PAM,
      channelId: 'CLAUNCH01',
    });
    const text = JSON.stringify(calls.find((c) => c.method === 'response_url')?.args.blocks);
    expect(text).toContain('<#CDIGESTCT>');
    expect(text).toContain('3 days before');
    expect(text).toContain('/tandem set quiet-hours');
  });

  it('shows today’s digest privately with /digest now', async () => {
    const calls = await t.command('/digest', 'now', {
      teamId: 'TCONTENT1',
      userId: PAM,
      channelId: 'CLAUNCH01',
    });
    const reply = calls.find((c) => c.method === 'response_url');
    expect(reply?.args.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply?.args.blocks)).toContain('Late launch');
  });

  it('sends a personal digest by DM at the digest time in the person’s own zone, once a day', async () => {
    t.slack.setUser({ id: 'UPERSONAL', teamId: 'TCONTENT1', tz: 'America/New_York' });
    const on = await t.command('/digest', 'me on', {
      teamId: 'TCONTENT1',
      userId: 'UPERSONAL',
      channelId: 'CLAUNCH01',
    });
    expect(on.find((c) => c.method === 'response_url')?.args.response_type).toBe('ephemeral');
    await t.command('/task', 'add 1 "Personal work" due 2026-12-01 <@UPERSONAL|me>', {
      teamId: 'TCONTENT1',
      userId: PAM,
      channelId: 'CLAUNCH01',
    });
    const personal = () =>
      t.slack
        .callsTo('chat.postMessage')
        .filter(
          (c) =>
            c.args.channel === 'DUPERSONAL' && JSON.stringify(c.args.blocks).includes('Your Tandem digest'),
        );
    t.slack.reset();
    t.clock.set('2026-11-30T09:00:00Z'); // 04:00 in New York
    await scheduler.tick();
    expect(personal()).toHaveLength(0);
    t.clock.set('2026-11-30T14:00:00Z'); // 09:00 in New York
    await scheduler.tick();
    await scheduler.tick();
    expect(personal()).toHaveLength(1);
    const text = JSON.stringify(personal()[0]?.args.blocks);
    expect(text).toContain('Personal work');
    expect(text).not.toContain('Late launch'); // not theirs
    await t.command('/digest', 'me off', {
      teamId: 'TCONTENT1',
      userId: 'UPERSONAL',
      channelId: 'CLAUNCH01',
    });
    t.clock.set('2026-12-01T14:00:00Z');
    await scheduler.tick();
    expect(personal()).toHaveLength(1);
  });

  it.runIf(backend === 'postgres')(
    'sends exactly one digest when two replicas tick in the same minute',
    async () => {
      const other = await openDatabase({ databaseUrl: await databaseUrlOf(t), dataDir: '', migrate: false });
      try {
        const replica = startScheduler(
          { ...t.deps, db: other, logger: createLogger('silent') },
          t.app.app.client,
          { cron: false },
        );
        await workspace('TREPLICA1', 'Europe/London', 'CDIGESTRP');
        t.clock.set('2026-11-29T09:00:00Z');
        await Promise.all([scheduler.tick(), replica.tick(), scheduler.tick(), replica.tick()]);
        expect(digestsTo('CDIGESTRP')).toHaveLength(1);
      } finally {
        await other.close();
      }
    },
  );
});

async function databaseUrlOf(t: RunningTandem): Promise<string> {
  const [row] = await t.db.withConnection((c) => c.query<{ db: string }>('SELECT current_database() AS db'));
  return `postgresql://postgres@127.0.0.1:5432/${row?.db}`;
}
