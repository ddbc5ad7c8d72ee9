// The embedded database's own life cycle, through openDatabase as Tandem opens it: the first start
// initialises DATA_DIR, later starts reopen it, one Tandem at a time may hold it, and folders it
// cannot open are refused with a message that names them.
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/database.js';
import { makeTempDir } from '../../src/db/embedded-postgres-root.js';

describe('embedded PostgreSQL in DATA_DIR', () => {
  let root: string;
  beforeAll(async () => {
    root = await makeTempDir('tandem-embedded-');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('initialises on first start, keeps its data across a reopen, and listens on no TCP port', async () => {
    const dataDir = path.join(root, 'first');
    const first = await openDatabase({ dataDir });
    let socketDir: string;
    try {
      expect(first.kind).toBe('embedded');
      expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
      await first.prisma.workspace.create({ data: { teamId: 'TKEEP01' } });
      const settings = await first.withConnection((c) =>
        c.query<{ listen: string; socket: string }>(
          "SELECT current_setting('listen_addresses') AS listen, current_setting('unix_socket_directories') AS socket",
        ),
      );
      expect(settings[0]?.listen).toBe('');
      socketDir = settings[0]?.socket ?? '';
      expect((await stat(socketDir)).mode & 0o777).toBe(0o700);
    } finally {
      await first.close();
    }
    await expect(stat(socketDir)).rejects.toThrow();
    await expect(readFile(path.join(dataDir, 'postgres', 'postmaster.pid'))).rejects.toThrow();

    // How quickly it reopens is `npm run bench -- startup`; here, that it does, with the data.
    const again = await openDatabase({ dataDir });
    try {
      expect(await again.prisma.workspace.count({ where: { teamId: 'TKEEP01' } })).toBe(1);
    } finally {
      await again.close();
    }
  });

  it('refuses a second open of a folder in use, naming DATA_DIR, and leaves the first one working', async () => {
    const dataDir = path.join(root, 'busy');
    const first = await openDatabase({ dataDir });
    try {
      await expect(openDatabase({ dataDir })).rejects.toThrow(
        new RegExp(`DATA_DIR ${dataDir} is in use by this process already`),
      );
      expect(await first.prisma.workspace.count()).toBe(0);
    } finally {
      await first.close();
    }
  });

  it('opens a folder whose postmaster.pid names a process that is not a database server', async () => {
    const dataDir = path.join(root, 'stale');
    await (await openDatabase({ dataDir })).close();
    // As after a reboot, when the old server's process id now belongs to something else.
    await writeFile(path.join(dataDir, 'postgres', 'postmaster.pid'), `${process.pid}\n${dataDir}\n`);
    const db: Database = await openDatabase({ dataDir });
    try {
      expect(await db.prisma.workspace.count()).toBe(0);
    } finally {
      await db.close();
    }
  });

  it("leaves alone another cluster's server whose process id a stale postmaster.pid happens to name", async () => {
    const dataDir = path.join(root, 'reused');
    const otherDir = path.join(root, 'other');
    await (await openDatabase({ dataDir, migrate: false })).close();
    const other = await openDatabase({ dataDir: otherDir, migrate: false });
    try {
      const otherPid = Number(
        (await readFile(path.join(otherDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0],
      );
      await writeFile(path.join(dataDir, 'postgres', 'postmaster.pid'), `${otherPid}\n${dataDir}\n`);
      await (await openDatabase({ dataDir, migrate: false })).close();
      expect(() => process.kill(otherPid, 0)).not.toThrow();
      expect(await other.prisma.$queryRawUnsafe('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await other.close();
    }
  });

  it('refuses a data folder left by the PGlite-based Tandem, naming it', async () => {
    const dataDir = path.join(root, 'pglite');
    await mkdir(dataDir);
    await writeFile(path.join(dataDir, 'PG_VERSION'), '17\n');
    await expect(openDatabase({ dataDir })).rejects.toThrow(
      new RegExp(`DATA_DIR ${dataDir} holds a database written by an earlier Tandem \\(PGlite\\)`),
    );
    expect(await readdir(dataDir)).toEqual(['PG_VERSION']);
  });
});
