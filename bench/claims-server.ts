// Child process of `npm run bench -- claims`: the app under test runs here, the load generator in
// the parent, so the two do not share one event loop (or, on two cores, one core).
// Usage: tsx bench/claims-server.ts tandem|bare <tasks> <warm-up tasks>. Prints one JSON line when ready.
// BENCH_DATABASE_URL selects PostgreSQL for Tandem.
import { rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import path from 'node:path';
import { App, HTTPReceiver } from '@slack/bolt';
import { systemClock } from '../src/clock.js';
import { openDatabase } from '../src/db/database.js';
import { makeTempDir } from '../src/db/embedded-postgres-root.js';
import { createLogger } from '../src/logger.js';
import { SIGNING_SECRET, startLocalTandem } from '../test/harness/local-tandem.js';

const BENCH_TEAM = 'TBENCH001';
const BENCH_CHANNEL = 'CBENCH001';
const benchTs = (i: number) => `1700000000.${String(i).padStart(6, '0')}`;

const [mode = 'tandem', tasksArg = '50', warmupArg = '0'] = process.argv.slice(2);
// Warm-up tasks come after the measured ones, so warm-up claims never touch a measured task.
const tasks = Number(tasksArg) + Number(warmupArg);

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
  const status = await listen((_req, res) => res.end(JSON.stringify({ handled })));
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
  const tandem = await startLocalTandem({
    db,
    clock: systemClock,
    logger: createLogger('silent'),
    defaultTimezone: 'UTC',
    processBeforeResponse: false,
  });
  await db.prisma.workspace.create({
    data: { teamId: BENCH_TEAM, nextInitiativeNumber: 2, nextTaskNumber: tasks + 1 },
  });
  const initiative = await db.prisma.initiative.create({
    data: { teamId: BENCH_TEAM, number: 1, title: 'Bench launch', leadDiscipline: 'pr', createdBy: 'UBENCH' },
  });
  await db.prisma.task.createMany({
    data: Array.from({ length: tasks }, (_, i) => ({
      teamId: BENCH_TEAM,
      number: i + 1,
      initiativeId: initiative.id,
      title: `Bench task ${i + 1}`,
      messageChannel: BENCH_CHANNEL,
      messageTs: benchTs(i),
      createdBy: 'UBENCH',
    })),
  });
  // Every claim ends with exactly one private answer ("You claimed" or "already claimed").
  const status = await listen(async (_req, res) => {
    const measured = { teamId: BENCH_TEAM, number: { lte: Number(tasksArg) } };
    const owned = await db.prisma.task.count({ where: { ...measured, assigneeId: { not: null } } });
    const claimEvents = await db.prisma.ownershipEvent.count({
      where: { teamId: BENCH_TEAM, change: 'claimed', task: measured },
    });
    res.end(
      JSON.stringify({ handled: tandem.slack.callsTo('chat.postEphemeral').length, owned, claimEvents }),
    );
  });
  console.log(JSON.stringify({ url: `${tandem.baseUrl}/slack/events`, status }));
  process.on('SIGTERM', () => {
    void (async () => {
      await tandem.stop();
      await db.close();
      await rm(dir, { recursive: true, force: true });
      process.exit(0);
    })();
  });
}
