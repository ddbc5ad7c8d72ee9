/**
 * Runs at most `max` tasks at once; the rest wait in line as cheap pending promises. A finishing
 * task hands its slot straight to the next in line, so the count never overshoots.
 */
export function createLimiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (running < max) running++;
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
