import { benchClaims } from './claims.js';

export type ClaimsOptions = Parameters<typeof benchClaims>[0];

/** Runs the claim race, prints its table; correct when every task ended with exactly one owner. */
export async function runClaims(options: ClaimsOptions) {
  console.log(
    `\nclaims: ${options.events} reaction_added events from ${options.events} people on ${options.tasks} tasks, ${options.concurrency} in flight`,
  );
  const result = await benchClaims(options);
  console.table(
    result.runs.map((r) => ({
      name: r.name,
      'events/s': Math.round(r.perSecond),
      'p50 ack ms': Math.round(r.p50 * 10) / 10,
      'p99 ack ms': Math.round(r.p99 * 10) / 10,
      failures: r.failures,
    })),
  );
  const [bare, ...tandems] = result.runs;
  for (const tandem of bare ? tandems : []) {
    console.log(
      `${tandem.name} ÷ bare: p99 ack ${(tandem.p99 / (bare?.p99 ?? 1)).toFixed(2)} · p50 ack ${(tandem.p50 / (bare?.p50 ?? 1)).toFixed(2)} · time per event ${((bare?.perSecond ?? 0) / tandem.perSecond).toFixed(2)}`,
    );
  }
  const exact = result.owned === result.tasks && result.claimEvents === result.tasks;
  console.log(
    `owners: ${result.owned}/${result.tasks} tasks owned, ${result.claimEvents} claim events (${exact ? 'exactly one owner per task' : 'WRONG'})`,
  );
  const correct = exact && result.runs.every((r) => r.failures === 0);
  return { result, correct };
}
