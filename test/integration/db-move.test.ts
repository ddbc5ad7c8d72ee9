// Moving from the embedded database to PostgreSQL: a real DATA_DIR filled by Tandem itself over
// signed requests, moved to a fresh database on the local PostgreSQL, compared row for row by a
// query of its own, then served by Tandem from the new home.
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../../scripts/lib/scratch-database.js';
import { openDatabase } from '../../src/db/database.js';
import { makeTempDir } from '../../src/db/embedded-postgres-root.js';
import { DERIVED_TABLES } from '../../src/db/move/catalog.js';
import { moveEmbeddedTo } from '../../src/db/move/move-embedded.js';
import { createLogger } from '../../src/logger.js';
import { startLocalTandem } from '../harness/local-tandem.js';
import { TestClock } from '../support/test-clock.js';

const run = promisify(execFile);
const TEAM = 'TMOVE0001';
const PAM = 'UPAM00001';
const SOL = 'USOL00001';
const CHANNEL = 'CMOVE0001';
const as = (userId: string) => ({ teamId: TEAM, userId, channelId: CHANNEL });

let root: string;
let dataDir: string;
const scratch: ScratchDatabase[] = [];

/** Tandem on `databaseUrl` (or the embedded DATA_DIR), doing whatever `work` sends it. */
async function withTandem(
  databaseUrl: string | undefined,
  work: (t: Awaited<ReturnType<typeof startLocalTandem>>) => Promise<void>,
) {
  const db = await openDatabase({ databaseUrl, dataDir });
  const t = await startLocalTandem({
    db,
    clock: new TestClock(),
    logger: createLogger('silent'),
    defaultTimezone: 'Europe/London',
  });
  try {
    await work(t);
  } finally {
    await t.stop();
    await db.close();
  }
}

/** Every table's rows as JSON, in key order: the test's own comparison, independent of the move's. */
async function dump(url: string): Promise<Record<string, unknown[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1",
    );
    const out: Record<string, unknown[]> = {};
    for (const { name } of tables.rows) {
      // The target writes these for itself as rows arrive; compared on their own below.
      if (DERIVED_TABLES.includes(name)) continue;
      const rows = await client.query(
        `SELECT to_jsonb(t) AS row FROM "${name}" t ORDER BY to_jsonb(t)::text`,
      );
      out[name] = rows.rows.map((r) => r.row);
    }
    return out;
  } finally {
    await client.end();
  }
}

async function markedWorkspaces(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = await client.query<{ teamId: string }>(
      'SELECT DISTINCT "teamId" FROM "NudgeInputChange" ORDER BY 1',
    );
    return rows.rows.map((r) => r.teamId);
  } finally {
    await client.end();
  }
}

/** The embedded database's rows, read through a Tandem-owned server on DATA_DIR. */
async function dumpEmbedded(): Promise<Record<string, unknown[]>> {
  const db = await openDatabase({ dataDir });
  try {
    const socket = await db.withConnection((c) =>
      c.query<{ dir: string; port: string; db: string }>(
        "SELECT current_setting('unix_socket_directories') AS dir, current_setting('port') AS port, current_database() AS db",
      ),
    );
    const { dir, port, db: name } = socket[0] ?? { dir: '', port: '', db: '' };
    return await dump(`postgresql://postgres@${encodeURIComponent(dir)}:${port}/${name}`);
  } finally {
    await db.close();
  }
}

async function freshTarget(): Promise<string> {
  const db = await createScratchDatabase('tandem_move');
  scratch.push(db);
  return db.url;
}

describe('npm run db:move: the embedded database to PostgreSQL', () => {
  let before: Record<string, unknown[]>;

  beforeAll(async () => {
    root = await makeTempDir('tandem-move-');
    dataDir = path.join(root, 'data');
    await withTandem(undefined, async (t) => {
      await t.command('/tandem', `set pr-leads <@${PAM}|pam>`, as(PAM));
      await t.command(
        '/initiative',
        `add "Q4 launch" press_release <@${PAM}|pam> <#${CHANNEL}|launch>`,
        as(PAM),
      );
      await t.command('/task', `add 1 "Draft social posts" social`, as(PAM));
      await t.command('/task', `assign 1 <@${SOL}|sol>`, as(PAM));
      await t.command('/trend', 'add "#WorldCup2026" keywords: football, launch', as(SOL));
      await t.command(
        '/draft',
        'Acme opens its first store in Lisbon on 4 May. "We are thrilled," said Ana Lima.',
        as(PAM),
      );
    });
    before = await dumpEmbedded();
  });
  afterAll(async () => {
    for (const db of scratch) await db.drop();
    await rm(root, { recursive: true, force: true });
  });

  it('copies every row of every table, checked on both servers, with sequences carried over', async () => {
    // The release becomes an initiative of its own.
    expect(before.Initiative).toHaveLength(2);
    expect(before.Task?.length).toBeGreaterThanOrEqual(1);
    expect(before.OwnershipEvent?.length).toBeGreaterThanOrEqual(2);
    expect(before.PressRelease).toHaveLength(1);
    expect(before.SocialDraft?.length).toBeGreaterThanOrEqual(6);
    const target = await freshTarget();

    const report = await moveEmbeddedTo({ dataDir, targetUrl: target, force: false });

    expect(await dump(target)).toEqual(before);
    expect(report.tables.map((t) => t.table).sort()).toEqual(Object.keys(before).sort());
    // Every workspace arrives marked as changed, so the scheduler plans each afresh on the target.
    expect(await markedWorkspaces(target)).toEqual(
      (before.Workspace as Array<{ teamId: string }>).map((w) => w.teamId).sort(),
    );
    for (const t of report.tables) expect(t.rows).toBe(before[t.table]?.length);
    // Parents are copied before the rows that refer to them.
    const order = report.tables.map((t) => t.table);
    expect(order.indexOf('Workspace')).toBeLessThan(order.indexOf('Initiative'));
    expect(order.indexOf('Initiative')).toBeLessThan(order.indexOf('Task'));
    expect(order.indexOf('Task')).toBeLessThan(order.indexOf('OwnershipEvent'));
    expect(report.sequences.map((s) => s.name)).toContain('OwnershipEvent_id_seq');

    // Tandem now serves from PostgreSQL: the history continues without an id collision.
    await withTandem(target, async (t) => {
      const calls = await t.command('/initiative', `handoff 1 <@${SOL}|sol> back from holiday`, as(PAM));
      expect(JSON.stringify(calls)).not.toMatch(/went wrong|error/i);
      const who = await t.command('/tandem', 'who-owns 1', as(PAM));
      expect(JSON.stringify(who)).toContain(SOL);
    });
    const after = await dump(target);
    expect(after.OwnershipEvent?.length).toBe((before.OwnershipEvent?.length ?? 0) + 1);
  });

  it('refuses a target that holds data, changing nothing, and replaces it with --force', async () => {
    const target = await freshTarget();
    await moveEmbeddedTo({ dataDir, targetUrl: target, force: false });
    await withTandem(target, async (t) => {
      await t.command('/initiative', 'add "Only on the target" campaign', as(PAM));
    });
    const occupied = await dump(target);
    expect(occupied.Initiative).toHaveLength(3);

    await expect(moveEmbeddedTo({ dataDir, targetUrl: target, force: false })).rejects.toThrow(
      /already holds Tandem data \(rows in .*Initiative.*\)\. Nothing was copied\. Run again with --force/,
    );
    expect(await dump(target)).toEqual(occupied);

    const report = await moveEmbeddedTo({ dataDir, targetUrl: target, force: true });
    expect(report.overwritten).toEqual(expect.arrayContaining(['Workspace', 'Initiative', 'OwnershipEvent']));
    expect(await dump(target)).toEqual(before);
  });

  it('rolls the whole copy back when a table arrives different from how it left', async () => {
    const target = await freshTarget();
    await (await openDatabase({ databaseUrl: target, dataDir: '' })).close();
    // A target that quietly alters what it is given, as a misconfigured server or a trigger could.
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    await client.query(`CREATE FUNCTION shout() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN NEW.label := upper(NEW.label); RETURN NEW; END $$;
      CREATE TRIGGER shout BEFORE INSERT ON "Trend" FOR EACH ROW EXECUTE FUNCTION shout()`);
    await client.end();

    await expect(moveEmbeddedTo({ dataDir, targetUrl: target, force: false })).rejects.toThrow(
      /did not match the source, so it was rolled back and the target is as it was: Trend \(1 rows/,
    );
    const after = await dump(target);
    expect(Object.values(after).every((rows) => rows.length === 0)).toBe(true);
  });

  it('explains a missing DATA_DIR, a URL that is not PostgreSQL and an unreachable server, from the command line', async () => {
    const cli = (...args: string[]) =>
      run('npx', ['tsx', 'scripts/db-move.ts', ...args], { env: { ...process.env, DATA_DIR: dataDir } }).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
      );
    const missing = await cli(
      '--data-dir',
      path.join(root, 'nowhere'),
      '--to',
      'postgres://postgres@127.0.0.1/x',
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No embedded database in DATA_DIR .*nowhere/);
    const notPg = await cli('--to', 'mysql://root@127.0.0.1/tandem');
    expect(notPg.stderr).toMatch(
      /--to must be a postgres:\/\/ or postgresql:\/\/ URL, such as postgres:\/\//,
    );
    const noTo = await cli();
    expect(noTo.stderr).toMatch(/--to is required/);
    const unreachable = await cli('--to', 'postgres://postgres@127.0.0.1:1/tandem');
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(
      /Could not open the target database 127\.0\.0\.1:1\/tandem: .*Nothing was copied/,
    );
  });
});
