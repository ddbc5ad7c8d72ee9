import { benchDigest } from './digest.js';

export interface DigestOptions {
  workspaces: number;
  channels: number;
  iterations: number;
  sharedOn: Array<'embedded' | 'postgres'>;
}

/** Runs the digest benchmark, prints its tables; correct when every workspace got exactly one digest. */
export async function runDigest(options: DigestOptions) {
  const COMPOSE_TARGET_MS = 50;
  const FANOUT_TARGET = 1.2;
  const { workspaces, channels, iterations, sharedOn } = options;
  console.log(
    `\ndigest: compose for 10,000 initiatives and 50,000 tasks (${iterations} runs after 5 warm-ups); ` +
      `fan-out of ${workspaces} workspaces to a Slack stand-in allowing 1 message/s per channel`,
  );
  const result = await benchDigest({
    iterations,
    warmup: 5,
    initiatives: 10_000,
    tasks: 50_000,
    workspaces,
    channels,
    sharedOn,
  });
  const ms = (n: number) => Math.round(n * 10) / 10;
  console.table(
    result.compose.map((r) => ({
      name: r.name,
      queries: r.queries,
      'p50 ms': ms(r.p50),
      'p95 ms': ms(r.p95),
      'SELECT 1 ×N p50 ms': ms(r.baselineP50),
      'SELECT 1 ×N p95 ms': ms(r.baselineP95),
      blocks: r.blocks,
      'seed s': ms(r.seedSeconds),
    })),
  );
  for (const r of result.compose) {
    const pass = r.p50 <= COMPOSE_TARGET_MS;
    console.log(
      `${r.name}: digest ÷ ${r.queries} trivial queries p50 ${(r.p50 / r.baselineP50).toFixed(2)} · ` +
        `p50 ${ms(r.p50)} ms vs target ≤ ${COMPOSE_TARGET_MS} ms: ${pass ? 'pass' : 'MISSED'}`,
    );
    for (const q of r.slowest) console.log(`  ${ms(q.ms)} ms  ${q.label}\n           ${q.plan}`);
  }
  console.table(
    result.fanout.map((r) => ({
      name: r.name,
      'msgs/channel': r.perChannel,
      'total s': ms(r.seconds),
      'bound s': r.boundSeconds,
      // One message per channel: the limit never binds, so the ratio would mean nothing.
      'total ÷ bound': r.perChannel > 1 ? Number((r.seconds / r.boundSeconds).toFixed(2)) : '—',
      'sent (1st pass)': r.outcomes.sent,
      'failed (1st pass)': r.outcomes.failed,
      passes: r.passes,
      '429s': r.rateLimited,
    })),
  );
  for (const r of result.fanout) {
    const ratio = r.seconds / r.boundSeconds;
    // With one message per channel the limit never binds: the run measures throughput, not pacing.
    const verdict =
      r.perChannel > 1
        ? `total ÷ rate-limit bound ${ratio.toFixed(2)}, target ≤ ${FANOUT_TARGET}: ${ratio <= FANOUT_TARGET ? 'pass' : 'MISSED'}`
        : `the limit never binds with one message per channel: ${Math.round(r.workspaces / r.seconds)} digests/s`;
    const retried =
      r.passes > 1
        ? ` · ${r.outcomes.failed} digests gave up after the client's retries and went out on a later pass`
        : '';
    console.log(
      `${r.name}: ${verdict}${retried} · ` +
        (r.exactlyOne ? 'exactly one digest per workspace' : `WRONG: ${r.problems.join('; ')}`),
    );
  }
  return { result, correct: result.fanout.every((r) => r.exactlyOne) };
}
