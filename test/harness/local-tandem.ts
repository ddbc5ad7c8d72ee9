import type { RetryOptions } from '@slack/web-api';
import { buildApp, type SlackAppOptions, type TandemApp } from '../../src/app.js';
import type { Clock } from '../../src/clock.js';
import type { OAuthSettings } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import type { Deps } from '../../src/deps.js';
import type { Drafter } from '../../src/domain/drafts/drafter.js';
import type { Logger } from '../../src/logger.js';
import { type FakeSlack, type FakeSlackOptions, type SlackCall, startFakeSlack } from './fake-slack.js';
import { type CommandContext, createSlackSender, type SlackSender } from './slack-sender.js';

export const SIGNING_SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
export const BOT_TOKEN = 'xoxb-test-0000-tandem';

export interface LocalTandem {
  slack: FakeSlack;
  sender: SlackSender;
  deps: Deps;
  app: TandemApp;
  /** http://127.0.0.1:PORT where Tandem listens. */
  baseUrl: string;
  /** Sends a slash command and returns every Slack call Tandem made while handling it. */
  command(command: string, text: string, ctx: CommandContext): Promise<SlackCall[]>;
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
  /** True (default) answers only after listeners finish, so every Slack call is recorded when a
   * request returns; false is production's ack-first behaviour, for benchmarks. */
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
    processBeforeResponse: options.processBeforeResponse ?? true,
    retryConfig: options.retryConfig ?? { retries: 0 },
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const port = await app.start(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${port}`;
  const sender = createSlackSender({
    url: `${baseUrl}/slack/events`,
    signingSecret: SIGNING_SECRET,
    responseUrl: () => slack.responseUrl(),
  });
  return {
    slack,
    sender,
    deps,
    app,
    baseUrl,
    async command(command, text, ctx) {
      const before = slack.calls.length;
      const res = await sender.command(command, text, ctx);
      if (res.status !== 200) throw new Error(`${command} ${text} answered HTTP ${res.status}`);
      return slack.calls.slice(before);
    },
    async stop() {
      await app.stop();
      await slack.close();
    },
  };
}
