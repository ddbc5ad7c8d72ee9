import { metrics } from '../runtime/metrics.js';

export class QueueFullError extends Error {
  constructor() {
    super('too many tasks are waiting');
    this.name = 'QueueFullError';
  }
}

/** How many tasks a queue is running now, and how many wait for a turn. */
export interface QueueDepth {
  running: number;
  waiting: number;
}

/**
 * Runs at most `max` tasks at once; the rest wait in line as cheap pending promises, up to
 * `maxWaiting` (beyond it a task is refused at once with QueueFullError). A finishing task hands
 * its slot straight to the next in line, so the count never overshoots. A named queue reports
 * its running and waiting tasks, and refusals, on /metrics.
 */
export function createLimiter(max: number, maxWaiting = Number.POSITIVE_INFINITY, queue?: string) {
  let running = 0;
  const waiting: Array<() => void> = [];
  const labels = { queue: queue ?? '' };
  const gauge = (metric: typeof metrics.queueRunning, delta: number) => {
    if (queue) metric.inc(labels, delta);
  };
  const run = async <T>(task: () => Promise<T>): Promise<T> => {
    if (running < max) running++;
    else if (waiting.length >= maxWaiting) {
      if (queue) metrics.queueRefused.inc(labels);
      throw new QueueFullError();
    } else {
      gauge(metrics.queueWaiting, 1);
      await new Promise<void>((resolve) => waiting.push(resolve));
      gauge(metrics.queueWaiting, -1);
    }
    gauge(metrics.queueRunning, 1);
    try {
      return await task();
    } finally {
      gauge(metrics.queueRunning, -1);
      const successor = waiting.shift();
      if (successor) successor();
      else running--;
    }
  };
  // Read-only, for a status: the counts themselves change only through `run`.
  return Object.assign(run, { depth: (): QueueDepth => ({ running, waiting: waiting.length }) });
}
