import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { applyMigrations, DEFAULT_MIGRATIONS_DIR, readMigrations } from '../../src/db/migrate.js';
import { pgClientConnection } from '../../src/db/sql-connection.js';
import { diffScript, openSchemaEngine } from './schema-engine.js';
import { createScratchDatabase } from './scratch-database.js';

export const SCHEMA_PATH = path.resolve(import.meta.dirname, '../../prisma/schema.prisma');

/**
 * The SQL that would bring a database built from the migrations up to `schema.prisma`:
 * empty when they agree. The migrations are replayed into a scratch database on PostgreSQL
 * (the schema engine needs a live one), which the engine then introspects.
 */
export async function pendingMigrationSql(
  options: { migrationsDir?: string; schemaPath?: string; adminUrl?: string } = {},
): Promise<string> {
  const schemaPath = options.schemaPath ?? SCHEMA_PATH;
  const content = await readFile(schemaPath, 'utf8');
  const files = [{ path: path.basename(schemaPath), content }];
  const scratch = await createScratchDatabase('tandem_scratch', { adminUrl: options.adminUrl });
  try {
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    try {
      await applyMigrations(
        pgClientConnection(client),
        await readMigrations(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR),
      );
    } finally {
      await client.end();
    }
    const engine = await openSchemaEngine(scratch.url, files[0] as (typeof files)[number]);
    try {
      const sql = await diffScript(
        engine,
        { tag: 'schemaDatasource', files, configDir: path.dirname(schemaPath) },
        { tag: 'schemaDatamodel', files },
      );
      return sql.trim() === '' || /^-- This is an empty migration\.?\s*$/.test(sql.trim()) ? '' : sql;
    } finally {
      engine.close();
    }
  } finally {
    await scratch.drop();
  }
}
