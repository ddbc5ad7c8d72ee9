// `/tandem status` and the admins' App Home banner: what went wrong with the digest and nudges, in
// plain words with the fix, for admins only; everyone else is told who can ask, and sees nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Scheduler, startScheduler } from '../../src/scheduler/scheduler.js';
import type { SlackCall } from '../harness/fake-slack.js';
import { BACKENDS } from '../support/databases.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';
import { TestClock } from '../support/test-clock.js';

const TEAM = 'TSTATUS01';
const CALM_TEAM = 'TSTATUS02';
const ADA = 'UADA00001'; // workspace admin
const PAM = 'UPAM00001'; // PR lead, a plain member otherwise
const MEM = 'UMEM00001'; // member
const GONE = 'UGONE0001'; // deactivated since the task was given them
const CAL = 'UCAL00001'; // workspace admin of the calm workspace
const WORK = 'CWORK0001';
const NEWS = 'CNEWS0001'; // the digest channel, archived before the digest
const PASS_AT = '2026-11-20T09:00:00Z';

const as = (userId: string, teamId = TEAM) => ({ teamId, userId, channelId: WORK });
const mention = (id: string) => `<@${id}|${id.toLowerCase()}>`;

describe.each(BACKENDS)('/tandem status on %s', (backend) => {
  let t: RunningTandem;
  let scheduler: Scheduler;
  let events = 0;
  const reply = (calls: SlackCall[]) => {
    const r = calls.find((c) => c.method === 'response_url');
    return { type: r?.args.response_type, text: JSON.stringify(r?.args.blocks ?? '') };
  };
  const homeOf = async (user: string) => {
    t.slack.reset();
    await t.sender.event(
      { type: 'app_home_opened', user, channel: `D${user}`, tab: 'home', event_ts: '1.0' },
      { teamId: TEAM, eventId: `EvStatus${String(++events).padStart(5, '0')}` },
    );
    const view = await t.slack.waitFor('views.publish', (c) => c.args.user_id === user);
    return JSON.stringify((view.args.view as { blocks: unknown }).blocks);
  };
  /** What a refusal must leave as it was. */
  const snapshot = async () => ({
    workspace: await t.db.prisma.workspace.findUnique({ where: { teamId: TEAM } }),
    digests: await t.db.prisma.digestRun.findMany({ where: { teamId: TEAM } }),
    nudges: await t.db.prisma.nudgeSent.findMany({ where: { teamId: TEAM }, orderBy: { id: 'asc' } }),
  });

  beforeAll(async () => {
    t = await startTandem(backend, { clock: new TestClock('2026-11-20T08:30:00Z') });
    scheduler = startScheduler(t.deps, t.app.app.client, { cron: false });
    t.slack.setUser({ id: ADA, teamId: TEAM, isAdmin: true, tz: 'Europe/London' });
    for (const id of [PAM, MEM, GONE]) t.slack.setUser({ id, teamId: TEAM, tz: 'Europe/London' });
    t.slack.setUser({ id: CAL, teamId: CALM_TEAM, isAdmin: true });
    t.slack.setChannel({ id: NEWS, isPrivate: false, members: [ADA, PAM, MEM] });
    await t.command('/tandem', `set pr-leads ${mention(PAM)}`, as(ADA));
    await t.command('/tandem', `set digest-channel <#${NEWS}|news>`, as(ADA));
    await t.command('/tandem', 'set digest-time 09:00', as(ADA));
    await t.command('/initiative', `add "Launch" press_release ${mention(PAM)} <#${WORK}|work>`, as(PAM));
    await t.command('/task', `add 1 "Monitor mentions" social due 2026-11-23 ${mention(GONE)}`, as(PAM));

    // Before the digest time: the deadline nudge to the person deactivated since is refused for good.
    t.slack.setUser({ id: GONE, teamId: TEAM, tz: 'Europe/London', deactivated: true });
    await scheduler.tick();
    // The channel is archived before the digest goes: the day is given up at once.
    t.slack.setChannel({ id: NEWS, isPrivate: false, members: [ADA, PAM, MEM], archived: true });
    t.clock.set(PASS_AT);
    await scheduler.tick();
    expect(await t.db.prisma.digestRun.findFirst({ where: { teamId: TEAM } })).toMatchObject({
      status: 'failed',
      lastError: 'is_archived',
      channel: NEWS,
    });
    expect(
      await t.db.prisma.nudgeSent.findFirst({ where: { teamId: TEAM, recipientId: GONE } }),
    ).toMatchObject({ skipped: 'undeliverable', refusal: 'user_disabled' });
    t.clock.set('2026-11-20T09:05:00Z');
  });
  afterAll(async () => {
    await scheduler?.stop();
    await t?.stop();
  });
  beforeEach(() => t.slack.reset());

  it('refuses a plain member privately, naming who can, and changes nothing', async () => {
    const before = await snapshot();
    const calls = await t.command('/tandem', 'status', as(MEM));
    const { type, text } = reply(calls);
    expect(type).toBe('ephemeral');
    expect(text).toContain('Only a Tandem admin can see Tandem’s delivery status.');
    expect(text).toContain('Workspace owners and admins count as Tandem admins');
    expect(text).not.toContain('archived');
    expect(calls.map((c) => c.method)).not.toContain('chat.postMessage');
    expect(await snapshot()).toEqual(before);

    // A lead is not an admin either.
    expect(reply(await t.command('/tandem', 'status', as(PAM))).text).toContain('Only a Tandem admin');
  });

  it('shows an admin the archived digest channel and its fix, the undelivered nudge, queues, the last digest and pass', async () => {
    const calls = await t.command('/tandem', 'status', as(ADA));
    const { type, text } = reply(calls);
    expect(type).toBe('ephemeral');
    expect(text).toContain('Tandem has delivery problems');
    expect(text).toContain(
      '*The digest for 2026-11-20 was given up.* The digest channel <#CNEWS0001> is archived.',
    );
    expect(text).toContain('Pick another with `/tandem set digest-channel #channel`.');
    expect(text).toContain(`<@${GONE}> has been deactivated: 1 nudge not delivered`);
    expect(text).toContain('Give their work to someone else');
    expect(text).toContain('*Last digest:* 2026-11-20: given up after Slack refused it once.');
    expect(text).toContain(
      'commands 1 in progress, 0 waiting (this one included); events 0 in progress, 0 waiting',
    );
    const passAt = Math.floor(Date.parse(PASS_AT) / 1000);
    expect(text).toContain(
      `*Last scheduler pass* (this process; one pass covers every workspace): <!date^${passAt}^`,
    );
    expect(calls.map((c) => c.method)).not.toContain('chat.postMessage');
  });

  it('says in one line that nothing is wrong in a workspace without problems, and shows none of another’s', async () => {
    const { text } = reply(await t.command('/tandem', 'status', as(CAL, CALM_TEAM)));
    expect(text).toContain('Nothing is wrong: the digest and nudges are being delivered.');
    expect(text).toContain('*Last digest:* none yet; no digest channel is set');
    expect(text).not.toContain('CNEWS0001');
    expect(text).not.toContain(GONE);
  });

  it('answers extra words with the right form', async () => {
    const { text } = reply(await t.command('/tandem', 'status digest', as(ADA)));
    expect(text).toContain('takes nothing after it');
    expect(text).toContain('/tandem status');
  });

  it('puts the problem and its fix at the top of an admin’s App Home, and never on a member’s', async () => {
    const admin = await homeOf(ADA);
    expect(admin).toContain('The digest channel <#CNEWS0001> is archived.');
    expect(admin).toContain('/tandem set digest-channel #channel');
    expect(admin).toContain(`Slack will not take direct messages for <@${GONE}>`);
    expect(admin).toContain('Only admins see this.');
    // Right under the header, above the person's own work.
    expect(admin.indexOf('is archived')).toBeLessThan(admin.indexOf('Initiatives you own'));

    for (const user of [MEM, PAM]) {
      const home = await homeOf(user);
      expect(home).toContain('Initiatives you own');
      expect(home).not.toContain('archived');
      expect(home).not.toContain('Only admins see this');
    }
  });

  it('drops the digest from the banner once another channel is chosen', async () => {
    await t.command('/tandem', 'set digest-channel <#CNEWS0002|news2>', as(ADA));
    const admin = await homeOf(ADA);
    expect(admin).not.toContain('is archived');
    expect(admin).toContain(`<@${GONE}>`);
    const { text } = reply(await t.command('/tandem', 'status', as(ADA)));
    expect(text).toContain('but the digest channel is <#CNEWS0002> now: the next digest goes there.');
    expect(text).toContain('Tandem has a delivery problem');
  });
});
