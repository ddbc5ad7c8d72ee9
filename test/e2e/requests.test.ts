import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/databases.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';

const TEAM = 'T_REQ';
const USER = 'UREQ00001';
const ctx = { teamId: TEAM, userId: USER, channelId: 'C_REQ' };

describe.each(BACKENDS)('Slack requests on %s', (backend) => {
  let t: RunningTandem;
  beforeAll(async () => {
    t = await startTandem(backend);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it.each([
    ['a wrong signature', { secret: 'not-the-signing-secret' }],
    ['a timestamp older than five minutes', { timestamp: Math.floor(Date.now() / 1000) - 301 }],
    ['no signature headers', { omitHeaders: true }],
  ])('rejects a command with %s (401) and writes nothing', async (_name, sign) => {
    const res = await t.sender.command('/initiative', 'add "Forged launch" press_release', ctx, sign);
    expect(res.status).toBe(401);
    expect(await t.db.prisma.initiative.count({ where: { title: 'Forged launch' } })).toBe(0);
    expect(t.slack.callsTo('response_url').filter((c) => JSON.stringify(c.args).includes('Forged'))).toEqual(
      [],
    );
  });

  it('accepts the same command correctly signed', async () => {
    const res = await t.sender.command('/initiative', 'add "Signed launch"', ctx);
    expect(res.status).toBe(200);
    expect(await t.db.prisma.initiative.count({ where: { title: 'Signed launch' } })).toBe(1);
  });

  it('handles an event once when Slack delivers it again as a retry', async () => {
    const event = {
      type: 'app_mention',
      user: USER,
      text: '<@U_TANDEM_BOT> who owns signed launch',
      ts: '1700000000.000200',
      channel: 'C_REQ',
    };
    t.slack.reset();
    const first = await t.sender.event(event, { teamId: TEAM, eventId: 'Ev_ONCE' });
    const retry = await t.sender.event(event, {
      teamId: TEAM,
      eventId: 'Ev_ONCE',
      retryNum: 1,
      retryReason: 'http_timeout',
    });
    expect([first.status, retry.status]).toEqual([200, 200]);
    const answers = t.slack.callsTo('chat.postMessage');
    expect(answers).toHaveLength(1);
    expect(answers[0]?.args.thread_ts).toBe('1700000000.000200');
    expect(JSON.stringify(answers[0]?.args.blocks)).toContain('Signed launch');
    expect(await t.db.prisma.processedEvent.count({ where: { teamId: TEAM, eventId: 'Ev_ONCE' } })).toBe(1);
  });

  it('handles the same event id separately in another workspace', async () => {
    t.slack.reset();
    const event = {
      type: 'app_mention',
      user: USER,
      text: '<@U_TANDEM_BOT> help',
      ts: '1700000000.000300',
      channel: 'C_OTHER',
    };
    await t.sender.event(event, { teamId: 'T_REQ_OTHER', eventId: 'Ev_ONCE' });
    expect(t.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('lets a retry run again when the first attempt failed', async () => {
    t.slack.reset();
    t.slack.failNext('chat.postMessage', { status: 500 });
    const event = {
      type: 'app_mention',
      user: USER,
      text: '<@U_TANDEM_BOT> who owns 1',
      ts: '1700000000.000400',
      channel: 'C_REQ',
    };
    await t.sender.event(event, { teamId: TEAM, eventId: 'Ev_FAILS_FIRST' });
    await t.sender.event(event, {
      teamId: TEAM,
      eventId: 'Ev_FAILS_FIRST',
      retryNum: 1,
      retryReason: 'http_error',
    });
    const posted = t.slack.callsTo('chat.postMessage');
    expect(posted.map((c) => Boolean(c.fault))).toEqual([true, false]);
  });

  it('answers a mention it cannot resolve privately, in the channel it came from', async () => {
    t.slack.reset();
    const event = {
      type: 'app_mention',
      user: USER,
      text: '<@U_TANDEM_BOT> who owns 4242',
      ts: '1700000000.000500',
      channel: 'C_REQ',
    };
    await t.sender.event(event, { teamId: TEAM, eventId: 'Ev_NOT_FOUND' });
    const ephemeral = await t.slack.waitFor('chat.postEphemeral');
    expect(ephemeral.args).toMatchObject({ channel: 'C_REQ', user: USER });
    expect(JSON.stringify(ephemeral.args.blocks)).toContain('#4242');
  });

  it('answers a mention that is not a question with what it can be asked, in the thread', async () => {
    t.slack.reset();
    const event = {
      type: 'app_mention',
      user: USER,
      text: '<@U_TANDEM_BOT> good morning!',
      ts: '1700000000.000600',
      channel: 'C_REQ',
    };
    await t.sender.event(event, { teamId: TEAM, eventId: 'Ev_GREETING' });
    const answer = await t.slack.waitFor('chat.postMessage');
    expect(answer.args.thread_ts).toBe('1700000000.000600');
    expect(JSON.stringify(answer.args.blocks)).toContain('who owns 12');
    expect(t.slack.callsTo('chat.postEphemeral')).toEqual([]);
  });

  it('forgets processed event ids after a week, so the table does not grow forever', async () => {
    const { startScheduler } = await import('../../src/scheduler/scheduler.js');
    await t.sender.event(
      {
        type: 'app_mention',
        user: USER,
        text: '<@U_TANDEM_BOT> help',
        ts: '1700000000.000700',
        channel: 'C_REQ',
      },
      { teamId: TEAM, eventId: 'Ev_OLD' },
    );
    const scheduler = startScheduler(t.deps, t.app.app.client, { cron: false });
    await scheduler.tick();
    expect(await t.db.prisma.processedEvent.count({ where: { eventId: 'Ev_OLD' } })).toBe(1);
    t.clock.advance(8 * 24 * 60 * 60 * 1000);
    await scheduler.tick();
    expect(await t.db.prisma.processedEvent.count({ where: { eventId: 'Ev_OLD' } })).toBe(0);
    scheduler.stop();
  });

  it('serves a health check for load balancers', async () => {
    const res = await fetch(`${t.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
  });
});
