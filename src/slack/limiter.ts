export class QueueFullError extends Error {
  constructor() {
    super('too many tasks are waiting');
    this.name = 'QueueFullError';
  }
}

/**
 * Runs at most `max` tasks at once; the rest wait in line as cheap pending promises, up to
 * `maxWaiting` (beyond it a task is refused at once with QueueFullError). A finishing task hands
 * its slot straight to the next in line, so the count never overshoots.
 */
export function createLimiter(max: number, maxWaiting = Number.POSITIVE_INFINITY) {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running < max) running++;
    else if (waiting.length >= maxWaiting) throw new QueueFullError();
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const successor = waiting.shift();
      if (successor) successor();
      else running--;
    }
  };
}
