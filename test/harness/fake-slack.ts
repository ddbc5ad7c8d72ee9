import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fakeFiles, UPLOAD_PREFIX } from './fake-slack-files.js';
import { createHistory } from './fake-slack-history.js';
import { bearerToken, parseBody, readBody, send } from './fake-slack-http.js';
import { createInteractivity } from './fake-slack-interactivity.js';
import { createRateLimiter } from './fake-slack-limits.js';
import { FAKE_BOT_ID, FAKE_BOT_USER_ID, resolveChannel, slackMethods } from './fake-slack-methods.js';
import { basicCredentials, createFakeOAuth } from './fake-slack-oauth.js';
import type {
  FakeSlack,
  FakeSlackChannel,
  FakeSlackOptions,
  FakeSlackUser,
  SlackCall,
  SlackFault,
} from './fake-slack-types.js';

export type { FakeSlack, FakeSlackChannel, FakeSlackOptions, FakeSlackUser, SlackCall, SlackFault };
export { FAKE_BOT_ID, FAKE_BOT_USER_ID };

const DEFAULT_TEAM_ID = 'T_DEFAULT';
const API_PREFIX = '/api/';
const RESPONSE_URL_PREFIX = '/response/';

type Scheduled = { fault: SlackFault; channel?: string };

/**
 * A local stand-in for Slack's Web API, strict where Slack is: tier rate limits, expiring
 * triggers and response_urls, refusals for unknown messages, archived channels and deactivated
 * people, and cursors on every list. Faults are scheduled per method and, optionally, per channel.
 */
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
  const history = createHistory();
  const interactivity = createInteractivity(
    options.triggerLifetimeMs !== undefined ? { triggerLifetimeMs: options.triggerLifetimeMs } : {},
  );
  const limiter = createRateLimiter(options.rateLimit);
  const faults = new Map<string, Scheduled[]>();
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

  // Timestamps are Slack's: the wall-clock time in microseconds, strictly increasing, so that apps
  // can thread replies, order messages and look back over a time window.
  let lastMicros = 0;
  const nextTs = (): string => {
    const micros = Math.max(Date.now() * 1_000, lastMicros + 1);
    lastMicros = micros;
    return `${Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, '0')}`;
  };
  let seq = 0;
  const nextId = (prefix: string): string => {
    seq += 1;
    return `${prefix}${String(seq).padStart(8, '0')}`;
  };
  const files = fakeFiles({ base: () => base, nextId });
  const handlers = slackMethods({ teamId, users, channels, history, interactivity, files, nextTs, nextId });

  const record = (call: SlackCall): void => {
    calls.push(call);
    for (const waiter of waiters) waiter(call);
  };

  const takeFault = (method: string, channel: unknown): SlackFault | undefined => {
    const queue = faults.get(method);
    if (!queue) return undefined;
    const where = [String(channel), String(resolveChannel(channel))];
    const at = queue.findIndex((s) => s.channel === undefined || where.includes(s.channel));
    if (at < 0) return undefined;
    const [taken] = queue.splice(at, 1);
    if (queue.length === 0) faults.delete(method);
    return taken?.fault;
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
    const taken = takeFault(method, args.channel);
    if (taken !== undefined && 'reset' in taken) {
      recordCall(true);
      req.socket.destroy();
      return;
    }
    if (taken !== undefined && 'lostMs' in taken) {
      recordCall(true);
      await pause(taken.lostMs);
      return send(res, 500, { ok: false, error: 'internal_error' });
    }
    const queued = taken === undefined || 'delayMs' in taken ? undefined : taken;
    // Only a call Slack would otherwise take counts against (or is refused by) the rate limits.
    const channel = method === 'chat.postMessage' ? String(resolveChannel(args.channel)) : undefined;
    const waitSeconds =
      queued === undefined && authorised && handlers[method] !== undefined
        ? limiter.take(team ?? teamId, method, channel)
        : undefined;
    const fault: SlackFault | undefined =
      queued ?? (waitSeconds !== undefined ? { status: 429, retryAfter: waitSeconds } : undefined);
    recordCall(fault !== undefined);

    const latency =
      (taken !== undefined && 'delayMs' in taken ? taken.delayMs : 0) +
      (options.latencyMs?.[method] ?? options.latencyMs?.['*'] ?? 0);
    // A slow Slack still acts at once (the message is there to be found); only the answer is late.
    const answer = fault === undefined ? answerFor(method, args, token) : undefined;
    if (latency > 0) await pause(latency);
    if (answer !== undefined) return send(res, 200, answer);
    if (fault === undefined) return;
    if ('error' in fault) return send(res, 200, { ok: false, error: fault.error });
    if (fault.status === 429) {
      return send(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(fault.retryAfter) });
    }
    return send(res, 500, { ok: false, error: 'internal_error' });
  };

  const answerFor = (method: string, args: Record<string, unknown>, token: string | undefined) => {
    if (method === 'response_url') {
      const refusal = interactivity.useResponseUrl(String(args.responseUrlId));
      return refusal ? { ok: false, error: refusal } : { ok: true };
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
    const answer = handler(args);
    return { ok: true, ...answer };
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
    responseUrl: (id = randomUUID()) => {
      interactivity.issueResponseUrl(id);
      return `${base}${RESPONSE_URL_PREFIX}${encodeURIComponent(id)}`;
    },
    issueTrigger: (id) => interactivity.issueTrigger(id),
    advanceTime: (ms) => interactivity.advance(ms),
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    reset: () => {
      // Emptied in place so references to `calls` held by tests stay live.
      calls.length = 0;
      faults.clear();
      limiter.reset();
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
    setMessage: (message) => history.write(message),
    setPosted: ({ channel, ts, text }) =>
      history.post(String(resolveChannel(channel)), {
        ts,
        text,
        user: FAKE_BOT_USER_ID,
        bot_id: FAKE_BOT_ID,
      }),
    oauth,
    failNext: (method, fault, times = 1, where) => {
      const queue = faults.get(method) ?? [];
      for (let i = 0; i < times; i += 1) queue.push(where ? { fault, channel: where.channel } : { fault });
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
