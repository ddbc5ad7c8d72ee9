import { type BurstOptions, benchClaims, type ClaimRun, type ThroughputOptions } from './claims.js';

export type ClaimsOptions = ThroughputOptions & {
  burst: BurstOptions;
  burstOn: Array<'embedded' | 'postgres'>;
};

const round = (n: number, places = 1) => Math.round(n * 10 ** places) / 10 ** places;
const calls = (perMethod: Record<string, number> | undefined) =>
  Object.entries(perMethod ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([method, n]) => `${method} ${round(n, 2)}`)
    .join(' · ');

/** Targets, as ratios against bare Bolt in the same run. */
const TARGETS = { embedded: 0.3, postgres: 0.5, p99: 1.5 };

function verdict(tandem: ClaimRun, bare: ClaimRun): string {
  const throughput = tandem.perSecond / bare.perSecond;
  const wanted = tandem.name.includes('PostgreSQL') ? TARGETS.postgres : TARGETS.embedded;
  const p99 = tandem.p99 / bare.p99;
  return `claims/s ${round(throughput, 2)} × bare (target ≥ ${wanted}: ${throughput >= wanted ? 'met' : 'missed'}) · p99 ack ${round(p99, 2)} × bare (target ≤ ${TARGETS.p99}: ${p99 <= TARGETS.p99 ? 'met' : 'missed'}) · p50 ack ${round(tandem.p50 / bare.p50, 2)} × bare`;
}

/** Runs the claim race and the burst, prints their tables; correct when every task ended with exactly one owner. */
export async function runClaims(options: ClaimsOptions) {
  console.log(
    `\nclaims: ${options.events} reaction_added events from ${options.events} people on ${options.tasks} tasks in each of ${options.teams} workspaces, ${options.concurrency} in flight, Slack's limits lifted`,
  );
  const result = await benchClaims(options);
  console.table(
    result.runs.map((r) => ({
      name: r.name,
      'events/s': Math.round(r.perSecond),
      'p50 ack ms': round(r.p50),
      'p99 ack ms': round(r.p99),
      failures: r.failures,
      'peak waiting': r.peakWaiting ?? '',
      'CPU ms/event': r.cpuPerEvent?.toFixed(2) ?? '',
    })),
  );
  const [bare, ...tandems] = result.runs;
  let exact = true;
  for (const tandem of bare ? tandems : []) {
    console.log(`${tandem.name}: ${verdict(tandem, bare as ClaimRun)}`);
    console.log(`  Slack calls per claim: ${calls(tandem.callsPerClaim)}`);
    const one = tandem.owned === tandem.tasks && tandem.claimEvents === tandem.tasks;
    exact &&= one;
    console.log(
      `  owners: ${tandem.owned}/${tandem.tasks} tasks owned, ${tandem.claimEvents} claim events (${one ? 'exactly one owner per task' : 'WRONG'})`,
    );
  }
  for (const b of result.bursts) {
    const one = b.owned === b.tasks && b.claimEvents === b.tasks;
    exact &&= one;
    const dropped = Object.values(b.dropped).reduce((a, n) => a + n, 0);
    const worstMinute = Math.max(0, ...Object.values(b.refusedPerMinute).flat());
    console.log(
      `\n${b.name}: ${b.claims} claims on ${b.tasks} tasks in one workspace, Slack's tier limits on\n` +
        `  every message shows its owner: ${b.settledMs === null ? `NO (${b.messages.correct}/${b.messages.total} correct at the end)` : `${round(b.settledMs / 1000)} s after the last event`} (target ≤ 60 s: ${b.settledMs !== null && b.settledMs <= 60_000 ? 'met' : 'missed'})\n` +
        `  calls dropped: ${dropped} ${JSON.stringify(b.dropped)} (target 0: ${dropped === 0 ? 'met' : 'missed'})\n` +
        `  429s per method per minute: ${JSON.stringify(b.refusedPerMinute)} (target ≤ 1: ${worstMinute <= 1 ? 'met' : 'missed'})\n` +
        `  events handled ${b.handled}/${b.claims} · people told privately ${b.answered} (the rest see the owner on the message) · calls taken ${JSON.stringify(b.calls.ok)} · warnings logged ${b.warnings}\n` +
        `  owners: ${b.owned}/${b.tasks} tasks owned, ${b.claimEvents} claim events (${one ? 'exactly one owner per task' : 'WRONG'})`,
    );
  }
  const correct = exact && result.runs.every((r) => r.failures === 0);
  return { result, correct };
}
