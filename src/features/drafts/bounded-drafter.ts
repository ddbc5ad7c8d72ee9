import { type Drafter, DrafterError } from './drafter.js';

/**
 * A slow model must not pile up requests (and memory) without end: at most `running` drafts talk
 * to it at once and `waiting` queue behind; beyond that the request fails at once, and the
 * fallback drafts it offline.
 */
export function bounded(drafter: Drafter, limits: { running: number; waiting: number }): Drafter {
  let running = 0;
  const queue: Array<() => void> = [];
  return {
    async draft(request) {
      if (running >= limits.running) {
        if (queue.length >= limits.waiting) throw new DrafterError('too many drafts are in progress');
        await new Promise<void>((resolve) => queue.push(resolve));
      } else {
        running++;
      }
      try {
        return await drafter.draft(request);
      } finally {
        // A finishing draft hands its slot straight to the next in line.
        const next = queue.shift();
        if (next) next();
        else running--;
      }
    },
  };
}
