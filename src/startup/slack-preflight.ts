import { ErrorCode, type Logger, LogLevel, WebClient } from '@slack/web-api';
import type { Config } from '../config.js';
import { StartupFailure } from './failure.js';

/** Slack's answers that mean "this token is not (or no longer) good", as opposed to "Slack is away". */
const REJECTED = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'not_allowed_token_type',
  'ekm_access_denied',
]);

const HOW_TO_FIX = {
  SLACK_BOT_TOKEN:
    'copy the Bot User OAuth Token (xoxb-…) again from your Slack app’s “OAuth & Permissions” page; reinstall the app if it was revoked',
  SLACK_APP_TOKEN:
    'create an app-level token with the connections:write scope under “Basic Information → App-Level Tokens” and set it again',
} as const;

type TokenSetting = keyof typeof HOW_TO_FIX;

// A start-up check answers at once: Slack is there or not. Retrying for 15 s only delays the news.
const PREFLIGHT_TIMEOUT_MS = 5_000;

const quiet = () => {};
// The client's own warnings would print outside Tandem's log; every failure is reported below.
const SILENT: Logger = {
  debug: quiet,
  info: quiet,
  warn: quiet,
  error: quiet,
  setLevel: quiet,
  getLevel: () => LogLevel.ERROR,
  setName: quiet,
};

function slackHost(apiUrl: string | undefined): string {
  return apiUrl ? new URL(apiUrl).host : 'slack.com';
}

/**
 * The network-level reason a request never got an answer: an errno code (ENOTFOUND, ECONNREFUSED…)
 * from anywhere in the cause chain, else the innermost message, since fetch's own is only "fetch failed".
 */
function networkReason(error: unknown): string {
  type Link = { code?: unknown; cause?: unknown; message?: unknown; name?: unknown };
  let innermost = '';
  const seen = new Set<unknown>();
  let e = ((error as { original?: unknown }).original ?? error) as Link | undefined;
  for (; e && typeof e === 'object' && !seen.has(e); e = e.cause as Link | undefined) {
    seen.add(e);
    if (typeof e.code === 'string' && /^E[A-Z_]+$/.test(e.code)) return e.code;
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'timed out';
    if (typeof e.message === 'string') innermost = e.message;
  }
  return /timeout|timed out/i.test(innermost) ? 'timed out' : innermost || 'no answer';
}

export function classifySlackError(
  error: unknown,
  setting: TokenSetting,
  method: string,
  apiUrl: string | undefined,
): StartupFailure {
  const code = (error as { code?: string }).code;
  const cause = { cause: error };
  if (code === ErrorCode.PlatformError) {
    const answer = (error as { data?: { error?: string } }).data?.error ?? 'unknown_error';
    if (REJECTED.has(answer))
      return new StartupFailure(
        `Slack rejected the token (${method}: ${answer})`,
        setting,
        HOW_TO_FIX[setting],
        cause,
      );
    return new StartupFailure(`Slack refused ${method}: ${answer}`, setting, HOW_TO_FIX[setting], cause);
  }
  if (code === ErrorCode.RateLimitedError) {
    const seconds = (error as { retryAfter?: number }).retryAfter;
    return new StartupFailure(
      `Slack rate-limited ${method}; ${setting} was not checked`,
      setting,
      `start again in ${seconds ?? 60} s (restarting in a loop makes it worse)`,
      cause,
    );
  }
  if (code === ErrorCode.HTTPError) {
    const status = (error as { statusCode?: number }).statusCode;
    return new StartupFailure(
      `Slack's Web API at ${slackHost(apiUrl)} answered HTTP ${status}; ${setting} was not checked`,
      apiUrl ? 'SLACK_API_URL' : 'network',
      apiUrl
        ? 'check that SLACK_API_URL is the base of a Slack Web API, ending in /api/'
        : 'try again shortly; see https://slack-status.com',
      cause,
    );
  }
  return new StartupFailure(
    `Slack could not be reached at ${slackHost(apiUrl)} (${networkReason(error)}); ${setting} was not checked`,
    apiUrl ? 'SLACK_API_URL' : 'network',
    apiUrl
      ? 'check that SLACK_API_URL is right and its server is running'
      : 'check this machine’s internet connection, DNS, proxy and firewall for https://slack.com',
    cause,
  );
}

/**
 * Asks Slack about each token once, with no retries, before anything else starts: the bot token
 * with auth.test and, in Socket Mode, the app token with apps.connections.open (which hands out a
 * WebSocket address and nothing more). A failure names which token, and whether Slack said no or
 * was never reached.
 */
export async function checkSlackTokens(slack: Config['slack'], botToken: string): Promise<void> {
  const client = (token: string) =>
    new WebClient(token, {
      ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
      retryConfig: { retries: 0 },
      timeout: PREFLIGHT_TIMEOUT_MS,
      logger: SILENT,
    });
  try {
    await client(botToken).auth.test();
  } catch (error) {
    throw classifySlackError(error, 'SLACK_BOT_TOKEN', 'auth.test', slack.apiUrl);
  }
  if (slack.mode !== 'socket' || !slack.appToken) return;
  try {
    await client(slack.appToken).apps.connections.open();
  } catch (error) {
    throw classifySlackError(error, 'SLACK_APP_TOKEN', 'apps.connections.open', slack.apiUrl);
  }
}
