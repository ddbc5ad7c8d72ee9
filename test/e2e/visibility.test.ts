import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Scheduler, startScheduler } from '../../src/scheduler/scheduler.js';
import type { SlackCall } from '../harness/fake-slack.js';
import { BACKENDS } from '../support/databases.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';
import { TestClock } from '../support/test-clock.js';

const TEAM = 'TVISIBLE1';
const PAM = 'UPAM00001'; // PR lead, in the private channel, owns the initiatives
const SOL = 'USOL00001'; // social lead, not in the private channel
const MAX = 'UMAX00001'; // member, in the private channel
const OUT = 'UOUT00001'; // member, not in the private channel
const GIA = 'UGIA00001'; // guest, in no channel Tandem can read
const PUBLIC = 'CPUBLIC01';
const PUBLIC_TOO = 'CPUBLIC02';
const PRIVATE = 'CPRIVATE1';
const HIDDEN = 'CHIDDEN01'; // private, and Tandem is no longer in it
const DIGEST = 'CDIGEST01'; // public, where the team digest goes first

const as = (userId: string, channelId = PUBLIC) => ({ teamId: TEAM, userId, channelId });
const mention = (id: string) => `<@${id}|${id.toLowerCase()}>`;
const text = (call: SlackCall | undefined) => JSON.stringify(call?.args.blocks ?? call?.args.text ?? '');
let eventCounter = 0;

describe.each(BACKENDS)('private-channel work stays with its channel, on %s', (backend) => {
  let t: RunningTandem;
  let scheduler: Scheduler;
  const reply = (calls: SlackCall[]) => text(calls.find((c) => c.method === 'response_url'));
  const posts = (channel: string) =>
    t.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel && !c.fault);
  const dmsAbout = (user: string, words: string) => posts(`D${user}`).filter((c) => text(c).includes(words));
  const digestNow = async (user: string) => reply(await t.command('/digest', 'now', as(user)));

  beforeAll(async () => {
    t = await startTandem(backend, { clock: new TestClock('2026-11-23T12:00:00Z') });
    scheduler = startScheduler(t.deps, t.app.app.client, { cron: false });
    for (const id of [PAM, SOL, MAX, OUT]) t.slack.setUser({ id, teamId: TEAM, tz: 'Europe/London' });
    t.slack.setUser({ id: GIA, teamId: TEAM, tz: 'Europe/London', isGuest: true });
    t.slack.setChannel({ id: PRIVATE, isPrivate: true, members: [PAM, MAX] });
    t.slack.setChannel({ id: HIDDEN, isPrivate: true, members: [], hidden: true });
    await t.command('/tandem', `set pr-leads ${mention(PAM)}`, as(PAM));
    await t.command('/tandem', `set social-leads ${mention(SOL)}`, as(PAM));
    await t.command('/initiative', `add "Q4 launch" press_release ${mention(PAM)} due 2026-11-24`, as(PAM));
    await t.command(
      '/initiative',
      `add "Secret merger" crisis ${mention(PAM)} due 2026-11-24`,
      as(PAM, PRIVATE),
    );
    await t.command('/task', 'add 1 "Draft posts"', as(PAM));
    await t.command('/task', 'add 2 "Holding statement"', as(PAM, PRIVATE));
  });
  afterAll(async () => {
    scheduler?.stop();
    await t?.stop();
  });
  beforeEach(() => t.slack.reset());

  it('/digest now shows an outsider none of the private channel’s work, and its member all of it', async () => {
    const outsider = await digestNow(OUT);
    expect(outsider).toContain('Q4 launch');
    expect(outsider).toContain('Draft posts');
    expect(outsider).not.toContain('Secret merger');
    expect(outsider).not.toContain('Holding statement');
    expect(outsider).toContain('Unclaimed tasks* (1)');

    const member = await digestNow(MAX);
    expect(member).toContain('Secret merger');
    expect(member).toContain('Holding statement');
    expect(member).toContain('Unclaimed tasks* (2)');
  });

  it('shows a guest only the work of the channel they ask from', async () => {
    const fromTheirDm = reply(await t.command('/digest', 'now', as(GIA, `D${GIA}`)));
    for (const title of ['Q4 launch', 'Draft posts', 'Secret merger', 'Holding statement'])
      expect(fromTheirDm).not.toContain(title);
    expect(fromTheirDm).toContain('All clear');
    const fromPublic = await digestNow(GIA);
    expect(fromPublic).toContain('Draft posts');
    expect(fromPublic).not.toContain('Holding statement');
  });

  it('offers on the App Home only the unclaimed tasks the person may see', async () => {
    const home = async (user: string) => {
      await t.sender.event(
        { type: 'app_home_opened', user, channel: `D${user}`, tab: 'home', event_ts: '1.0' },
        { teamId: TEAM, eventId: `EvVis${String(++eventCounter).padStart(6, '0')}` },
      );
      const view = await t.slack.waitFor('views.publish', (c) => c.args.user_id === user);
      return JSON.stringify((view.args.view as { blocks: unknown }).blocks);
    };
    const outsider = await home(OUT);
    expect(outsider).toContain('Draft posts');
    expect(outsider).not.toContain('Holding statement');
    const member = await home(MAX);
    expect(member).toContain('Draft posts');
    expect(member).toContain('Holding statement');
  });

  it('asks Slack about each channel once, however many items a digest holds there', async () => {
    const initiatives = await t.db.prisma.initiative.findMany({
      where: { teamId: TEAM },
      orderBy: { number: 'asc' },
    });
    await t.command(
      '/initiative',
      `add "Partner week" campaign ${mention(SOL)} <#${PUBLIC_TOO}|partners>`,
      as(SOL),
    );
    const partner = await t.db.prisma.initiative.findFirstOrThrow({
      where: { teamId: TEAM, title: 'Partner week' },
    });
    // Fifty unclaimed tasks over the three channels, each in its initiative's channel.
    await t.db.prisma.task.createMany({
      data: Array.from({ length: 50 }, (_, i) => ({
        teamId: TEAM,
        number: 100 + i,
        initiativeId: [initiatives[0]?.id, initiatives[1]?.id, partner.id][i % 3] ?? '',
        title: `Bulk task ${i}`,
        createdBy: PAM,
      })),
    });
    t.clock.set('2026-11-23T12:05:00Z'); // past the minute channel answers are remembered
    t.slack.reset();
    const outsider = await digestNow(OUT);
    const info = t.slack.callsTo('conversations.info').map((c) => c.args.channel);
    expect(info.sort()).toEqual([PRIVATE, PUBLIC, PUBLIC_TOO]);
    expect(t.slack.callsTo('conversations.members').map((c) => c.args.channel)).toEqual([PRIVATE]);
    // 17 + 16 public bulk tasks and "Draft posts"; the private channel's 17 and its own are left out.
    expect(outsider).toContain('Unclaimed tasks* (34)');

    t.slack.reset();
    expect(await digestNow(MAX)).toContain('Unclaimed tasks* (52)');
    expect(t.slack.callsTo('conversations.info')).toHaveLength(0); // still remembered
  });

  it('keeps work in a channel Tandem cannot read to those who answer for it, item by item', async () => {
    await t.command(
      '/initiative',
      `add "Board change" crisis ${mention(PAM)} due 2026-11-24 <#${HIDDEN}|board>`,
      as(PAM),
    );
    // The task went out while Tandem was still in the channel; then it was removed.
    t.slack.setChannel({ id: HIDDEN, isPrivate: true, members: [] });
    await t.command('/task', `add 4 "Board minutes" due 2026-11-24 ${mention(OUT)}`, as(PAM));
    t.slack.setChannel({ id: HIDDEN, isPrivate: true, members: [], hidden: true });
    const assignee = await digestNow(OUT);
    expect(assignee).toContain('Board minutes'); // theirs
    expect(assignee).not.toContain('Board change'); // PAM's
    const member = await digestNow(MAX);
    expect(member).not.toContain('Board minutes');
    expect(member).not.toContain('Board change');
    const lead = await digestNow(SOL);
    expect(lead).toContain('Board minutes');
    expect(lead).toContain('Board change');
  });

  it('posts private work in the team digest only when the digest goes to that private channel', async () => {
    await t.db.prisma.workspace.update({
      where: { teamId: TEAM },
      data: { digestChannel: DIGEST, digestTime: '09:00' },
    });
    t.clock.set('2026-11-24T09:00:00Z');
    await scheduler.tick();
    const [elsewhere] = posts(DIGEST);
    expect(text(elsewhere)).toContain('Q4 launch');
    expect(text(elsewhere)).not.toContain('Secret merger');
    expect(text(elsewhere)).not.toContain('Holding statement');

    await t.db.prisma.workspace.update({ where: { teamId: TEAM }, data: { digestChannel: PRIVATE } });
    t.clock.set('2026-11-25T09:00:00Z');
    await scheduler.tick();
    const [inside] = posts(PRIVATE).filter((c) => text(c).includes('Tandem daily digest'));
    expect(text(inside)).toContain('Secret merger');
    expect(text(inside)).toContain('Holding statement');
    expect(text(inside)).toContain('Q4 launch');
  });

  it('sends each personal digest with only what its reader may see', async () => {
    await t.command('/digest', 'me on', as(OUT));
    await t.command('/digest', 'me on', as(MAX));
    t.clock.set('2026-11-26T09:00:00Z');
    await scheduler.tick();
    const personal = (user: string) =>
      posts(`D${user}`).filter((c) => text(c).includes('Your Tandem digest'));
    expect(personal(OUT)).toHaveLength(1);
    expect(text(personal(OUT)[0])).toContain('Draft posts');
    expect(text(personal(OUT)[0])).not.toContain('Holding statement');
    expect(personal(MAX)).toHaveLength(1);
    expect(text(personal(MAX)[0])).toContain('Holding statement');
  });

  it('nudges a lead outside the private channel about none of its work; its owner and a lead inside hear', async () => {
    await t.command('/task', `add 2 "Overdue memo" due 2026-11-27 ${mention(MAX)}`, as(PAM, PRIVATE));
    await t.command('/task', `add 1 "Public recap" due 2026-11-27 ${mention(OUT)}`, as(PAM));
    const memo = await t.db.prisma.task.findFirstOrThrow({ where: { teamId: TEAM, title: 'Overdue memo' } });
    t.clock.set('2026-11-29T12:00:00Z'); // two days overdue: both leads hear of it
    t.slack.reset();
    await scheduler.tick();
    expect(dmsAbout(MAX, 'Overdue memo').length).toBeGreaterThanOrEqual(1);
    expect(dmsAbout(PAM, 'Overdue memo').length).toBeGreaterThanOrEqual(1);
    expect(dmsAbout(SOL, 'Public recap').length).toBeGreaterThanOrEqual(1);
    expect(dmsAbout(SOL, 'Overdue memo')).toHaveLength(0);
    const skipped = await t.db.prisma.nudgeSent.findFirstOrThrow({
      where: { teamId: TEAM, recipientId: SOL, itemId: memo.id },
    });
    expect(skipped).toMatchObject({ kind: 'deadline_escalation', skipped: 'hidden' });
    expect(skipped.sentAt).not.toBeNull();
    // Earlier escalations of the private initiative were dropped the same way.
    const merger = await t.db.prisma.initiative.findFirstOrThrow({
      where: { teamId: TEAM, title: 'Secret merger' },
    });
    const aboutMerger = await t.db.prisma.nudgeSent.findMany({
      where: { recipientId: SOL, itemId: merger.id },
    });
    expect(aboutMerger.length).toBeGreaterThanOrEqual(1);
    expect(aboutMerger.every((n) => n.skipped === 'hidden')).toBe(true);

    t.clock.set('2026-11-29T12:01:00Z');
    t.slack.reset();
    await scheduler.tick();
    expect(dmsAbout(SOL, 'Overdue memo')).toHaveLength(0);
    expect(
      await t.db.prisma.nudgeSent.count({ where: { recipientId: SOL, itemId: memo.id, skipped: 'hidden' } }),
    ).toBe(1);
  });

  it('fills an outsider’s /task, /initiative and /trend list with what they may see, however much private work sorts first', async () => {
    // Logged first, so the newest-first trend list would put the private ones ahead of it.
    await t.command('/trend', 'add "#OpenTalk"', as(OUT));
    const merger = await t.db.prisma.initiative.findFirstOrThrow({
      where: { teamId: TEAM, title: 'Secret merger' },
    });
    const early = new Date('2026-01-01T00:00:00Z');
    await t.db.prisma.task.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        teamId: TEAM,
        number: 900 + i,
        initiativeId: merger.id,
        title: `Sealed step ${i}`,
        dueDate: early,
        messageChannel: PRIVATE,
        messageTs: `1700009000.${String(i).padStart(6, '0')}`,
        createdBy: PAM,
      })),
    });
    await t.db.prisma.initiative.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        teamId: TEAM,
        number: 900 + i,
        title: `Sealed plan ${i}`,
        kind: 'crisis' as const,
        leadDiscipline: 'pr' as const,
        status: 'active' as const,
        dueDate: early,
        channelId: PRIVATE,
        createdBy: PAM,
      })),
    });
    await t.db.prisma.trend.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        teamId: TEAM,
        number: 900 + i,
        label: `#Sealed${i}`,
        sourceChannel: PRIVATE,
        sourceTs: `1700009100.${String(i).padStart(6, '0')}`,
        reporterId: PAM,
      })),
    });

    const tasks = reply(await t.command('/task', 'list', as(OUT)));
    expect(tasks).toContain('Draft posts');
    expect(tasks).not.toContain('Sealed step');
    expect(tasks).not.toContain('more; narrow');
    const initiatives = reply(await t.command('/initiative', 'list', as(OUT)));
    expect(initiatives).toContain('Q4 launch');
    expect(initiatives).not.toContain('Sealed plan');
    expect(initiatives).not.toContain('more; narrow');
    const trends = reply(await t.command('/trend', 'list', as(OUT)));
    expect(trends).toContain('OpenTalk');
    expect(trends).not.toContain('Sealed');

    // A member of the channel sees a full page of it, and the count says how much more there is.
    const member = reply(await t.command('/task', 'list', as(MAX)));
    expect(member).toContain('Sealed step 0');
    expect(member).toContain('more; narrow');
  });
});
