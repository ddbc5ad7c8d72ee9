import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo, Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { App, HTTPReceiver } from '@slack/bolt';
import { systemClock } from '../src/clock.js';
import { openDatabase } from '../src/db/database.js';
import { createLogger } from '../src/logger.js';
import { SIGNING_SECRET, startLocalTandem } from '../test/harness/local-tandem.js';
import { createSlackSender } from '../test/harness/slack-sender.js';

export interface ClaimRun {
  name: string;
  events: number;
  /** Events fully handled per second (for the bare app: acked per second). */
  perSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

export interface ClaimResult {
  runs: ClaimRun[];
  tasks: number;
  tasksWithOneOwner: number;
  claimEvents: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Sends every event at once (bounded by `concurrency` in flight) and times each ack. */
async function fire(url: string, count: number, concurrency: number, event: (i: number) => Record<string, unknown>, teamId: string) {
  const sender = createSlackSender({ url, signingSecret: SIGNING_SECRET });
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const started = performance.now();
      const res = await sender.event(event(i), { teamId, eventId: `EvBENCH${i}` });
      latencies.push(performance.now() - started);
      if (res.status !== 200) failures++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies: latencies.sort((a, b) => a - b), failures, seconds: (performance.now() - started) / 1000 };
}

async function startBareBolt(): Promise<{ url: string; stop(): Promise<void> }> {
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, endpoints: '/slack/events' });
  const app = new App({ receiver, token: 'xoxb-bench', tokenVerificationEnabled: false, botId: 'B1', botUserId: 'U1' });
  app.event('reaction_added', async () => {});
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`,
    async stop() {
      await app.stop();
    },
  };
}

/**
 * N `reaction_added` claim events from N different people, spread over `tasks` task messages,
 * through Tandem's production HTTP path (ack first, claim after), and the same events acked by a
 * bare Bolt app in the same run.
 */
export async function benchClaims(options: { events: number; tasks: number; concurrency: number }): Promise<ClaimResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tandem-bench-claims-'));
  const db = await openDatabase({ dataDir: path.join(dir, 'data') });
  const teamId = 'TBENCH001';
  const tandem = await startLocalTandem({ db, clock: systemClock, logger: createLogger('silent'), defaultTimezone: 'UTC', processBeforeResponse: false });
  const bare = await startBareBolt();
  try {
    const workspace = await db.prisma.workspace.create({ data: { teamId, nextInitiativeNumber: 2, nextTaskNumber: options.tasks + 1 } });
    const initiative = await db.prisma.initiative.create({
      data: { teamId: workspace.teamId, number: 1, title: 'Bench launch', leadDiscipline: 'pr', createdBy: 'UBENCH' },
    });
    await db.prisma.task.createMany({
      data: Array.from({ length: options.tasks }, (_, i) => ({
        teamId,
        number: i + 1,
        initiativeId: initiative.id,
        title: `Bench task ${i + 1}`,
        messageChannel: 'CBENCH001',
        messageTs: `1700000000.${String(i).padStart(6, '0')}`,
        createdBy: 'UBENCH',
      })),
    });
    const event = (i: number) => ({
      type: 'reaction_added',
      user: `UCLAIM${String(i).padStart(6, '0')}`,
      reaction: 'raising_hand',
      item: { type: 'message', channel: 'CBENCH001', ts: `1700000000.${String(i % options.tasks).padStart(6, '0')}` },
      event_ts: '1.0',
    });

    const baseline = await fire(bare.url, options.events, options.concurrency, event, teamId);
    const measured = await fire(`${tandem.baseUrl}/slack/events`, options.events, options.concurrency, event, teamId);
    // Acks come first; the claims finish after. Wait until every event has been handled.
    const handledBy = performance.now();
    // Every claim ends with exactly one private answer ("You claimed" or "already claimed").
    while (tandem.slack.callsTo('chat.postEphemeral').length < options.events) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const tandemSeconds = measured.seconds + (performance.now() - handledBy) / 1000;
    const owned = await db.prisma.task.count({ where: { teamId, assigneeId: { not: null } } });
    const claimEvents = await db.prisma.ownershipEvent.count({ where: { teamId, change: 'claimed' } });
    return {
      tasks: options.tasks,
      tasksWithOneOwner: owned,
      claimEvents,
      runs: [
        {
          name: 'bare Bolt, ack only',
          events: options.events,
          perSecond: options.events / baseline.seconds,
          p50: percentile(baseline.latencies, 50),
          p99: percentile(baseline.latencies, 99),
          failures: baseline.failures,
        },
        {
          name: 'Tandem claims (PGlite)',
          events: options.events,
          perSecond: options.events / tandemSeconds,
          p50: percentile(measured.latencies, 50),
          p99: percentile(measured.latencies, 99),
          failures: measured.failures,
        },
      ],
    };
  } finally {
    await bare.stop();
    await tandem.stop();
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}
