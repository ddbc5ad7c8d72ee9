// Child process of `npm run bench -- claims`: the app under test runs here, the load generator in
// the parent, so the two do not share one event loop (or, on two cores, one core).
// Usage: tsx bench/claims-server.ts tandem|bare <tasks per team> <warm-up tasks per team> <teams> raw|tiers
// Prints one JSON line when ready. BENCH_DATABASE_URL selects PostgreSQL for Tandem.
// `raw` lifts the Slack stand-in's tier limits (Tandem's own throughput is measured, not Slack's
// pacing); `tiers` keeps Slack's published limits, as the burst run needs.
import { rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import { App, HTTPReceiver } from '@slack/bolt';
import { SLACK_RETRY_POLICY } from '../src/app.js';
import { systemClock } from '../src/clock.js';
import { eventQueueDepth } from '../src/core/requests/event-queue.js';
import { openDatabase } from '../src/db/database.js';
import { makeTempDir } from '../src/db/embedded-postgres-root.js';
import { createLogger } from '../src/logger.js';
import { metrics } from '../src/runtime/metrics.js';
import { SIGNING_SECRET, startLocalTandem } from '../test/harness/local-tandem.js';
import { benchChannel, benchTeam, benchTs } from './claims-names.js';
import { checkMessages, countCalls, droppedCalls, refusalsPerMinute } from './claims-slack.js';

const [mode = 'tandem', tasksArg = '50', warmupArg = '0', teamsArg = '1', slackArg = 'raw'] =
  process.argv.slice(2);
const measuredTasks = Number(tasksArg);
// Warm-up tasks come after the measured ones, so warm-up claims never touch a measured task.
const tasks = measuredTasks + Number(warmupArg);
const teams = Array.from({ length: Number(teamsArg) }, (_, k) => benchTeam(k));

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function listen(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

if (mode === 'bare') {
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, endpoints: '/slack/events' });
  const app = new App({
    receiver,
    token: 'xoxb-bench',
    tokenVerificationEnabled: false,
    botId: 'B1',
    botUserId: 'U1',
  });
  let handled = 0;
  app.event('reaction_added', async () => {
    handled++;
  });
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  const status = await listen((_req, res) => res.end(JSON.stringify({ handled, cpuMs: cpuMs() })));
  console.log(
    JSON.stringify({
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`,
      status,
    }),
  );
} else {
  const dir = await makeTempDir('tandem-bench-claims-');
  // BENCH_DATABASE_URL: an empty PostgreSQL database made by the parent; otherwise the embedded database.
  const db = await openDatabase({
    databaseUrl: process.env.BENCH_DATABASE_URL,
    dataDir: path.join(dir, 'data'),
  });
  // Warnings and errors only (a refused Slack call given up on, a dropped event), counted.
  let warnings = 0;
  const sink = new Writable({
    write(_chunk, _enc, done) {
      warnings++;
      done();
    },
  });
  const tandem = await startLocalTandem({
    db,
    clock: systemClock,
    logger: createLogger('warn', sink),
    defaultTimezone: 'UTC',
    processBeforeResponse: false,
    // Production's retries, so that a 429 is waited out as in production.
    retryConfig: SLACK_RETRY_POLICY,
    // Production's cap (1,000 waiting) would shed part of a burst of thousands sent faster than
    // it is handled; the bench measures handling the whole backlog and reports its peak depth.
    limits: { events: { maxWaiting: 100_000 } },
    ...(slackArg === 'raw'
      ? {
          slack: {
            rateLimit: {
              because: 'the throughput run measures Tandem, not Slack’s pacing',
              perMinute: { '*': 'off' },
              postsPerChannelPerMinute: 'off',
            },
          },
        }
      : {}),
  });
  const measured = { teamId: { in: teams }, number: { lte: measuredTasks } };
  // The task messages, as Slack holds them: Tandem posted them, so chat.update may change them.
  for (const k of teams.keys())
    for (let i = 0; i < tasks; i++)
      tandem.slack.setPosted({ channel: benchChannel(k), ts: benchTs(i), text: `Bench task ${i + 1}` });
  for (const [k, teamId] of teams.entries()) {
    await db.prisma.workspace.create({
      data: { teamId, nextInitiativeNumber: 2, nextTaskNumber: tasks + 1 },
    });
    const initiative = await db.prisma.initiative.create({
      data: { teamId, number: 1, title: 'Bench launch', leadDiscipline: 'pr', createdBy: 'UBENCH' },
    });
    await db.prisma.task.createMany({
      data: Array.from({ length: tasks }, (_, i) => ({
        teamId,
        number: i + 1,
        initiativeId: initiative.id,
        title: `Bench task ${i + 1}`,
        messageChannel: benchChannel(k),
        messageTs: benchTs(i),
        createdBy: 'UBENCH',
      })),
    });
  }
  let peakWaiting = 0;
  const sampler = setInterval(() => {
    peakWaiting = Math.max(peakWaiting, eventQueueDepth(tandem.deps).waiting);
  }, 20);
  // Events whose handling has ended (prom-client's count of their handling times).
  const eventsHandled = async () => {
    const { values } = await metrics.replySeconds.get();
    const count = values.find(
      (v) => v.metricName === 'tandem_reply_seconds_count' && v.labels.type === 'event',
    );
    return count?.value ?? 0;
  };
  // A claim is done when its event has been handled and the Slack output it caused (answers,
  // notes, re-renders) has gone out: nothing is in flight. Polled often, so this is all the
  // plain status costs Tandem's process; the rest is read once, with `?full` or `?since`.
  const status = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const calls = tandem.slack.calls;
    const body: Record<string, unknown> = {
      handled: await eventsHandled(),
      cpuMs: cpuMs(),
      busy: tandem.app.lifecycle.inFlight > 0,
      idleMs: Date.now() - (calls.at(-1)?.at ?? 0),
    };
    if (url.searchParams.has('full') || url.searchParams.has('since')) {
      body.owned = await db.prisma.task.count({ where: { ...measured, assigneeId: { not: null } } });
      body.claimEvents = await db.prisma.ownershipEvent.count({
        where: { teamId: { in: teams }, change: 'claimed', task: measured },
      });
      body.calls = countCalls(calls);
      body.depth = { ...eventQueueDepth(tandem.deps), peakWaiting };
      body.warnings = warnings;
      // People told privately (each once, however often Slack was asked).
      body.answered = new Set(
        calls.filter((c) => c.method === 'chat.postEphemeral' && !c.fault).map((c) => c.args.user),
      ).size;
    }
    if (url.searchParams.has('since')) {
      const since = Number(url.searchParams.get('since'));
      const rows = await db.prisma.task.findMany({
        where: measured,
        select: { messageChannel: true, messageTs: true, assigneeId: true },
      });
      body.messages = checkMessages(
        calls,
        rows.map((r) => ({
          channel: String(r.messageChannel),
          ts: String(r.messageTs),
          ownerId: r.assigneeId,
        })),
      );
      body.dropped = droppedCalls(calls);
      body.refusedPerMinute = refusalsPerMinute(calls, since);
    }
    res.end(JSON.stringify(body));
  });
  console.log(JSON.stringify({ url: `${tandem.baseUrl}/slack/events`, status }));
  process.on('SIGTERM', () => {
    void (async () => {
      clearInterval(sampler);
      await tandem.stop();
      await db.close();
      await rm(dir, { recursive: true, force: true });
      process.exit(0);
    })();
  });
}
