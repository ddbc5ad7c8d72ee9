import type { Database } from '../db/database.js';
import { pendingMigrations, readMigrations } from '../db/migrate.js';
import type { Lifecycle } from './lifecycle.js';

/** Long enough for a loaded server, short enough for a load balancer's probe timeout. */
export const DATABASE_PING_TIMEOUT_MS = 1_000;

export type SocketState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export interface ReadinessReport {
  ready: boolean;
  /** What is not ready, each with a short reason; empty when ready. */
  notReady: Record<string, string>;
}

export interface Readiness {
  /** Compares prisma/migrations with what the database has applied; run once at start. */
  checkMigrations(migrationsDir?: string): Promise<void>;
  /** Slack accepted the bot token (auth.test) at start. */
  slackAuthChecked(): void;
  /** Socket Mode only: the connection's state, as the Socket Mode client reports it. */
  setSocketState(state: SocketState): void;
  check(): Promise<ReadinessReport>;
}

/**
 * Ready means: not shutting down, the database answers `SELECT 1` within a second, no migration
 * is pending, Slack accepted the token at start, and in Socket Mode the connection is up. Only
 * the database is asked on every probe; the rest is state kept as it changes.
 */
export function createReadiness(options: {
  db: Database;
  lifecycle: Lifecycle;
  mode: 'http' | 'socket';
  pingTimeoutMs?: number;
}): Readiness {
  const { db, lifecycle } = options;
  let migrations = 'not checked yet';
  let slackAuth = false;
  let socket: SocketState = 'connecting';
  return {
    async checkMigrations(migrationsDir) {
      const onDisk = await readMigrations(migrationsDir);
      const pending = await db.withConnection((conn) => pendingMigrations(conn, onDisk));
      migrations = pending.length === 0 ? 'ok' : `pending: ${pending.join(', ')}`;
    },
    slackAuthChecked() {
      slackAuth = true;
    },
    setSocketState(state) {
      socket = state;
    },
    async check() {
      const notReady: Record<string, string> = {};
      if (lifecycle.stopping) notReady.shutdown = 'shutting down';
      try {
        await db.ping(options.pingTimeoutMs ?? DATABASE_PING_TIMEOUT_MS);
      } catch {
        // The driver's message can name the host and user; the log of the app's own queries has it.
        notReady.database = 'not reachable';
      }
      if (migrations !== 'ok') notReady.migrations = migrations;
      if (!slackAuth) notReady.slack = 'token not checked yet';
      if (options.mode === 'socket' && socket !== 'connected') notReady.socket = socket;
      return { ready: Object.keys(notReady).length === 0, notReady };
    },
  };
}
