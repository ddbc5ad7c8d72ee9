import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Scheduler, startScheduler } from '../../src/scheduler/scheduler.js';
import { blockAction } from '../harness/slack-payloads.js';
import { BACKENDS } from '../support/databases.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';
import { TestClock } from '../support/test-clock.js';

const TEAM = 'TTREND001';
const PAM = 'UPAM00001'; // PR lead
const SOL = 'USOL00001'; // social lead
const OWEN = 'UOWEN0001'; // owns the sponsorship initiative
const CHANNEL = 'CSOCIAL01';
const as = (userId: string, teamId = TEAM) => ({ teamId, userId, channelId: CHANNEL });
const dmsAbout = (t: RunningTandem, user: string, words: string) =>
  t.slack
    .callsTo('chat.postMessage')
    .filter((c) => c.args.channel === `D${user}` && JSON.stringify(c.args.blocks).includes(words));

describe.each(BACKENDS)('trends on %s', (backend) => {
  let t: RunningTandem;
  let scheduler: Scheduler;
  let eventNo = 0;

  beforeAll(async () => {
    t = await startTandem(backend, { clock: new TestClock('2026-11-23T14:00:00Z') });
    scheduler = startScheduler(t.deps, t.app.app.client, { cron: false });
    for (const id of [PAM, SOL, OWEN]) t.slack.setUser({ id, teamId: TEAM, tz: 'Europe/London' });
    await t.command('/tandem', `set pr-leads <@${PAM}|pam>`, as(PAM));
    await t.command('/tandem', `set social-leads <@${SOL}|sol>`, as(PAM));
    await t.command('/initiative', `add "World Cup 2026 sponsorship" campaign <@${OWEN}|owen>`, as(PAM));
    await t.command('/initiative', 'add "Q1 earnings" press_release', as(PAM));
  });
  afterAll(async () => {
    scheduler?.stop();
    await t?.stop();
  });
  beforeEach(() => t.slack.reset());

  it('logs a trend by command, links the initiatives it matches, and nudges the other lead and the owner once', async () => {
    const calls = await t.command(
      '/trend',
      'add #WorldCup2026 spiking on TikTok keywords: football, soccer',
      as(SOL),
    );
    const reply = calls.find((c) => c.method === 'response_url');
    expect(reply?.args.response_type).toBe('in_channel');
    expect(JSON.stringify(reply?.args.blocks)).toContain('World Cup 2026 sponsorship');
    const trend = await t.db.prisma.trend.findFirstOrThrow({
      where: { teamId: TEAM },
      include: { links: { include: { initiative: true } } },
    });
    expect(trend).toMatchObject({
      number: 1,
      label: '#WorldCup2026',
      keywords: ['football', 'soccer'],
      reporterId: SOL,
    });
    expect(trend.links.map((l) => l.initiative.title)).toEqual(['World Cup 2026 sponsorship']);

    await scheduler.tick();
    await scheduler.tick();
    for (const user of [PAM, OWEN]) {
      const dms = dmsAbout(t, user, '#WorldCup2026');
      expect(dms, `one shared-trend nudge for ${user}`).toHaveLength(1);
      const text = JSON.stringify(dms[0]?.args.blocks);
      expect(text).toContain('*PR:*');
      expect(text).toContain('*Social:*');
    }
    // The social lead logged it: nobody is nudged about a trend they logged themselves.
    expect(dmsAbout(t, SOL, '#WorldCup2026')).toEqual([]);
  });

  it('logs a trend from a 📈 on any message, with its permalink, and answers in the thread once', async () => {
    t.slack.setMessage({
      channel: CHANNEL,
      ts: '1700000500.000100',
      user: SOL,
      text: 'Everyone is talking about #RetroSneakers\nbig on Instagram today',
    });
    const react = () =>
      t.sender.event(
        {
          type: 'reaction_added',
          user: PAM,
          reaction: 'chart_with_upwards_trend',
          item: { type: 'message', channel: CHANNEL, ts: '1700000500.000100' },
          event_ts: '1.0',
        },
        { teamId: TEAM, eventId: `EvTR${++eventNo}` },
      );
    await react();
    await react(); // a second 📈 on the same message
    const trends = await t.db.prisma.trend.findMany({
      where: { teamId: TEAM, sourceTs: '1700000500.000100' },
    });
    expect(trends).toHaveLength(1);
    expect(trends[0]).toMatchObject({
      label: 'Everyone is talking about #RetroSneakers',
      notes: 'big on Instagram today',
      keywords: ['retrosneakers'],
      reporterId: PAM,
    });
    expect(trends[0]?.sourceLink).toContain('/archives/CSOCIAL01/p1700000500000100');
    const thread = t.slack
      .callsTo('chat.postMessage')
      .filter((c) => c.args.thread_ts === '1700000500.000100');
    expect(thread).toHaveLength(1);
    expect(JSON.stringify(thread[0]?.args.blocks)).toContain('No active initiative matches yet');
  });

  it('credits the person who wrote the message a 📈 logged, and nudges neither them nor the reactor twice', async () => {
    t.slack.setMessage({
      channel: CHANNEL,
      ts: '1700000600.000100',
      user: OWEN,
      text: 'Football #WorldCup2026 fans are everywhere\nsoccer clips trending',
    });
    await t.sender.event(
      {
        type: 'reaction_added',
        user: PAM,
        reaction: 'chart_with_upwards_trend',
        item: { type: 'message', channel: CHANNEL, ts: '1700000600.000100' },
        item_user: OWEN,
        event_ts: '1.0',
      },
      { teamId: TEAM, eventId: `EvTR${++eventNo}` },
    );
    const trend = await t.db.prisma.trend.findFirstOrThrow({
      where: { teamId: TEAM, sourceTs: '1700000600.000100' },
    });
    expect(trend).toMatchObject({ reporterId: PAM, spotterId: OWEN });
    const thread = t.slack.callsTo('chat.postMessage').find((c) => c.args.thread_ts === '1700000600.000100');
    expect(JSON.stringify(thread?.args.blocks)).toContain(`<@${OWEN}> spotted trend`);
    expect(JSON.stringify(thread?.args.blocks)).toContain(`logged by <@${PAM}>`);
    // The reactor (a lead) logged it and hears nothing more; the other lead and the owner hear once.
    expect(dmsAbout(t, PAM, 'fans are everywhere')).toEqual([]);
    const toSol = dmsAbout(t, SOL, 'fans are everywhere');
    expect(toSol).toHaveLength(1);
    expect(JSON.stringify(toSol[0]?.args.blocks)).toContain(`spotted by <@${OWEN}>`);
    expect(dmsAbout(t, OWEN, 'fans are everywhere')).toHaveLength(1);
  });

  it('lists, links and expires trends', async () => {
    const list = (await t.command('/trend', 'list', as(PAM))).find((c) => c.method === 'response_url');
    expect(JSON.stringify(list?.args.blocks)).toContain('TR1');
    await t.command('/trend', 'link TR2 2', as(PAM));
    const links = await t.db.prisma.trendLink.findMany({
      where: { teamId: TEAM, trend: { number: 2 } },
      include: { initiative: true },
    });
    expect(links.map((l) => [l.initiative.title, l.linkedBy])).toEqual([['Q1 earnings', PAM]]);
    await t.command('/trend', 'expire TR1', as(PAM));
    const active = (await t.command('/trend', 'list active', as(PAM))).find(
      (c) => c.method === 'response_url',
    );
    expect(JSON.stringify(active?.args.blocks)).not.toContain('TR1*');
  });

  it('answers bad /trend input privately with an example and writes nothing', async () => {
    const before = await t.db.prisma.trend.count();
    for (const text of ['add', 'link TR1', 'expire T7', 'frobnicate']) {
      const reply = (await t.command('/trend', text, as(PAM))).find((c) => c.method === 'response_url');
      expect(reply?.args.response_type).toBe('ephemeral');
      expect(JSON.stringify(reply?.args.blocks)).toContain('Example');
    }
    expect(await t.db.prisma.trend.count()).toBe(before);
  });

  it('keeps trends per workspace', async () => {
    const reply = (await t.command('/trend', 'link TR1 1', as(PAM, 'TOTHER001'))).find(
      (c) => c.method === 'response_url',
    );
    expect(JSON.stringify(reply?.args.blocks)).toContain('There is no trend TR1');
  });

  it('turns a trend into a task to respond within 24 hours, escalating to both leads if nobody claims it', async () => {
    await t.command('/trend', 'add "#NewTrendNoMatch"', as(SOL));
    const trend = await t.db.prisma.trend.findFirstOrThrow({
      where: { teamId: TEAM, label: '#NewTrendNoMatch' },
    });
    const click = () =>
      t.sender.interaction(
        blockAction({
          teamId: TEAM,
          userId: SOL,
          responseUrl: t.slack.responseUrl(`make-task-${trend.number}`),
          channelId: CHANNEL,
          action: {
            type: 'button',
            action_id: 'trend_to_task',
            block_id: `trend:${trend.number}`,
            value: String(trend.number),
          },
        }),
      );
    await click();
    const task = await t.db.prisma.task.findFirstOrThrow({
      where: { teamId: TEAM, trendId: trend.id },
      include: { initiative: true },
    });
    expect(task.initiative).toMatchObject({ kind: 'trend_response', title: 'Respond to #NewTrendNoMatch' });
    expect(task.respondBy?.toISOString()).toBe('2026-11-24T14:00:00.000Z');
    expect(task.messageChannel).toBe(CHANNEL);
    await click();
    expect(await t.db.prisma.task.count({ where: { trendId: trend.id } })).toBe(1);
    const second = t.slack
      .callsTo('response_url')
      .filter((c) => c.args.responseUrlId === `make-task-${trend.number}`)
      .at(-1);
    expect(JSON.stringify(second?.args.blocks)).toContain('already has a response task');

    t.slack.reset();
    t.clock.set('2026-11-24T14:01:00Z');
    await scheduler.tick();
    for (const lead of [PAM, SOL]) {
      expect(dmsAbout(t, lead, 'respond-by time has passed'), `escalated to ${lead}`).toHaveLength(1);
    }
  });
});
