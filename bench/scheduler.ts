// `npm run bench -- scheduler`: one scheduler pass over nudges for 1,000 quiet workspaces (10
// initiatives and 20 tasks each, nothing due), before and after plans were kept: the old pass
// (runNudgesEverywhere, planning every workspace) as the baseline in the same run, then the pass
// that plans only what is due or changed, idle and with 1 % of the workspaces written to.
// On the embedded database and on the local PostgreSQL.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { WebClient } from '@slack/web-api';
import pg from 'pg';
import { createScratchDatabase } from '../scripts/lib/scratch-database.js';
import type { Clock } from '../src/clock.js';
import { oneClient } from '../src/core/installations/team-clients.js';
import { type Database, openDatabase } from '../src/db/database.js';
import { makeTempDir } from '../src/db/embedded-postgres-root.js';
import type { Deps } from '../src/deps.js';
import { runDueNudges, runNudgesEverywhere } from '../src/features/nudges/pass.js';
import { createLogger } from '../src/logger.js';

const NOW = new Date('2026-11-23T10:00:00Z');
const DAY_MS = 86_400_000;
const ZONES = ['Europe/London', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney', 'UTC'];

export interface SchedulerBenchOptions {
  workspaces: number;
  iterations: number;
  databases: Array<'embedded' | 'postgres'>;
}

export interface PassFigures {
  name: string;
  /** Median and slowest of `iterations` passes, in milliseconds. */
  p50: number;
  max: number;
  /** SQL statements one pass sends, counted at the pg driver. */
  statements: number;
}

export interface SchedulerBenchResult {
  database: string;
  workspaces: number;
  seedSeconds: number;
  passes: PassFigures[];
}

type Pass = () => Promise<unknown>;

async function countStatements(fn: Pass): Promise<number> {
  let seen = 0;
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    seen++;
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return seen;
}

async function measure(name: string, iterations: number, before: Pass, pass: Pass): Promise<PassFigures> {
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    await before();
    const started = performance.now();
    await pass();
    times.push(performance.now() - started);
  }
  await before();
  const statements = await countStatements(pass);
  times.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    name,
    p50: round(times[Math.floor(times.length / 2)] ?? 0),
    max: round(times.at(-1) ?? 0),
    statements,
  };
}

/** 1,000 workspaces with owned work due 10 to 60 days ahead: nothing for a nudge to say. */
async function seed(db: Database, workspaces: number): Promise<void> {
  const teams = Array.from({ length: workspaces }, (_, i) => `TSCHED${String(i).padStart(5, '0')}`);
  const json = (rows: object[]) => JSON.stringify(rows);
  const insert = (table: string, columns: string[], rows: object[]) => {
    const cols = columns.map((c) => `"${c}"`).join(', ');
    return db.withConnection((conn) =>
      conn.query(
        `INSERT INTO "${table}" (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::"${table}", $1::json)`,
        [json(rows)],
      ),
    );
  };
  const stamp = NOW.toISOString();
  await insert(
    'Workspace',
    ['teamId', 'timezone', 'prLeads', 'socialLeads', 'createdAt', 'updatedAt'],
    teams.map((teamId, i) => ({
      teamId,
      timezone: ZONES[i % ZONES.length],
      prLeads: ['UPRLEAD'],
      socialLeads: ['USOCLEAD'],
      createdAt: stamp,
      updatedAt: stamp,
    })),
  );
  for (let start = 0; start < teams.length; start += 100) {
    const chunk = teams.slice(start, start + 100);
    const initiatives = chunk.flatMap((teamId) =>
      Array.from({ length: 10 }, (_, n) => ({
        id: `${teamId}-I${n + 1}`,
        teamId,
        number: n + 1,
        title: `Initiative ${n + 1}`,
        leadDiscipline: n % 2 ? 'pr' : 'social',
        ownerId: 'UOWNER',
        dueDate: new Date(NOW.getTime() + (10 + n * 5) * DAY_MS).toISOString().slice(0, 10),
        createdBy: 'UOWNER',
        createdAt: new Date(NOW.getTime() - 30 * DAY_MS).toISOString(),
        updatedAt: stamp,
      })),
    );
    await insert('Initiative', Object.keys(initiatives[0] ?? {}), initiatives);
    const tasks = chunk.flatMap((teamId) =>
      Array.from({ length: 20 }, (_, n) => ({
        id: `${teamId}-T${n + 1}`,
        teamId,
        number: n + 1,
        initiativeId: `${teamId}-I${(n % 10) + 1}`,
        title: `Task ${n + 1}`,
        assigneeId: n % 3 ? 'UOWNER' : null,
        dueDate: new Date(NOW.getTime() + (12 + n * 2) * DAY_MS).toISOString().slice(0, 10),
        createdBy: 'UOWNER',
        createdAt: stamp,
        updatedAt: stamp,
      })),
    );
    await insert('Task', Object.keys(tasks[0] ?? {}), tasks);
  }
}

async function benchOne(
  label: string,
  db: Database,
  options: SchedulerBenchOptions,
): Promise<SchedulerBenchResult> {
  const clock: Clock = { now: () => new Date(NOW) };
  const deps: Deps = { db, clock, logger: createLogger('silent'), defaultTimezone: 'UTC' };
  // Nothing is due, so nothing is sent: a client that could never reach Slack is enough.
  const clients = oneClient(new WebClient('xoxb-bench', { slackApiUrl: 'http://127.0.0.1:9/api/' }));
  const started = performance.now();
  await seed(db, options.workspaces);
  const seedSeconds = Math.round((performance.now() - started) / 100) / 10;
  const nothing = async () => {};
  const changed = Math.max(1, Math.round(options.workspaces / 100));
  let round = 0;
  // Claims and releases in 1 % of the workspaces, as between two passes on a busy day.
  const writeSome = async () => {
    round++;
    for (let i = 0; i < changed; i++) {
      const teamId = `TSCHED${String((i * 97 + round) % options.workspaces).padStart(5, '0')}`;
      await db.prisma.task.updateMany({
        where: { teamId, number: 1 + (round % 20) },
        data: { assigneeId: round % 2 ? 'UCLAIMER' : null },
      });
    }
  };
  const passes: PassFigures[] = [];
  passes.push(
    await measure(`before: plan every workspace (${label})`, options.iterations, nothing, () =>
      runNudgesEverywhere(deps, clients),
    ),
  );
  const first = performance.now();
  await runDueNudges(deps, clients);
  const firstMs = Math.round((performance.now() - first) * 10) / 10;
  passes.push({
    name: `after: first pass, every workspace planned (${label})`,
    p50: firstMs,
    max: firstMs,
    statements: Number.NaN,
  });
  passes.push(
    await measure(`after: nothing changed (${label})`, options.iterations, nothing, () =>
      runDueNudges(deps, clients),
    ),
  );
  passes.push(
    await measure(
      `after: ${changed} of ${options.workspaces} workspaces written to (${label})`,
      options.iterations,
      writeSome,
      () => runDueNudges(deps, clients),
    ),
  );
  return { database: label, workspaces: options.workspaces, seedSeconds, passes };
}

export async function benchScheduler(options: SchedulerBenchOptions): Promise<SchedulerBenchResult[]> {
  const results: SchedulerBenchResult[] = [];
  if (options.databases.includes('embedded')) {
    const dir = await makeTempDir('tandem-bench-scheduler-');
    try {
      const embedded = await openDatabase({ dataDir: path.join(dir, 'data') });
      try {
        results.push(await benchOne('embedded PostgreSQL', embedded, options));
      } finally {
        await embedded.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  if (options.databases.includes('postgres')) {
    const scratch = await createScratchDatabase('tandem_bench_scheduler');
    try {
      const postgres = await openDatabase({ databaseUrl: scratch.url, dataDir: '' });
      try {
        results.push(await benchOne('PostgreSQL', postgres, options));
      } finally {
        await postgres.close();
      }
    } finally {
      await scratch.drop();
    }
  }
  return results;
}

export function reportScheduler(results: SchedulerBenchResult[]): void {
  for (const r of results) {
    console.log(`\n${r.workspaces} workspaces on ${r.database} (seeded in ${r.seedSeconds} s)`);
    console.log('pass'.padEnd(64), 'p50 ms'.padStart(9), 'max ms'.padStart(9), 'statements'.padStart(11));
    for (const p of r.passes)
      console.log(
        p.name.padEnd(64),
        String(p.p50).padStart(9),
        String(p.max).padStart(9),
        (Number.isNaN(p.statements) ? '—' : String(p.statements)).padStart(11),
      );
  }
}
