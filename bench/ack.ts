// `npm run bench -- ack`: signed `/initiative add` commands at fixed rates through the HTTP
// receiver, against Tandem (its own process, on the embedded database and on PostgreSQL) and a bare Bolt app that
// only acks, in the same run. Measures the ack, and the time until Tandem's reply reaches the
// Slack stand-in through response_url; then steps the rate up to find the highest sustainable one.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { createScratchDatabase } from '../scripts/lib/scratch-database.js';
import { makeTempDir } from '../src/db/embedded-postgres-root.js';
import { fireAtRate, type Shot } from './fixed-rate.js';
import {
  type Server,
  type SlackStandIn,
  spawnBareBolt,
  spawnTandem,
  startReady,
  startSlackStandIn,
} from './processes.js';
import { type Spread, sleep, spread } from './results.js';
import { signedCommand } from './signed-requests.js';

export type AckTarget = 'bare' | 'embedded' | 'postgres';
export const TARGET_NAMES: Record<AckTarget, string> = {
  bare: 'bare Bolt, ack only',
  embedded: 'Tandem on embedded PostgreSQL',
  postgres: 'Tandem on PostgreSQL',
};

export interface AckOptions {
  targets: AckTarget[];
  rates: number[];
  seconds: number;
  /** Rates tried in order, each for stepSeconds, until one is not sustainable. */
  steps: number[];
  stepSeconds: number;
  /** Commands come from this many workspaces (a hosted app serves many; each adds under its own lock). */
  teams: number;
}

export interface RateRun {
  target: AckTarget;
  rate: number;
  seconds: number;
  sent: number;
  /** Non-200 answers, connection errors and timeouts (10 s). */
  ackFailures: number;
  /** Why acks failed: HTTP status or error message, with counts. */
  ackFailureReasons: Record<string, number>;
  ack: Spread;
  /** Tandem only: one success reply per request is expected. */
  replies?: { received: number; missing: number; duplicated: number; errorReplies: number; latency: Spread };
  /** How late the generator sent requests (p99, ms): large values mean the generator, not the app, is the limit. */
  generatorLagP99: number;
  /** Log lines at error level the server wrote during this run. */
  errorLogs: number;
  sustainable: boolean;
}

export interface AckResult {
  runs: RateRun[];
  steps: RateRun[];
  maxSustainable: Partial<Record<AckTarget, number | null>>;
  /** Distinct warn/error log messages each server wrote over the whole run, with counts. */
  errorSamples: string[];
}

const SUSTAINABLE_P99_MS = 1000;

async function drainReplies(slack: SlackStandIn, prefix: string, expected: number): Promise<void> {
  let last = -1;
  let still = 0;
  while (still < 10_000) {
    const count = await slack.replyCount(prefix);
    if (count >= expected) return;
    still = count === last ? still + 250 : 0;
    last = count;
    await sleep(250);
  }
}

async function runRate(
  target: AckTarget,
  server: Server,
  slack: SlackStandIn,
  rate: number,
  seconds: number,
  tag: string,
  teams: number,
): Promise<RateRun> {
  const errorsBefore = server.logs.errors;
  const shots: Shot[] = await fireAtRate({
    url: server.eventsUrl,
    rate,
    seconds,
    build: (i) => {
      const id = `${tag}-${i}`;
      return signedCommand('/initiative', `add Bench ${id}`, {
        teamId: `TBENCH${i % teams}`,
        userId: `UBENCH${i % 50}`,
        channelId: 'CBENCH001',
        responseUrl: slack.responseUrl(id),
      });
    },
  });
  const ok = shots.filter((s) => s.status === 200 && s.ackMs !== undefined);
  const run: RateRun = {
    target,
    rate,
    seconds,
    sent: shots.length,
    ackFailures: shots.length - ok.length,
    ackFailureReasons: {},
    ack: spread(ok.map((s) => s.ackMs ?? 0)),
    generatorLagP99: spread(shots.map((s) => s.lagMs)).p99,
    errorLogs: 0,
    sustainable: false,
  };
  for (const shot of shots) {
    if (shot.status === 200 && shot.ackMs !== undefined) continue;
    const reason = shot.error ?? `HTTP ${shot.status}`;
    run.ackFailureReasons[reason] = (run.ackFailureReasons[reason] ?? 0) + 1;
  }
  if (target !== 'bare') {
    await drainReplies(slack, `${tag}-`, shots.length);
    const byId = new Map<string, number>();
    const latencies: number[] = [];
    let errorReplies = 0;
    for (const [id, at, responseType, hasId] of await slack.replies(`${tag}-`)) {
      byId.set(id, (byId.get(id) ?? 0) + 1);
      const shot = shots[Number(id.slice(tag.length + 1))];
      if (responseType !== 'in_channel' || !hasId) errorReplies++;
      else if (shot) latencies.push(at - shot.dueAt);
    }
    run.replies = {
      received: [...byId.values()].reduce((a, b) => a + b, 0),
      missing: shots.length - byId.size,
      duplicated: [...byId.values()].filter((n) => n > 1).length,
      errorReplies,
      latency: spread(latencies),
    };
  }
  run.errorLogs = server.logs.errors - errorsBefore;
  const r = run.replies;
  run.sustainable =
    run.ackFailures === 0 &&
    run.ack.p99 < SUSTAINABLE_P99_MS &&
    run.errorLogs === 0 &&
    (!r || (r.missing === 0 && r.duplicated === 0 && r.errorReplies === 0));
  return run;
}

async function withServer<T>(
  target: AckTarget,
  slack: SlackStandIn,
  fn: (server: Server) => Promise<T>,
): Promise<T> {
  if (target === 'bare') {
    const server = await startReady(spawnBareBolt);
    try {
      return await fn(server);
    } finally {
      await server.stop();
    }
  }
  const dir = await makeTempDir('tandem-bench-ack-');
  const scratch = target === 'postgres' ? await createScratchDatabase('tandem_bench_ack') : undefined;
  try {
    const database = scratch ? { databaseUrl: scratch.url } : { dataDir: path.join(dir, 'data') };
    const server = await startReady(() => spawnTandem(database, slack.apiUrl));
    try {
      return await fn(server);
    } finally {
      await server.stop();
    }
  } finally {
    await scratch?.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function benchAck(options: AckOptions, log: (line: string) => void): Promise<AckResult> {
  const slack = await startSlackStandIn();
  const result: AckResult = { runs: [], steps: [], maxSustainable: {}, errorSamples: [] };
  try {
    for (const target of options.targets) {
      await withServer(target, slack, async (server) => {
        // Warm-up: the JIT, the workspaces' rows, the database's pages and plans.
        await runRate(target, server, slack, 50, 3, `${target}-warm`, options.teams);
        for (const rate of options.rates) {
          const run = await runRate(
            target,
            server,
            slack,
            rate,
            options.seconds,
            `${target}-r${rate}`,
            options.teams,
          );
          log(
            `  ${TARGET_NAMES[target]} @ ${rate}/s: ack p99 ${run.ack.p99} ms${run.replies ? `, reply p99 ${run.replies.latency.p99} ms` : ''}`,
          );
          result.runs.push(run);
        }
        let best: number | null = null;
        for (const rate of options.steps) {
          const run = await runRate(
            target,
            server,
            slack,
            rate,
            options.stepSeconds,
            `${target}-s${rate}`,
            options.teams,
          );
          log(
            `  step ${TARGET_NAMES[target]} @ ${rate}/s: ${run.sustainable ? 'sustained' : 'NOT sustained'} (ack p99 ${run.ack.p99} ms, ${run.ackFailures} failed)`,
          );
          result.steps.push(run);
          if (!run.sustainable) break;
          best = rate;
        }
        result.maxSustainable[target] = best;
        for (const [message, count] of server.logs.messages) {
          result.errorSamples.push(`${TARGET_NAMES[target]}: ${count} × ${message}`);
        }
      });
    }
  } finally {
    await slack.stop();
  }
  return result;
}
