// `npm run bench -- digest`: the daily digest at scale.
// 1. compose: gatherDigest + digestMessage for one workspace with 10,000 initiatives and 50,000 tasks,
//    against the same number of trivial `SELECT 1` round trips through Prisma in the same run.
// 2. fan-out: runDueDigests for 1,000 due workspaces through a WebClient configured like the app's,
//    against the Slack stand-in enforcing 1 chat.postMessage per second per channel.
// Both on the embedded database and on the local PostgreSQL.
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { LogLevel, WebClient } from '@slack/web-api';
import { DateTime } from 'luxon';
import pg from 'pg';
import { createScratchDatabase } from '../scripts/lib/scratch-database.js';
import { SLACK_RETRY_POLICY } from '../src/app.js';
import type { Clock } from '../src/clock.js';
import { oneClient } from '../src/core/installations/team-clients.js';
import { type Database, openDatabase } from '../src/db/database.js';
import { makeTempDir } from '../src/db/embedded-postgres-root.js';
import type { Deps } from '../src/deps.js';
import { type DigestOutcome, runDueDigests } from '../src/features/digest/send.js';
import { channelReading, gatherDigest } from '../src/features/digest/service.js';
import { digestMessage } from '../src/features/digest/views.js';
import type {
  ChangeSource,
  Discipline,
  InitiativeKind,
  InitiativeStatus,
  OwnershipChange,
  Prisma,
} from '../src/generated/prisma/client.js';
import { createLogger } from '../src/logger.js';
import { startFakeSlack } from '../test/harness/fake-slack.js';

/** Friday 20 November 2026, 09:00 in London (GMT): the large workspace's digest time. */
const NOW = new Date('2026-11-20T09:00:00Z');
const TODAY = '2026-11-20';
const LARGE_TEAM = 'TDIGESTLARGE';
const LARGE_ZONE = 'Europe/London';
/** The fan-out's instant: every small workspace's digest time falls on it, in its own zone. */
const FANOUT_NOW = new Date('2026-11-21T09:00:00Z');
const FANOUT_ZONES = [
  'Europe/London',
  'America/New_York',
  'Europe/Berlin',
  'Asia/Tokyo',
  'Australia/Sydney',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'America/Sao_Paulo',
];
const DAY_MS = 86_400_000;
/**
 * gatherDigest reads the workspace, the last digest sent and the days skipped since, one after
 * the other; then, at once, how many items of each list each channel holds; then, at once, the
 * lists. The baseline's `SELECT 1`s take the same shape.
 */
const SEQUENTIAL_QUERIES = 3;
const TALLY_QUERIES = 10;

export interface DigestBenchOptions {
  iterations: number;
  warmup: number;
  initiatives: number;
  tasks: number;
  workspaces: number;
  /** Shared channel ids the fan-out workspaces' digest channels are spread over. */
  channels: number;
  /** The databases that also run the shared-channel fan-out (every database runs `own`). */
  sharedOn: Array<'embedded' | 'postgres'>;
}

export interface QueryPlan {
  /** The query's table and WHERE clause, shortened. */
  label: string;
  /** EXPLAIN ANALYZE execution time. */
  ms: number;
  /** The plan's nodes, outermost first. */
  plan: string;
}

export interface ComposeResult {
  name: string;
  seedSeconds: number;
  /** SQL statements one gatherDigest sends (counted at the pg driver). */
  queries: number;
  p50: number;
  p95: number;
  baselineP50: number;
  baselineP95: number;
  blocks: number;
  slowest: QueryPlan[];
}

export interface FanoutResult {
  name: string;
  workspaces: number;
  channels: number;
  /** The most digests any one channel receives. */
  perChannel: number;
  seconds: number;
  /** Messages per channel ÷ the limit (1/s): no sender can finish sooner (less one second). */
  boundSeconds: number;
  /** What the first runDueDigests pass reported. */
  outcomes: Record<DigestOutcome, number>;
  /** runDueDigests passes until nothing failed (at most MAX_PASSES). */
  passes: number;
  /** chat.postMessage calls the stand-in refused with 429. */
  rateLimited: number;
  /** Sent digests per workspace: exactly one each, and one accepted post per digest. */
  exactlyOne: boolean;
  problems: string[];
}

export interface DigestBenchResult {
  compose: ComposeResult[];
  fanout: FanoutResult[];
}

/** Small, seeded, reproducible random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const dayAt = (offsetDays: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + offsetDays * DAY_MS);

/**
 * Bulk insert, a chunk per statement: the rows go as one JSON parameter, and the columns a row
 * leaves out take their defaults. Prisma's createMany takes about 0.3 ms of client CPU per row
 * here (3,000 rows/s), which would spend a minute of the benchmark on seeding 80,000 rows.
 */
async function insertRows(db: Database, table: string, rows: object[], chunk = 5_000): Promise<void> {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))].map((c) => `"${c}"`).join(', ');
  for (let i = 0; i < rows.length; i += chunk) {
    const json = JSON.stringify(rows.slice(i, i + chunk));
    await db.withConnection((conn) =>
      conn.query(
        `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json)`,
        [json],
      ),
    );
  }
}

function silentDeps(db: Database, clock: Clock): Deps {
  return { db, clock, logger: createLogger('silent'), defaultTimezone: 'UTC' };
}

/**
 * One busy workspace: initiatives due from 30 days ago to 60 days ahead, five tasks each (about
 * 30 % unclaimed, 5 % blocked, 20 % done), three months of ownership changes, trends and digests.
 */
export async function seedLargeWorkspace(db: Database, sizes: { initiatives: number; tasks: number }) {
  const { prisma } = db;
  const rnd = random(20261120);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const between = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const people = Array.from({ length: 60 }, (_, i) => `UPERSON${pad(i, 3)}`);
  const kinds: InitiativeKind[] = [
    'press_release',
    'influencer',
    'campaign',
    'trend_response',
    'crisis',
    'advocacy',
    'other',
  ];
  const disciplines: Discipline[] = ['pr', 'social', 'marketing', 'joint'];
  const ago = (days: number) => new Date(NOW.getTime() - days * DAY_MS);

  await prisma.workspace.create({
    data: {
      teamId: LARGE_TEAM,
      timezone: LARGE_ZONE,
      digestTime: '09:00',
      // No digest channel: the fan-out below covers exactly its own 1,000 workspaces.
      digestChannel: null,
      prLeads: [people[0] ?? 'U0'],
      socialLeads: [people[1] ?? 'U1'],
      nextInitiativeNumber: sizes.initiatives + 1,
      nextTaskNumber: sizes.tasks + 1,
      nextTrendNumber: 601,
    },
  });

  const initiatives: Prisma.InitiativeCreateManyInput[] = Array.from(
    { length: sizes.initiatives },
    (_, i) => {
      const r = rnd();
      const status: InitiativeStatus =
        r < 0.25 ? 'planned' : r < 0.7 ? 'active' : r < 0.92 ? 'done' : 'cancelled';
      return {
        id: randomUUID(),
        teamId: LARGE_TEAM,
        number: i + 1,
        title: `${pick(['Spring', 'Summer', 'Autumn', 'Winter'])} ${pick(['launch', 'pitch', 'campaign', 'programme', 'response'])} ${i + 1}`,
        kind: pick(kinds),
        leadDiscipline: pick(disciplines),
        ownerId: rnd() < 0.85 ? pick(people) : null,
        status,
        dueDate: rnd() < 0.9 ? dayAt(between(-30, 60)) : null,
        keywords: [`kw${i % 300}`],
        createdBy: pick(people),
        createdAt: ago(between(1, 120)),
        updatedAt: NOW,
      };
    },
  );
  const tasks: Prisma.TaskCreateManyInput[] = Array.from({ length: sizes.tasks }, (_, i) => {
    const initiative = initiatives[Math.floor((i * initiatives.length) / sizes.tasks)];
    const r = rnd();
    // 30 % unclaimed (open, nobody), 20 % done, 5 % blocked, the rest open and owned.
    const status = r < 0.3 ? 'open' : r < 0.5 ? 'done' : r < 0.55 ? 'blocked' : 'open';
    const assigneeId = r < 0.3 ? null : pick(people);
    return {
      id: randomUUID(),
      teamId: LARGE_TEAM,
      number: i + 1,
      initiativeId: initiative?.id ?? '',
      title: `${pick(['Draft', 'Review', 'Schedule', 'Pitch', 'Approve', 'Report on'])} item ${i + 1}`,
      discipline: rnd() < 0.8 ? pick(disciplines) : null,
      assigneeId,
      status,
      dueDate: rnd() < 0.92 ? dayAt(between(-30, 60)) : null,
      messageChannel: `CWORK${pad(i % 40, 4)}`,
      messageTs: `1760000000.${pad(i, 6)}`,
      ...(status === 'blocked'
        ? { blockedReason: 'Waiting for legal', blockedBy: assigneeId, blockedAt: ago(between(0, 10)) }
        : {}),
      ...(status === 'done' ? { doneAt: ago(between(0, 30)), doneBy: assigneeId } : {}),
      createdBy: pick(people),
      createdAt: ago(between(1, 120)),
      updatedAt: NOW,
    };
  });
  // About 220 ownership changes a day for three months: claims, hand-offs, assignments.
  const changes: OwnershipChange[] = ['claimed', 'claimed', 'assigned', 'handoff', 'released', 'created'];
  const sources: ChangeSource[] = ['reaction', 'command', 'button', 'modal'];
  const events: Prisma.OwnershipEventCreateManyInput[] = Array.from({ length: 20_000 }, () => {
    const onTask = rnd() < 0.75;
    const task = tasks[Math.floor(rnd() * tasks.length)];
    const initiative = initiatives[Math.floor(rnd() * initiatives.length)];
    return {
      teamId: LARGE_TEAM,
      taskId: onTask ? task?.id : null,
      initiativeId: onTask ? task?.initiativeId : initiative?.id,
      fromUserId: rnd() < 0.5 ? pick(people) : null,
      toUserId: pick(people),
      actorId: pick(people),
      change: pick(changes),
      source: pick(sources),
      at: new Date(NOW.getTime() - rnd() * 90 * DAY_MS),
    };
  });
  const trends: Prisma.TrendCreateManyInput[] = Array.from({ length: 600 }, (_, i) => ({
    id: randomUUID(),
    teamId: LARGE_TEAM,
    number: i + 1,
    label: `#trend${i + 1}`,
    notes: rnd() < 0.5 ? 'Spotted on the social listening board' : null,
    keywords: [`kw${i % 300}`],
    reporterId: pick(people),
    createdAt: new Date(NOW.getTime() - rnd() * 90 * DAY_MS),
  }));
  // Sixty days of digests, one of them skipped (Tandem was down).
  const runs: Prisma.DigestRunCreateManyInput[] = Array.from({ length: 60 }, (_, i) => {
    const day = dayAt(-(i + 1));
    const scheduledFor = new Date(day.getTime() + 9 * 3_600_000);
    const skipped = i === 9;
    return {
      teamId: LARGE_TEAM,
      localDate: day.toISOString().slice(0, 10),
      scheduledFor,
      status: skipped ? 'skipped' : 'sent',
      claimedAt: scheduledFor,
      sentAt: skipped ? null : new Date(scheduledFor.getTime() + 2_000),
      channel: skipped ? null : 'CDIGEST',
      messageTs: skipped ? null : `1760000000.${pad(900_000 + i, 6)}`,
    };
  });

  await insertRows(db, 'Initiative', initiatives);
  await insertRows(db, 'Task', tasks);
  await insertRows(db, 'OwnershipEvent', events);
  await insertRows(db, 'Trend', trends);
  await insertRows(db, 'DigestRun', runs);
  // What autovacuum does soon after a bulk load, at a time of its choosing: statistics for the
  // planner, and a visibility map for index-only scans.
  await db.withConnection((conn) => conn.exec('VACUUM ANALYZE'));
}

interface CapturedQuery {
  text: string;
  values: unknown[];
}

type QueryFn = (this: unknown, ...args: unknown[]) => unknown;

/** Runs `fn` while recording every statement the pg driver sends (Prisma's and the adapter's alike). */
async function captureQueries(fn: () => Promise<unknown>): Promise<CapturedQuery[]> {
  const proto = pg.Client.prototype as unknown as { query: QueryFn };
  const original = proto.query;
  const captured: CapturedQuery[] = [];
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    if (typeof first === 'string')
      captured.push({ text: first, values: Array.isArray(second) ? second : [] });
    else if (first && typeof first === 'object' && 'text' in first) {
      const config = first as { text: string; values?: unknown[] };
      captured.push({ text: config.text, values: config.values ?? [] });
    }
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return captured;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Rows Removed by Filter'?: number;
  'Actual Rows'?: number;
  Plans?: PlanNode[];
}

function describePlan(node: PlanNode): string {
  const parts: string[] = [];
  const walk = (n: PlanNode) => {
    const on = n['Index Name'] ?? n['Relation Name'];
    const removed = n['Rows Removed by Filter'] ? `, ${n['Rows Removed by Filter']} filtered out` : '';
    parts.push(`${n['Node Type']}${on ? ` on ${on}` : ''} (${n['Actual Rows'] ?? '?'} rows${removed})`);
    for (const child of n.Plans ?? []) walk(child);
  };
  walk(node);
  return parts.join(' › ');
}

function labelOf(sql: string): string {
  const clean = sql.replace(/"public"\./g, '').replace(/"/g, '');
  const table = /FROM\s+(\w+)/i.exec(clean)?.[1] ?? '?';
  const where = /WHERE\s+(.*?)(?:\s+ORDER BY|\s+LIMIT|\s+OFFSET|\)\s+AS\s|$)/is.exec(clean)?.[1] ?? '';
  const kind = /COUNT\(/i.test(clean) ? 'count' : 'rows';
  const short = where.replace(/\w+\.(\w+)/g, '$1').replace(/\s+/g, ' ');
  return `${table} ${kind}: ${short.length > 100 ? `${short.slice(0, 99)}…` : short}`;
}

async function explain(db: Database, queries: CapturedQuery[]): Promise<QueryPlan[]> {
  const plans: QueryPlan[] = [];
  for (const q of queries) {
    const [row] = await db.withConnection((conn) =>
      conn.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${q.text}`,
        q.values,
      ),
    );
    const [result] = row?.['QUERY PLAN'] ?? [];
    if (result)
      plans.push({ label: labelOf(q.text), ms: result['Execution Time'], plan: describePlan(result.Plan) });
  }
  return plans.sort((a, b) => b.ms - a.ms);
}

/** The same number of round trips as one digest, in the same shape, each doing nothing. */
async function trivialQueries(db: Database, count: number): Promise<void> {
  const sequential = Math.min(SEQUENTIAL_QUERIES, count);
  for (let i = 0; i < sequential; i++) await db.prisma.$queryRaw`SELECT 1`;
  const tallies = Math.min(TALLY_QUERIES, count - sequential);
  await Promise.all(Array.from({ length: tallies }, () => db.prisma.$queryRaw`SELECT 1`));
  await Promise.all(
    Array.from({ length: count - sequential - tallies }, () => db.prisma.$queryRaw`SELECT 1`),
  );
}

export async function measureCompose(
  db: Database,
  name: string,
  options: DigestBenchOptions,
  seedSeconds: number,
): Promise<ComposeResult> {
  const deps = silentDeps(db, { now: () => NOW });
  // The work channels are public to the stand-in; the clock stands still, so after the first
  // compose every channel's answer comes from the cache, as within a minute in production.
  const slack = await startFakeSlack();
  const client = new WebClient('xoxb-bench', { slackApiUrl: slack.apiUrl, logLevel: LogLevel.ERROR });
  try {
    const reader = channelReading(deps, client, LARGE_TEAM, 'CDIGESTLARGE');
    const compose = async () => {
      const data = await gatherDigest(deps, LARGE_TEAM, NOW, reader);
      return digestMessage(data, { now: NOW, timezone: LARGE_ZONE });
    };
    await compose();
    const captured = await captureQueries(compose);
    const queries = captured.length;
    const digest: number[] = [];
    const baseline: number[] = [];
    let blocks = 0;
    // Alternating, so both see the same warm caches and the same background noise.
    for (let i = 0; i < options.warmup + options.iterations; i++) {
      let started = performance.now();
      const message = await compose();
      const digestMs = performance.now() - started;
      started = performance.now();
      await trivialQueries(db, queries);
      const baselineMs = performance.now() - started;
      if (i < options.warmup) continue;
      digest.push(digestMs);
      baseline.push(baselineMs);
      blocks = message.blocks?.length ?? 0;
    }
    digest.sort((a, b) => a - b);
    baseline.sort((a, b) => a - b);
    return {
      name,
      seedSeconds,
      queries,
      p50: percentile(digest, 50),
      p95: percentile(digest, 95),
      baselineP50: percentile(baseline, 50),
      baselineP95: percentile(baseline, 95),
      blocks,
      slowest: (await explain(db, captured)).slice(0, 3),
    };
  } finally {
    await slack.close();
  }
}

const fanoutTeam = (i: number) => `TFAN${pad(i, 5)}`;

/**
 * Where the fan-out's digests go. `own`: a channel per workspace, as in Slack, where a channel
 * belongs to one workspace; the per-channel limit never binds, so this measures throughput.
 * `shared`: the workspaces' digest channels spread round robin over `channels` ids, as when
 * several workspaces of an Enterprise Grid org or a Slack Connect channel share one, so that each
 * channel receives workspaces ÷ channels digests and the 1 message/s limit sets the pace.
 */
export type FanoutLayout = 'own' | 'shared';

const channelFor = (layout: FanoutLayout, i: number, channels: number) =>
  layout === 'own' ? `C${fanoutTeam(i)}` : `CSHARED${pad(i % channels, 4)}`;

/** Small workspaces spread over eight zones, each due at FANOUT_NOW, each with a little to report. */
async function seedFanout(db: Database, options: DigestBenchOptions, layout: FanoutLayout): Promise<void> {
  const workspaces: Prisma.WorkspaceCreateManyInput[] = [];
  const initiatives: Prisma.InitiativeCreateManyInput[] = [];
  const tasks: Prisma.TaskCreateManyInput[] = [];
  for (let i = 0; i < options.workspaces; i++) {
    const teamId = fanoutTeam(i);
    const timezone = FANOUT_ZONES[i % FANOUT_ZONES.length] ?? 'UTC';
    workspaces.push({
      teamId,
      timezone,
      // Due at FANOUT_NOW in its own zone: 09:00 in London, 04:00 in New York, 18:00 in Tokyo…
      digestTime: DateTime.fromJSDate(FANOUT_NOW, { zone: timezone }).toFormat('HH:mm'),
      digestChannel: channelFor(layout, i, options.channels),
      nextInitiativeNumber: 3,
      nextTaskNumber: 7,
      updatedAt: NOW,
    });
    for (let n = 1; n <= 2; n++) {
      const id = randomUUID();
      initiatives.push({
        id,
        teamId,
        number: n,
        title: `Launch ${n}`,
        leadDiscipline: 'pr',
        ownerId: n === 1 ? 'ULEAD' : null,
        status: 'active',
        dueDate: dayAt(n === 1 ? 0 : 3),
        createdBy: 'ULEAD',
        updatedAt: NOW,
      });
      for (let t = 1; t <= 3; t++) {
        tasks.push({
          id: randomUUID(),
          teamId,
          number: (n - 1) * 3 + t,
          initiativeId: id,
          title: `Task ${t}`,
          assigneeId: t === 1 ? null : 'UWORKER',
          status: t === 3 ? 'blocked' : 'open',
          dueDate: dayAt(t - 1),
          createdBy: 'ULEAD',
          updatedAt: NOW,
        });
      }
    }
  }
  await insertRows(db, 'Workspace', workspaces);
  await insertRows(db, 'Initiative', initiatives);
  await insertRows(db, 'Task', tasks);
  await db.withConnection((conn) => conn.exec('VACUUM ANALYZE'));
}

/** Moves the fan-out workspaces to a channel each and forgets their digests, for a second run. */
async function useOwnChannels(db: Database): Promise<void> {
  await db.prisma
    .$executeRaw`UPDATE "Workspace" SET "digestChannel" = 'C' || "teamId" WHERE "teamId" LIKE 'TFAN%'`;
  await db.prisma.digestRun.deleteMany({ where: { teamId: { startsWith: 'TFAN' } } });
}

/** A digest that failed (Slack still refusing after the client's retries) goes out on a later tick. */
const MAX_PASSES = 5;

async function measureFanout(db: Database, name: string, workspaces: number): Promise<FanoutResult> {
  const slack = await startFakeSlack({
    rateLimit: { because: 'one digest a second per channel, as Slack paces posts', perChannelPerSecond: 1 },
  });
  try {
    // As buildApp configures Bolt's client: the app's retry policy, Retry-After honoured by the client.
    const client = new WebClient('xoxb-bench', {
      slackApiUrl: slack.apiUrl,
      retryConfig: SLACK_RETRY_POLICY,
      timeout: 10_000,
      logLevel: LogLevel.ERROR,
    });
    const expected = new Map<string, number>();
    for (const w of await db.prisma.workspace.findMany({
      where: { teamId: { startsWith: 'TFAN' } },
      select: { digestChannel: true },
    })) {
      const channel = w.digestChannel ?? '';
      expected.set(channel, (expected.get(channel) ?? 0) + 1);
    }
    const perChannel = Math.max(...expected.values());
    const started = performance.now();
    // Real time moves on from FANOUT_NOW; every workspace stays inside its grace window.
    const deps = silentDeps(db, {
      now: () => new Date(FANOUT_NOW.getTime() + (performance.now() - started)),
    });
    const outcomes = await runDueDigests(deps, oneClient(client));
    let passes = 1;
    // The scheduler's next ticks, back to back (in production a minute apart).
    for (let last = outcomes; last.failed > 0 && passes < MAX_PASSES; passes++) {
      last = await runDueDigests(deps, oneClient(client));
    }
    const seconds = (performance.now() - started) / 1000;

    const problems: string[] = [];
    const sent = await db.prisma.digestRun.groupBy({
      by: ['teamId'],
      where: { teamId: { startsWith: 'TFAN' }, status: 'sent' },
      _count: { _all: true },
    });
    const missing = workspaces - sent.length;
    if (missing > 0) problems.push(`${missing} workspaces have no digest after ${passes} passes`);
    const twice = sent.filter((s) => s._count._all !== 1).length;
    if (twice > 0) problems.push(`${twice} workspaces have more than one digest run`);
    const posts = slack.callsTo('chat.postMessage');
    const accepted = new Map<string, number>();
    for (const post of posts.filter((p) => !p.fault)) {
      const channel = String(post.args.channel);
      accepted.set(channel, (accepted.get(channel) ?? 0) + 1);
    }
    const more = [...expected].filter(([channel, count]) => (accepted.get(channel) ?? 0) > count).length;
    if (more > 0) problems.push(`${more} channels got more digests than they have workspaces`);
    const fewer = [...expected].filter(([channel, count]) => (accepted.get(channel) ?? 0) < count).length;
    if (fewer > 0) problems.push(`${fewer} channels got fewer digests than they have workspaces`);
    return {
      name,
      workspaces,
      channels: expected.size,
      perChannel,
      seconds,
      boundSeconds: perChannel,
      outcomes,
      passes,
      rateLimited: posts.filter((p) => p.fault).length,
      exactlyOne: problems.length === 0,
      problems,
    };
  } finally {
    await slack.close();
  }
}

type Backend = 'embedded' | 'postgres';
const LABEL: Record<Backend, string> = { embedded: 'embedded PostgreSQL', postgres: 'PostgreSQL' };

async function benchOne(
  backend: Backend,
  db: Database,
  options: DigestBenchOptions,
  into: DigestBenchResult,
): Promise<void> {
  const label = LABEL[backend];
  const started = performance.now();
  await seedLargeWorkspace(db, options);
  const seedSeconds = (performance.now() - started) / 1000;
  into.compose.push(await measureCompose(db, `compose (${label})`, options, seedSeconds));

  const shared = options.sharedOn.includes(backend);
  await seedFanout(db, options, shared ? 'shared' : 'own');
  if (shared) {
    into.fanout.push(
      await measureFanout(
        db,
        `${options.workspaces} workspaces → ${options.channels} shared channels (${label})`,
        options.workspaces,
      ),
    );
    await useOwnChannels(db);
  }
  into.fanout.push(
    await measureFanout(db, `${options.workspaces} workspaces → own channels (${label})`, options.workspaces),
  );
}

export async function benchDigest(options: DigestBenchOptions): Promise<DigestBenchResult> {
  const result: DigestBenchResult = { compose: [], fanout: [] };
  const dir = await makeTempDir('tandem-bench-digest-');
  try {
    const embedded = await openDatabase({ dataDir: path.join(dir, 'data') });
    try {
      await benchOne('embedded', embedded, options, result);
    } finally {
      await embedded.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const scratch = await createScratchDatabase('tandem_bench_digest');
  try {
    const postgres = await openDatabase({ databaseUrl: scratch.url, dataDir: '' });
    try {
      await benchOne('postgres', postgres, options, result);
    } finally {
      await postgres.close();
    }
  } finally {
    await scratch.drop();
  }
  return result;
}
