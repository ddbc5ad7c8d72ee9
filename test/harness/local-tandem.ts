import type { RetryOptions } from '@slack/web-api';
import { buildApp, type SlackAppOptions, type TandemApp } from '../../src/app.js';
import type { Clock } from '../../src/clock.js';
import type { OAuthSettings } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import type { Deps } from '../../src/deps.js';
import type { Drafter } from '../../src/domain/drafts/drafter.js';
import type { Logger } from '../../src/logger.js';
import { type FakeSlack, type FakeSlackOptions, type SlackCall, startFakeSlack } from './fake-slack.js';
import {
  type CommandContext,
  createSlackSender,
  type SenderResponse,
  type SlackSender,
} from './slack-sender.js';

export const SIGNING_SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
export const BOT_TOKEN = 'xoxb-test-0000-tandem';

export interface LocalTandem {
  slack: FakeSlack;
  /** Signed requests that resolve once Tandem has finished all it started (ack first, work after). */
  sender: SlackSender;
  /** The same requests answered at the ack, as Slack sees them: the work may still be running. */
  ackSender: SlackSender;
  /** Resolves when no request is being handled. */
  settled(): Promise<void>;
  deps: Deps;
  app: TandemApp;
  /** http://127.0.0.1:PORT where Tandem listens. */
  baseUrl: string;
  /** Sends a slash command and returns every Slack call Tandem made while handling it. */
  command(command: string, text: string, ctx: CommandContext): Promise<SlackCall[]>;
  /**
   * `user` opens Tandem's App Home (from then on it is kept current as their work changes);
   * resolves once it has been published, with that call.
   */
  openHome(user: string, teamId: string): Promise<SlackCall>;
  /** Stops the app and the stand-in Slack; the database belongs to the caller. */
  stop(): Promise<void>;
}

/**
 * Tandem exactly as in production (HTTP receiver, signature checks, real database) talking to a
 * local stand-in for Slack. Shared by the end-to-end tests and `npm run demo`.
 */
export async function startLocalTandem(options: {
  db: Database;
  clock: Clock;
  logger: Logger;
  defaultTimezone: string;
  /**
   * Production's ack-first timing unless true (answer only after listeners finish, as on FaaS
   * hosts). Either way `sender` waits for the work to finish, so a test reads every Slack call.
   */
  processBeforeResponse?: boolean;
  /** Without one, drafts come from the offline template drafter, as in production without a key. */
  drafter?: Drafter;
  /** Default `retries: 0`, so a fault shows at once; fault tests pass production's policy. */
  retryConfig?: RetryOptions;
  timeoutMs?: number;
  /** The stand-in's own options (latency, rate limit). */
  slack?: FakeSlackOptions;
  /** Queue caps and abuse limits; production's unless given. */
  limits?: SlackAppOptions['limits'];
  /** Distributed with OAuth: no bot token; each workspace installs through the stand-in first. */
  oauth?: OAuthSettings;
  /**
   * Least time between two re-renders of one task message or App Home. 0 unless given, so tests
   * do not wait out production's second: changes made during a call still share the next one.
   */
  outboundWindowMs?: number;
}): Promise<LocalTandem> {
  const { oauth } = options;
  const slack = await startFakeSlack({
    ...(oauth
      ? { oauth: { clientId: oauth.clientId, clientSecret: oauth.clientSecret } }
      : { token: BOT_TOKEN }),
    ...options.slack,
  });
  const deps: Deps = {
    db: options.db,
    clock: options.clock,
    logger: options.logger,
    defaultTimezone: options.defaultTimezone,
    ...(options.drafter ? { drafter: options.drafter } : {}),
  };
  const app = buildApp(deps, {
    slack: {
      botToken: oauth ? undefined : BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
      appToken: undefined,
      apiUrl: slack.apiUrl,
      mode: 'http',
    },
    ...(oauth ? { oauth } : {}),
    processBeforeResponse: options.processBeforeResponse ?? false,
    retryConfig: options.retryConfig ?? { retries: 0 },
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    outboundWindowMs: options.outboundWindowMs ?? 0,
  });
  const port = await app.start(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${port}`;
  const ackSender = createSlackSender({
    url: `${baseUrl}/slack/events`,
    signingSecret: SIGNING_SECRET,
    responseUrl: () => slack.responseUrl(),
    onTrigger: (id) => slack.issueTrigger(id),
  });
  const settled = () => app.lifecycle.idle();
  let homeOpens = 0;
  const sender = settlingSender(ackSender, settled);
  return {
    slack,
    sender,
    ackSender,
    settled,
    deps,
    app,
    baseUrl,
    async command(command, text, ctx) {
      const before = slack.calls.length;
      const res = await sender.command(command, text, ctx);
      if (res.status !== 200) throw new Error(`${command} ${text} answered HTTP ${res.status}`);
      return slack.calls.slice(before);
    },
    async openHome(user, teamId) {
      const before = slack.calls.length;
      const res = await sender.event(
        { type: 'app_home_opened', user, channel: `D${user}`, tab: 'home', event_ts: '1.0' },
        { teamId, eventId: `EvHOME${++homeOpens}` },
      );
      if (res.status !== 200) throw new Error(`app_home_opened answered HTTP ${res.status}`);
      const published = slack.calls
        .slice(before)
        .filter((c) => c.method === 'views.publish' && c.args.user_id === user && !c.fault);
      const last = published.at(-1);
      if (!last) throw new Error(`${user}'s App Home was not published`);
      return last;
    },
    async stop() {
      await app.stop();
      await slack.close();
    },
  };
}

/**
 * Slack sees the ack; the listener carries on afterwards. Waiting until nothing is in flight,
 * rather than for a chosen call, keeps tests that expect no call honest too.
 */
function settlingSender(sender: SlackSender, settled: () => Promise<void>): SlackSender {
  const then =
    <A extends unknown[]>(send: (...args: A) => Promise<SenderResponse>) =>
    async (...args: A): Promise<SenderResponse> => {
      const response = await send(...args);
      await settled();
      return response;
    };
  return {
    command: then(sender.command),
    event: then(sender.event),
    interaction: then(sender.interaction),
    raw: then(sender.raw),
  };
}
