import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo, Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { App, HTTPReceiver } from '@slack/bolt';
import autocannon from 'autocannon';
import { systemClock } from '../src/clock.js';
import { openDatabase } from '../src/db/database.js';
import { createLogger } from '../src/logger.js';
import { SIGNING_SECRET, startLocalTandem } from '../test/harness/local-tandem.js';
import { sign, slashCommandBody } from '../test/harness/slack-sender.js';

export interface LoadResult {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Connection errors, timeouts and non-2xx answers: must be 0 for a valid run. */
  failures: number;
}

/** One signed request reused for the whole run: Slack's five-minute window outlasts any run here. */
function signedCommand(text: string, responseUrl: string) {
  const body = slashCommandBody('/initiative', text, {
    teamId: 'TBENCH001',
    userId: 'UBENCH001',
    channelId: 'CBENCH001',
    responseUrl,
    triggerId: 'trig.bench',
  });
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(SIGNING_SECRET, timestamp, body),
    },
  };
}

async function load(
  name: string,
  url: string,
  request: ReturnType<typeof signedCommand>,
  seconds: number,
  connections: number,
): Promise<LoadResult> {
  const result = await autocannon({ url, method: 'POST', ...request, duration: seconds, connections });
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

/** A Bolt app that only acks: the floor Tandem's own ack path is measured against. */
async function startBareBolt(): Promise<{ url: string; stop(): Promise<void> }> {
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, endpoints: '/slack/events' });
  const app = new App({
    receiver,
    token: 'xoxb-bench',
    tokenVerificationEnabled: false,
    botId: 'B1',
    botUserId: 'U1',
  });
  app.command('/initiative', async ({ ack }) => {
    await ack();
  });
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`,
    async stop() {
      await app.stop();
    },
  };
}

/**
 * Signed `/initiative list` commands through Tandem's production HTTP path (signature check, ack,
 * then a database query and a response_url reply) against a bare Bolt app acking the same
 * requests, in the same run and process.
 */
export async function benchAck(options: { seconds: number; connections: number }): Promise<LoadResult[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tandem-bench-'));
  const db = await openDatabase({ dataDir: path.join(dir, 'data') });
  const bare = await startBareBolt();
  const tandem = await startLocalTandem({
    db,
    clock: systemClock,
    logger: createLogger('silent'),
    defaultTimezone: 'UTC',
    processBeforeResponse: false,
  });
  const { slack } = tandem;
  try {
    const tandemUrl = `${tandem.baseUrl}/slack/events`;
    const help = signedCommand('help', slack.responseUrl('bench-help'));
    const list = signedCommand('list', slack.responseUrl('bench-list'));
    const { seconds, connections } = options;
    await load('warm-up', bare.url, help, 1, connections);
    const baseline = await load('bare Bolt, ack only', bare.url, help, seconds, connections);
    await load('warm-up', tandemUrl, help, 1, connections);
    const helpResult = await load(
      'Tandem /initiative help (no database)',
      tandemUrl,
      help,
      seconds,
      connections,
    );
    const listResult = await load(
      'Tandem /initiative list (3 queries, PGlite)',
      tandemUrl,
      list,
      seconds,
      connections,
    );
    const replies = slack.callsTo('response_url').length;
    if (replies === 0) throw new Error('Tandem acked but never replied: the benchmark measured nothing real');
    return [baseline, helpResult, listResult];
  } finally {
    await tandem.stop();
    await bare.stop();
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}
