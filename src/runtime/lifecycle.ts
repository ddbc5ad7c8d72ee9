import { metrics } from './metrics.js';

/**
 * What a graceful shutdown needs to know about the running app: whether it is stopping (new work
 * is refused, /readyz answers 503) and how much accepted work is still being handled.
 */
export interface Lifecycle {
  readonly stopping: boolean;
  /** Refuse new work from now on; work already accepted carries on. */
  beginStopping(): void;
  /** Runs `work` counted as in flight; `idle()` waits for it. */
  track<T>(work: () => Promise<T>): Promise<T>;
  readonly inFlight: number;
  /** Resolves once nothing is in flight (at once when nothing is). */
  idle(): Promise<void>;
}

export function createLifecycle(): Lifecycle {
  let stopping = false;
  let inFlight = 0;
  let waiters: Array<() => void> = [];
  const settle = () => {
    if (inFlight > 0) return;
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  };
  return {
    get stopping() {
      return stopping;
    },
    beginStopping() {
      stopping = true;
    },
    async track(work) {
      inFlight++;
      metrics.inFlight.inc();
      try {
        return await work();
      } finally {
        inFlight--;
        metrics.inFlight.dec();
        settle();
      }
    },
    get inFlight() {
      return inFlight;
    },
    idle() {
      if (inFlight === 0) return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push(resolve));
    },
  };
}
