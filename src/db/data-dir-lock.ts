import { readFileSync, unlinkSync } from 'node:fs';
import { link, open, readFile, rename, rm, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataDirError, unusableDataDir } from './data-dir-error.js';

/**
 * One Tandem per data folder. `DATA_DIR/tandem.lock` names the process that holds the folder: its
 * pid, host, and (on Linux) when it started, so that a pid reused after a reboot is not taken for
 * the old owner. It is created exclusively ('wx'), so two starting processes cannot both win.
 */
export interface LockOwner {
  pid: number;
  host: string;
  /** Process start time in clock ticks since boot (/proc/<pid>/stat), when the system says. */
  started: string;
}

export interface DataDirLock {
  readonly file: string;
  /** The dead owner whose lock this one replaced, to be reported. */
  readonly tookOverFrom: LockOwner | undefined;
  release(): Promise<void>;
}

export const LOCK_FILE = 'tandem.lock';
export const lockFileOf = (dataDir: string) => path.join(path.resolve(dataDir), LOCK_FILE);

function startTime(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22, counted after "pid (comm)", whose comm may hold spaces and parentheses.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

function me(): LockOwner {
  return { pid: process.pid, host: os.hostname(), started: startTime(process.pid) };
}

const serialise = (o: LockOwner) => `${o.pid}\n${o.host}\n${o.started}\n`;

export async function readLockOwner(file: string): Promise<LockOwner | null> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (text === null) return null;
  const [pid, host, started] = text.split('\n');
  return { pid: Number(pid), host: host ?? '', started: started ?? '' };
}

function running(owner: LockOwner): boolean {
  if (!Number.isInteger(owner.pid) || owner.pid <= 0) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // Alive, but is it still the same process? A different start time means the pid was reused.
  const now = startTime(owner.pid);
  return !(owner.started && now && now !== owner.started);
}

export class DataDirInUseError extends DataDirError {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    const mine = owner.pid === process.pid && owner.host === os.hostname();
    const elsewhere = owner.host !== os.hostname();
    super(
      `DATA_DIR ${dataDir} is in use by ${mine ? 'this process already' : `another Tandem (process ${owner.pid}) on host ${owner.host}`}`,
      'Only one Tandem at a time can use a data folder: stop the other one, or give this one another DATA_DIR' +
        (elsewhere ? `; if host ${owner.host} no longer runs Tandem, delete ${lockFileOf(dataDir)}` : ''),
    );
    this.name = 'DataDirInUseError';
  }
}

async function createExclusive(file: string, owner: LockOwner): Promise<boolean> {
  try {
    const handle = await open(file, 'wx', 0o600);
    try {
      await handle.writeFile(serialise(owner));
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Moves a dead owner's lock aside, unless another process replaced it meanwhile: the rename is
 * atomic, and what was moved is checked to be the very lock judged dead.
 */
async function clearStale(file: string, stale: LockOwner): Promise<void> {
  const aside = `${file}.stale-${process.pid}`;
  try {
    await rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readLockOwner(aside);
  if (moved && serialise(moved) !== serialise(stale)) {
    // A live lock taken meanwhile: put it back (link never overwrites) and let the caller retry.
    await link(aside, file).catch(() => {});
  }
  await unlink(aside).catch(() => {});
}

export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const root = path.resolve(dataDir);
  const file = lockFileOf(root);
  const owner = me();
  let tookOverFrom: LockOwner | undefined;
  for (let attempt = 0; ; attempt++) {
    const created = await createExclusive(file, owner).catch((error) => {
      throw unusableDataDir(root, error);
    });
    if (created) break;
    const holder = await readLockOwner(file);
    // Removed between our attempt and the read: try again.
    if (!holder) continue;
    const sameHost = holder.host === owner.host;
    if (!sameHost || running(holder) || attempt >= 5) throw new DataDirInUseError(root, holder);
    await clearStale(file, holder);
    tookOverFrom = holder;
  }
  // Released by a process.exit() that skips close(), so the next start finds the folder free.
  const releaseOnExit = () => {
    try {
      if (readFileSync(file, 'utf8') === serialise(owner)) unlinkSync(file);
    } catch {}
  };
  process.once('exit', releaseOnExit);
  return {
    file,
    tookOverFrom,
    async release() {
      process.off('exit', releaseOnExit);
      const current = await readLockOwner(file).catch(() => null);
      if (current && serialise(current) === serialise(owner)) await rm(file, { force: true });
    },
  };
}
