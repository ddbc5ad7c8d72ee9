import { type Drafter, DrafterError } from '../../../domain/drafts/drafter.js';
import type { Logger } from '../../../logger.js';
import { metrics } from '../../../runtime/metrics.js';

/**
 * Whatever the model does (times out, rate-limits, answers junk), the person still gets drafts:
 * the fallback's, with a note saying why they were drafted offline.
 */
export function withFallback(primary: Drafter, fallback: Drafter, logger: Logger): Drafter {
  return {
    async draft(request) {
      try {
        return await primary.draft(request);
      } catch (error) {
        const reason = error instanceof DrafterError ? error.reason : 'the model failed';
        logger.warn({ err: error, networks: request.networks }, 'model drafting failed; drafting offline');
        metrics.drafterFallbacks.inc();
        const drafts = await fallback.draft(request);
        return { ...drafts, note: `drafted offline: ${reason}` };
      }
    },
  };
}
