import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import type { RetryOptions } from '@slack/web-api';
import { SLACK_RETRY_POLICY } from '../../src/app.js';
import type { Database } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import type { FakeSlackOptions, SlackCall } from '../harness/fake-slack.js';
import { BOT_TOKEN, type LocalTandem, SIGNING_SECRET, startLocalTandem } from '../harness/local-tandem.js';
import { TestClock } from '../support/test-clock.js';

export { BOT_TOKEN, SIGNING_SECRET };

export interface ReliableTandem extends LocalTandem {
  clock: TestClock;
  logs: string[];
}

/**
 * The harness's Tandem (test/harness/local-tandem.ts) with production's Web API retry policy by
 * default instead of `retries: 0`, and what fault tests read: the clock and every log line.
 */
export async function startReliableTandem(options: {
  db: Database;
  clock?: TestClock;
  slack?: FakeSlackOptions;
  /** Default: production's SLACK_RETRY_POLICY. */
  retryConfig?: RetryOptions;
  /** Web API client timeout; production's is 10 s, tests scale it down to stay fast. */
  timeoutMs?: number;
  processBeforeResponse?: boolean;
}): Promise<ReliableTandem> {
  const clock = options.clock ?? new TestClock();
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const local = await startLocalTandem({
    db: options.db,
    clock,
    logger: createLogger('debug', sink),
    defaultTimezone: 'Europe/London',
    retryConfig: options.retryConfig ?? SLACK_RETRY_POLICY,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.slack ? { slack: options.slack } : {}),
    ...(options.processBeforeResponse !== undefined
      ? { processBeforeResponse: options.processBeforeResponse }
      : {}),
  });
  return { ...local, clock, logs };
}

/** Everything in a call's blocks and text, for `toContain` checks. */
export const textOf = (call: SlackCall | undefined): string =>
  call === undefined ? '' : JSON.stringify([call.args.text, call.args.blocks]);

/** Calls the stand-in accepted (not answered with a queued fault). */
export const accepted = (calls: SlackCall[]): SlackCall[] => calls.filter((c) => !c.fault);

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns true, or fails with `what` after `timeoutMs`. */
export async function eventually(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** Runs a command to completion and returns its exit code and output (for pg_ctl and friends). */
export function run(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv } = {},
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += String(d);
    });
    child.stderr.on('data', (d) => {
      output += String(d);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Rows in every table of Tandem's schema (Prisma's bookkeeping left out), for "nothing written" checks. */
export async function rowCounts(db: Database): Promise<Record<string, number>> {
  return db.withConnection(async (conn) => {
    const tables = await conn.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
        ORDER BY table_name`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const [row] = await conn.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${name}"`);
      counts[name] = Number(row?.n ?? 0);
    }
    return counts;
  });
}

/** Every row of every table, as JSON text, ordered: a snapshot to compare before and after. */
export async function snapshotRows(db: Database, teamId: string): Promise<Record<string, string[]>> {
  return db.withConnection(async (conn) => {
    const tables = await conn.query<{ name: string }>(
      `SELECT c.table_name AS name FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
        WHERE c.table_schema = 'public' AND c.column_name = 'teamId' AND t.table_type = 'BASE TABLE'
        ORDER BY c.table_name`,
    );
    const out: Record<string, string[]> = {};
    for (const { name } of tables) {
      const rows = await conn.query<{ row: string }>(
        `SELECT row_to_json(x)::text AS row FROM "${name}" x WHERE "teamId" = $1`,
        [teamId],
      );
      out[name] = rows.map((r) => r.row).sort();
    }
    return out;
  });
}

export interface Child {
  process: import('node:child_process').ChildProcess;
  /** Every line the child printed on stdout so far. */
  lines: string[];
  /** Resolves with the first line (already printed or still to come) that matches. */
  waitForLine(predicate: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Writes one line to the child's stdin. */
  send(line: string): void;
  /** Resolves when the child has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs a TypeScript file under test/reliability/children as its own Node process (through tsx). */
export function spawnChild(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Child {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL(`./children/${script}`, import.meta.url).pathname, ...args],
    { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  const lines: string[] = [];
  const waiters = new Set<(line: string) => void>();
  let buffered = '';
  child.stdout?.on('data', (chunk) => {
    buffered += String(chunk);
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      lines.push(line);
      for (const waiter of waiters) waiter(line);
      newline = buffered.indexOf('\n');
    }
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + String(chunk)).slice(-4000);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    process: child,
    lines,
    exited,
    send(line) {
      child.stdin?.write(`${line}\n`);
    },
    waitForLine(predicate, timeoutMs = 30_000) {
      const already = lines.find(predicate);
      if (already !== undefined) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const done = (fn: () => void) => {
          clearTimeout(timer);
          waiters.delete(waiter);
          fn();
        };
        const waiter = (line: string) => {
          if (predicate(line)) done(() => resolve(line));
        };
        const timer = setTimeout(
          () =>
            done(() =>
              reject(new Error(`child ${script}: no matching line in ${timeoutMs} ms; stderr:\n${stderr}`)),
            ),
          timeoutMs,
        );
        waiters.add(waiter);
        void exited.then(({ code, signal }) =>
          done(() =>
            reject(new Error(`child ${script} exited (${code ?? signal}) first; stderr:\n${stderr}`)),
          ),
        );
      });
    },
  };
}
