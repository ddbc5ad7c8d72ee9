// `npm run bench -- replicas`: the reply rate of two Tandem replicas on one PostgreSQL against one.
// Both replicas run for the whole benchmark as separate processes; the one-replica phases send to
// the first only. Phases alternate (one, two, one, two…) so a change in the machine's load
// touches both alike. Closed loop: `connections` requests in flight, each sent when one finishes.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createScratchDatabase } from '../scripts/lib/scratch-database.js';
import { signedCommand } from './signed-requests.js';

interface Replica {
  child: ChildProcess;
  url: string;
  responseUrl: string;
}

const TEAM = 'TBENCHREP';
const TARGET = 1.2;

async function startReplica(databaseUrl: string): Promise<Replica> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/replica-server.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, BENCH_DATABASE_URL: databaseUrl },
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const [line] = (await once(lines, 'line')) as [string];
  lines.close();
  return { child, ...(JSON.parse(line) as { url: string; responseUrl: string }) };
}

let sent = 0;

/** Half reads (who owns #1, with its history), half writes (a new initiative and its history). */
async function send(replica: Replica): Promise<boolean> {
  const n = ++sent;
  const request =
    n % 2 === 0
      ? signedCommand('/tandem', 'who-owns 1', ctx(replica, n))
      : signedCommand('/initiative', `add "Load ${n}" campaign`, ctx(replica, n));
  try {
    const res = await fetch(replica.url, { method: 'POST', headers: request.headers, body: request.body });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

const ctx = (replica: Replica, n: number) => ({
  teamId: TEAM,
  userId: `UBENCH${String(n % 50).padStart(3, '0')}`,
  channelId: 'CBENCHREP',
  responseUrl: replica.responseUrl,
});

async function phase(replicas: Replica[], seconds: number, connections: number) {
  let replies = 0;
  let failures = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, worker) => {
      const replica = replicas[worker % replicas.length] as Replica;
      while (Date.now() < until) {
        if (await send(replica)) replies++;
        else failures++;
      }
    }),
  );
  return { replicas: replicas.length, perSecond: replies / seconds, failures };
}

export async function benchReplicas(options: { seconds: number; connections: number; rounds: number }) {
  const database = await createScratchDatabase('tandem_bench');
  const replicas: Replica[] = [];
  try {
    // One at a time: the second finds the migrations applied (under the migration lock either way).
    replicas.push(await startReplica(database.url));
    replicas.push(await startReplica(database.url));
    const [first] = replicas as [Replica, Replica];
    if (!(await send(first))) throw new Error('the first replica did not answer');
    // Warm both (JIT, pools, caches) before anything counts.
    await phase(replicas, 2, options.connections);
    const runs: Array<Awaited<ReturnType<typeof phase>>> = [];
    for (let round = 0; round < options.rounds; round++) {
      runs.push(await phase([first], options.seconds, options.connections));
      runs.push(await phase(replicas, options.seconds, options.connections));
    }
    const best = (n: number) => Math.max(...runs.filter((r) => r.replicas === n).map((r) => r.perSecond));
    const ratio = best(2) / best(1);
    return { runs, onePerSecond: best(1), twoPerSecond: best(2), ratio, target: TARGET };
  } finally {
    for (const r of replicas) r.child.kill('SIGTERM');
    await Promise.all(replicas.map((r) => (r.child.exitCode === null ? once(r.child, 'exit') : null)));
    await database.drop();
  }
}

/** Prints the table and the verdict; correct when no request failed. */
export async function runReplicas(options: Parameters<typeof benchReplicas>[0]) {
  console.log(
    `\nreplicas: ${options.connections} requests in flight for ${options.seconds} s per phase, ${options.rounds} rounds; half /tandem who-owns, half /initiative add`,
  );
  const result = await benchReplicas(options);
  console.table(
    result.runs.map((r) => ({
      replicas: r.replicas,
      'replies/s': Math.round(r.perSecond),
      failures: r.failures,
    })),
  );
  const met = result.ratio >= TARGET;
  console.log(
    `two replicas ÷ one: ${result.ratio.toFixed(2)}× (best ${Math.round(result.twoPerSecond)} vs ${Math.round(result.onePerSecond)} replies/s; target ≥ ${TARGET}×) ${met ? 'met' : 'MISSED'}`,
  );
  return { result, correct: result.runs.every((r) => r.failures === 0) };
}
