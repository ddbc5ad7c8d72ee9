import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../../scripts/lib/scratch-database.js';
import { openDatabase } from '../../src/db/database.js';
import { makeTempDir } from '../../src/db/embedded-postgres-root.js';
import {
  applyMigrations,
  checksumOf,
  DEFAULT_MIGRATIONS_DIR,
  MigrationError,
  NewerDatabaseError,
  readMigrations,
} from '../../src/db/migrate.js';
import { pgClientConnection, type SqlConnection } from '../../src/db/sql-connection.js';

interface EmptyDatabase {
  conn: SqlConnection;
  close(): Promise<void>;
}

/** A fresh embedded database through the production path (initdb, server start), without migrations. */
async function emptyEmbedded(): Promise<EmptyDatabase> {
  const dir = await makeTempDir('tandem-migrate-');
  const db = await openDatabase({ dataDir: path.join(dir, 'data'), migrate: false, poolSize: 1 });
  // A pool of one: every call gets the same connection, so BEGIN … COMMIT spans calls.
  const conn: SqlConnection = {
    query: (sql, params) => db.withConnection((c) => c.query(sql, params)),
    exec: (script) => db.withConnection((c) => c.exec(script)),
  };
  return {
    conn,
    async close() {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function emptyPostgres(): Promise<EmptyDatabase> {
  const scratch: ScratchDatabase = await createScratchDatabase('tandem_migrate');
  const client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
  return {
    conn: pgClientConnection(client),
    async close() {
      await client.end();
      await scratch.drop();
    },
  };
}

describe.each([
  ['embedded', emptyEmbedded],
  ['postgres', emptyPostgres],
] as const)('migration runner on %s', (_name, open) => {
  let db: EmptyDatabase;
  let badDir: string;
  beforeAll(async () => {
    db = await open();
    badDir = await mkdtemp(path.join(os.tmpdir(), 'tandem-migrations-'));
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    await rm(badDir, { recursive: true, force: true });
  });

  it('applies every migration once and records it as Prisma does', async () => {
    const migrations = await readMigrations();
    const first = await applyMigrations(db.conn, migrations);
    expect(first.applied).toEqual(migrations.map((m) => m.name));
    const rows = await db.conn.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
    }>(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    for (const [i, m] of migrations.entries()) {
      const sql = await readFile(path.join(DEFAULT_MIGRATIONS_DIR, m.name, 'migration.sql'), 'utf8');
      expect(rows[i]).toMatchObject({
        migration_name: m.name,
        checksum: checksumOf(sql),
        applied_steps_count: 1,
      });
      expect(rows[i]?.finished_at).toBeInstanceOf(Date);
    }
    const second = await applyMigrations(db.conn, migrations);
    expect(second).toEqual({ applied: [], alreadyApplied: migrations.map((m) => m.name), modified: [] });
  });

  it('reports an applied migration whose file changed since', async () => {
    const migrations = await readMigrations();
    const edited = migrations.map((m, i) =>
      i === 0 ? { ...m, checksum: checksumOf(`${m.sql}\n-- edited`) } : m,
    );
    expect((await applyMigrations(db.conn, edited)).modified).toEqual([migrations[0]?.name]);
  });

  it('refuses a database a newer Tandem migrated, naming what it does not know, and changes nothing', async () => {
    const migrations = await readMigrations();
    const newest = migrations.at(-1)?.name ?? '';
    const older = migrations.slice(0, -1);
    const before = await db.conn.query('SELECT migration_name FROM "_prisma_migrations" ORDER BY 1');
    const error = await applyMigrations(db.conn, older).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NewerDatabaseError);
    expect((error as NewerDatabaseError).unknown).toEqual([newest]);
    expect((error as Error).message).toContain(newest);
    expect(await db.conn.query('SELECT migration_name FROM "_prisma_migrations" ORDER BY 1')).toEqual(before);
  });

  it('rolls a failing migration back whole and names it', async () => {
    await cp(DEFAULT_MIGRATIONS_DIR, badDir, { recursive: true });
    await mkdir(path.join(badDir, '29990101000000_broken'));
    await writeFile(
      path.join(badDir, '29990101000000_broken', 'migration.sql'),
      'CREATE TABLE "HalfDone" (id INT);\nALTER TABLE "NoSuchTable" ADD COLUMN x INT;\n',
    );
    const error = await applyMigrations(db.conn, await readMigrations(badDir)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).message).toContain('29990101000000_broken');
    expect((error as MigrationError).message).toContain('NoSuchTable');
    const halfDone = await db.conn.query('SELECT to_regclass(\'"HalfDone"\') AS t');
    expect(halfDone[0]?.t).toBeNull();
    const recorded = await db.conn.query(
      `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`,
    );
    expect(recorded).toEqual([]);
  });

  it('keeps ownership history append-only', async () => {
    await db.conn.exec(`
      INSERT INTO "Workspace" ("teamId", "updatedAt") VALUES ('T_HIST', now());
      INSERT INTO "OwnershipEvent" ("teamId", "actorId", change, source) VALUES ('T_HIST', 'U1', 'assigned', 'command');`);
    await expect(db.conn.exec(`UPDATE "OwnershipEvent" SET "actorId" = 'U2'`)).rejects.toThrow(/append-only/);
    await expect(db.conn.exec(`DELETE FROM "OwnershipEvent"`)).rejects.toThrow(/append-only/);
  });
});
