// `@Tandem who owns …` when Slack refuses, rate-limits or answers the thread reply too late, with
// production's retry policy: the asker gets the answer once (in the thread, or privately when
// the channel will not take it) and is never told that something went wrong when it did not.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/databases.js';
import { accepted, LATE, PRODUCTION_FAULTS, RATE_LIMITED, textOf } from '../support/slack-faults.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';

const TEAM = 'TMENTFLT1';
const PAM = 'UPAM00001';
const MAX = 'UMAX00001';
const CHANNEL = 'CMENTFLT1';

describe.each(BACKENDS)('@Tandem mentions when Slack fails, on %s', (backend) => {
  let t: RunningTandem;
  let eventNo = 0;
  let tsNo = 0;
  const answersIn = (ts: string) =>
    t.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === CHANNEL && c.args.thread_ts === ts);
  const notesTo = (user: string) =>
    accepted(t.slack.callsTo('chat.postEphemeral')).filter((c) => c.args.user === user);
  const apologies = () =>
    [...t.slack.callsTo('chat.postEphemeral'), ...t.slack.callsTo('chat.postMessage')].filter((c) =>
      textOf(c).includes('Something went wrong'),
    );
  /** Asks in the channel; returns the question's ts, and the event for Slack to deliver again. */
  async function ask(question: string, user = MAX) {
    tsNo += 1;
    const ts = `1700000400.${String(tsNo).padStart(6, '0')}`;
    const event = {
      type: 'app_mention',
      user,
      text: `<@U_TANDEM_BOT> ${question}`,
      ts,
      channel: CHANNEL,
      event_ts: ts,
    };
    const eventId = `EvMENTFLT${++eventNo}`;
    const res = await t.sender.event(event, { teamId: TEAM, eventId });
    expect(res.status).toBe(200);
    return {
      ts,
      again: () => t.sender.event(event, { teamId: TEAM, eventId, retryNum: 1, retryReason: 'http_timeout' }),
    };
  }

  beforeAll(async () => {
    t = await startTandem(backend, PRODUCTION_FAULTS);
    await t.command('/initiative', `add "Spring launch" press_release <@${PAM}|pam> <#${CHANNEL}|launch>`, {
      teamId: TEAM,
      userId: PAM,
      channelId: CHANNEL,
    });
  });
  afterAll(async () => {
    await t?.stop();
  });
  beforeEach(() => t.slack.reset());

  it('restricted_action (only admins may post there): the answer reaches the asker privately', async () => {
    t.slack.failNext('chat.postMessage', { error: 'restricted_action' });
    const { ts } = await ask('who owns 1');
    await t.slack.waitFor('chat.postEphemeral', (c) => c.args.user === MAX, 5_000);
    expect(accepted(answersIn(ts))).toHaveLength(0);
    const notes = notesTo(MAX);
    expect(notes).toHaveLength(1);
    expect(textOf(notes[0])).toContain('Spring launch');
    expect(apologies()).toEqual([]);
  });

  it('429: the client waits out Retry-After and answers in the thread once', async () => {
    t.slack.failNext('chat.postMessage', RATE_LIMITED);
    const { ts } = await ask('who owns spring launch');
    await t.slack.waitFor('chat.postMessage', (c) => !c.fault && c.args.thread_ts === ts, 5_000);
    const answers = answersIn(ts);
    expect(answers.map((c) => Boolean(c.fault))).toEqual([true, false]);
    expect(textOf(answers[1])).toContain('Spring launch');
    expect(apologies()).toEqual([]);
  });

  it('a thread reply that lands after the client timed out: one answer, no apology, none on redelivery', async () => {
    t.slack.failNext('chat.postMessage', LATE);
    const { ts, again } = await ask('who owns 1');
    await again();
    expect(answersIn(ts)).toHaveLength(1);
    expect(textOf(answersIn(ts)[0])).toContain('Spring launch');
    expect(apologies()).toEqual([]);
  });

  it('a greeting whose reply lands late is answered once as well', async () => {
    t.slack.failNext('chat.postMessage', LATE);
    const { ts, again } = await ask('good morning');
    await again();
    expect(answersIn(ts)).toHaveLength(1);
    expect(apologies()).toEqual([]);
  });
});
