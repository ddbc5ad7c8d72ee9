import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SqlConnection } from './sql-connection.js';

export interface Migration {
  name: string;
  sql: string;
  /** sha256 of the script, hex: the checksum Prisma itself records. */
  checksum: string;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
  /** Applied migrations whose file changed since; Prisma warns about these too. */
  modified: string[];
}

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    override readonly cause: unknown,
  ) {
    super(
      `Migration ${migration} failed and was rolled back; the database is as it was before it. ` +
        `SQL error: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'MigrationError';
  }
}

/** The database was migrated by a newer Tandem: this code does not know its schema. */
export class NewerDatabaseError extends Error {
  constructor(readonly unknown: string[]) {
    super(
      `the database has ${unknown.length === 1 ? 'a migration' : 'migrations'} this Tandem does not know ` +
        `(${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? ', …' : ''}): a newer Tandem upgraded it`,
    );
    this.name = 'NewerDatabaseError';
  }
}

export const DEFAULT_MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../prisma/migrations');

// Prisma's own bookkeeping table, column for column, so `prisma migrate status/deploy` agree with us.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

/** Reads `<dir>/<timestamp>_<name>/migration.sql` in name order, as Prisma does. */
export async function readMigrations(dir = DEFAULT_MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: checksumOf(sql) };
    }),
  );
}

interface AppliedRow extends Record<string, unknown> {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Applies pending migrations in order, each in its own transaction together with its
 * `_prisma_migrations` row: a failing script leaves no trace and stops with its name.
 * Callers that share a database between replicas hold an advisory lock around this.
 */
export async function applyMigrations(
  conn: SqlConnection,
  migrations: Migration[],
): Promise<MigrationReport> {
  await conn.exec(CREATE_MIGRATIONS_TABLE);
  const rows = await conn.query<AppliedRow>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"',
  );
  const unfinished = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
  if (unfinished) {
    throw new Error(
      `Migration ${unfinished.migration_name} is recorded as started but never finished ` +
        '(a failed `prisma migrate deploy`?). Resolve it before starting Tandem.',
    );
  }
  const done = new Map(rows.filter((r) => r.finished_at !== null).map((r) => [r.migration_name, r.checksum]));
  // Older code on a newer schema would write rows the newer code does not expect, and nothing
  // warns: stopping is the only safe answer to a rollback of the code alone.
  const known = new Set(migrations.map((m) => m.name));
  const unknown = [...done.keys()].filter((name) => !known.has(name)).sort();
  if (unknown.length > 0) throw new NewerDatabaseError(unknown);
  const report: MigrationReport = { applied: [], alreadyApplied: [], modified: [] };

  for (const migration of migrations) {
    const recorded = done.get(migration.name);
    if (recorded !== undefined) {
      report.alreadyApplied.push(migration.name);
      if (recorded !== migration.checksum) report.modified.push(migration.name);
      continue;
    }
    await conn.exec('BEGIN');
    try {
      await conn.exec(migration.sql);
      await conn.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), now(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
      await conn.exec('COMMIT');
    } catch (error) {
      await conn.exec('ROLLBACK');
      throw new MigrationError(migration.name, error);
    }
    report.applied.push(migration.name);
  }
  return report;
}

/**
 * Migrations on disk that the database has not finished applying (none once start-up migrated):
 * what readiness reports, so a replica never serves a schema older than its code.
 */
export async function pendingMigrations(conn: SqlConnection, migrations: Migration[]): Promise<string[]> {
  const [table] = await conn.query<{ present: boolean }>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`,
  );
  if (!table?.present) return migrations.map((m) => m.name);
  const rows = await conn.query<{ migration_name: string }>(
    'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
  );
  const done = new Set(rows.map((r) => r.migration_name));
  return migrations.filter((m) => !done.has(m.name)).map((m) => m.name);
}
