// `npx tsx bench/peak-rss.ts -- npm run demo`: runs a command and samples the memory of its whole
// process tree (Node, and any database server it starts) every 100 ms, then prints the peaks.
// Launchers (npm, sh, tsx's own CLI process) are reported apart: they are not Tandem.
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

const command = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
if (command.length === 0) {
  console.error('usage: npx tsx bench/peak-rss.ts -- <command> [args…]');
  process.exit(2);
}

async function memoryKb(pid: number): Promise<{ rss: number; pss: number; database: boolean }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '');
  return {
    rss: Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0),
    // Shared pages (PostgreSQL's shared memory and binaries, mapped by every backend) counted once.
    pss: Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0),
    database: /^Name:\s+postgres$/m.test(status),
  };
}

async function tree(root: number): Promise<Array<{ pid: number; launcher: boolean }>> {
  const parents = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    if (stat) parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
  }
  const pids = [root];
  for (let i = 0; i < pids.length; i++) {
    for (const [pid, ppid] of parents) if (ppid === pids[i]) pids.push(pid);
  }
  return Promise.all(
    pids.map(async (pid) => {
      const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0');
      const launcher =
        /(^|\/)(npm|sh|npm-cli\.js)$/.test(cmdline[0] ?? '') ||
        cmdline.some((a) => /\/\.bin\/tsx$|tsx\/dist\/cli\.mjs$/.test(a)) ||
        /npm-cli\.js$|\/bin\/npm$/.test(cmdline[1] ?? '');
      return { pid, launcher };
    }),
  );
}

const started = performance.now();
const child = spawn(command[0] ?? '', command.slice(1), { stdio: ['ignore', 'ignore', 'inherit'] });
const peak = { all: 0, app: 0, appPss: 0, node: 0, database: 0, databasePss: 0, processes: 0 };
let sampling = true;
const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
void exited.then(() => {
  sampling = false;
});
while (sampling) {
  const members = await tree(child.pid ?? 0);
  const sum = { all: 0, app: 0, appPss: 0, node: 0, database: 0, databasePss: 0 };
  for (const m of members) {
    const kb = await memoryKb(m.pid);
    sum.all += kb.rss;
    if (m.launcher) continue;
    sum.app += kb.rss;
    sum.appPss += kb.pss;
    if (kb.database) {
      sum.database += kb.rss;
      sum.databasePss += kb.pss;
    } else sum.node += kb.rss;
  }
  for (const key of Object.keys(sum) as Array<keyof typeof sum>) peak[key] = Math.max(peak[key], sum[key]);
  peak.processes = Math.max(peak.processes, members.length);
  await new Promise((r) => setTimeout(r, 100));
}
const code = await exited;
const mib = (kb: number) => `${Math.round(kb / 1024)} MiB`;
console.log(
  `${command.join(' ')}: exit ${code}, ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
    `peak RSS ${mib(peak.app)} without launchers (npm, sh, tsx CLI), ${mib(peak.all)} with them; ` +
    `peak PSS ${mib(peak.appPss)} without launchers; separately, Node's peak RSS ${mib(peak.node)}, ` +
    `the database server's ${mib(peak.database)} (PSS ${mib(peak.databasePss)}); up to ${peak.processes} processes`,
);
process.exit(code ?? 1);
