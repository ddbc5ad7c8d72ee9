import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, readlink, realpath, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { LOCK_FILE } from './data-dir-lock.js';

const run = promisify(execFile);

/**
 * Who holds an embedded data folder. PostgreSQL's own `postmaster.pid` says whether a server runs
 * there; Tandem's lock beside the cluster (data-dir-lock.ts) says which Tandem holds the folder. A server whose
 * parent is no longer that Tandem was orphaned by a crash (SIGKILL leaves the server running) and
 * may be shut down; one whose parent still is belongs to a running Tandem and must be left alone.
 */
export type Holder =
  | { state: 'free' }
  /** The server is gone; PostgreSQL itself checks its leftovers (lingering backends) at start. */
  | { state: 'stale'; pid: number }
  /** The lock names a live process that is not this cluster's server: PostgreSQL would refuse. */
  | { state: 'reused'; pid: number }
  | { state: 'orphan'; pid: number; socketDir: string | undefined }
  | { state: 'owned'; pid: number; ownerPid: number };

interface ProcessInfo {
  ppid: number;
  /** Whether it is a PostgreSQL server running on this very cluster, not just any process. */
  servesCluster: boolean;
}

async function processInfo(pid: number, clusterDir: string): Promise<ProcessInfo | null> {
  const cluster = await realpath(clusterDir).catch(() => clusterDir);
  try {
    // /proc/<pid>/stat is "pid (comm) state ppid ..."; comm may hold spaces and parentheses.
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const command = stat.slice(stat.indexOf('(') + 1, close);
    const [state, ppid] = stat.slice(close + 2).split(' ');
    // Exited but not yet reaped by its new parent: as good as gone.
    if (state === 'Z') return null;
    // A server's working directory is its cluster; unreadable means another user's process.
    const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => null);
    return { ppid: Number(ppid), servesCluster: command.startsWith('postgres') && cwd === cluster };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || process.platform === 'linux') return null;
  }
  // Without /proc (macOS), ps shows the command line Tandem started the server with.
  try {
    const { stdout } = await run('ps', ['-o', 'ppid=,args=', '-p', String(pid)]);
    const [ppid, ...args] = stdout.trim().split(/\s+/);
    const line = args.join(' ');
    const servesCluster = line.includes(`-D ${clusterDir} `) || line.includes(`-D ${cluster} `);
    return ppid ? { ppid: Number(ppid), servesCluster } : null;
  } catch {
    return null;
  }
}

async function readLines(file: string): Promise<string[] | null> {
  try {
    return (await readFile(file, 'utf8')).split('\n');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

// `owner.pid` is where Tandems before the folder lock recorded themselves; one may still be running.
const ownerFiles = (clusterDir: string) =>
  [LOCK_FILE, 'owner.pid'].map((name) => path.join(path.dirname(clusterDir), name));

export async function findHolder(clusterDir: string): Promise<Holder> {
  const lock = await readLines(path.join(clusterDir, 'postmaster.pid'));
  const pid = Number(lock?.[0]);
  if (!lock || !Number.isInteger(pid) || pid <= 0) return { state: 'free' };
  // A server killed with its Tandem lingers unreaped until its new parent (init) collects it,
  // a second or two here; PostgreSQL takes it for a live server meanwhile and refuses to start.
  for (const until = Date.now() + 10_000; zombie(pid); ) {
    if (Date.now() > until) return { state: 'reused', pid };
    await new Promise((r) => setTimeout(r, 50));
  }
  const server = await processInfo(pid, clusterDir);
  if (!server) return { state: 'stale', pid };
  // Its process id since reused by something else (likely after a reboot), maybe even by another
  // PostgreSQL server, which must be left alone.
  if (!server.servesCluster) return { state: 'reused', pid };
  for (const file of ownerFiles(clusterDir)) {
    const ownerPid = Number((await readLines(file))?.[0]);
    if (server.ppid === ownerPid) return { state: 'owned', pid, ownerPid };
  }
  return { state: 'orphan', pid, socketDir: lock[4] || undefined };
}

/** Removes a lock file whose process id has been reused, which PostgreSQL would take as a live server. */
export async function removeStaleLock(clusterDir: string): Promise<void> {
  await rm(path.join(clusterDir, 'postmaster.pid'), { force: true });
}

/** Exited but not yet reaped (Linux; elsewhere never known, so false). */
function zombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat[stat.lastIndexOf(')') + 2] === 'Z';
  } catch {
    return false;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // An exited server whose new parent has not reaped it yet still answers signals.
  return !zombie(pid);
}

/** Stops a server: fast shutdown (rolls back open transactions), then immediate if it lingers. */
export async function stopServer(pid: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch {}
  };
  signal('SIGINT');
  while (alive(pid)) {
    if (Date.now() > deadline) {
      signal('SIGQUIT');
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  while (alive(pid)) await new Promise((r) => setTimeout(r, 20));
}
