// /healthz, /readyz and /metrics of Tandem's real entry point (src/main.ts as its own process) in
// HTTP mode, on a database of its own on the shared PostgreSQL, against the local Slack stand-in.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../../scripts/lib/scratch-database.js';
import { type FakeSlack, startFakeSlack } from '../harness/fake-slack.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../harness/local-tandem.js';
import { createSlackSender, type SlackSender } from '../harness/slack-sender.js';
import { sampleValue, scrape } from '../support/prometheus.js';
import { started, startTandemProcess, type TandemProcess } from '../support/tandem-process.js';

const TEAM = 'T_OPS';
const ctx = { teamId: TEAM, userId: 'UOPS00001', channelId: 'C_OPS' };

describe('operational endpoints in HTTP mode', () => {
  let scratch: ScratchDatabase;
  let slack: FakeSlack;
  let tandem: TandemProcess;
  let sender: SlackSender;

  beforeAll(async () => {
    scratch = await createScratchDatabase('tandem_ops', { template: inject('postgresTemplate') });
    slack = await startFakeSlack({ token: BOT_TOKEN, teamId: TEAM });
    tandem = await startTandemProcess({
      env: {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        DATABASE_URL: scratch.url,
      },
    });
    await tandem.waitForLog(started);
    sender = createSlackSender({
      url: `${tandem.baseUrl}/slack/events`,
      signingSecret: SIGNING_SECRET,
      responseUrl: () => slack.responseUrl(),
    });
  });
  afterAll(async () => {
    await tandem?.dispose();
    await slack?.close();
    await scratch?.drop();
  });

  it('/healthz answers ok, /readyz ready: database, migrations and the Slack token all checked', async () => {
    const health = await fetch(`${tandem.baseUrl}/healthz`);
    expect([health.status, await health.text()]).toEqual([200, 'ok']);
    const ready = await fetch(`${tandem.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    expect(slack.callsTo('auth.test').length).toBeGreaterThan(0);
  });

  it('/metrics counts exactly the commands and events sent, their acks, and the replies to Slack', async () => {
    const before = await scrape(tandem.baseUrl);
    expect(before.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    const COMMANDS = 5;
    const replies = slack.callsTo('response_url').length;
    for (let i = 0; i < COMMANDS; i++) {
      const res = await sender.command('/initiative', 'help', ctx);
      expect(res.status).toBe(200);
    }
    const event = {
      type: 'app_mention',
      user: ctx.userId,
      text: '<@U_TANDEM_BOT> help',
      ts: '1700000001.000100',
    };
    expect((await sender.event({ ...event, channel: 'C_OPS' }, { teamId: TEAM })).status).toBe(200);
    // The first requests of a fresh process are slow (connections, Prisma's first queries).
    await slack.waitFor('chat.postMessage', (c) => c.args.thread_ts === event.ts, 20_000);
    while (slack.callsTo('response_url').length < replies + COMMANDS)
      await new Promise((r) => setTimeout(r, 20));

    const after = await scrape(tandem.baseUrl);
    const delta = (name: string, labels: Record<string, string> = {}) =>
      sampleValue(after.samples, name, labels) - sampleValue(before.samples, name, labels);
    expect(delta('tandem_requests_total', { type: 'command' })).toBe(COMMANDS);
    expect(delta('tandem_acks_total', { type: 'command' })).toBe(COMMANDS);
    expect(delta('tandem_ack_seconds_count', { type: 'command' })).toBe(COMMANDS);
    expect(delta('tandem_requests_total', { type: 'event' })).toBe(1);
    expect(delta('tandem_slack_api_calls_total', { method: 'response_url', status: '200' })).toBe(COMMANDS);
    expect(delta('tandem_slack_api_calls_total', { method: 'chat.postMessage', status: '200' })).toBe(1);
    // Replies are timed once each request's handling ends, which is after its reply arrived.
    const handled = async () =>
      sampleValue((await scrape(tandem.baseUrl)).samples, 'tandem_reply_seconds_count', { type: 'command' }) -
      sampleValue(before.samples, 'tandem_reply_seconds_count', { type: 'command' });
    while ((await handled()) < COMMANDS) await new Promise((r) => setTimeout(r, 20));
    expect(await handled()).toBe(COMMANDS);

    // Bolt's own at init, and the check whether this workspace had uninstalled Tandem before.
    expect(
      sampleValue(after.samples, 'tandem_slack_api_calls_total', { method: 'auth.test', status: '200' }),
    ).toBe(2);
    expect(sampleValue(after.samples, 'tandem_queue_waiting', { queue: 'commands' })).toBe(0);
    // The event queue's depth, and how many workspaces have events waiting their turn.
    expect(sampleValue(after.samples, 'tandem_queue_waiting', { queue: 'events' })).toBe(0);
    expect(sampleValue(after.samples, 'tandem_queue_lanes', { queue: 'events' })).toBe(0);
    expect(after.samples.some((s) => s.name === 'tandem_queue_lanes')).toBe(true);
    expect(sampleValue(after.samples, 'tandem_requests_in_flight')).toBe(0);
    // Node's own process metrics are kept.
    expect(after.samples.some((s) => s.name === 'process_resident_memory_bytes')).toBe(true);
    expect(after.samples.some((s) => s.name === 'nodejs_eventloop_lag_seconds')).toBe(true);
    // No token or secret in anything /metrics shows.
    const text = await (await fetch(`${tandem.baseUrl}/metrics`)).text();
    expect(text).not.toContain(BOT_TOKEN);
    expect(text).not.toContain('/response/');
  });

  it('/readyz answers 503 naming the database once it is gone, while /healthz still answers ok', async () => {
    await scratch.drop();
    const ready = await fetch(`${tandem.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'not ready', notReady: { database: 'not reachable' } });
    expect((await fetch(`${tandem.baseUrl}/healthz`)).status).toBe(200);
    const text = JSON.stringify(tandem.logs);
    expect(text).not.toContain(BOT_TOKEN);
    expect(text).not.toContain(SIGNING_SECRET);
  });
});
