import type { App } from '@slack/bolt';
import type { Database } from '../db/database.js';
import { createLifecycle } from './lifecycle.js';
import { opsHandlers, opsRoutes } from './ops-routes.js';
import { type OpsServer, startOpsServer } from './ops-server.js';
import { createReadiness } from './readiness.js';
import { watchSocket } from './socket-state.js';

/**
 * What running Tandem in production adds around the app: the shared lifecycle (stopping, work in
 * flight), readiness checked against the database (migrations compared once, here), and the
 * /healthz, /readyz and /metrics handlers, as HTTP mode's custom routes or Socket Mode's server.
 */
export async function prepareOperations(db: Database, mode: 'http' | 'socket') {
  const lifecycle = createLifecycle();
  const readiness = createReadiness({ db, lifecycle, mode });
  await readiness.checkMigrations();
  const handlers = opsHandlers(readiness);
  return {
    lifecycle,
    readiness,
    routes: opsRoutes(handlers),
    /** Watches the app's Socket Mode connection and serves the handlers on `port`. */
    async serveSocketMode(app: App, port: number): Promise<OpsServer> {
      watchSocket(app, (state) => readiness.setSocketState(state));
      return startOpsServer(port, handlers);
    },
  };
}
