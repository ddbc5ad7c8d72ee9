// The claims bench's load generator side: starting a server process, signed claim events with a
// number in flight, and the server's status.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import type { createSlackSender } from '../test/harness/slack-sender.js';
import { benchChannel, benchTeam, benchTs } from './claims-names.js';
import type { CallCounts, MessageCheck } from './claims-slack.js';

export interface Status {
  /** Events handled to the end. */
  handled: number;
  /** Work still in flight: events, or the Slack output they caused. */
  busy?: boolean;
  /** CPU time the server's process has used so far, user and system, in ms. */
  cpuMs?: number;
  /** People told privately. */
  answered?: number;
  owned?: number;
  claimEvents?: number;
  calls?: CallCounts;
  depth?: { peakWaiting: number };
  warnings?: number;
  idleMs?: number;
  messages?: MessageCheck;
  dropped?: Record<string, number>;
  refusedPerMinute?: Record<string, number[]>;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function startServer(
  args: {
    mode: 'tandem' | 'bare';
    tasks: number;
    warmupTasks: number;
    teams: number;
    slack: 'raw' | 'tiers';
  },
  databaseUrl?: string,
): Promise<{ child: ChildProcess; url: string; status: string }> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROFILE
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR ?? '/tmp/prof'}`]
        : []),
      '--import',
      'tsx',
      'bench/claims-server.ts',
      args.mode,
      String(args.tasks),
      String(args.warmupTasks),
      String(args.teams),
      args.slack,
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

export async function status(url: string, query = ''): Promise<Status> {
  return (await (await fetch(`${url}${query}`)).json()) as Status;
}

export async function stopServer(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await once(child, 'exit');
}

export type Sender = ReturnType<typeof createSlackSender>;

/** Sends events first..first+count-1 with `concurrency` in flight; returns each ack's latency. */
export async function fire(
  sender: Sender,
  first: number,
  count: number,
  concurrency: number,
  target: (i: number) => { team: number; task: number },
) {
  const latencies: number[] = [];
  let failures = 0;
  let next = first;
  const worker = async () => {
    while (next < first + count) {
      const i = next++;
      const { team, task } = target(i);
      const sent = performance.now();
      const res = await sender.event(
        {
          type: 'reaction_added',
          user: `UCLAIM${String(i).padStart(6, '0')}`,
          reaction: 'raising_hand',
          item: { type: 'message', channel: benchChannel(team), ts: benchTs(task) },
          event_ts: '1.0',
        },
        { teamId: benchTeam(team), eventId: `EvBENCH${i}` },
      );
      latencies.push(performance.now() - sent);
      if (res.status !== 200) failures++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, failures };
}

/** Waits until `count` events are handled and their output sent; then reads the full status. */
export async function waitUntilHandled(url: string, count: number): Promise<Status> {
  let last = await status(url);
  for (let waited = 0; (last.handled < count || last.busy) && waited < 300_000; waited += 25) {
    await new Promise((r) => setTimeout(r, 25));
    last = await status(url);
  }
  return { ...(await status(url, '?full')), handled: last.handled, cpuMs: last.cpuMs };
}
