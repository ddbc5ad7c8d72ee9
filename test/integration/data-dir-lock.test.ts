// The data folder's lock file on a real file system: who holds it, refusals that say so, and a
// release that never removes someone else's lock.
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirInUseError, LOCK_FILE, lockDataDir } from '../../src/db/data-dir-lock.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'tandem-lock-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const folder = async (name: string) => {
  const dir = path.join(root, name);
  await mkdir(dir);
  return dir;
};

describe('DATA_DIR lock', () => {
  it('records pid and host, refuses this same process a second time, and is gone after release', async () => {
    const dir = await folder('mine');
    const lock = await lockDataDir(dir);
    const [pid, host] = (await readFile(path.join(dir, LOCK_FILE), 'utf8')).split('\n');
    expect([Number(pid), host]).toEqual([process.pid, os.hostname()]);
    await expect(lockDataDir(dir)).rejects.toThrow(`DATA_DIR ${dir} is in use by this process already`);
    await lock.release();
    await expect(stat(path.join(dir, LOCK_FILE))).rejects.toThrow();
    await (await lockDataDir(dir)).release();
  });

  it('refuses a lock held on another host, naming it and the file to delete if that host is done', async () => {
    const dir = await folder('elsewhere');
    await writeFile(path.join(dir, LOCK_FILE), '4242\nother-machine\n\n');
    const refusal = await lockDataDir(dir).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DataDirInUseError);
    expect((refusal as Error).message).toMatch(
      /another Tandem \(process 4242\) on host other-machine\. .*if host other-machine no longer runs Tandem, delete .*tandem\.lock/,
    );
  });

  it('takes over the lock of a pid reused by another process (its start time differs)', async () => {
    const dir = await folder('reused');
    // Process 1 is alive, but it is not the process that took this lock.
    await writeFile(path.join(dir, LOCK_FILE), `1\n${os.hostname()}\n999999999999\n`);
    const lock = await lockDataDir(dir);
    try {
      expect(lock.tookOverFrom).toMatchObject({ pid: 1 });
    } finally {
      await lock.release();
    }
  });

  it('release leaves alone a lock that another process has since taken', async () => {
    const dir = await folder('replaced');
    const lock = await lockDataDir(dir);
    await writeFile(path.join(dir, LOCK_FILE), `4243\nother-machine\n\n`);
    await lock.release();
    expect(await readFile(path.join(dir, LOCK_FILE), 'utf8')).toContain('other-machine');
  });
});
