import { performance } from 'node:perf_hooks';

/** Slack's lifetimes: a trigger opens one modal within 3 s; a response_url takes 5 posts within 30 min. */
export const TRIGGER_LIFETIME_MS = 3_000;
export const RESPONSE_URL_LIFETIME_MS = 30 * 60_000;
export const RESPONSE_URL_MAX_USES = 5;

export interface Interactivity {
  /** Slack mints a trigger when a person acts; the harness registers it as the request is sent. */
  issueTrigger(id: string): void;
  /** Slack's refusal of `views.open` with this trigger, or undefined when it opens (and is used up). */
  exchangeTrigger(id: unknown): string | undefined;
  issueResponseUrl(id: string): void;
  /** Slack's refusal of a post to this response_url, or undefined when it is taken. */
  useResponseUrl(id: string): string | undefined;
  /** Moves the stand-in's clock on: triggers and response_urls age without the test waiting. */
  advance(ms: number): void;
}

export function createInteractivity(options: { triggerLifetimeMs?: number } = {}): Interactivity {
  const lifetime = options.triggerLifetimeMs ?? TRIGGER_LIFETIME_MS;
  let offset = 0;
  const now = () => performance.now() + offset;
  const triggers = new Map<string, { issuedAt: number; used: boolean }>();
  const responseUrls = new Map<string, { issuedAt: number; uses: number }>();
  return {
    issueTrigger(id) {
      if (!triggers.has(id)) triggers.set(id, { issuedAt: now(), used: false });
    },
    exchangeTrigger(id) {
      const trigger = typeof id === 'string' ? triggers.get(id) : undefined;
      if (trigger === undefined) return 'invalid_trigger_id';
      if (trigger.used) return 'exchanged_trigger_id';
      if (now() - trigger.issuedAt > lifetime) return 'expired_trigger_id';
      trigger.used = true;
      return undefined;
    },
    issueResponseUrl(id) {
      if (!responseUrls.has(id)) responseUrls.set(id, { issuedAt: now(), uses: 0 });
    },
    useResponseUrl(id) {
      // A response_url built by hand (never issued) counts from its first use.
      const url = responseUrls.get(id) ?? { issuedAt: now(), uses: 0 };
      responseUrls.set(id, url);
      if (now() - url.issuedAt > RESPONSE_URL_LIFETIME_MS) return 'expired_url';
      url.uses += 1;
      return url.uses > RESPONSE_URL_MAX_USES ? 'used_url' : undefined;
    },
    advance(ms) {
      offset += ms;
    },
  };
}
