import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps.js';
import type { SlackRole } from '../domain/policy/facts.js';
import { platformError } from '../slack/reply.js';

/** What Tandem needs to know about a person from Slack. */
export interface Person {
  role: SlackRole;
  isBot: boolean;
  /** Their own time zone, when Slack says. */
  tz: string | null;
}

/**
 * Roles change rarely (a guest promoted, an admin demoted) and people travel: ten minutes keeps a
 * burst of reactions to one users.info call per person while such changes still take hold soon.
 */
const TTL_MS = 10 * 60 * 1000;
const MAX_REMEMBERED = 10_000;

type Cache = Map<string, { person: Person; at: number }>;
// One cache per app (keyed by its Deps), so two apps in one process never share answers.
const caches = new WeakMap<object, Cache>();

const UNKNOWN: Person = { role: 'member', isBot: false, tz: null };

function roleOf(
  user: {
    is_owner?: boolean;
    is_primary_owner?: boolean;
    is_admin?: boolean;
    is_restricted?: boolean;
    is_ultra_restricted?: boolean;
    is_stranger?: boolean;
    team_id?: string;
  },
  teamId: string,
): SlackRole {
  // People from another organisation in a Slack Connect channel carry their own team's id.
  if (user.is_stranger || (user.team_id && user.team_id !== teamId)) return 'external';
  if (user.is_restricted || user.is_ultra_restricted) return 'guest';
  if (user.is_owner || user.is_primary_owner) return 'owner';
  if (user.is_admin) return 'admin';
  return 'member';
}

/**
 * A person as Slack describes them, remembered for a while. Slack answers `user_not_found` only
 * for ids it does not know at all, which carry no rights beyond a plain member's; an outage is
 * still an outage and is thrown, so no decision is made on a guess.
 */
export async function personOf(
  deps: Deps,
  client: WebClient,
  teamId: string,
  userId: string,
): Promise<Person> {
  let cache = caches.get(deps);
  if (!cache) {
    cache = new Map();
    caches.set(deps, cache);
  }
  const key = `${teamId}:${userId}`;
  const now = deps.clock.now().getTime();
  const known = cache.get(key);
  if (known && now - known.at < TTL_MS) return known.person;
  let person = UNKNOWN;
  try {
    const { user } = await client.users.info({ user: userId });
    if (user)
      person = {
        role: roleOf(user, teamId),
        isBot: Boolean(user.is_bot) || userId === 'USLACKBOT',
        tz: user.tz ?? null,
      };
  } catch (error) {
    if (platformError(error) !== 'user_not_found') throw error;
  }
  if (cache.size >= MAX_REMEMBERED) cache.delete(cache.keys().next().value as string);
  cache.set(key, { person, at: now });
  return person;
}

/** Bots' reactions are ignored; a Slack hiccup counts the reactor as a person, so no claim is dropped. */
export async function isBot(deps: Deps, client: WebClient, teamId: string, userId: string): Promise<boolean> {
  try {
    return (await personOf(deps, client, teamId, userId)).isBot;
  } catch {
    return false;
  }
}

/** A person's own time zone, else the workspace's (nudges and digests still go out). */
export async function timezoneOf(
  deps: Deps,
  client: WebClient,
  teamId: string,
  userId: string,
  fallback: string,
): Promise<string> {
  try {
    return (await personOf(deps, client, teamId, userId)).tz ?? fallback;
  } catch {
    return fallback;
  }
}
