import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/prisma/client.js';
import { applyMigrations, type MigrationReport, readMigrations } from './migrate.js';
import { pgClientConnection, pgliteConnection, type SqlConnection } from './sql-connection.js';

export type Prisma = PrismaClient;

export interface Database {
  readonly prisma: PrismaClient;
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` on one raw connection (advisory locks are per connection). */
  withConnection<T>(fn: (conn: SqlConnection) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** `postgres://…` selects PostgreSQL; absent selects embedded PGlite in `dataDir`. */
  databaseUrl?: string | undefined;
  /** PGlite data folder, or `memory://` for a throwaway in-memory database. */
  dataDir: string;
  migrate?: boolean;
  migrationsDir?: string;
  onMigrated?: (report: MigrationReport) => void;
  /** PostgreSQL pool size per replica. */
  poolSize?: number;
}

// Any constant works; replicas only need to agree on it.
const MIGRATION_LOCK_KEY = 727_368_001;

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.poolSize)
    : await openPglite(options.dataDir);
  if (options.migrate !== false) {
    try {
      const migrations = await readMigrations(options.migrationsDir);
      const report = await db.withConnection(async (conn) => {
        if (db.kind === 'pglite') return applyMigrations(conn, migrations);
        // Replicas starting together must not race each other through the same migration.
        await conn.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        try {
          return await applyMigrations(conn, migrations);
        } finally {
          await conn.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
        }
      });
      options.onMigrated?.(report);
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  return db;
}

async function openPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) });
  const conn = pgliteConnection(client);
  return {
    prisma,
    kind: 'pglite',
    withConnection: (fn) => fn(conn),
    async close() {
      await prisma.$disconnect();
      if (!client.closed) await client.close();
    },
  };
}

async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // A dropped idle connection (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    kind: 'postgres',
    async withConnection(fn) {
      const client = await pool.connect();
      try {
        return await fn(pgClientConnection(client));
      } finally {
        client.release();
      }
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
