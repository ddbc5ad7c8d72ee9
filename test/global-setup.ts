import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createScratchDatabase } from '../scripts/lib/scratch-database.js';
import { openDatabase } from '../src/db/database.js';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { makeTempDir } from '../src/db/embedded-postgres-root.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL (over its Unix socket) of the run's one embedded server. */
    embeddedAdminUrl: string;
    embeddedTemplate: string;
    postgresTemplate: string;
  }
}

/** `postgresql://` URL for a database on a server that listens on a Unix socket in `socketDir`. */
function socketUrl(socketDir: string, database: string): string {
  return `postgresql://postgres@${encodeURIComponent(socketDir)}/${database}`;
}

/**
 * Builds each database once per run with every migration applied, and test files clone it. The
 * embedded server is Tandem's own (src/db/embedded-postgres.ts), started once for the whole run:
 * a server per test file would pay its start-up and memory every time. Tests that need the
 * embedded open, initialise and reopen paths themselves make their own data folders.
 */
export default async function setup(project: TestProject) {
  const root = await makeTempDir('tandem-test-');
  const server = await startEmbeddedPostgres(path.join(root, 'embedded'), {
    // Throwaway data: no need to survive a power cut, and two workers open many pools at once.
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    max_connections: '100',
  });
  const embeddedAdminUrl = socketUrl(server.socketDir, 'postgres');
  const embedded = await createScratchDatabase('tandem_template', { adminUrl: embeddedAdminUrl });
  await (await openDatabase({ databaseUrl: embedded.url, dataDir: '' })).close();

  const template = await createScratchDatabase('tandem_template');
  const postgres = await openDatabase({ databaseUrl: template.url, dataDir: '' });
  await postgres.close();

  project.provide('embeddedAdminUrl', embeddedAdminUrl);
  project.provide('embeddedTemplate', embedded.name);
  project.provide('postgresTemplate', template.name);
  return async () => {
    await template.drop();
    await server.stop();
    await rm(root, { recursive: true, force: true });
  };
}
