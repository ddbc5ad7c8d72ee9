import type { WebClient } from '@slack/web-api';

const TTL_MS = 6 * 60 * 60 * 1000;
const MAX_REMEMBERED = 10_000;
const zones = new Map<string, { zone: string; at: number }>();

/**
 * A person's own time zone from their Slack profile (people travel, so answers expire after a
 * few hours). Falls back to the workspace's zone when Slack cannot say.
 */
export async function userTimezone(
  client: WebClient,
  userId: string,
  fallback: string,
  now: Date,
): Promise<string> {
  const known = zones.get(userId);
  if (known && now.getTime() - known.at < TTL_MS) return known.zone;
  let zone = fallback;
  try {
    const { user } = await client.users.info({ user: userId });
    if (user?.tz) zone = user.tz;
  } catch {
    return fallback;
  }
  if (zones.size >= MAX_REMEMBERED) zones.delete(zones.keys().next().value as string);
  zones.set(userId, { zone, at: now.getTime() });
  return zone;
}
