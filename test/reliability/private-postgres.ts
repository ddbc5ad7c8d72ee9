import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../support/ports.js';
import { run } from './support.js';

/**
 * A PostgreSQL cluster of this test's own, on a free port, so that it can be stopped, restarted
 * and killed without touching the shared server on 5432 that other tests and people use.
 * PostgreSQL refuses to run as root, so when we are root every server command runs as `postgres`.
 */
export interface PrivatePostgres {
  port: number;
  /** `postgresql://postgres@127.0.0.1:<port>/<database>` */
  url(database: string): string;
  createDatabase(name: string): Promise<string>;
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and removes its data folder. */
  destroy(): Promise<void>;
}

function findBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

const BIN = findBinDir();
const isRoot = process.getuid?.() === 0;

/** Why a private cluster cannot be made here, or null when it can. */
export const privatePostgresUnavailable: string | null =
  BIN === null
    ? 'initdb not found under /usr/lib/postgresql/*/bin (install the PostgreSQL server package)'
    : isRoot && !existsSync('/usr/sbin/runuser') && !existsSync('/sbin/runuser')
      ? 'running as root without runuser, and PostgreSQL refuses to run as root'
      : null;

async function asPostgres(command: string, args: string[]): Promise<string> {
  const full = path.join(BIN ?? '', command);
  const result = isRoot
    ? await run('runuser', ['-u', 'postgres', '--', full, ...args])
    : await run(full, args);
  if (result.code !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${result.code}):\n${result.output}`);
  return result.output;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  if (privatePostgresUnavailable) throw new Error(privatePostgresUnavailable);
  const root = await mkdtemp(path.join(os.tmpdir(), 'tandem-pg-'));
  const data = path.join(root, 'data');
  const sockets = path.join(root, 'sock');
  await mkdir(sockets);
  if (isRoot) {
    const { output } = await run('id', ['-u', 'postgres']);
    const { output: gid } = await run('id', ['-g', 'postgres']);
    await chown(root, Number(output.trim()), Number(gid.trim()));
    await chown(sockets, Number(output.trim()), Number(gid.trim()));
  }
  await asPostgres('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k ${sockets} -c listen_addresses=127.0.0.1 -c max_connections=50`;
  const ctl = (...args: string[]) => asPostgres('pg_ctl', ['-D', data, '-w', '-t', '30', ...args]);
  const start = async () => {
    await ctl('-o', options, '-l', path.join(root, 'server.log'), 'start');
  };
  await start();
  const url = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  let running = true;
  return {
    port,
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async stop(mode = 'fast') {
      await ctl('-m', mode, 'stop');
      running = false;
    },
    async start() {
      await start();
      running = true;
    },
    async destroy() {
      if (running) await ctl('-m', 'immediate', 'stop').catch(() => {});
      await rm(root, { recursive: true, force: true });
    },
  };
}
