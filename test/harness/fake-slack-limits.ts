import { performance } from 'node:perf_hooks';

/**
 * Slack's published Web API tiers, in calls per workspace per method per minute ("Tier 3: 50+ per
 * minute"), for the methods Tandem and its tests call. Slack allows short bursts over the average,
 * so each is a rolling minute: a burst up to the tier passes, the next call waits for the window.
 * `chat.postMessage` is the special case Slack documents as "1 per second per channel, short
 * bursts allowed": a rolling minute of 60 per channel.
 */
export const SLACK_TIERS: Readonly<Record<string, number>> = {
  'auth.test': 100,
  'chat.delete': 50,
  'chat.getPermalink': 100,
  'chat.postEphemeral': 100,
  'chat.update': 50,
  'conversations.history': 50,
  'conversations.info': 50,
  'conversations.members': 100,
  'conversations.open': 50,
  'conversations.replies': 50,
  'files.completeUploadExternal': 20,
  'files.getUploadURLExternal': 20,
  'reactions.add': 50,
  'users.info': 100,
  'users.list': 20,
  'views.open': 100,
  'views.publish': 100,
  'views.update': 100,
};
export const POSTS_PER_CHANNEL_PER_MINUTE = 60;
const MINUTE_MS = 60_000;

/**
 * A test's own limits, with its reason: a 50-way race raises them because the race, not Slack's
 * pacing, is under test; a back-off test lowers them. `'off'` lifts a limit entirely.
 */
export interface RateLimitChange {
  because: string;
  /** Calls per workspace per minute, by method; `'*'` for every method. */
  perMinute?: Partial<Record<string, number | 'off'>>;
  /** `chat.postMessage` per channel per rolling minute. */
  postsPerChannelPerMinute?: number | 'off';
  /** A stricter `chat.postMessage` limit per channel per rolling second, for pacing tests. */
  perChannelPerSecond?: number;
}

export interface RateLimiter {
  /** Seconds to wait when this call is over a limit (nothing counted), else undefined (counted). */
  take(team: string, method: string, channel: string | undefined): number | undefined;
  reset(): void;
}

const positive = (value: number, what: string): number => {
  if (!(Number.isInteger(value) && value > 0))
    throw new RangeError(`${what} must be a positive integer, not ${value}`);
  return value;
};

/** Rolling windows of accepted calls; a refused call does not count, as at Slack. */
export function createRateLimiter(change: RateLimitChange | undefined): RateLimiter {
  if (change !== undefined && change.because.trim() === '') {
    throw new Error('rate limit changes say why (`because`)');
  }
  const limitFor = (method: string): number | undefined => {
    const own = change?.perMinute?.[method] ?? change?.perMinute?.['*'];
    if (own === 'off') return undefined;
    if (own !== undefined) return positive(own, `perMinute['${method}']`);
    return SLACK_TIERS[method];
  };
  const perChannel = change?.postsPerChannelPerMinute ?? POSTS_PER_CHANNEL_PER_MINUTE;
  if (perChannel !== 'off') positive(perChannel, 'postsPerChannelPerMinute');
  const perSecond = change?.perChannelPerSecond;
  if (perSecond !== undefined) positive(perSecond, 'perChannelPerSecond');
  const windows = new Map<string, number[]>();

  /** Seconds until `key` may take another call, counting this one when it may. */
  const check = (key: string, limit: number, windowMs: number, now: number, commit: boolean) => {
    const recent = (windows.get(key) ?? []).filter((at) => now - at < windowMs);
    windows.set(key, recent);
    if (recent.length >= limit) {
      const oldest = recent[recent.length - limit] ?? now;
      return Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
    }
    if (commit) recent.push(now);
    return undefined;
  };

  return {
    take(team, method, channel) {
      const now = performance.now();
      const rules: Array<[string, number, number]> = [];
      const limit = limitFor(method);
      if (limit !== undefined) rules.push([`${team}|${method}`, limit, MINUTE_MS]);
      if (method === 'chat.postMessage' && channel !== undefined) {
        if (perChannel !== 'off') rules.push([`${team}|post|${channel}`, perChannel, MINUTE_MS]);
        if (perSecond !== undefined) rules.push([`${team}|post-second|${channel}`, perSecond, 1000]);
      }
      for (const [key, max, windowMs] of rules) {
        const wait = check(key, max, windowMs, now, false);
        if (wait !== undefined) return wait;
      }
      for (const [key, max, windowMs] of rules) check(key, max, windowMs, now, true);
      return undefined;
    },
    reset() {
      windows.clear();
    },
  };
}
