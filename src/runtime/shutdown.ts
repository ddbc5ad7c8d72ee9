import type { Logger } from '../logger.js';
import type { Lifecycle } from './lifecycle.js';

export interface Stoppable {
  stop(): Promise<void>;
}

export interface ShutdownParts {
  lifecycle: Lifecycle;
  /** Resolves when the scheduler pass under way has finished and released its advisory lock. */
  scheduler?: Stoppable;
  /** The Slack app: closes the HTTP server, or the Socket Mode connection. */
  app: Stoppable;
  /** Socket Mode's server for /healthz, /readyz and /metrics. */
  opsServer?: { close(): Promise<void> };
  db: { close(): Promise<void> };
  logger: Logger;
  /** The whole drain's bound; work still running then is abandoned (and logged). */
  timeoutMs: number;
}

export interface ShutdownResult {
  /** Everything accepted before the signal finished within the bound. */
  drained: boolean;
  /** Requests still being handled when the bound ran out. */
  abandoned: number;
  ms: number;
}

/** Resolves true when `work` settles within `ms`, false when the time runs out first. */
async function within(ms: number, work: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, ms));
  });
  try {
    return await Promise.race([work.then(() => true as const), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Stops taking work, lets what was accepted finish, then closes everything, in this order:
 * 1. refuse new work: /readyz answers 503, new Slack requests get 503 (HTTP) or no ack (Socket Mode);
 * 2. wait for the scheduler's pass under way and every request in flight, queued commands and
 *    events included: their replies go out through response_url and the Web API meanwhile;
 * 3. close the Slack side (a request whose body was still arriving at the signal is let finish);
 * 4. close the database last, so no reply loses its data, and with it the scheduler's lock.
 * Steps 2–3 share `timeoutMs`; closing the database gets a few seconds of its own.
 */
export async function shutDown(parts: ShutdownParts): Promise<ShutdownResult> {
  const { lifecycle, logger } = parts;
  const started = Date.now();
  const left = () => parts.timeoutMs - (Date.now() - started);
  lifecycle.beginStopping();
  logger.info({ inFlight: lifecycle.inFlight, timeoutMs: parts.timeoutMs }, 'refusing new work; draining');

  let drained = await within(
    left(),
    Promise.all([parts.scheduler?.stop(), lifecycle.idle()]).catch((err: unknown) =>
      logger.warn({ err }, 'scheduler did not stop cleanly'),
    ),
  );
  await within(
    left(),
    parts.app.stop().catch((err: unknown) => logger.warn({ err }, 'Slack app did not stop cleanly')),
  );
  drained = (await within(left(), lifecycle.idle())) && drained;
  const abandoned = lifecycle.inFlight;
  if (!drained)
    logger.warn({ abandoned, timeoutMs: parts.timeoutMs }, 'shutdown bound reached; work abandoned');

  await parts.opsServer?.close();
  const DATABASE_CLOSE_MS = 5_000;
  const closed = await within(
    DATABASE_CLOSE_MS,
    parts.db.close().catch((err: unknown) => logger.warn({ err }, 'database did not close cleanly')),
  );
  if (!closed) logger.warn('database did not close in time');
  const ms = Date.now() - started;
  logger.info({ drained, ms }, 'shut down');
  return { drained: drained && closed, abandoned, ms };
}
