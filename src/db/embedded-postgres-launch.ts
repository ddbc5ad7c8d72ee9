import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { open, readFile } from 'node:fs/promises';
import pg from 'pg';
import type { ServerUser } from './embedded-postgres-root.js';

/** Only names the socket file (`.s.PGSQL.<port>`); the server listens on no TCP port. */
export const SOCKET_PORT = 5432;
export const SUPERUSER = 'postgres';

export interface LaunchOptions {
  postgres: string;
  clusterDir: string;
  socketDir: string;
  /** Server settings on top of Tandem's. */
  settings: Record<string, string>;
  user: ServerUser | undefined;
  logFile: string;
}

/** The server settings: a small footprint for one app, and nothing reachable from the network. */
function serverArgs({ clusterDir, socketDir, settings: extra }: LaunchOptions): string[] {
  const settings = {
    listen_addresses: '',
    unix_socket_directories: socketDir,
    unix_socket_permissions: '0700',
    max_connections: '20',
    // Each server process that touches a shared buffer counts it in its own RSS: a small pool keeps
    // that bounded (Tandem's working set is small; the OS page cache holds the rest).
    shared_buffers: '16MB',
    // Fewer server processes: no I/O workers, no replication (nobody replicates an embedded database).
    io_method: 'sync',
    max_logical_replication_workers: '0',
    autovacuum_max_workers: '1',
    wal_level: 'minimal',
    max_wal_senders: '0',
    log_checkpoints: 'off',
    ...extra,
  };
  return [
    '-D',
    clusterDir,
    '-p',
    String(SOCKET_PORT),
    ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
  ];
}

async function tail(file: string, lines = 15): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.trim().split('\n').slice(-lines).join('\n');
}

async function waitReady(child: ChildProcess, socketDir: string, logFile: string): Promise<void> {
  const exited = once(child, 'exit');
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await exited;
      throw new Error(`PostgreSQL stopped while starting:\n${await tail(logFile)}`);
    }
    const client = new pg.Client({
      host: socketDir,
      port: SOCKET_PORT,
      user: SUPERUSER,
      database: 'postgres',
    });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => {});
    }
    if (Date.now() > deadline) {
      child.kill('SIGQUIT');
      throw new Error(`PostgreSQL did not start within 60 s:\n${await tail(logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 15));
  }
}

async function spawnServer(options: LaunchOptions): Promise<ChildProcess> {
  const { user } = options;
  const log = await open(options.logFile, 'a', 0o600);
  try {
    if (user) await log.chown(user.uid, user.gid);
    return spawn(options.postgres, serverArgs(options), {
      ...(user && { uid: user.uid, gid: user.gid }),
      // The server's output goes to a file, not a pipe, so it keeps working if Tandem dies first.
      stdio: ['ignore', log.fd, log.fd],
      // Its own process group: Ctrl-C in a terminal signals the whole foreground group, and the
      // server must outlive Tandem's graceful shutdown, which stops it last.
      detached: true,
      env: { ...process.env, LC_ALL: 'C' },
    });
  } finally {
    await log.close();
  }
}

/**
 * Starts the server and waits until it takes connections. After a crash that killed the old
 * server, its backends may take a moment to notice and let go of its shared memory; PostgreSQL
 * refuses to start until they have, so that case is tried again for a while.
 */
export async function launch(options: LaunchOptions): Promise<ChildProcess> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const child = await spawnServer(options);
    try {
      await waitReady(child, options.socketDir, options.logFile);
      return child;
    } catch (error) {
      const lingering = error instanceof Error && error.message.includes('pre-existing shared memory block');
      if (!lingering || Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
