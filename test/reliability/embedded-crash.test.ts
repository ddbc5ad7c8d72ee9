// Database faults, embedded PostgreSQL: the Tandem that owns the data folder is killed with SIGKILL
// in the middle of writing. Its database server, a child process, survives it as an orphan; in
// the next round the server is killed too, leaving a stale postmaster.pid and WAL to replay.
// Reopened, the database must open, and every write acknowledged (committed) before the kill must
// be there, whole.
import { readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { makeTempDir } from '../../src/db/embedded-postgres-root.js';
import { sleep, spawnChild } from './support.js';

const TEAM = 'TEMBED01';
const ROUNDS = [
  { kill: 'Tandem only (its server lives on, orphaned)', server: false },
  { kill: 'Tandem and its server (stale postmaster.pid, crash recovery)', server: true },
  { kill: 'Tandem only, again', server: false },
];

/** Gone, or exited and waiting for its new parent to reap it. */
const running = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat[stat.lastIndexOf(')') + 2] !== 'Z';
  } catch {
    return false;
  }
};

const serverPid = async (dataDir: string) =>
  Number((await readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]);

describe('embedded data folder after kill -9 during writes', () => {
  let root: string;
  let dir: string;
  beforeAll(async () => {
    root = await makeTempDir('tandem-crash-');
    dir = path.join(root, 'data');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it(`opens again with every acknowledged write intact, ${ROUNDS.length} crashes in a row`, async () => {
    const acknowledged: string[] = [];
    for (const [round, { kill, server }] of ROUNDS.entries()) {
      const child = spawnChild('embedded-writer.ts', [dir, TEAM, `Round ${round}`]);
      await child.waitForLine((l) => l === 'READY', 60_000);
      const target = 10 + round * 5;
      await child.waitForLine((l) => l === `ACK Round ${round} ${target}`, 60_000);
      await sleep(Math.floor(Math.random() * 20)); // somewhere inside the next write
      const postmaster = await serverPid(dir);
      child.process.kill('SIGKILL');
      if (server) process.kill(postmaster, 'SIGKILL');
      const { signal } = await child.exited;
      expect(signal, kill).toBe('SIGKILL');
      acknowledged.push(...child.lines.filter((l) => l.startsWith('ACK ')).map((l) => l.slice(4)));

      const db = await openDatabase({ dataDir: dir });
      try {
        const rows = await db.prisma.initiative.findMany({
          where: { teamId: TEAM },
          orderBy: { number: 'asc' },
        });
        const titles = new Set(rows.map((r) => r.title));
        expect(
          acknowledged.filter((a) => !titles.has(a)),
          `acknowledged writes missing after killing ${kill}`,
        ).toEqual([]);
        // At most the one write in flight at each kill can have committed without its ACK.
        expect(rows.length - acknowledged.length).toBeGreaterThanOrEqual(0);
        expect(rows.length - acknowledged.length).toBeLessThanOrEqual(round + 1);
        // Whole: contiguous numbers, the counter agrees, one ownership event each.
        expect(rows.map((r) => r.number)).toEqual(rows.map((_, k) => k + 1));
        const ws = await db.prisma.workspace.findUniqueOrThrow({ where: { teamId: TEAM } });
        expect(ws.nextInitiativeNumber).toBe(rows.length + 1);
        expect(await db.prisma.ownershipEvent.count({ where: { teamId: TEAM } })).toBe(rows.length);
        // And it takes writes again.
        await db.prisma.workspace.update({ where: { teamId: TEAM }, data: { digestTime: `09:0${round}` } });
      } finally {
        await db.close();
      }
      // The orphaned server was shut down rather than left running beside the new one.
      expect(running(postmaster), "the killed Tandem's server still runs").toBe(false);
    }
  });

  it('refuses to open DATA_DIR while another Tandem process holds it, naming the folder', async () => {
    const child = spawnChild('embedded-writer.ts', [dir, TEAM, 'Busy']);
    try {
      await child.waitForLine((l) => l.startsWith('ACK Busy'), 60_000);
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(
        new RegExp(`DATA_DIR ${dir} is in use by another Tandem \\(process ${child.process.pid}\\)`),
      );
      // The refusal left the running one alone: it is still acknowledging writes.
      const next = child.lines.filter((l) => l.startsWith('ACK ')).length + 1;
      await child.waitForLine((l) => l === `ACK Busy ${next}`, 30_000);
    } finally {
      child.process.kill('SIGKILL');
      await child.exited;
      // Its server, orphaned by the kill, is shut down by the next open.
      await (await openDatabase({ dataDir: dir, migrate: false })).close();
    }
  });
});
