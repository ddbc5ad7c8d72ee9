import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { createScratchDatabase } from '../../scripts/lib/scratch-database.js';
import { type Database, openDatabase } from '../../src/db/database.js';

export type Backend = 'pglite' | 'postgres';
export const BACKENDS: Backend[] = ['pglite', 'postgres'];

export interface TestDatabase extends Database {
  backend: Backend;
  /** Closes the database and removes what it left on disk or on the server. */
  destroy(): Promise<void>;
}

/** A fresh database with all migrations applied, copied from the run's template. */
export async function openTestDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tandem-db-'));
    await cp(inject('pgliteTemplateDir'), dir, { recursive: true });
    const db = await openDatabase({ dataDir: dir });
    return {
      ...db,
      backend,
      async destroy() {
        await db.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const scratch = await createScratchDatabase('tandem_test', { template: inject('postgresTemplate') });
  const db = await openDatabase({ databaseUrl: scratch.url, dataDir: '', poolSize: 5 });
  return {
    ...db,
    backend,
    async destroy() {
      await db.close();
      await scratch.drop();
    },
  };
}
