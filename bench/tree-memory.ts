import { readdir, readFile } from 'node:fs/promises';

export interface TreeMemory {
  /** VmRSS summed over the process and all its descendants (a database server's backends too). */
  rssMiB: number;
  /** Proportional set size summed likewise: shared pages (PostgreSQL's shared buffers) counted once. */
  pssMiB: number;
  /** The root process alone. */
  nodeRssMiB: number;
  processes: number;
}

async function field(file: string, name: string): Promise<number> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text);
  return match ? Number(match[1]) : 0;
}

/** Linux only: reads /proc. */
export async function treeMemory(rootPid: number): Promise<TreeMemory> {
  const parents = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (stat) parents.set(Number(entry), ppid);
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  }
  let rss = 0;
  let pss = 0;
  for (const pid of tree) {
    rss += await field(`/proc/${pid}/status`, 'VmRSS');
    pss += await field(`/proc/${pid}/smaps_rollup`, 'Pss');
  }
  const mib = (kb: number) => Math.round((kb / 1024) * 10) / 10;
  return {
    rssMiB: mib(rss),
    pssMiB: mib(pss),
    nodeRssMiB: mib(await field(`/proc/${rootPid}/status`, 'VmRSS')),
    processes: tree.length,
  };
}
