import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Handler } from './ops-routes.js';

export interface OpsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * In Socket Mode Slack's requests come over the WebSocket and nothing listens on PORT; this
 * serves the operational routes there (GET only) so a load balancer or orchestrator can probe
 * the process. It is started before the Slack connection, so /readyz can say it is not up yet.
 */
export async function startOpsServer(
  port: number,
  handlers: Record<string, Handler>,
  host = '0.0.0.0',
): Promise<OpsServer> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const handler = Object.hasOwn(handlers, path) ? handlers[path] : undefined;
    if (req.method !== 'GET' || !handler) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
