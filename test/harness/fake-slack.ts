import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { type FakeUpload, fakeFiles, UPLOAD_PREFIX } from './fake-slack-files.js';
import { basicCredentials, createFakeOAuth, type FakeOAuth } from './fake-slack-oauth.js';

/** One request the stand-in received; `args` never holds the token, which is kept apart in `token`. */
export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  token?: string;
  at: number;
  /** The workspace (or org) of the token, when it is one the stand-in minted through OAuth. */
  team?: string;
  /** True when the call was answered with a fault queued by `failNext`, or refused by `rateLimit`. */
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
  | { reset: true };

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
}

export interface FakeSlackOptions {
  /** When set, any other token is answered with `invalid_auth`, as Slack does for a revoked token. */
  token?: string;
  /** The workspace `auth.test` reports and users default to. */
  teamId?: string;
  /**
   * Slack's `chat.postMessage` limit: a channel that already took `perChannelPerSecond` messages
   * within the last second (rolling) gets HTTP 429 with `Retry-After: 1`, recorded as a faulted
   * call. Only accepted messages count towards the limit. Off unless set.
   */
  rateLimit?: { perChannelPerSecond: number };
  /**
   * Answers calls to these methods (`'*'`: every method) only after this many milliseconds. The
   * call is recorded, and takes effect, when it arrives, as with a slow Slack: a client that dies
   * or gives up meanwhile has still posted its message. Off unless set.
   */
  latencyMs?: Partial<Record<string, number>>;
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
  /** A `response_url` on this server; POSTs to it are recorded as method `response_url`. */
  responseUrl(id?: string): string;
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
  failNext(method: string, fault: SlackFault, times?: number): void;
  /** Files uploaded and completed (files.uploadV2), with their content. */
  uploads(): FakeUpload[];
  /** Present when started with `oauth`: grant install codes, see minted tokens, revoke them. */
  oauth: FakeOAuth | undefined;
  close(): Promise<void>;
}

export const FAKE_BOT_USER_ID = 'U_TANDEM_BOT';
export const FAKE_BOT_ID = 'B_TANDEM';
const DEFAULT_TEAM_ID = 'T_DEFAULT';
const API_PREFIX = '/api/';
const RESPONSE_URL_PREFIX = '/response/';
const RESPONSE_URL_MAX_USES = 5;

type Answer = Record<string, unknown>;
type Handler = (args: Record<string, unknown>) => Answer;

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const teamId = options.teamId ?? DEFAULT_TEAM_ID;
  const calls: SlackCall[] = [];
  const oauth = options.oauth ? createFakeOAuth(options.oauth) : undefined;
  /** Whether Slack would accept the token: the one configured, or one minted and not revoked. */
  const accepts = (token: string): boolean =>
    token === options.token || oauth?.teamOf(token) !== undefined || (options.token === undefined && !oauth);
  const teamOfToken = (token: string | undefined): string | undefined => {
    const minted = oauth?.teamOf(token);
    return minted ? (minted.orgWide ? minted.enterpriseId : minted.teamId) : undefined;
  };
  const users = new Map<string, FakeSlackUser>();
  const channels = new Map<string, FakeSlackChannel>();
  const messages = new Map<string, { channel: string; ts: string; text: string; user: string }>();
  // Like Slack with `latest` + `inclusive` + `limit: 1`: the one message at that ts, if known.
  // What Tandem posted, per channel, oldest first: conversations.history without `latest` reads it.
  const posted = new Map<string, Array<Record<string, unknown>>>();
  // Every message Tandem posted (threads included), by channel and ts: what chat.update may change.
  const sentTs = new Set<string>();
  const responseUrlUses = new Map<string, number>();
  const messageAt = (args: Record<string, unknown>) => {
    if (args.latest === undefined && args.ts === undefined) {
      // Like Slack: newest first, only messages after `oldest`, `limit` per page, and a cursor.
      const limit = Math.min(typeof args.limit === 'number' ? args.limit : Number(args.limit ?? 100), 999);
      const withMetadata = args.include_all_metadata === true || args.include_all_metadata === 'true';
      const oldest = Number(args.oldest ?? 0);
      const inWindow = [...(posted.get(String(args.channel)) ?? [])]
        .reverse()
        .filter((m) => Number(m.ts) > oldest);
      const from = typeof args.cursor === 'string' && args.cursor !== '' ? Number(args.cursor) : 0;
      const page = inWindow.slice(from, from + limit);
      const more = from + limit < inWindow.length;
      return {
        messages: page.map(({ metadata, ...m }) => (withMetadata && metadata ? { ...m, metadata } : m)),
        has_more: more,
        response_metadata: { next_cursor: more ? String(from + limit) : '' },
      };
    }
    const found = messages.get(`${String(args.channel)}|${String(args.latest ?? args.ts)}`);
    return { messages: found ? [{ type: 'message', ...found }] : [], has_more: false };
  };
  const faults = new Map<string, SlackFault[]>();
  // Per channel, when each message accepted within the last second arrived (performance.now()).
  const recentPosts = new Map<string, number[]>();
  const perSecond = options.rateLimit?.perChannelPerSecond;
  if (perSecond !== undefined && !(Number.isInteger(perSecond) && perSecond > 0)) {
    throw new RangeError(`rateLimit.perChannelPerSecond must be a positive integer, not ${perSecond}`);
  }
  /** True when the channel is over its limit; otherwise counts this message against it. */
  const overRateLimit = (channel: unknown): boolean => {
    if (perSecond === undefined) return false;
    const key = String(resolveChannel(channel));
    const now = performance.now();
    const recent = (recentPosts.get(key) ?? []).filter((at) => now - at < 1000);
    const limited = recent.length >= perSecond;
    if (!limited) recent.push(now);
    recentPosts.set(key, recent);
    return limited;
  };
  const waiters = new Set<(call: SlackCall) => void>();
  // Delayed answers still waiting; close() ends them so no timer outlives the server.
  const pauses = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  const pause = (ms: number): Promise<void> =>
    new Promise<void>((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          pauses.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      pauses.add(entry);
    });
  let seq = 0;

  // Timestamps are Slack's: the wall-clock time in microseconds, strictly increasing, so that apps
  // can thread replies, order messages and look back over a time window.
  let lastMicros = 0;
  const nextTs = (): string => {
    const micros = Math.max(Date.now() * 1_000, lastMicros + 1);
    lastMicros = micros;
    return `${Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, '0')}`;
  };
  const nextId = (prefix: string): string => {
    seq += 1;
    return `${prefix}${String(seq).padStart(8, '0')}`;
  };
  // Slack posts to a user ID in the app's DM with that user, so answer with the same channel conversations.open gives.
  const resolveChannel = (channel: unknown): unknown =>
    typeof channel === 'string' && /^[UW]/.test(channel) ? `D${channel}` : channel;
  const viewAnswer = (args: Record<string, unknown>): Answer => {
    const view = isRecord(args.view) ? args.view : {};
    const id = typeof args.view_id === 'string' ? args.view_id : nextId('V');
    return { view: { ...view, id, team_id: teamId, hash: nextId('h') } };
  };

  const files = fakeFiles({ base: () => base, nextId });
  const handlers: Record<string, Handler> = {
    ...files.handlers,
    'auth.test': () => ({
      url: 'https://example.slack.com/',
      team: 'Example',
      user: 'tandem',
      team_id: teamId,
      user_id: FAKE_BOT_USER_ID,
      bot_id: FAKE_BOT_ID,
      is_enterprise_install: false,
    }),
    // Socket Mode's first call, made with the app-level token; no WebSocket server stands behind it.
    'apps.connections.open': () => ({ url: 'ws://127.0.0.1:9/link' }),
    'chat.postMessage': (args) => {
      const channel = resolveChannel(args.channel);
      const known = channels.get(String(channel));
      if (known?.hidden) return { ok: false, error: 'channel_not_found' };
      if (known?.archived) return { ok: false, error: 'is_archived' };
      const ts = nextTs();
      const message = {
        ...pick(args, 'text', 'blocks', 'thread_ts', 'metadata'),
        type: 'message',
        user: FAKE_BOT_USER_ID,
        bot_id: FAKE_BOT_ID,
        ts,
      };
      if (args.thread_ts === undefined)
        posted.set(String(channel), [...(posted.get(String(channel)) ?? []), message]);
      sentTs.add(`${String(channel)}|${ts}`);
      return { channel, ts, message };
    },
    'chat.postEphemeral': () => ({ message_ts: nextTs() }),
    'chat.update': (args) =>
      !sentTs.has(`${String(resolveChannel(args.channel))}|${String(args.ts)}`)
        ? { ok: false, error: 'message_not_found' }
        : {
            channel: args.channel,
            ts: args.ts,
            text: args.text ?? '',
            message: {
              ...pick(args, 'text', 'blocks'),
              type: 'message',
              user: FAKE_BOT_USER_ID,
              bot_id: FAKE_BOT_ID,
            },
          },
    'chat.getPermalink': (args) => ({
      channel: args.channel,
      permalink: `https://example.slack.com/archives/${String(args.channel)}/p${String(args.message_ts).replace('.', '')}`,
    }),
    'conversations.history': messageAt,
    'conversations.replies': messageAt,
    'conversations.open': (args) => {
      const userIds = typeof args.users === 'string' ? args.users.split(',').filter(Boolean) : [];
      const [first] = userIds;
      if (first === undefined) return { ok: false, error: 'users_list_not_supplied' };
      return { channel: { id: `D${first}` } };
    },
    'views.open': viewAnswer,
    'views.publish': viewAnswer,
    'views.update': viewAnswer,
    'users.info': (args) => {
      const user = typeof args.user === 'string' ? users.get(args.user) : undefined;
      if (user === undefined) return { ok: false, error: 'user_not_found' };
      return { user: toSlackUser(user, teamId) };
    },
    'reactions.add': () => ({}),
    'conversations.info': (args) => {
      const channel = channels.get(String(args.channel));
      if (channel?.hidden) return { ok: false, error: 'channel_not_found' };
      return {
        channel: {
          id: args.channel,
          is_private: channel?.isPrivate ?? false,
          is_archived: channel?.archived ?? false,
        },
      };
    },
    'conversations.members': (args) => {
      const channel = channels.get(String(args.channel));
      if (!channel || channel.hidden) return { ok: false, error: 'channel_not_found' };
      return { members: channel.members, response_metadata: { next_cursor: '' } };
    },
  };

  const record = (call: SlackCall): void => {
    calls.push(call);
    for (const waiter of waiters) waiter(call);
  };

  const takeFault = (method: string): SlackFault | undefined => {
    const queue = faults.get(method);
    const fault = queue?.shift();
    if (queue?.length === 0) faults.delete(method);
    return fault;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith(UPLOAD_PREFIX)) {
      record({
        method: 'upload',
        args: { fileId: url.pathname.slice(UPLOAD_PREFIX.length) },
        at: Date.now(),
      });
      return files.receive(url.pathname.slice(UPLOAD_PREFIX.length), req, res);
    }
    const raw = await readBody(req);
    let args: Record<string, unknown>;
    try {
      args = { ...Object.fromEntries(url.searchParams), ...parseBody(raw, req.headers['content-type']) };
    } catch {
      return send(res, 200, { ok: false, error: 'invalid_json' });
    }

    let method: string;
    let token: string | undefined;
    if (url.pathname.startsWith(RESPONSE_URL_PREFIX)) {
      method = 'response_url';
      args.responseUrlId = decodeURIComponent(url.pathname.slice(RESPONSE_URL_PREFIX.length));
    } else if (url.pathname.startsWith(API_PREFIX)) {
      method = url.pathname.slice(API_PREFIX.length);
      token =
        bearerToken(req.headers.authorization) ?? (typeof args.token === 'string' ? args.token : undefined);
      delete args.token;
    } else {
      return send(res, 404, { ok: false, error: 'not_found' });
    }

    if (method === 'oauth.v2.access' && oauth) {
      record({ method, args: { code: args.code }, at: Date.now() });
      return send(res, 200, oauth.access(args, basicCredentials(req.headers.authorization)));
    }
    const authorised = token !== undefined && accepts(token);
    const team = teamOfToken(token);
    const recordCall = (fault: boolean) =>
      record({
        method,
        args,
        ...(token ? { token } : {}),
        ...(team ? { team } : {}),
        at: Date.now(),
        ...(fault ? { fault: true } : {}),
      });
    const taken = takeFault(method);
    if (taken !== undefined && 'reset' in taken) {
      recordCall(true);
      req.socket.destroy();
      return;
    }
    const queued = taken === undefined || 'delayMs' in taken ? undefined : taken;
    // Only a post Slack would otherwise accept counts against (or is refused by) the rate limit.
    const fault: SlackFault | undefined =
      queued ??
      (method === 'chat.postMessage' && authorised && overRateLimit(args.channel)
        ? { status: 429, retryAfter: 1 }
        : undefined);
    recordCall(fault !== undefined);

    const latency =
      (taken !== undefined && 'delayMs' in taken ? taken.delayMs : 0) +
      (options.latencyMs?.[method] ?? options.latencyMs?.['*'] ?? 0);
    // A slow Slack still acts at once (the message is there to be found); only the answer is late.
    const answer = fault === undefined ? answerFor(method, args, token) : undefined;
    if (latency > 0) await pause(latency);
    if (answer !== undefined) return send(res, 200, answer);

    if (fault !== undefined) {
      if ('error' in fault) return send(res, 200, { ok: false, error: fault.error });
      if (fault.status === 429) {
        return send(
          res,
          429,
          { ok: false, error: 'ratelimited' },
          { 'retry-after': String(fault.retryAfter) },
        );
      }
      return send(res, 500, { ok: false, error: 'internal_error' });
    }
  };

  const answerFor = (method: string, args: Record<string, unknown>, token: string | undefined) => {
    if (method === 'response_url') {
      // Slack takes at most five messages through one response_url.
      const id = String(args.responseUrlId);
      const used = (responseUrlUses.get(id) ?? 0) + 1;
      responseUrlUses.set(id, used);
      return used <= RESPONSE_URL_MAX_USES ? { ok: true } : { ok: false, error: 'used_url' };
    }
    const handler = handlers[method];
    if (handler === undefined) return { ok: false, error: 'unknown_method' };
    if (!token) return { ok: false, error: 'not_authed' };
    if (!accepts(token)) return { ok: false, error: 'invalid_auth' };
    const minted = oauth?.teamOf(token);
    if (method === 'auth.test' && minted) {
      // Answered as the workspace (or org) the token was minted for.
      return {
        ok: true,
        ...handler(args),
        team_id: minted.teamId ?? '',
        enterprise_id: minted.enterpriseId,
        is_enterprise_install: minted.orgWide,
        url: `https://${(minted.teamId ?? minted.enterpriseId ?? 'x').toLowerCase()}.slack.com/`,
      };
    }
    return { ok: true, ...handler(args) };
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(res, 500, { ok: false, error: 'fake_slack_crashed', detail: String(error) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  const describeCalls = (): string =>
    calls.length === 0
      ? '(none)'
      : calls.map((c) => `  ${c.method}${c.fault ? ' [fault]' : ''} ${JSON.stringify(c.args)}`).join('\n');

  return {
    apiUrl: `${base}${API_PREFIX}`,
    responseUrl: (id = randomUUID()) => `${base}${RESPONSE_URL_PREFIX}${encodeURIComponent(id)}`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    reset: () => {
      // Emptied in place so references to `calls` held by tests stay live.
      calls.length = 0;
      faults.clear();
      recentPosts.clear();
    },
    waitFor: (method, predicate = () => true, timeoutMs = 2000) => {
      const matches = (c: SlackCall): boolean => c.method === method && predicate(c);
      const already = calls.find(matches);
      if (already !== undefined) return Promise.resolve(already);
      return new Promise<SlackCall>((resolve, reject) => {
        const waiter = (c: SlackCall): void => {
          if (!matches(c)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(c);
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(
              `fake Slack: no matching ${method} call within ${timeoutMs}ms; calls received:\n${describeCalls()}`,
            ),
          );
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    uploads: files.uploads,
    setChannel: (channel) => {
      channels.set(channel.id, channel);
    },
    setUser: (user) => {
      users.set(user.id, user);
    },
    setMessage: (message) => {
      messages.set(`${message.channel}|${message.ts}`, message);
    },
    oauth,
    failNext: (method, fault, times = 1) => {
      const queue = faults.get(method) ?? [];
      for (let i = 0; i < times; i += 1) queue.push(fault);
      faults.set(method, queue);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Bolt's fetch keeps connections alive; without this, close() would wait for them to time out.
        for (const entry of pauses) {
          clearTimeout(entry.timer);
          entry.resolve();
        }
        pauses.clear();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function toSlackUser(user: FakeSlackUser, defaultTeamId: string): Record<string, unknown> {
  const tz = user.tz ?? 'UTC';
  const name = user.name ?? user.id.toLowerCase();
  const zone = DateTime.now().setZone(tz);
  return {
    id: user.id,
    team_id: user.teamId ?? defaultTeamId,
    name,
    real_name: name,
    deleted: false,
    tz,
    tz_label: zone.offsetNameLong ?? tz,
    // Slack gives the offset in seconds; luxon gives minutes.
    tz_offset: zone.isValid ? zone.offset * 60 : 0,
    is_admin: user.isAdmin ?? false,
    is_owner: user.isOwner ?? false,
    is_bot: user.isBot ?? false,
    is_restricted: user.isGuest ?? false,
    is_ultra_restricted: false,
    profile: { real_name: name, display_name: name },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pick(args: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => args[k] !== undefined).map((k) => [k, args[k]]));
}

function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Throws on malformed JSON bodies so the caller can answer `invalid_json`. */
function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.startsWith('application/json')) {
    const parsed: unknown = JSON.parse(raw);
    if (!isRecord(parsed)) throw new Error('JSON body is not an object');
    return parsed;
  }
  // @slack/web-api sends nested arguments (blocks, view, attachments) as JSON strings inside form fields.
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = parseJsonField(value);
  }
  return args;
}

function parseJsonField(value: string): unknown {
  const first = value.trimStart()[0];
  if (first !== '[' && first !== '{') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function send(res: ServerResponse, status: number, body: Answer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}
