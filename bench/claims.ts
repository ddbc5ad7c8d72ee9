import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { createScratchDatabase } from '../scripts/lib/scratch-database.js';
import { SIGNING_SECRET } from '../test/harness/local-tandem.js';
import { createSlackSender } from '../test/harness/slack-sender.js';

const TEAM = 'TBENCH001';
const CHANNEL = 'CBENCH001';
const ts = (i: number) => `1700000000.${String(i).padStart(6, '0')}`;

export interface ClaimRun {
  name: string;
  events: number;
  /** Events fully handled per second, from the first request to the last answer. */
  perSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

export interface ClaimResult {
  runs: ClaimRun[];
  tasks: number;
  owned: number;
  claimEvents: number;
}

interface Status {
  handled: number;
  owned?: number;
  claimEvents?: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function startServer(
  mode: 'tandem' | 'bare',
  tasks: number,
  warmup: number,
  databaseUrl?: string,
): Promise<{ child: ChildProcess; url: string; status: string }> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []),
      '--import',
      'tsx',
      'bench/claims-server.ts',
      mode,
      String(tasks),
      String(warmup),
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...(databaseUrl ? { BENCH_DATABASE_URL: databaseUrl } : {}) },
    },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const [line] = (await once(lines, 'line')) as [string];
  lines.close();
  return { child, ...(JSON.parse(line) as { url: string; status: string }) };
}

async function status(url: string): Promise<Status> {
  return (await (await fetch(url)).json()) as Status;
}

type Sender = ReturnType<typeof createSlackSender>;

/** Sends events first..first+count-1 with `concurrency` in flight; returns each ack's latency. */
async function fire(
  sender: Sender,
  first: number,
  count: number,
  concurrency: number,
  taskOf: (i: number) => number,
) {
  const latencies: number[] = [];
  let failures = 0;
  let next = first;
  const worker = async () => {
    while (next < first + count) {
      const i = next++;
      const sent = performance.now();
      const res = await sender.event(
        {
          type: 'reaction_added',
          user: `UCLAIM${String(i).padStart(6, '0')}`,
          reaction: 'raising_hand',
          item: { type: 'message', channel: CHANNEL, ts: ts(taskOf(i)) },
          event_ts: '1.0',
        },
        { teamId: TEAM, eventId: `EvBENCH${i}` },
      );
      latencies.push(performance.now() - sent);
      if (res.status !== 200) failures++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, failures };
}

async function waitUntilHandled(url: string, count: number): Promise<Status> {
  let last = await status(url);
  for (let waited = 0; last.handled < count && waited < 120_000; waited += 25) {
    await new Promise((r) => setTimeout(r, 25));
    last = await status(url);
  }
  return last;
}

/** Warms the server up on tasks of its own, then fires the measured events and waits until all are handled. */
async function run(
  name: string,
  mode: 'tandem' | 'bare',
  options: { events: number; tasks: number; concurrency: number; warmup: number },
  databaseUrl?: string,
) {
  const warmupTasks = Math.max(1, Math.ceil(options.warmup / 2));
  const server = await startServer(mode, options.tasks, warmupTasks, databaseUrl);
  try {
    const sender = createSlackSender({ url: server.url, signingSecret: SIGNING_SECRET });
    // Warm-up: the JIT, Prisma's query plans and the database pages, on tasks nobody measures.
    await fire(sender, 0, options.warmup, options.concurrency, (i) => options.tasks + (i % warmupTasks));
    await waitUntilHandled(server.status, options.warmup);
    const started = performance.now();
    const { latencies, failures } = await fire(
      sender,
      options.warmup,
      options.events,
      options.concurrency,
      (i) => i % options.tasks,
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
    };
    return { result, last };
  } finally {
    server.child.kill('SIGTERM');
    await once(server.child, 'exit');
  }
}

/**
 * N `reaction_added` claim events from N different people spread over `tasks` task messages:
 * Tandem's production HTTP path (ack first, claim after), on the embedded database and on PostgreSQL, against a
 * bare Bolt app acking the same events; each server in its own process, all in the same run.
 */
export async function benchClaims(options: {
  events: number;
  tasks: number;
  concurrency: number;
  warmup: number;
}): Promise<ClaimResult> {
  const bare = await run('bare Bolt, ack only', 'bare', options);
  const embedded = await run('Tandem claims (embedded)', 'tandem', options);
  const scratch = await createScratchDatabase('tandem_bench');
  try {
    const postgres = await run('Tandem claims (PostgreSQL)', 'tandem', options, scratch.url);
    return {
      runs: [bare.result, embedded.result, postgres.result],
      tasks: options.tasks,
      // Both databases must end with exactly one owner and one claim event per task.
      owned: Math.min(embedded.last.owned ?? 0, postgres.last.owned ?? 0),
      claimEvents: Math.max(embedded.last.claimEvents ?? 0, postgres.last.claimEvents ?? 0),
    };
  } finally {
    await scratch.drop();
  }
}
