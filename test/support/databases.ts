import { inject } from 'vitest';
import { createScratchDatabase } from '../../scripts/lib/scratch-database.js';
import { type Database, openDatabase } from '../../src/db/database.js';

export type Backend = 'embedded' | 'postgres';
export const BACKENDS: Backend[] = ['embedded', 'postgres'];

export interface TestDatabase extends Database {
  backend: Backend;
  /** Closes the database and removes what it left on disk or on the server. */
  destroy(): Promise<void>;
}

/**
 * A fresh database with all migrations applied, cloned from the run's template: on the run's one
 * embedded server (test/global-setup.ts), or on the shared PostgreSQL. An embedded one reports
 * kind 'embedded', so Tandem takes its embedded code paths (the scheduler's in-process lock); the
 * server's own start, initialise and reopen are tested in test/integration/embedded-postgres.test.ts.
 */
export async function openTestDatabase(backend: Backend): Promise<TestDatabase> {
  const scratch =
    backend === 'embedded'
      ? await createScratchDatabase('tandem_test', {
          adminUrl: inject('embeddedAdminUrl'),
          template: inject('embeddedTemplate'),
        })
      : await createScratchDatabase('tandem_test', { template: inject('postgresTemplate') });
  const db = await openDatabase({ databaseUrl: scratch.url, dataDir: '', poolSize: 5 });
  return {
    ...db,
    kind: backend === 'embedded' ? 'embedded' : 'postgres',
    backend,
    async destroy() {
      await db.close();
      await scratch.drop();
    },
  };
}
