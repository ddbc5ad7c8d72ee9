// Trends when Slack refuses, rate-limits or answers too late, with production's retry policy: a
// 📈 logs its message once and answers in its thread once; "Make it a task" in a channel that
// refuses Tandem says what to do, keeps no task nobody can react to, and works once fixed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { blockAction } from '../harness/slack-payloads.js';
import { BACKENDS } from '../support/databases.js';
import { accepted, LATE, PRODUCTION_FAULTS, RATE_LIMITED, textOf } from '../support/slack-faults.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';

const TEAM = 'TTRENDFLT';
const PAM = 'UPAM00001';
const SOL = 'USOL00001';
const CHANNEL = 'CTRENDFLT';
const as = (userId: string) => ({ teamId: TEAM, userId, channelId: CHANNEL });

describe.each(BACKENDS)('trends when Slack fails, on %s', (backend) => {
  let t: RunningTandem;
  let eventNo = 0;
  let tsNo = 0;
  const threadOf = (ts: string) => t.slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === ts);
  const trendsFrom = (ts: string) => t.db.prisma.trend.findMany({ where: { teamId: TEAM, sourceTs: ts } });
  const apologies = () => t.slack.calls.filter((c) => textOf(c).includes('Something went wrong'));
  /** Someone's message in the channel, and a 📈 on it that Slack can deliver again. */
  async function spotted(text: string) {
    tsNo += 1;
    const ts = `1700000700.${String(tsNo).padStart(6, '0')}`;
    t.slack.setMessage({ channel: CHANNEL, ts, user: SOL, text });
    const event = {
      type: 'reaction_added',
      user: PAM,
      reaction: 'chart_with_upwards_trend',
      item: { type: 'message', channel: CHANNEL, ts },
      event_ts: ts,
    };
    const eventId = `EvTRENDFLT${++eventNo}`;
    return {
      ts,
      react: () => t.sender.event(event, { teamId: TEAM, eventId }),
      again: () => t.sender.event(event, { teamId: TEAM, eventId, retryNum: 1, retryReason: 'http_timeout' }),
    };
  }
  const makeTask = (trendNumber: number, id: string) =>
    t.sender.interaction(
      blockAction({
        teamId: TEAM,
        userId: SOL,
        responseUrl: t.slack.responseUrl(id),
        channelId: CHANNEL,
        action: {
          type: 'button',
          action_id: 'trend_to_task',
          block_id: `trend:${trendNumber}`,
          value: String(trendNumber),
        },
      }),
    );
  const repliesTo = (id: string) =>
    t.slack
      .callsTo('response_url')
      .filter((c) => c.args.responseUrlId === id)
      .map(textOf);

  beforeAll(async () => {
    t = await startTandem(backend, PRODUCTION_FAULTS);
    for (const id of [PAM, SOL]) t.slack.setUser({ id, teamId: TEAM, tz: 'Europe/London' });
  });
  afterAll(async () => {
    await t?.stop();
  });
  beforeEach(() => t.slack.reset());

  it('not_in_channel for "Make it a task": says to invite Tandem, keeps no task, and works once invited', async () => {
    await t.command('/trend', 'add "#QuietLaunch"', as(SOL));
    const trend = await t.db.prisma.trend.findFirstOrThrow({
      where: { teamId: TEAM, label: '#QuietLaunch' },
    });
    t.slack.reset();
    t.slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    expect((await makeTask(trend.number, 'refused')).status).toBe(200);
    const told = repliesTo('refused');
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('/invite @Tandem');
    expect(told[0]).not.toContain('Something went wrong');
    // The initiative made to hold the task stays for the next press, and the reply says so.
    expect(told[0]).not.toContain('nothing was saved');
    expect(told[0]).toContain('Respond to #QuietLaunch');
    expect(await t.db.prisma.task.count({ where: { teamId: TEAM, trendId: trend.id } })).toBe(0);

    await makeTask(trend.number, 'invited');
    expect(repliesTo('invited')[0]).toContain('whoever reacts first owns the response');
    expect(await t.db.prisma.task.count({ where: { teamId: TEAM, trendId: trend.id } })).toBe(1);
    const responses = await t.db.prisma.initiative.findMany({
      where: { teamId: TEAM, kind: 'trend_response', title: 'Respond to #QuietLaunch' },
    });
    expect(responses).toHaveLength(1);
  });

  it('restricted_action on the thread answer (only admins post there): the reporter is told privately', async () => {
    const { ts, react } = await spotted('#QuietQuitting is back in the news');
    t.slack.failNext('chat.postMessage', { error: 'restricted_action' });
    await react();
    const note = await t.slack.waitFor('chat.postEphemeral', (c) => c.args.user === PAM, 5_000);
    expect(note.args).toMatchObject({ channel: CHANNEL, thread_ts: ts });
    expect(textOf(note)).toContain('QuietQuitting');
    expect(accepted(threadOf(ts))).toHaveLength(0);
    expect(await trendsFrom(ts)).toHaveLength(1);
    expect(apologies()).toEqual([]);
  });

  it('429 on reading the message: waits out Retry-After, logs the trend once, answers in its thread once', async () => {
    const { ts, react } = await spotted('#GlowUp is everywhere');
    t.slack.failNext('conversations.history', RATE_LIMITED);
    expect((await react()).status).toBe(200);
    await t.slack.waitFor('chat.postMessage', (c) => c.args.thread_ts === ts, 5_000);
    expect(t.slack.callsTo('conversations.history').map((c) => Boolean(c.fault))).toEqual([true, false]);
    expect(await trendsFrom(ts)).toHaveLength(1);
    expect(accepted(threadOf(ts))).toHaveLength(1);
  });

  it('429 on the thread answer: the trend is logged once and answered once', async () => {
    const { ts, react } = await spotted('#SlowTV is back');
    t.slack.failNext('chat.postMessage', RATE_LIMITED);
    await react();
    await t.slack.waitFor('chat.postMessage', (c) => c.args.thread_ts === ts && !c.fault, 5_000);
    expect(threadOf(ts).map((c) => Boolean(c.fault))).toEqual([true, false]);
    expect(await trendsFrom(ts)).toHaveLength(1);
  });

  it('a thread answer that lands after the client timed out: one trend, one answer, also on redelivery', async () => {
    const { ts, react, again } = await spotted('#DeskSetup threads are trending');
    t.slack.failNext('chat.postMessage', LATE);
    await react();
    await again();
    expect(await trendsFrom(ts)).toHaveLength(1);
    expect(threadOf(ts)).toHaveLength(1);
    expect(textOf(threadOf(ts)[0])).toContain('DeskSetup');
    expect(apologies()).toEqual([]);
  });
});
