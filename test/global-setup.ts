import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createScratchDatabase } from '../scripts/lib/scratch-database.js';
import { openDatabase } from '../src/db/database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplateDir: string;
    postgresTemplate: string;
  }
}

/**
 * Builds each database once per run with every migration applied: PGlite's initdb takes seconds,
 * so test files copy a ready data folder, and PostgreSQL test databases are cloned from a template.
 */
export default async function setup(project: TestProject) {
  const root = await mkdtemp(path.join(os.tmpdir(), 'tandem-test-'));
  const pgliteDir = path.join(root, 'pglite-template');
  const pglite = await openDatabase({ dataDir: pgliteDir });
  await pglite.close();

  const template = await createScratchDatabase('tandem_template');
  const postgres = await openDatabase({ databaseUrl: template.url, dataDir: '' });
  await postgres.close();

  project.provide('pgliteTemplateDir', pgliteDir);
  project.provide('postgresTemplate', template.name);
  return async () => {
    await template.drop();
    await rm(root, { recursive: true, force: true });
  };
}
