import type { MemoryOptions, MemoryRun } from './memory.js';

const FLAT_WITHIN = 0.1;

export interface MemoryVerdict {
  database: string;
  /** The first checkpoint, taken after warm-up; the others are compared with it. */
  warmUpEvents: number;
  rssGrowthPer10kMiB: number;
  heapGrowthPer10kMiB: number;
  /** Largest distance of a later checkpoint from the warm-up one, as a fraction. */
  rssMaxDrift: number;
  heapMaxDrift: number;
  flat: boolean;
}

/** Least-squares slope of y over x. */
function slope(points: Array<[number, number]>): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

export function memoryVerdict(run: MemoryRun): MemoryVerdict {
  const [warm, ...later] = run.checkpoints;
  const drift = (pick: (c: MemoryRun['checkpoints'][number]) => number) =>
    warm ? Math.max(0, ...later.map((c) => Math.abs(pick(c) / pick(warm) - 1))) : 0;
  const per10k = (pick: (c: MemoryRun['checkpoints'][number]) => number) =>
    Math.round(slope(run.checkpoints.map((c) => [c.events, pick(c)])) * 10_000 * 10) / 10;
  // With the embedded database its server's processes count too.
  const rss = (c: MemoryRun['checkpoints'][number]) => c.treeRssMiB;
  const rssMaxDrift = drift(rss);
  const heapMaxDrift = drift((c) => c.heapUsedMiB);
  return {
    database: run.database,
    warmUpEvents: warm?.events ?? 0,
    rssGrowthPer10kMiB: per10k(rss),
    heapGrowthPer10kMiB: per10k((c) => c.heapUsedMiB),
    rssMaxDrift: Math.round(rssMaxDrift * 1000) / 1000,
    heapMaxDrift: Math.round(heapMaxDrift * 1000) / 1000,
    flat: rssMaxDrift <= FLAT_WITHIN && heapMaxDrift <= FLAT_WITHIN,
  };
}

export function reportMemory(
  runs: MemoryRun[],
  options: MemoryOptions,
): { verdicts: MemoryVerdict[]; correct: boolean } {
  console.table(
    runs.flatMap((r) =>
      r.checkpoints.map((c) => ({
        database: r.database,
        events: c.events,
        'RSS MiB': c.rssMiB,
        'RSS with server MiB': c.treeRssMiB,
        'PSS with server MiB': c.treePssMiB,
        'heap used MiB': c.heapUsedMiB,
        'heap total MiB': c.heapTotalMiB,
        'external MiB': c.externalMiB,
      })),
    ),
  );
  const verdicts = runs.map(memoryVerdict);
  for (const v of verdicts) {
    console.log(
      `${v.flat ? 'pass' : 'MISSED'}  memory flat within ±${FLAT_WITHIN * 100} % after ${v.warmUpEvents} warm-up events of ${options.events}, ${v.database}: ` +
        `RSS ${v.rssGrowthPer10kMiB >= 0 ? '+' : ''}${v.rssGrowthPer10kMiB} MiB per 10k events (max drift ${(v.rssMaxDrift * 100).toFixed(1)} %), ` +
        `heap ${v.heapGrowthPer10kMiB >= 0 ? '+' : ''}${v.heapGrowthPer10kMiB} MiB per 10k (max drift ${(v.heapMaxDrift * 100).toFixed(1)} %)`,
    );
  }
  for (const r of runs) {
    const f = r.failures;
    console.log(
      `${r.database}: ${f.acks} failed acks, ${f.missingReplies} commands without a reply, ${f.errorLogs} error log lines`,
    );
    for (const line of r.errorSamples) console.log(`  log: ${line}`);
    for (const [reason, count] of Object.entries(r.ackFailureReasons))
      console.log(`  failed ack: ${count} × ${reason}`);
  }
  const correct = runs.every(
    (r) => r.failures.acks === 0 && r.failures.missingReplies === 0 && r.failures.errorLogs === 0,
  );
  return { verdicts, correct };
}
