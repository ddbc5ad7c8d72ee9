import { type Drafter, DrafterError } from '../../../domain/drafts/drafter.js';
import { createLimiter, QueueFullError } from '../../../slack/limiter.js';

/**
 * A slow model must not pile up requests (and memory) without end: at most `running` drafts talk
 * to it at once and `waiting` queue behind; beyond that the request fails at once, and the
 * fallback drafts it offline.
 */
export function bounded(drafter: Drafter, limits: { running: number; waiting: number }): Drafter {
  const limit = createLimiter(limits.running, limits.waiting, 'drafts');
  return {
    async draft(request) {
      try {
        return await limit(() => drafter.draft(request));
      } catch (error) {
        if (error instanceof QueueFullError) throw new DrafterError('too many drafts are in progress');
        throw error;
      }
    },
  };
}
