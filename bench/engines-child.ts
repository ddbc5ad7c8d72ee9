// One engine of `npm run bench -- engines`, in a process of its own so that each engine's memory is
// measured alone: first start, reopen, resting memory, then a stream of Tandem-like operations
// through the real Prisma client, schema and migrations. Reports to the parent as JSON lines.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { openDatabase } from '../src/db/database.js';
import { makeTempDir } from '../src/db/embedded-postgres-root.js';
import { applyMigrations, readMigrations } from '../src/db/migrate.js';
import { pgClientConnection } from '../src/db/sql-connection.js';
import { PrismaClient } from '../src/generated/prisma/client.js';
import { ENGINES, type EngineName, type EngineSpec } from './engines-list.js';
import { treeMemory } from './tree-memory.js';

const { values } = parseArgs({
  options: {
    engine: { type: 'string' },
    events: { type: 'string', default: '20000' },
    checkpoints: { type: 'string', default: '10' },
  },
});
const engine = values.engine as EngineName;
const spec: EngineSpec = ENGINES[engine];
if (!spec) throw new Error(`unknown engine ${values.engine}`);
const events = Number(values.events);
const report = (message: Record<string, unknown>) => console.log(`@@${JSON.stringify(message)}`);

interface Opened {
  prisma: PrismaClient;
  close(): Promise<void>;
}

async function openPgliteWorker(dataDir: string): Promise<Opened> {
  if (spec.kind !== 'pglite') throw new Error('not a PGlite engine');
  const socketDir = await mkdtemp(path.join(os.tmpdir(), 'tandem-bench-sock-'));
  const worker = new Worker(new URL('./engines-pglite-worker.mjs', import.meta.url), {
    workerData: {
      module: spec.module,
      dataDir,
      socketPath: path.join(socketDir, '.s.PGSQL.5432'),
      extraStartParams: spec.startParams,
    },
  });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', (m: { type: string; message?: string }) =>
      m.type === 'ready' ? resolve() : reject(new Error(m.message)),
    );
    worker.once('error', reject);
  });
  // Pool of one: PGlite is a single session, as in Tandem.
  const pool = new pg.Pool({ host: socketDir, port: 5432, user: 'postgres', database: 'postgres', max: 1 });
  const client = await pool.connect();
  try {
    await applyMigrations(pgClientConnection(client), await readMigrations());
  } finally {
    client.release();
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    async close() {
      await prisma.$disconnect();
      await pool.end();
      const stopped = new Promise((resolve) => worker.on('message', resolve));
      worker.postMessage('stop');
      await Promise.race([stopped, new Promise((r) => setTimeout(r, 10_000))]);
      await worker.terminate();
      await rm(socketDir, { recursive: true, force: true });
    },
  };
}

async function open(dataDir: string): Promise<Opened> {
  if (spec.kind === 'pglite') return openPgliteWorker(dataDir);
  const db = await openDatabase({ dataDir });
  return { prisma: db.prisma, close: () => db.close() };
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
async function measure(): Promise<{ rssMiB: number; pssMiB: number; nodeRssMiB: number; processes: number }> {
  gc();
  gc();
  return treeMemory(process.pid);
}

const TEAM = 'T0BENCH';
let number = 0;
/** Per op, like handling one `/initiative add` plus a list and a status change. */
async function operation(prisma: PrismaClient, i: number): Promise<void> {
  number++;
  const actor = `U${(i % 50).toString().padStart(4, '0')}`;
  await prisma.$transaction(async (tx) => {
    const initiative = await tx.initiative.create({
      data: {
        teamId: TEAM,
        number,
        title: `Launch ${i}: ${randomUUID()}`,
        kind: 'campaign',
        leadDiscipline: i % 2 === 0 ? 'pr' : 'social',
        ownerId: actor,
        createdBy: actor,
        keywords: ['launch', `k${i % 17}`],
      },
    });
    await tx.ownershipEvent.create({
      data: {
        teamId: TEAM,
        initiativeId: initiative.id,
        toUserId: actor,
        actorId: actor,
        change: 'created',
        source: 'command',
      },
    });
  });
  await prisma.initiative.findMany({
    where: { teamId: TEAM, ownerId: actor, status: { in: ['planned', 'active'] } },
    orderBy: { number: 'desc' },
    take: 20,
  });
  await prisma.initiative.updateMany({
    where: { teamId: TEAM, number: Math.max(1, number - 5) },
    data: { status: 'active' },
  });
}

const root = await makeTempDir('tandem-bench-engine-');
const dataDir = path.join(root, 'data');
try {
  let t = performance.now();
  const first = await open(dataDir);
  const firstStartMs = performance.now() - t;
  await first.close();
  t = performance.now();
  const db = await open(dataDir);
  const reopenMs = performance.now() - t;
  await db.prisma.workspace.create({ data: { teamId: TEAM } });
  await new Promise((r) => setTimeout(r, 1000));
  report({ type: 'opened', firstStartMs, reopenMs, resting: await measure() });

  const every = Math.max(1, Math.floor(events / Number(values.checkpoints)));
  let since = performance.now();
  for (let i = 1; i <= events; i++) {
    await operation(db.prisma, i);
    if (i % every === 0 || i === events) {
      const opsPerSecond = (i % every || every) / ((performance.now() - since) / 1000);
      if (spec.kind === 'pglite' && spec.checkpointEachTenth) await db.prisma.$executeRawUnsafe('CHECKPOINT');
      report({ type: 'checkpoint', events: i, opsPerSecond, ...(await measure()) });
      since = performance.now();
    }
  }
  await db.close();
  report({ type: 'done' });
} finally {
  await rm(root, { recursive: true, force: true });
}
process.exit(0);
