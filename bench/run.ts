// `npm run bench [-- ack] [--seconds N] [--connections N]`: speed targets live here, as ratios
// against a baseline measured in the same run, never as timed assertions in tests.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { benchAck, type LoadResult } from './ack.js';
import { benchClaims } from './claims.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
    events: { type: 'string', default: '500' },
    tasks: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '200' },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const wanted = positionals.length > 0 ? positionals : ['ack', 'claims'];
const known = new Set(['ack', 'claims']);
for (const name of wanted) {
  if (!known.has(name)) {
    console.error(
      `Unknown benchmark "${name}". Known: ${[...known].join(', ')}. Example: npm run bench -- ack --seconds 10`,
    );
    process.exit(2);
  }
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);

function table(rows: LoadResult[]): void {
  console.table(
    rows.map((r) => ({
      name: r.name,
      'req/s': Math.round(r.requestsPerSecond),
      'p50 ms': r.p50,
      'p99 ms': r.p99,
      failures: r.failures,
    })),
  );
}

let ok = true;
if (wanted.includes('ack')) {
  console.log(`\nack: signed slash commands, ${connections} connections, ${seconds} s each`);
  const results = await benchAck({ seconds, connections });
  const [baseline, ...tandem] = results;
  if (!baseline) throw new Error('ack benchmark returned no results');
  table(results);
  for (const row of tandem) {
    const throughput = baseline.requestsPerSecond / row.requestsPerSecond;
    const p99 = row.p99 / Math.max(baseline.p99, 1);
    console.log(
      `${row.name}: bare ÷ Tandem req/s ${throughput.toFixed(2)} · Tandem ÷ bare p99 ${p99.toFixed(2)}`,
    );
  }
  if (results.some((r) => r.failures > 0)) {
    console.log('FAILED: some requests failed');
    ok = false;
  }
}
if (wanted.includes('claims')) {
  const events = Number(values.events);
  const tasks = Number(values.tasks);
  console.log(
    `\nclaims: ${events} reaction_added events from ${events} people on ${tasks} tasks, ${connections} in flight`,
  );
  const result = await benchClaims({
    events,
    tasks,
    concurrency: connections,
    warmup: Number(values.warmup),
  });
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
  if (!exact || result.runs.some((r) => r.failures > 0)) ok = false;
}
process.exit(ok ? 0 : 1);
