import type { Deps } from '../deps.js';

/**
 * What this process's scheduler did last. Kept in memory, per app: a pass covers every
 * workspace at once, and with several replicas only the one holding the lock runs it, so another
 * replica sees its own ticks `skipped`.
 */
export interface SchedulerPasses {
  /** The end of the last pass that ran here. */
  lastRanAt: Date | null;
  /** The last tick, whatever became of it. */
  lastTick: { at: Date; outcome: 'ran' | 'skipped' | 'failed' } | null;
}

const passes = new WeakMap<Deps, SchedulerPasses>();

export function recordSchedulerTick(deps: Deps, outcome: 'ran' | 'skipped' | 'failed'): void {
  const at = deps.clock.now();
  const before = passes.get(deps);
  passes.set(deps, {
    lastRanAt: outcome === 'ran' ? at : (before?.lastRanAt ?? null),
    lastTick: { at, outcome },
  });
}

export function schedulerPasses(deps: Deps): SchedulerPasses {
  return passes.get(deps) ?? { lastRanAt: null, lastTick: null };
}
