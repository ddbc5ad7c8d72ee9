import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Database, openDatabase } from '../database.js';
import type { MigrationReport } from '../migrate.js';
import { DatabaseMoveError, type MoveReport, moveDatabase } from './move-database.js';

export interface MoveOptions {
  /** The embedded database's folder (DATA_DIR). */
  dataDir: string;
  /** `postgres://…` of the PostgreSQL that receives the data. */
  targetUrl: string;
  force: boolean;
  onMigrated?: (side: 'source' | 'target', report: MigrationReport) => void;
}

/**
 * Moves the embedded database in `dataDir` to a PostgreSQL server. Both sides are first migrated
 * to this Tandem's schema, as start-up would. Tandem must be stopped: the embedded folder admits
 * one process at a time, and a running Tandem would keep writing to the source.
 */
export async function moveEmbeddedTo(options: MoveOptions): Promise<MoveReport> {
  const target = parseTarget(options.targetUrl);
  const cluster = path.join(options.dataDir, 'postgres');
  if (!existsSync(cluster))
    throw new DatabaseMoveError(
      `No embedded database in DATA_DIR ${path.resolve(options.dataDir)} (${cluster} does not exist). ` +
        'Set DATA_DIR, or pass --data-dir, to the folder Tandem has been using.',
    );

  const source = await openDatabase({
    dataDir: options.dataDir,
    poolSize: 1,
    onMigrated: (report) => options.onMigrated?.('source', report),
  });
  let destination: Database;
  try {
    destination = await openDatabase({
      databaseUrl: target.toString(),
      dataDir: '',
      poolSize: 1,
      onMigrated: (report) => options.onMigrated?.('target', report),
    });
  } catch (error) {
    await source.close();
    throw reachError(target, error);
  }
  try {
    return await moveDatabase(source, destination, { force: options.force });
  } finally {
    await destination.close();
    await source.close();
  }
}

function parseTarget(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseMoveError(
      `--to must be a PostgreSQL URL such as postgres://tandem:secret@db.internal:5432/tandem (got "${url}").`,
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:')
    throw new DatabaseMoveError(
      `--to must be a postgres:// or postgresql:// URL, such as postgres://tandem:secret@db.internal:5432/tandem (got ${parsed.protocol}//…).`,
    );
  return parsed;
}

function reachError(target: URL, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  // A failed migration already names itself and says the target is unchanged.
  if (error instanceof Error && error.name === 'MigrationError') return error;
  return new DatabaseMoveError(
    `Could not open the target database ${target.host}${target.pathname}: ${message}. Nothing was copied.`,
  );
}
