// Creates prisma/migrations/<timestamp>_<name>/migration.sql from the changes in schema.prisma,
// without the native schema engine (unreachable offline): see scripts/lib/schema-engine.ts.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_MIGRATIONS_DIR } from '../src/db/migrate.js';
import { pendingMigrationSql } from './lib/pending-migration.js';

const rawName = process.argv.slice(2).join('_');
const name = rawName
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, '_')
  .replace(/^_|_$/g, '');
if (!name) {
  console.error('Name the migration: npm run db:migration -- add_trends');
  process.exit(2);
}

const sql = await pendingMigrationSql();
if (!sql) {
  console.log('schema.prisma and prisma/migrations already agree: no migration created.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join(DEFAULT_MIGRATIONS_DIR, `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, 'migration.sql'), sql);
console.log(
  `Created ${path.relative(process.cwd(), dir)}/migration.sql — review it, then \`npm run db:migrate\`.`,
);
