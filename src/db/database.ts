import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { applyMigrations, type MigrationReport, readMigrations } from './migrate.js';
import { pgClientConnection, type SqlConnection } from './sql-connection.js';

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

/**
 * The embedded database: PGlite in a worker thread behind a private Unix socket, reached through
 * the same `pg` driver and Prisma adapter as a PostgreSQL server. A pool of one connection keeps
 * PGlite's single session safe; transactions hold it, everything else waits its turn.
 */
async function openPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) await mkdir(dataDir, { recursive: true });
  // mkdtemp makes the folder readable by this user only, so nobody else can reach the socket.
  const socketDir = await mkdtemp(path.join(os.tmpdir(), 'tandem-pglite-'));
  const worker = new Worker(new URL('./pglite-server.mjs', import.meta.url), {
    workerData: { dataDir, socketPath: path.join(socketDir, `.s.PGSQL.${PGLITE_SOCKET_PORT}`) },
  });
  try {
    await workerReady(worker);
  } catch (error) {
    await worker.terminate();
    await rm(socketDir, { recursive: true, force: true });
    throw error;
  }
  const db = await openPostgres(
    { host: socketDir, port: PGLITE_SOCKET_PORT, user: 'postgres', database: 'postgres' },
    1,
  );
  return {
    ...db,
    kind: 'pglite',
    async close() {
      await db.close();
      await stopWorker(worker);
      await rm(socketDir, { recursive: true, force: true });
    },
  };
}

// Only names the socket file (`.s.PGSQL.<port>`, as libpq expects); nothing listens on a port.
const PGLITE_SOCKET_PORT = 5432;

function workerReady(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    worker.once('message', (message: { type: string; message?: string }) =>
      message.type === 'ready'
        ? resolve()
        : reject(new Error(`Embedded database failed to open: ${message.message}`)),
    );
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new Error(`Embedded database worker exited (${code}) before it was ready`)),
    );
  });
}

async function stopWorker(worker: Worker): Promise<void> {
  const stopped = new Promise<void>((resolve) => {
    worker.on('message', (message: { type: string }) => {
      if (message.type === 'stopped') resolve();
    });
    worker.once('exit', () => resolve());
  });
  worker.postMessage('stop');
  // A clean stop closes PGlite (checkpoint); after that the thread has nothing left to do.
  await Promise.race([stopped, new Promise((r) => setTimeout(r, 10_000))]);
  await worker.terminate();
}

/**
 * Prisma gives a transaction 2 s to get a connection. A burst (a hundred commands in a second)
 * queues for the pool longer than that, and each would fail with an apology; waiting a little
 * longer is what the person would want. `timeout` bounds a transaction that hangs.
 */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

async function openPostgres(connection: string | pg.PoolConfig, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({
    ...(typeof connection === 'string' ? { connectionString: connection } : connection),
    max: poolSize,
  });
  // A dropped idle connection (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: TRANSACTION_OPTIONS });
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
