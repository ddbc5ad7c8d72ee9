// `npm run bench -- engines`: the embedded database engines side by side, each in a process of its
// own (bench/engines-child.ts), through Prisma with Tandem's schema and migrations.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ENGINE_NAMES, ENGINES, type EngineName } from './engines-list.js';
import type { TreeMemory } from './tree-memory.js';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));

export interface EnginesOptions {
  engines: EngineName[];
  events: number;
  /** Per engine; an engine still running then is stopped and reported as such. */
  timeoutSeconds: number;
}

export interface Checkpoint extends TreeMemory {
  events: number;
  opsPerSecond: number;
}

export interface EngineRun {
  engine: EngineName;
  label: string;
  firstStartMs?: number;
  reopenMs?: number;
  resting?: TreeMemory;
  checkpoints: Checkpoint[];
  /** Why the run did not finish, if it did not. */
  failure?: string;
  /** Load average when this engine's run began. */
  loadAverage: number[];
}

export function parseEngines(list: string): EngineName[] {
  const names = list.split(',').filter(Boolean);
  for (const name of names) {
    if (!(name in ENGINES)) throw new Error(`Unknown engine ${name}. Known: ${ENGINE_NAMES.join(', ')}`);
  }
  return names as EngineName[];
}

async function runEngine(engine: EngineName, options: EnginesOptions): Promise<EngineRun> {
  const { loadavg } = await import('node:os');
  const result: EngineRun = {
    engine,
    label: ENGINES[engine].label,
    checkpoints: [],
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  };
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      'tsx',
      path.join(BENCH_DIR, 'engines-child.ts'),
      '--engine',
      engine,
      '--events',
      String(options.events),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  let done = false;
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (!line.startsWith('@@')) return;
    const message = JSON.parse(line.slice(2)) as { type: string } & Record<string, unknown>;
    if (message.type === 'opened') {
      result.firstStartMs = Math.round(message.firstStartMs as number);
      result.reopenMs = Math.round(message.reopenMs as number);
      result.resting = message.resting as TreeMemory;
      console.log(
        `  ${engine}: first start ${result.firstStartMs} ms, reopen ${result.reopenMs} ms, resting RSS ${result.resting.rssMiB} MiB`,
      );
    } else if (message.type === 'checkpoint') {
      const { type: _, ...checkpoint } = message;
      const c = checkpoint as unknown as Checkpoint;
      c.opsPerSecond = Math.round(c.opsPerSecond);
      result.checkpoints.push(c);
      console.log(
        `  ${engine}: ${c.events} ops, RSS ${c.rssMiB} MiB (PSS ${c.pssMiB}), ${c.opsPerSecond} ops/s`,
      );
    } else if (message.type === 'done') done = true;
  });
  const timer = setTimeout(() => {
    result.failure = `stopped after ${options.timeoutSeconds} s`;
    child.kill('SIGKILL');
  }, options.timeoutSeconds * 1000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  if (!done && !result.failure)
    result.failure = `exited ${code}: ${stderr.trim().split('\n').slice(-5).join(' | ')}`;
  return result;
}

export async function benchEngines(options: EnginesOptions): Promise<EngineRun[]> {
  const runs: EngineRun[] = [];
  for (const engine of options.engines) runs.push(await runEngine(engine, options));
  return runs;
}

const FIRST_START_TARGET_MS = 3000;
const FLAT_WITHIN = 0.1;

export interface EngineVerdict {
  engine: EngineName;
  firstStartMs: number | null;
  restingRssMiB: number | null;
  /** RSS at the first checkpoint (after a tenth of the operations) and at the last. */
  rssWarmMiB: number | null;
  rssLastMiB: number | null;
  rssGrowthPer10kMiB: number | null;
  rssMaxDrift: number | null;
  opsPerSecond: number | null;
  flat: boolean;
  fastFirstStart: boolean;
}

function slope(points: Array<[number, number]>): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

export function reportEngines(runs: EngineRun[]): { verdicts: EngineVerdict[]; correct: boolean } {
  console.table(
    runs.flatMap((r) =>
      r.checkpoints.map((c) => ({
        engine: r.engine,
        ops: c.events,
        'RSS MiB (tree)': c.rssMiB,
        'PSS MiB (tree)': c.pssMiB,
        'Node RSS MiB': c.nodeRssMiB,
        processes: c.processes,
        'ops/s': c.opsPerSecond,
      })),
    ),
  );
  const verdicts = runs.map((r): EngineVerdict => {
    const [warm, ...later] = r.checkpoints;
    const last = r.checkpoints.at(-1);
    const drift = warm ? Math.max(0, ...later.map((c) => Math.abs(c.rssMiB / warm.rssMiB - 1))) : null;
    const ops = r.checkpoints.map((c) => c.opsPerSecond).sort((a, b) => a - b);
    const finished = !r.failure && warm !== undefined;
    return {
      engine: r.engine,
      firstStartMs: r.firstStartMs ?? null,
      restingRssMiB: r.resting?.rssMiB ?? null,
      rssWarmMiB: warm?.rssMiB ?? null,
      rssLastMiB: last?.rssMiB ?? null,
      rssGrowthPer10kMiB: warm
        ? Math.round(slope(r.checkpoints.map((c) => [c.events, c.rssMiB])) * 10_000 * 10) / 10
        : null,
      rssMaxDrift: drift === null ? null : Math.round(drift * 1000) / 1000,
      opsPerSecond: ops[Math.floor(ops.length / 2)] ?? null,
      flat: finished && drift !== null && drift <= FLAT_WITHIN,
      fastFirstStart: (r.firstStartMs ?? Number.POSITIVE_INFINITY) <= FIRST_START_TARGET_MS,
    };
  });
  console.table(
    verdicts.map((v) => ({
      engine: v.engine,
      'first start ms': v.firstStartMs,
      'reopen ms': runs.find((r) => r.engine === v.engine)?.reopenMs,
      'resting RSS MiB': v.restingRssMiB,
      'RSS warm → last MiB': `${v.rssWarmMiB} → ${v.rssLastMiB}`,
      'RSS per 10k ops MiB': v.rssGrowthPer10kMiB,
      'max drift %': v.rssMaxDrift === null ? null : Math.round(v.rssMaxDrift * 1000) / 10,
      'median ops/s': v.opsPerSecond,
    })),
  );
  for (const v of verdicts) {
    console.log(
      `${v.flat ? 'pass' : 'MISSED'}  RSS flat within ±${FLAT_WITHIN * 100} % after warm-up, ${v.engine}; ` +
        `${v.fastFirstStart ? 'pass' : 'MISSED'}  first start ≤ ${FIRST_START_TARGET_MS / 1000} s`,
    );
  }
  for (const r of runs) if (r.failure) console.log(`${r.engine}: did not finish: ${r.failure}`);
  const winners = verdicts.filter((v) => v.flat && v.fastFirstStart);
  const best = winners.sort((a, b) => (a.rssLastMiB ?? 0) - (b.rssLastMiB ?? 0))[0];
  console.log(
    best
      ? `Verdict: ${best.engine} stays flat, starts first within target and uses the least memory (${best.rssLastMiB} MiB at the end).`
      : 'Verdict: no engine met both the flat-memory and the first-start targets.',
  );
  return { verdicts, correct: runs.every((r) => !r.failure) };
}
