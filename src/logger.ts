import type { Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { type Logger, pino } from 'pino';

export type { Logger };

// Tokens and secrets must never reach a log line, whichever object they travel in.
const REDACT = [
  'token',
  '*.token',
  'headers.authorization',
  '*.headers.authorization',
  'botToken',
  '*.botToken',
  'signingSecret',
  '*.signingSecret',
  'appToken',
  '*.appToken',
  'apiKey',
  '*.apiKey',
];

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    { level, redact: { paths: REDACT, censor: '[redacted]' }, base: { app: 'tandem' } },
    destination,
  );
}

// Slack tokens (xoxb-, xapp-…) and OpenAI-style keys (sk-…).
const TOKEN_PATTERN = /\b(?:x(?:ox[abposre]|app)-[A-Za-z0-9-]+|sk-[A-Za-z0-9_-]{16,})/g;

/** Bolt and the Web API client log free-form strings; scrub token-shaped words from them too. */
function scrub(parts: unknown[]): string {
  return parts
    .map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : JSON.stringify(p)))
    .join(' ')
    .replace(TOKEN_PATTERN, '[redacted]');
}

/** Bolt's Logger interface over pino, so that Bolt's own messages land in the same structured log. */
export function boltLogger(logger: Logger): BoltLogger {
  let level = logger.level as LogLevel;
  return {
    // Scrubbing stringifies every argument: the Web API client logs each call's arguments at
    // debug, so a level that is off must cost nothing.
    debug: (...msg) => logger.isLevelEnabled('debug') && logger.debug({ source: 'bolt' }, scrub(msg)),
    info: (...msg) => logger.isLevelEnabled('info') && logger.info({ source: 'bolt' }, scrub(msg)),
    warn: (...msg) => logger.isLevelEnabled('warn') && logger.warn({ source: 'bolt' }, scrub(msg)),
    error: (...msg) => logger.isLevelEnabled('error') && logger.error({ source: 'bolt' }, scrub(msg)),
    // Bolt calls setLevel(INFO) whenever it is given no logLevel of its own; the level that
    // filters is pino's, set from LOG_LEVEL, so this only answers getLevel().
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
