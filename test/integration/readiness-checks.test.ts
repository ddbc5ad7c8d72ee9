// What /readyz asks the database, on the shared PostgreSQL: which migrations are pending, and
// whether the server answers at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../../scripts/lib/scratch-database.js';
import { type Database, openDatabase } from '../../src/db/database.js';
import { applyMigrations, pendingMigrations, readMigrations } from '../../src/db/migrate.js';
import { freePort } from '../support/ports.js';

describe('readiness checks against PostgreSQL', () => {
  let scratch: ScratchDatabase;
  let db: Database;
  beforeAll(async () => {
    scratch = await createScratchDatabase('tandem_readiness');
    db = await openDatabase({ databaseUrl: scratch.url, dataDir: '', migrate: false, poolSize: 2 });
  });
  afterAll(async () => {
    await db?.close();
    await scratch?.drop();
  });

  it('lists every migration as pending on an empty database, the newest after the rest, none once applied', async () => {
    const migrations = await readMigrations();
    const names = migrations.map((m) => m.name);
    expect(await db.withConnection((conn) => pendingMigrations(conn, migrations))).toEqual(names);
    await db.withConnection((conn) => applyMigrations(conn, migrations.slice(0, -1)));
    expect(await db.withConnection((conn) => pendingMigrations(conn, migrations))).toEqual(names.slice(-1));
    await db.withConnection((conn) => applyMigrations(conn, migrations));
    expect(await db.withConnection((conn) => pendingMigrations(conn, migrations))).toEqual([]);
  });

  it('pings a server that is there, and fails for one that is not', async () => {
    await db.ping(1_000);
    const nowhere = await openDatabase({
      databaseUrl: `postgresql://postgres@127.0.0.1:${await freePort()}/none`,
      dataDir: '',
      migrate: false,
    });
    try {
      await expect(nowhere.ping(1_000)).rejects.toThrow();
    } finally {
      await nowhere.close();
    }
  });
});
