import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const RESULTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  /** 1, 5 and 15 minute load averages when the run started: other work on the machine skews figures. */
  loadAverage: number[];
}

export function machineInfo(): MachineInfo {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export function describeMachine(m: MachineInfo = machineInfo()): string {
  return `${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}, load ${m.loadAverage.join(' / ')}`;
}

/** Writes `bench/results/<name>.json` with the machine, the start and end time, the options and the figures. */
export async function writeResult(
  name: string,
  started: { at: Date; machine: MachineInfo },
  options: Record<string, unknown>,
  result: unknown,
): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.json`);
  const document = {
    benchmark: name,
    startedAt: started.at.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { ...started.machine, loadAverageAtEnd: machineInfo().loadAverage },
    options,
    result,
  };
  await writeFile(
    file,
    `${JSON.stringify(document, (_k, v) => (typeof v === 'bigint' ? Number(v) : v), 2)}\n`,
  );
  return path.relative(process.cwd(), file);
}

/** Nearest-rank percentile of an ascending array; 0 for an empty one. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export interface Spread {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? 0),
  };
}

/** Milliseconds since the epoch with sub-millisecond resolution, comparable between processes. */
export function wallClock(): number {
  return performance.timeOrigin + performance.now();
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
