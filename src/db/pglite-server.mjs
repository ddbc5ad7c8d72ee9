// Worker thread: owns the embedded PGlite database and serves it over PostgreSQL's wire protocol
// on a private Unix socket. PGlite runs PostgreSQL as synchronous WebAssembly with synchronous
// file I/O; here that work no longer stalls the thread that acks Slack's requests.
// Plain JavaScript so that a worker needs no TypeScript loader, under tsx, vitest or node alike.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

try {
  const db = await PGlite.create(workerData.dataDir);
  // One connection: PGlite is a single session, so the client side uses a pool of one too.
  const server = new PGLiteSocketServer({ db, path: workerData.socketPath, maxConnections: 1 });
  await server.start();
  parentPort.on('message', async (message) => {
    if (message !== 'stop') return;
    await server.stop();
    await db.close();
    parentPort.postMessage({ type: 'stopped' });
  });
  parentPort.postMessage({ type: 'ready' });
} catch (error) {
  parentPort.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
