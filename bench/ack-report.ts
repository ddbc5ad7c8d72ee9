import { type AckOptions, type AckResult, TARGET_NAMES } from './ack.js';

const ACK_RATIO_TARGET = 1.5;
const REPLY_P99_TARGET_MS = 250;
const SLACK_LIMIT_MS = 3000;

export interface Verdict {
  target: string;
  value: string;
  pass: boolean;
}

/** Prints the tables and verdicts; returns the verdicts and whether the runs were correct. */
export function reportAck(result: AckResult, options: AckOptions): { verdicts: Verdict[]; correct: boolean } {
  const bareAt = (rate: number) => result.runs.find((r) => r.target === 'bare' && r.rate === rate);
  const ratio = (value: number, base: number | undefined) =>
    base === undefined ? '—' : (value / Math.max(base, 1)).toFixed(2);
  console.table(
    result.runs.map((r) => ({
      server: TARGET_NAMES[r.target],
      'req/s': r.rate,
      'ack p50': r.ack.p50,
      'ack p95': r.ack.p95,
      'ack p99': r.ack.p99,
      'ack max': r.ack.max,
      'p99 ÷ bare': ratio(r.ack.p99, bareAt(r.rate)?.ack.p99),
      'reply p50': r.replies?.latency.p50 ?? '—',
      'reply p95': r.replies?.latency.p95 ?? '—',
      'reply p99': r.replies?.latency.p99 ?? '—',
      'reply max': r.replies?.latency.max ?? '—',
      'failed acks': r.ackFailures,
      'missing/dup/error replies': r.replies
        ? `${r.replies.missing}/${r.replies.duplicated}/${r.replies.errorReplies}`
        : '—',
    })),
  );
  console.log(
    'Rate steps (each',
    options.stepSeconds,
    's; sustainable = no errors, every reply, p99 ack < 1 s):',
  );
  console.table(
    result.steps.map((r) => ({
      server: TARGET_NAMES[r.target],
      'req/s': r.rate,
      'ack p99': r.ack.p99,
      'reply p99': r.replies?.latency.p99 ?? '—',
      failures: r.ackFailures + (r.replies ? r.replies.missing + r.replies.errorReplies : 0),
      'generator lag p99': r.generatorLagP99,
      sustainable: r.sustainable ? 'yes' : 'no',
    })),
  );
  const verdicts: Verdict[] = [];
  for (const run of result.runs.filter((r) => r.rate === 200 && r.target !== 'bare')) {
    const base = bareAt(200)?.ack.p99;
    if (base === undefined) continue;
    const value = run.ack.p99 / Math.max(base, 1);
    verdicts.push({
      target: `ack p99 ÷ bare ≤ ${ACK_RATIO_TARGET} at 200 req/s, ${TARGET_NAMES[run.target]}`,
      value: `${value.toFixed(2)} (${run.ack.p99} ÷ ${base} ms)`,
      pass: value <= ACK_RATIO_TARGET,
    });
  }
  const pg200 = result.runs.find((r) => r.target === 'postgres' && r.rate === 200)?.replies;
  if (pg200) {
    verdicts.push({
      target: `reply p99 ≤ ${REPLY_P99_TARGET_MS} ms at 200 req/s on PostgreSQL`,
      value: `${pg200.latency.p99} ms`,
      pass: pg200.latency.p99 <= REPLY_P99_TARGET_MS,
    });
  }
  for (const target of options.targets) {
    const runs = result.runs.filter((r) => r.target === target);
    const worst = Math.max(0, ...runs.map((r) => r.ack.max));
    verdicts.push({
      target: `no ack over 3 s at ${options.rates.join('/')} req/s, ${TARGET_NAMES[target]}`,
      value: `slowest ack ${worst} ms${runs.some((r) => r.ackFailures > 0) ? ', some failed' : ''}`,
      pass: worst < SLACK_LIMIT_MS && runs.every((r) => r.ackFailures === 0),
    });
  }
  const bareMax = result.maxSustainable.bare;
  for (const target of options.targets) {
    const max = result.maxSustainable[target];
    const top = options.steps.at(-1);
    verdicts.push({
      target: `highest sustainable rate, ${TARGET_NAMES[target]}`,
      value:
        `${max ?? `< ${options.steps[0]}`} req/s${max === top ? ' (the highest step tried)' : ''}` +
        (target !== 'bare' && bareMax ? ` vs bare ${bareMax}` : ''),
      pass: max !== null && max !== undefined,
    });
  }
  for (const v of verdicts) console.log(`${v.pass ? 'pass' : 'MISSED'}  ${v.target}: ${v.value}`);
  for (const line of result.errorSamples) console.log(`  log: ${line}`);
  // Correctness: every request at the fixed rates acked once and answered once, nothing duplicated.
  const correct =
    result.runs.every(
      (r) =>
        r.ackFailures === 0 &&
        (!r.replies ||
          (r.replies.missing === 0 && r.replies.duplicated === 0 && r.replies.errorReplies === 0)),
    ) && result.steps.every((r) => !r.replies || r.replies.duplicated === 0);
  return { verdicts, correct };
}
