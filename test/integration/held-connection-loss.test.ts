// A connection Tandem holds between statements (the scheduler keeps one for its advisory lock
// while a pass runs) can be cut by the server: a restart, a failover, a forced drop. That must
// fail the work that held it, not the process, and the pool must hand out a working one next.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createScratchDatabase,
  type ScratchDatabase,
  withAdmin,
} from '../../scripts/lib/scratch-database.js';
import { type Database, openDatabase } from '../../src/db/database.js';

const ADMIN_URL = 'postgresql://postgres@127.0.0.1:5432/test';

describe('a held connection the server cuts', () => {
  let scratch: ScratchDatabase;
  let db: Database;
  beforeAll(async () => {
    scratch = await createScratchDatabase('tandem_cut');
    db = await openDatabase({ databaseUrl: scratch.url, dataDir: '', migrate: false, poolSize: 1 });
  });
  afterAll(async () => {
    await db?.close();
    await scratch?.drop();
  });

  it('rejects the work that held it, raises no uncaught error, and the pool serves a new connection', async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      const work = db.withConnection(async (conn) => {
        const [me] = await conn.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        // Idle between statements, as the scheduler's lock connection is while a pass runs.
        await withAdmin(ADMIN_URL, (admin) => admin.query('SELECT pg_terminate_backend($1)', [me?.pid]));
        await new Promise((resolve) => setTimeout(resolve, 200));
        await conn.query('SELECT 1');
      });
      await expect(work).rejects.toThrow();
      expect(uncaught).toEqual([]);
      // poolSize 1: had the cut client gone back to the pool, this would fail or hang.
      const [row] = await db.withConnection((conn) => conn.query<{ one: number }>('SELECT 1 AS one'));
      expect(row?.one).toBe(1);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });
});
