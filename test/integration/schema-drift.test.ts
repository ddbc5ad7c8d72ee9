import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pendingMigrationSql, SCHEMA_PATH } from '../../scripts/lib/pending-migration.js';

describe('schema.prisma and prisma/migrations', () => {
  it('agree: replaying the migrations gives exactly the schema', async () => {
    const pending = await pendingMigrationSql();
    expect(
      pending,
      `schema.prisma has changes no migration holds; run \`npm run db:migration -- <name>\`:\n${pending}`,
    ).toBe('');
  });

  it('disagree as soon as the schema gains a field without a migration (the check can fail)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tandem-drift-'));
    try {
      const schema = await readFile(SCHEMA_PATH, 'utf8');
      const changed = schema.replace('model Initiative {', 'model Initiative {\n  budgetCents Int?');
      await writeFile(path.join(dir, 'schema.prisma'), changed);
      const pending = await pendingMigrationSql({ schemaPath: path.join(dir, 'schema.prisma') });
      expect(pending).toMatch(/ALTER TABLE "Initiative" ADD COLUMN\s+"budgetCents" INTEGER/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
