// Graceful shutdown: the built Tandem (`node dist/main.js`, as `npm start` runs it) gets SIGTERM in
// the middle of a burst of signed slash commands. Production acks a command at once and works on
// it from a queue afterwards, so at the signal many acknowledged commands have had no reply yet.
// Every command Slack saw acknowledged (HTTP 200) must get its reply and its initiative; every
// other one must be refused whole, with nothing written; and the process must exit 0 within
// SHUTDOWN_TIMEOUT_MS.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../../scripts/lib/scratch-database.js';
import { type Database, openDatabase } from '../../src/db/database.js';
import { type FakeSlack, startFakeSlack } from '../harness/fake-slack.js';
import { createSlackSender } from '../harness/slack-sender.js';
import { buildTandem, started, startTandemProcess, type TandemProcess } from '../support/tandem-process.js';
import { BOT_TOKEN, SIGNING_SECRET, sleep } from './support.js';

const TEAM = 'T_SHUTDOWN';
const USER = 'USHUT0001';
const SENDERS = 4;
const SIGNAL_AFTER_ACKS = 20;
const AFTER_SIGNAL = 12;
const MAX_COMMANDS = 500;
const SHUTDOWN_TIMEOUT_MS = 10_000;
// Slow replies keep the queue busy well past the signal: 8 at a time, 300 ms each.
const REPLY_LATENCY_MS = 300;

type Outcome = { i: number; status: number | 'connection refused' };

describe('SIGTERM during a burst of slash commands', () => {
  let scratch: ScratchDatabase;
  let db: Database;
  let slack: FakeSlack;
  let tandem: TandemProcess;
  let removeBuild: (() => Promise<void>) | undefined;
  const outcomes: Outcome[] = [];
  let signalledAt = 0;
  let commandsSent = 0;
  let readyDuringDrain: { status: number; body: unknown } | undefined;

  beforeAll(async () => {
    const [build, database, fake] = await Promise.all([
      buildTandem(),
      createScratchDatabase('tandem_shutdown', { template: inject('postgresTemplate') }),
      startFakeSlack({ token: BOT_TOKEN, teamId: TEAM, latencyMs: { response_url: REPLY_LATENCY_MS } }),
    ]);
    removeBuild = build.remove;
    scratch = database;
    slack = fake;
    tandem = await startTandemProcess({
      main: build.main,
      env: {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        DATABASE_URL: scratch.url,
        SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
      },
    });
    await tandem.waitForLog(started);
    const sender = createSlackSender({
      url: `${tandem.baseUrl}/slack/events`,
      signingSecret: SIGNING_SECRET,
    });

    const send = async (i: number): Promise<void> => {
      try {
        const res = await sender.command('/initiative', `add "Burst ${i}" press_release`, {
          teamId: TEAM,
          userId: USER,
          channelId: 'C_SHUTDOWN',
          responseUrl: slack.responseUrl(`burst-${i}`),
        });
        outcomes.push({ i, status: res.status });
      } catch {
        // The server closed once drained: the request never reached Tandem.
        outcomes.push({ i, status: 'connection refused' });
      }
    };
    // Senders keep going, however fast or slow Tandem acks, until AFTER_SIGNAL commands have
    // been sent after the signal, so the burst always spans it.
    let sentAfterSignal = 0;
    const worker = async () => {
      while (sentAfterSignal < AFTER_SIGNAL && commandsSent < MAX_COMMANDS) {
        if (signalledAt) sentAfterSignal++;
        await send(commandsSent++);
        await sleep(10);
      }
    };
    const burst = Promise.all(Array.from({ length: SENDERS }, worker));
    while (outcomes.filter((o) => o.status === 200).length < SIGNAL_AFTER_ACKS) await sleep(5);
    signalledAt = Date.now();
    tandem.child.kill('SIGTERM');
    await tandem.waitForLog((l) => l.msg === 'refusing new work; draining', 5_000);
    const ready = await fetch(`${tandem.baseUrl}/readyz`);
    readyDuringDrain = { status: ready.status, body: await ready.json() };
    await burst;
    await tandem.exited;
    db = await openDatabase({ databaseUrl: scratch.url, dataDir: '', migrate: false, poolSize: 2 });
  }, 120_000);

  afterAll(async () => {
    await tandem?.dispose();
    await db?.close();
    await slack?.close();
    await scratch?.drop();
    await removeBuild?.();
  });

  const repliesTo = (i: number) =>
    slack.callsTo('response_url').filter((c) => c.args.responseUrlId === `burst-${i}`);

  it('exits 0 within SHUTDOWN_TIMEOUT_MS of the signal, having drained', async () => {
    const { code, signal, at } = await tandem.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(at - signalledAt).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
    expect(tandem.logs.find((l) => l.msg === 'shut down')).toMatchObject({ drained: true });
  });

  it('answered /readyz with 503 while draining', () => {
    expect(readyDuringDrain).toEqual({
      status: 503,
      body: { status: 'not ready', notReady: { shutdown: 'shutting down' } },
    });
  });

  it('replied to every acknowledged command exactly once, and wrote its initiative', async () => {
    const acked = outcomes.filter((o) => o.status === 200).map((o) => o.i);
    expect(acked.length).toBeGreaterThanOrEqual(SIGNAL_AFTER_ACKS);
    expect(acked.filter((i) => repliesTo(i).length !== 1)).toEqual([]);
    const titles = new Set(
      (await db.prisma.initiative.findMany({ where: { teamId: TEAM } })).map((r) => r.title),
    );
    expect(acked.filter((i) => !titles.has(`Burst ${i}`))).toEqual([]);
    // The drain is what answered them: many replies were still to come when the signal arrived.
    const repliedAfterSignal = acked.filter((i) => (repliesTo(i)[0]?.at ?? 0) > signalledAt);
    expect(repliedAfterSignal.length).toBeGreaterThan(0);
  });

  it('refused the commands that came after the signal whole: 503 or no connection, nothing written', async () => {
    const refused = outcomes.filter((o) => o.status !== 200);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.filter((o) => o.status !== 503 && o.status !== 'connection refused')).toEqual([]);
    expect(refused.filter((o) => repliesTo(o.i).length > 0)).toEqual([]);
    const written = await db.prisma.initiative.count({
      where: { teamId: TEAM, title: { in: refused.map((o) => `Burst ${o.i}`) } },
    });
    expect(written).toBe(0);
    expect(outcomes).toHaveLength(commandsSent);
  });
});
