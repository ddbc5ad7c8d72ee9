import type { AddressInfo, Server } from 'node:net';
import { App, type CustomRoute, HTTPReceiver, type Receiver } from '@slack/bolt';
import type { RetryOptions } from '@slack/web-api';
import type { Config, OAuthSettings } from './config.js';
import { distribution } from './core/installations/distribution.js';
import { oneClient, type TeamClients } from './core/installations/team-clients.js';
import { configureOutbound, OUTBOUND_WINDOW_MS } from './core/outbound/slack-output.js';
import { COMMAND_QUEUE, configureCommandQueue, type QueueLimits } from './core/requests/command-queue.js';
import { dedupeEvents } from './core/requests/dedupe-events.js';
import { EVENT_QUEUE, limitEventConcurrency } from './core/requests/event-queue.js';
import { dispatchReactions } from './core/requests/reaction-listeners.js';
import { refuseReplays } from './core/requests/replays.js';
import { clearUninstalled } from './core/stores/workspace-lifecycle.js';
import { loadTeamContext } from './core/team-context.js';
import type { Deps } from './deps.js';
import { register as registerDigest } from './features/digest/register.js';
import { register as registerDrafts } from './features/drafts/register.js';
import { register as registerHome } from './features/home/register.js';
import { register as registerInitiatives } from './features/initiatives/register.js';
import { register as registerInstallations } from './features/installations/register.js';
import { register as registerMentions } from './features/mentions/register.js';
import { register as registerNudges } from './features/nudges/register.js';
import { register as registerSetup } from './features/setup/register.js';
import { register as registerTasks } from './features/tasks/register.js';
import { register as registerTrends } from './features/trends/register.js';
import { boltLogger } from './logger.js';
import { createLifecycle, type Lifecycle } from './runtime/lifecycle.js';
import { HEALTH_ONLY } from './runtime/ops-routes.js';
import { refuseWhileStopping } from './runtime/refuse-while-stopping.js';
import { countingFetch } from './runtime/slack-fetch.js';
import { trackRequests } from './runtime/track-requests.js';
import { registerErrorHandler } from './slack/error-handler.js';
import { configureDraftRateLimit, DRAFT_RATE_LIMIT, type RateLimit } from './slack/rate-limits.js';
import { platformError } from './slack/reply.js';
import { guardRequests, MAX_BODY_BYTES } from './slack/request-guard.js';
import { timedOut } from './slack/timed-out.js';

const EVENTS_ENDPOINT = '/slack/events';

/** Each feature registers its own listeners; adding one is one line here. */
const FEATURES = [
  registerInitiatives,
  registerTasks,
  registerTrends,
  registerDrafts,
  registerDigest,
  registerNudges,
  registerHome,
  registerSetup,
  registerMentions,
  registerInstallations,
];

/**
 * A call that timed out may well have taken effect (Slack was slow, not down): retrying a
 * chat.postMessage then posts it twice. Throwing here ends p-retry's retries; the caller gets
 * the timeout. Refusals, 5xx answers, resets and 429s (which never reached the point of
 * posting, or say so) are still retried.
 */
function stopAfterTimeout(error: Error): void {
  if (timedOut(error)) throw error;
}

/**
 * @slack/web-api retries ten times over ~30 minutes by default and pauses its whole queue
 * meanwhile. A person waiting for a reply is better served by a few quick tries and a clear error.
 */
// @slack/web-api hands this object to p-retry as is, so p-retry's onFailedAttempt works, though
// the client's RetryOptions type does not list it.
export const SLACK_RETRY_POLICY: RetryOptions & { onFailedAttempt: (error: Error) => void } = {
  retries: 3,
  factor: 2,
  minTimeout: 500,
  maxTimeout: 5_000,
  randomize: true,
  onFailedAttempt: stopAfterTimeout,
};

export class SlackStartupError extends Error {
  constructor(cause: unknown) {
    const detail = platformError(cause) ?? (cause instanceof Error ? cause.message : String(cause));
    super(
      `Slack did not accept SLACK_BOT_TOKEN (auth.test: ${detail}). Check the token on your app's “OAuth & Permissions” page` +
        ' and that this machine can reach Slack.',
      { cause },
    );
    this.name = 'SlackStartupError';
  }
}

/**
 * Single-workspace mode has no install callback: starting with a token Slack accepts is what
 * tells Tandem that a workspace uninstalled earlier has it back, before its data is purged.
 */
async function reviveSingleWorkspace(deps: Deps, app: App): Promise<void> {
  try {
    const auth = await app.client.auth.test();
    if (auth.team_id && (await clearUninstalled(deps, auth.team_id)))
      deps.logger.info({ teamId: auth.team_id }, 'workspace installed again; its scheduled work resumes');
  } catch (error) {
    // The token was accepted a moment ago; serving matters more than this bookkeeping.
    deps.logger.warn({ err: error }, 'could not check whether the workspace was uninstalled before');
  }
}

export interface SlackAppOptions {
  slack: Config['slack'];
  /** Distribution with OAuth: every workspace's own installation instead of one bot token. */
  oauth?: OAuthSettings | undefined;
  /** Hold the HTTP answer until listeners finish: deterministic tests, and FaaS hosts. */
  processBeforeResponse?: boolean;
  retryConfig?: RetryOptions;
  /** Web API client timeout; 10 s unless a test scales it down. */
  timeoutMs?: number;
  /** Per-process queue caps and abuse limits; production's unless a test lowers (or raises) them. */
  limits?: {
    commands?: Partial<QueueLimits>;
    events?: Partial<QueueLimits>;
    drafts?: Partial<RateLimit>;
  };
  /**
   * Least time between two re-renders of one task message or App Home; production's second
   * unless a test shortens it (0: only changes made during a call wait for the next one).
   */
  outboundWindowMs?: number;
  /** Shared with the shutdown and /readyz; a fresh one unless given. */
  lifecycle?: Lifecycle;
  /** HTTP mode's GET routes beside /slack/events; /healthz alone unless given. */
  routes?: CustomRoute[];
}

export interface TandemApp {
  app: App;
  lifecycle: Lifecycle;
  /** The client that acts for a workspace outside a request (the scheduler). */
  clients: TeamClients;
  /** Starts listening (HTTP on `port`, or the Socket Mode connection); returns the bound port in HTTP mode. */
  start(port: number, host?: string): Promise<number | undefined>;
  stop(): Promise<void>;
}

export function buildApp(deps: Deps, options: SlackAppOptions): TandemApp {
  const { slack } = options;
  const logger = boltLogger(deps.logger);
  const lifecycle = options.lifecycle ?? createLifecycle();
  const clientOptions = {
    ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
    retryConfig: options.retryConfig ?? SLACK_RETRY_POLICY,
    timeout: options.timeoutMs ?? 10_000,
    fetch: countingFetch,
  };
  if (options.oauth && slack.mode !== 'http')
    throw new Error('OAuth installs need HTTP mode, not Socket Mode');
  const oauth = options.oauth ? distribution(deps, options.oauth, { ...clientOptions, logger }) : undefined;
  let receiver: Receiver | undefined;
  if (slack.mode === 'http') {
    if (!slack.signingSecret) throw new Error('HTTP mode needs SLACK_SIGNING_SECRET');
    const http = new HTTPReceiver({
      ...oauth?.receiverOptions,
      signingSecret: slack.signingSecret,
      endpoints: EVENTS_ENDPOINT,
      // Bolt counts the bytes of a body without a Content-Length and stops reading past this.
      bodyLimit: MAX_BODY_BYTES,
      processBeforeResponse: options.processBeforeResponse ?? false,
      logger,
      customRoutes: options.routes ?? HEALTH_ONLY,
    });
    guardRequests(http, EVENTS_ENDPOINT);
    refuseWhileStopping(http, EVENTS_ENDPOINT, lifecycle);
    receiver = http;
  }
  const app = new App({
    // With OAuth, Bolt authorises each request with its workspace's installation instead.
    ...(oauth ? {} : { token: slack.botToken }),
    ...(receiver ? { receiver } : { socketMode: true, appToken: slack.appToken }),
    logger,
    extendedErrorHandler: true,
    // Bolt otherwise verifies the token in the background, and an unreachable Slack or a revoked
    // token becomes an unhandled rejection that kills the process; start() awaits it instead.
    deferInitialization: true,
    clientOptions,
  });
  trackRequests(app, lifecycle, slack.mode);

  const limits = options.limits ?? {};
  configureCommandQueue(deps, { ...COMMAND_QUEUE, ...limits.commands });
  configureDraftRateLimit(deps, { ...DRAFT_RATE_LIMIT, ...limits.drafts });
  configureOutbound(deps, { windowMs: options.outboundWindowMs ?? OUTBOUND_WINDOW_MS, lifecycle });
  registerErrorHandler(app, deps.logger);
  app.use(limitEventConcurrency(deps, { ...EVENT_QUEUE, ...limits.events }));
  // Before the de-duplication, which reads the workspace's emoji to tell which reactions count.
  app.use(loadTeamContext(deps));
  app.use(dedupeEvents(deps));
  app.use(refuseReplays(deps));
  app.use(dispatchReactions(app));
  for (const register of FEATURES) register(app, deps);

  return {
    app,
    lifecycle,
    clients: oauth?.clients ?? oneClient(app.client),
    async start(port, host = '0.0.0.0') {
      try {
        await app.init();
      } catch (error) {
        throw new SlackStartupError(error);
      }
      if (!oauth) await reviveSingleWorkspace(deps, app);
      if (slack.mode === 'socket') {
        await app.start();
        return undefined;
      }
      const server = (await app.start({ port, host })) as Server;
      return (server.address() as AddressInfo).port;
    },
    async stop() {
      await app.stop();
    },
  };
}
