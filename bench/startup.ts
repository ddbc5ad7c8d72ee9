// `npm run bench -- startup`: time from spawning `node` to the first 200 from GET /healthz, for
// Tandem (src/main.ts: config, database, migrations, auth.test, HTTP listen) on an empty and on a
// seeded database, embedded and PostgreSQL, against a bare Bolt app started the same way.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { createScratchDatabase } from '../scripts/lib/scratch-database.js';
import { makeTempDir } from '../src/db/embedded-postgres-root.js';
import {
  type Server,
  type SlackStandIn,
  spawnBareBolt,
  spawnTandem,
  startReady,
  startSlackStandIn,
  type TandemDatabase,
} from './processes.js';
import { bulkRowsSql, withRawDatabase } from './seed.js';

export interface StartupOptions {
  runs: number;
  rows: number;
  databases: Array<'embedded' | 'postgres'>;
}

export interface StartupCase {
  name: string;
  /** Each start, ms from spawn to ready. */
  ms: number[];
  median: number;
}

async function timedStart(spawn: () => Promise<Server>): Promise<number> {
  const started = performance.now();
  const server = await startReady(spawn);
  const ms = performance.now() - started;
  await server.stop();
  return Math.round(ms);
}

async function timedStarts(name: string, runs: number, spawn: () => Promise<Server>): Promise<StartupCase> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) ms.push(await timedStart(spawn));
  const sorted = [...ms].sort((a, b) => a - b);
  const result = { name, ms, median: sorted[Math.floor(sorted.length / 2)] ?? 0 };
  console.log(`  ${name}: median ${result.median} ms (${ms.join(', ')})`);
  return result;
}

async function databaseCases(
  kind: 'embedded' | 'postgres',
  options: StartupOptions,
  slack: SlackStandIn,
): Promise<StartupCase[]> {
  const label = kind === 'embedded' ? 'embedded PostgreSQL' : 'PostgreSQL';
  const dir = await makeTempDir('tandem-bench-startup-');
  const scratch = kind === 'postgres' ? await createScratchDatabase('tandem_bench_start') : undefined;
  const db: TandemDatabase = scratch ? { databaseUrl: scratch.url } : { dataDir: path.join(dir, 'data') };
  const tandem = () => spawnTandem(db, slack.apiUrl);
  try {
    const cases = [
      await timedStarts(`Tandem on ${label}, first start (creates and migrates the database)`, 1, tandem),
    ];
    cases.push(await timedStarts(`Tandem on ${label}, empty database`, options.runs, tandem));
    const seeded = performance.now();
    await withRawDatabase(db, (exec) => exec(bulkRowsSql(options.rows)));
    console.log(
      `  seeded ${options.rows} rows into ${label} in ${Math.round(performance.now() - seeded)} ms`,
    );
    cases.push(
      await timedStarts(
        `Tandem on ${label}, ${options.rows.toLocaleString('en')} rows`,
        options.runs,
        tandem,
      ),
    );
    return cases;
  } finally {
    await scratch?.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function benchStartup(options: StartupOptions): Promise<StartupCase[]> {
  const slack = await startSlackStandIn();
  try {
    // One unmeasured start each fills tsx's compile cache, which every later start reads.
    await timedStart(spawnBareBolt);
    const cases = [await timedStarts('bare Bolt app', options.runs, spawnBareBolt)];
    for (const kind of options.databases) cases.push(...(await databaseCases(kind, options, slack)));
    return cases;
  } finally {
    await slack.stop();
  }
}
