import type { FakeUpload } from './fake-slack-files.js';
import type { RateLimitChange } from './fake-slack-limits.js';
import type { FakeOAuth } from './fake-slack-oauth.js';

/** One request the stand-in received; `args` never holds the token, which is kept apart in `token`. */
export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  token?: string;
  at: number;
  /** The workspace (or org) of the token, when it is one the stand-in minted through OAuth. */
  team?: string;
  /** True when the call was answered with a fault queued by `failNext`, or refused by a rate limit. */
  fault?: boolean;
}

export type SlackFault =
  | { status: 429; retryAfter: number }
  | { status: 500 }
  | { error: string }
  /**
   * A slow Slack: the call takes effect (a message is posted) but the answer comes only after
   * `delayMs`, as when Slack is slower than the client's timeout. Not recorded as a fault.
   */
  | { delayMs: number }
  /** The connection is destroyed without an answer (ECONNRESET); the call takes no effect. */
  | { reset: true }
  /** Lost at Slack: no effect, and no answer until `lostMs` has passed (then HTTP 500). */
  | { lostMs: number };

export interface FakeSlackUser {
  id: string;
  teamId?: string;
  name?: string;
  tz?: string;
  isAdmin?: boolean;
  isOwner?: boolean;
  isBot?: boolean;
  /** A multi-channel guest (`is_restricted`). */
  isGuest?: boolean;
  /** Deactivated: `users.info` says `deleted`, and a DM is refused with `user_disabled`. */
  deactivated?: boolean;
}

/** A channel Tandem can read; channels never set answer as public ones whose members nobody asks for. */
export interface FakeSlackChannel {
  id: string;
  isPrivate: boolean;
  members: string[];
  /** Private channels Tandem is not in: Slack answers `channel_not_found`. */
  hidden?: boolean;
  /** Posts are refused with `is_archived`. */
  archived?: boolean;
  /** A public channel nobody invited Tandem to: `is_member` false, posts refused with `not_in_channel`. */
  withoutTandem?: boolean;
}

export interface FakeSlackOptions {
  /** When set, any other token is answered with `invalid_auth`, as Slack does for a revoked token. */
  token?: string;
  /** The workspace `auth.test` reports and users default to. */
  teamId?: string;
  /**
   * Slack's published tier limits per workspace and method are always on (see `SLACK_TIERS`); a
   * test that needs other limits says which and why. Over a limit, Slack answers HTTP 429 with
   * `Retry-After`, recorded as a faulted call; only accepted calls count.
   */
  rateLimit?: RateLimitChange;
  /**
   * Answers calls to these methods (`'*'`: every method) only after this many milliseconds. The
   * call is recorded, and takes effect, when it arrives, as with a slow Slack: a client that dies
   * or gives up meanwhile has still posted its message. Off unless set.
   */
  latencyMs?: Partial<Record<string, number>>;
  /** How long a trigger_id opens a modal; Slack's 3 s unless a test shortens it. */
  triggerLifetimeMs?: number;
  /**
   * Slack's side of OAuth: `oauth.v2.access` trades a code from `oauth.grant` for a bot token of
   * that workspace, and each call is answered as that workspace (auth.test names it). Then only
   * minted tokens (and `token`, if set) are accepted; others get `invalid_auth`.
   */
  oauth?: { clientId: string; clientSecret: string };
}

export interface FakeSlack {
  /** Base URL ending in `/api/`, for `clientOptions.slackApiUrl` / `slackApiUrl`. */
  apiUrl: string;
  /** A `response_url` on this server, issued now; POSTs to it are recorded as method `response_url`. */
  responseUrl(id?: string): string;
  /** Registers a trigger_id as Slack minting it now (the harness's sender does, as it sends). */
  issueTrigger(id: string): void;
  /** Ages triggers and response_urls by `ms`, as if that much time had passed at Slack. */
  advanceTime(ms: number): void;
  calls: SlackCall[];
  callsTo(method: string): SlackCall[];
  /** Forgets recorded calls, pending faults and rate-limit windows; users stay. */
  reset(): void;
  /** Resolves with the first call (already received or still to come) to `method` that matches `predicate`. */
  waitFor(method: string, predicate?: (call: SlackCall) => boolean, timeoutMs?: number): Promise<SlackCall>;
  setUser(user: FakeSlackUser): void;
  setChannel(channel: FakeSlackChannel): void;
  /** A message people wrote, as conversations.history and conversations.replies return it. */
  setMessage(message: { channel: string; ts: string; text: string; user: string }): void;
  /** A message as if Tandem had posted it before (a seeded task's): one `chat.update` may change. */
  setPosted(message: { channel: string; ts: string; text: string }): void;
  /** Answers the next `times` calls to `method` (only those about `channel`, when given) with `fault`. */
  failNext(method: string, fault: SlackFault, times?: number, where?: { channel: string }): void;
  /** Files uploaded and completed (files.uploadV2), with their content. */
  uploads(): FakeUpload[];
  /** Present when started with `oauth`: grant install codes, see minted tokens, revoke them. */
  oauth: FakeOAuth | undefined;
  close(): Promise<void>;
}
