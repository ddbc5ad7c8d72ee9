// Database faults, PGlite (issue 6): the process that owns the embedded database's folder is
// killed with SIGKILL in the middle of writing. Reopened, the database must open, and every write
// that was acknowledged (committed) before the kill must be there, whole.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { sleep, spawnChild } from './support.js';

const TEAM = 'TPGLITE01';
const ROUNDS = 2;

describe('PGlite data folder after kill -9 during writes', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tandem-crash-'));
    await cp(inject('pgliteTemplateDir'), dir, { recursive: true });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it(`opens again with every acknowledged write intact, ${ROUNDS} crashes in a row`, async () => {
    const acknowledged: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const child = spawnChild('pglite-writer.ts', [dir, TEAM, `Round ${round}`]);
      await child.waitForLine((l) => l === 'READY', 60_000);
      const target = 10 + round * 5;
      await child.waitForLine((l) => l === `ACK Round ${round} ${target}`, 60_000);
      await sleep(Math.floor(Math.random() * 20)); // somewhere inside the next write
      child.process.kill('SIGKILL');
      const { signal } = await child.exited;
      expect(signal).toBe('SIGKILL');
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
          'acknowledged writes missing',
        ).toEqual([]);
        // At most the one write in flight at the kill can have committed without its ACK.
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
    }
  });
});
