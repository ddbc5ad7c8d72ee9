import type { Deps } from '../deps.js';
import { inWindow, waitFor } from '../domain/time/sliding-window.js';
import { UserError } from '../domain/user-error.js';

export interface RateLimit {
  perUser: number;
  perWorkspace: number;
  windowMs: number;
}

/**
 * Drafting calls a model (paid, slow) and posts a message per network: five a minute is more than
 * a person reviewing drafts needs, thirty a minute more than a PR team does together.
 */
export const DRAFT_RATE_LIMIT: RateLimit = { perUser: 5, perWorkspace: 30, windowMs: 60_000 };

export type Refusal = { scope: 'user' | 'workspace'; limit: number; windowMs: number; waitMs: number };

/**
 * Per-key sliding windows, in memory and per process: an abuse limit, not an accounting one.
 * With several replicas a person could get up to that many times the limit, which still caps
 * the cost; keeping it out of the database keeps a refusal free. Each key holds at most its limit
 * of timestamps, and keys idle for a whole window are swept, so memory follows the active users.
 */
export function createRateLimiter(limits: RateLimit, now: () => number) {
  const log = new Map<string, number[]>();
  let sweptAt = now();

  const sweep = (at: number) => {
    if (at - sweptAt < limits.windowMs) return;
    sweptAt = at;
    for (const [key, times] of log) if (inWindow(times, at, limits.windowMs).length === 0) log.delete(key);
  };

  return {
    /** Counts one request for the person and their workspace, or refuses it and counts nothing. */
    take(teamId: string, userId: string): Refusal | undefined {
      const at = now();
      sweep(at);
      const keys = [
        { key: `${teamId}:${userId}`, scope: 'user' as const, limit: limits.perUser },
        { key: teamId, scope: 'workspace' as const, limit: limits.perWorkspace },
      ];
      const { windowMs } = limits;
      let refusal: Refusal | undefined;
      for (const { key, scope, limit } of keys) {
        const waitMs = waitFor(log.get(key) ?? [], at, { limit, windowMs });
        if (waitMs > (refusal?.waitMs ?? 0)) refusal = { scope, limit, windowMs, waitMs };
      }
      if (refusal) return refusal;
      for (const { key, limit } of keys) {
        const times = inWindow(log.get(key) ?? [], at, limits.windowMs);
        times.push(at);
        log.set(key, times.slice(-limit));
      }
      return undefined;
    },
  };
}

type RateLimiter = ReturnType<typeof createRateLimiter>;
const draftLimiters = new WeakMap<Deps, RateLimiter>();

/** Sets the draft limits for one app (`buildApp` does); the window runs on the app's clock. */
export function configureDraftRateLimit(deps: Deps, limits: RateLimit): void {
  draftLimiters.set(
    deps,
    createRateLimiter(limits, () => deps.clock.now().getTime()),
  );
}

export function refusalMessage(what: string, refusal: Refusal): string {
  const seconds = Math.ceil(refusal.waitMs / 1000);
  const who = refusal.scope === 'user' ? 'you have' : 'this workspace has';
  const span = refusal.windowMs === 60_000 ? 'minute' : `${Math.round(refusal.windowMs / 1000)} seconds`;
  return `Too many ${what} at once: ${who} asked for ${refusal.limit} in the last ${span}. Nothing was saved; try again in ${seconds} s.`;
}

/**
 * Takes a draft slot for the person, or says why not (for a modal's inline error). Call it before
 * anything is stored: a refused draft leaves no release, initiative or task behind.
 */
export function draftSlotRefusal(deps: Deps, teamId: string, userId: string): string | undefined {
  let limiter = draftLimiters.get(deps);
  if (!limiter) {
    configureDraftRateLimit(deps, DRAFT_RATE_LIMIT);
    limiter = draftLimiters.get(deps) as RateLimiter;
  }
  const refusal = limiter.take(teamId, userId);
  return refusal ? refusalMessage('drafts', refusal) : undefined;
}

/** As draftSlotRefusal, for listeners that answer through the error handler's private reply. */
export function takeDraftSlot(deps: Deps, teamId: string, userId: string): void {
  const refused = draftSlotRefusal(deps, teamId, userId);
  if (refused) throw new UserError(refused);
}
