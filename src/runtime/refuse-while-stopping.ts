import type { HTTPReceiver } from '@slack/bolt';
import type { Lifecycle } from './lifecycle.js';
import { metrics } from './metrics.js';

/**
 * Once a shutdown has begun, Slack's requests to `endpoint` get 503 before a byte of their body
 * is read, with the connection closed, so nothing is half-processed: Slack retries an event
 * (elsewhere, behind a load balancer) and tells the person a command failed. The other routes
 * (/healthz, /readyz, /metrics) still answer, so a load balancer sees the shutdown.
 */
export function refuseWhileStopping(receiver: HTTPReceiver, endpoint: string, lifecycle: Lifecycle): void {
  const next = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (!lifecycle.stopping || path !== endpoint) {
      next(req, res);
      return;
    }
    metrics.refused.inc({ reason: 'shutting_down' });
    res.writeHead(503, { connection: 'close', 'retry-after': '1' }).end();
    req.resume();
  };
}
