import { performance } from 'node:perf_hooks';
import { createScratchDatabase } from '../scripts/lib/scratch-database.js';
import { SIGNING_SECRET } from '../test/harness/local-tandem.js';
import { createSlackSender } from '../test/harness/slack-sender.js';
import { type BurstOptions, type BurstRun, burst } from './claims-burst.js';
import { fire, percentile, startServer, stopServer, waitUntilHandled } from './claims-load.js';
import type { CallCounts } from './claims-slack.js';

export type { BurstOptions, BurstRun };

export interface ClaimRun {
  name: string;
  events: number;
  /** Events fully handled per second: from the first request until every event is handled and its Slack output sent. */
  perSecond: number;
  p50: number;
  p99: number;
  failures: number;
  /** Slack calls Slack took per claim, by method (Tandem only). */
  callsPerClaim?: Record<string, number>;
  /** The server process's CPU time per measured event, ms (its Slack stand-in included, for Tandem). */
  cpuPerEvent?: number;
  /** The most events waiting in Tandem's queue at once. */
  peakWaiting?: number;
  owned?: number;
  claimEvents?: number;
  tasks?: number;
}

export interface ClaimResult {
  runs: ClaimRun[];
  bursts: BurstRun[];
}

function perClaim(before: CallCounts | undefined, after: CallCounts | undefined, claims: number) {
  const result: Record<string, number> = {};
  for (const [method, n] of Object.entries(after?.ok ?? {})) {
    const added = n - (before?.ok[method] ?? 0);
    if (added > 0) result[method] = added / claims;
  }
  return result;
}

export interface ThroughputOptions {
  events: number;
  /** Task messages per workspace. */
  tasks: number;
  teams: number;
  concurrency: number;
  warmup: number;
}

/** Warms the server up on tasks of its own, then fires the measured events and waits until all are handled. */
async function run(name: string, mode: 'tandem' | 'bare', options: ThroughputOptions, databaseUrl?: string) {
  const { teams, tasks } = options;
  const warmupTasks = Math.max(1, Math.ceil(options.warmup / 2 / teams));
  const server = await startServer({ mode, tasks, warmupTasks, teams, slack: 'raw' }, databaseUrl);
  try {
    const sender = createSlackSender({ url: server.url, signingSecret: SIGNING_SECRET });
    // Warm-up: the JIT, Prisma's query plans and the database pages, on tasks nobody measures.
    await fire(sender, 0, options.warmup, options.concurrency, (i) => ({
      team: i % teams,
      task: tasks + (Math.floor(i / teams) % warmupTasks),
    }));
    const warm = await waitUntilHandled(server.status, options.warmup);
    const started = performance.now();
    // Workspaces take turns event by event; within one, the tasks in turn, ten claims each.
    const { latencies, failures } = await fire(
      sender,
      options.warmup,
      options.events,
      options.concurrency,
      (i) => ({
        team: i % teams,
        task: Math.floor(i / teams) % tasks,
      }),
    );
    const last = await waitUntilHandled(server.status, options.warmup + options.events);
    const handled = last.handled - options.warmup;
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const result: ClaimRun = {
      name,
      events: options.events,
      perSecond: handled / seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      failures: failures + (options.events - handled),
      ...(last.cpuMs !== undefined && warm.cpuMs !== undefined
        ? { cpuPerEvent: (last.cpuMs - warm.cpuMs) / options.events }
        : {}),
      ...(mode === 'tandem'
        ? {
            callsPerClaim: perClaim(warm.calls, last.calls, options.events),
            peakWaiting: last.depth?.peakWaiting ?? 0,
            owned: last.owned ?? 0,
            claimEvents: last.claimEvents ?? 0,
            tasks: tasks * teams,
          }
        : {}),
    };
    return result;
  } finally {
    await stopServer(server.child);
  }
}

/**
 * N `reaction_added` claim events from N different people over `teams` workspaces: Tandem's
 * production HTTP path (ack first, claim after), on the embedded database and on PostgreSQL,
 * against a bare Bolt app acking the same events; each server in its own process, all in the same
 * run. Then the burst against Slack's tier limits, on each database in `burstOn`.
 */
export async function benchClaims(
  options: ThroughputOptions & { burst: BurstOptions; burstOn: Array<'embedded' | 'postgres'> },
): Promise<ClaimResult> {
  const runs = [await run('bare Bolt, ack only', 'bare', options)];
  runs.push(await run('Tandem claims (embedded)', 'tandem', options));
  const bursts: BurstRun[] = [];
  if (options.burstOn.includes('embedded')) bursts.push(await burst('burst (embedded)', options.burst));
  const scratch = await createScratchDatabase('tandem_bench');
  try {
    runs.push(await run('Tandem claims (PostgreSQL)', 'tandem', options, scratch.url));
  } finally {
    await scratch.drop();
  }
  if (options.burstOn.includes('postgres')) {
    const burstDb = await createScratchDatabase('tandem_bench');
    try {
      bursts.push(await burst('burst (PostgreSQL)', options.burst, burstDb.url));
    } finally {
      await burstDb.drop();
    }
  }
  return { runs, bursts };
}
