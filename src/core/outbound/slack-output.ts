import { type WebClient, WebClientEvent } from '@slack/web-api';
import type { Deps } from '../../deps.js';
import type { Lifecycle } from '../../runtime/lifecycle.js';
import { metrics } from '../../runtime/metrics.js';
import { slackMethodOf } from '../../runtime/slack-fetch.js';
import { type Coalescer, createCoalescer } from './coalescer.js';

/**
 * A burst of claims in one workspace re-renders the same task messages (chat.update, Tier 3,
 * about 50 a minute) and App Homes (views.publish, Tier 4, about 100) over and over. One call per
 * message and per home a second keeps a burst of hundreds of changes within those tiers, and the
 * first change still shows at once.
 */
export const OUTBOUND_WINDOW_MS = 1_000;

export interface OutboundOptions {
  /** Least time between two calls for one message or home; 0 coalesces only during a call. */
  windowMs: number;
  /** Pending renders count as work in flight: a graceful shutdown delivers them. */
  lifecycle?: Lifecycle;
}

const coalescers = new WeakMap<Deps, Coalescer>();
// Each client (one per workspace's token) reports its 429s to the lanes of the workspaces it serves.
const watched = new WeakMap<WebClient, Set<string>>();

const observe = {
  pending: (kind: string, delta: number) => metrics.outboundPending.inc({ kind }, delta),
  coalesced: (kind: string) => metrics.outboundCoalesced.inc({ kind }),
};

/** Sets how one app sends coalesced output (`buildApp` does, before features register). */
export function configureOutbound(deps: Deps, options: OutboundOptions): void {
  const { lifecycle } = options;
  coalescers.set(
    deps,
    createCoalescer({
      windowMs: options.windowMs,
      track: lifecycle ? (work) => lifecycle.track(work) : (work) => work(),
      observe,
    }),
  );
}

function coalescerOf(deps: Deps): Coalescer {
  let coalescer = coalescers.get(deps);
  if (!coalescer) {
    configureOutbound(deps, { windowMs: OUTBOUND_WINDOW_MS });
    coalescer = coalescers.get(deps) as Coalescer;
  }
  return coalescer;
}

const laneOf = (teamId: string, method: string) => `${teamId}|${method}`;

/** Slack's published tiers, calls per workspace per minute, for the methods sent through here. */
const PER_MINUTE: Readonly<Record<string, number>> = {
  'chat.update': 50,
  'views.publish': 100,
  'chat.postEphemeral': 100,
};

/**
 * Slack's Retry-After pauses the whole method for the workspace, not just the call that got it:
 * the calls behind it wait instead of each drawing a 429 of its own, and while a backlog lasts
 * they go at the tier's pace, so it drains without a 429 as each old call leaves Slack's window. The client still waits and retries the refused call itself, as its retry policy says.
 */
function watchRateLimits(client: WebClient, coalescer: Coalescer, teamId: string): void {
  let teams = watched.get(client);
  if (!teams) {
    teams = new Set();
    watched.set(client, teams);
  }
  if (teams.has(teamId)) return;
  teams.add(teamId);
  client.on(WebClientEvent.RATE_LIMITED, (seconds: number, request: { url: string }) => {
    const method = slackMethodOf(request.url);
    const perMinute = PER_MINUTE[method];
    coalescer.pause(laneOf(teamId, method), seconds * 1_000, perMinute ? 60_000 / perMinute : 0);
  });
}

export interface Output {
  /** What it renders, unique within the workspace, e.g. `home|U123`. */
  key: string;
  /** The Slack method `send` calls: calls to one method in one workspace go in order, one at a time. */
  method: string;
  kind: string;
  /** Goes ahead of the same method's calls with a lower one (default 0). */
  priority?: number;
  /** Reads the current state and calls Slack; runs when the key's turn comes. */
  send: () => Promise<void>;
  /** Logs a failure; the state stays in the database for the next render. */
  failed: (error: unknown, retrying: boolean) => void;
}

/** Renders `output` soon, coalesced with every other change to the same thing; returns at once. */
export function sendCoalesced(deps: Deps, client: WebClient, teamId: string, output: Output): void {
  const coalescer = coalescerOf(deps);
  watchRateLimits(client, coalescer, teamId);
  coalescer.schedule({
    key: `${teamId}|${output.key}`,
    lane: laneOf(teamId, output.method),
    kind: output.kind,
    priority: output.priority,
    run: output.send,
    failed: output.failed,
  });
}
