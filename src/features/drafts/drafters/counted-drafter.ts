import type { Drafter } from '../../../domain/drafts/drafter.js';
import { metrics } from '../../../runtime/metrics.js';

/** Counts each request to `drafter` on /metrics, as `model` or `template`, and whether it failed. */
export function counted(drafter: Drafter, kind: 'model' | 'template'): Drafter {
  return {
    async draft(request) {
      try {
        const drafts = await drafter.draft(request);
        metrics.drafterCalls.inc({ drafter: kind, outcome: 'ok' });
        return drafts;
      } catch (error) {
        metrics.drafterCalls.inc({ drafter: kind, outcome: 'error' });
        throw error;
      }
    },
  };
}
