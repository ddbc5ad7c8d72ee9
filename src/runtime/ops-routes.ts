import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import { registry } from './metrics.js';
import type { Readiness } from './readiness.js';

/** A GET route's handler; the same function serves Bolt's custom routes and the Socket Mode server. */
export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export const HEALTH_PATH = '/healthz';
export const READY_PATH = '/readyz';
export const METRICS_PATH = '/metrics';

// Probes must never be cached by a proxy between the load balancer and Tandem.
const NO_STORE = { 'cache-control': 'no-store' };

/** The process is up and its event loop answers; says nothing about its database or Slack. */
const health: Handler = (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', ...NO_STORE }).end('ok');
};

function answerError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy(error instanceof Error ? error : undefined);
    return;
  }
  res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', ...NO_STORE }).end('error');
}

/**
 * GET /healthz, /readyz and /metrics, written once and served by the HTTP receiver's custom routes
 * in HTTP mode and by a small server of their own in Socket Mode.
 */
export function opsHandlers(readiness: Readiness): Record<string, Handler> {
  const ready: Handler = (_req, res) => {
    readiness
      .check()
      .then((report) => {
        const body = report.ready ? { status: 'ready' } : { status: 'not ready', notReady: report.notReady };
        res
          .writeHead(report.ready ? 200 : 503, { 'content-type': 'application/json', ...NO_STORE })
          .end(JSON.stringify(body));
      })
      .catch((error: unknown) => answerError(res, error));
  };
  const scrape: Handler = (_req, res) => {
    registry
      .metrics()
      .then((text) => res.writeHead(200, { 'content-type': registry.contentType, ...NO_STORE }).end(text))
      .catch((error: unknown) => answerError(res, error));
  };
  return { [HEALTH_PATH]: health, [READY_PATH]: ready, [METRICS_PATH]: scrape };
}

/** The same handlers as Bolt custom routes (GET only). */
export function opsRoutes(handlers: Record<string, Handler>): CustomRoute[] {
  return Object.entries(handlers).map(([path, handler]) => ({ path, method: 'GET', handler }));
}

/** Before the app has readiness to report (tests that build the app alone): /healthz only. */
export const HEALTH_ONLY: CustomRoute[] = opsRoutes({ [HEALTH_PATH]: health });
