import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';
import type { LockOwner } from './data-dir-lock.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { healthProbe } from './health-probe.js';
import { applyMigrations, type MigrationReport, readMigrations } from './migrate.js';
import { preparedRunner, type RunPrepared } from './prepared.js';
import { pgClientConnection, type SqlConnection } from './sql-connection.js';

export type Prisma = PrismaClient;

export interface Database {
  readonly prisma: PrismaClient;
  readonly kind: 'embedded' | 'postgres';
  /** Runs `fn` on one raw connection (advisory locks are per connection). */
  withConnection<T>(fn: (conn: SqlConnection) => Promise<T>): Promise<T>;
  /** A hot path's statement, by name, straight to the driver (stores only). */
  readonly run: RunPrepared;
  /** `SELECT 1` on a connection of its own, failing after `timeoutMs`: is the server there? */
  ping(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** `postgres://…` selects PostgreSQL; absent selects the embedded server in `dataDir`. */
  databaseUrl?: string | undefined;
  /** The embedded database's folder (created mode 0700); one Tandem at a time may use it. */
  dataDir: string;
  migrate?: boolean;
  migrationsDir?: string;
  onMigrated?: (report: MigrationReport) => void;
  /** The embedded database's folder was locked by a process that is gone; its lock was taken over. */
  onLockTakenOver?: (previous: LockOwner) => void;
  /** Pool size (embedded: 3, each connection being a server process; PostgreSQL: 10 per replica). */
  poolSize?: number;
}

// Any constant works; replicas only need to agree on it.
const MIGRATION_LOCK_KEY = 727_368_001;

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.poolSize)
    : await openEmbedded(options.dataDir, options.poolSize, options.onLockTakenOver);
  if (options.migrate !== false) {
    try {
      const migrations = await readMigrations(options.migrationsDir);
      const report = await db.withConnection(async (conn) => {
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
 * The embedded database: a PostgreSQL server that Tandem starts in `dataDir` and stops on close,
 * reached through the same `pg` driver and Prisma adapter as a shared server.
 */
async function openEmbedded(
  dataDir: string,
  poolSize = 3,
  onLockTakenOver?: (previous: LockOwner) => void,
): Promise<Database> {
  const server = await startEmbeddedPostgres(dataDir, {}, onLockTakenOver);
  try {
    const db = await openPostgres(
      { host: server.socketDir, port: server.port, user: server.user, database: 'postgres' },
      poolSize,
    );
    return {
      ...db,
      kind: 'embedded',
      async close() {
        await db.close();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/**
 * Prisma gives a transaction 2 s to get a connection. A burst (a hundred commands in a second)
 * queues for the pool longer than that, and each would fail with an apology; waiting a little
 * longer is what the person would want. `timeout` bounds a transaction that hangs.
 */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };
const CONNECTION_TIMEOUT_MS = 15_000;

async function openPostgres(connection: string | pg.PoolConfig, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({
    ...(typeof connection === 'string' ? { connectionString: connection } : connection),
    max: poolSize,
    // A host that never answers would otherwise hold start-up (and each request) for the operating
    // system's TCP timeout, minutes; this is also the longest a query waits for a free connection.
    connectionTimeoutMillis: CONNECTION_TIMEOUT_MS,
  });
  // A dropped idle connection (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: TRANSACTION_OPTIONS });
  const probe = healthProbe(connection);
  return {
    prisma,
    kind: 'postgres',
    run: preparedRunner(pool),
    async withConnection(fn) {
      const client = await pool.connect();
      // Held between statements (the scheduler keeps its lock connection through a pass), a
      // client the server cuts emits 'error' with no query to fail; unheard, that ends the
      // process. Heard, the next statement fails the work, and the pool drops the client.
      let cut: Error | undefined;
      const onError = (error: Error) => {
        cut = error;
      };
      client.on('error', onError);
      try {
        return await fn(pgClientConnection(client));
      } finally {
        client.off('error', onError);
        client.release(cut);
      }
    },
    ping: probe.ping,
    async close() {
      await probe.close();
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
