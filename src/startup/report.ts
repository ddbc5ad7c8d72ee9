import { ErrorCode } from '@slack/web-api';
import { SlackStartupError } from '../app.js';
import type { Config } from '../config.js';
import { DataDirError } from '../db/data-dir-error.js';
import { MigrationError, NewerDatabaseError } from '../db/migrate.js';
import { classifyDatabaseError } from './database-failures.js';
import { StartupFailure } from './failure.js';
import { classifyListenError } from './port-check.js';
import { classifySlackError } from './slack-preflight.js';

export interface StartupContext {
  config: Config;
  /** Where the failure happened, when only the step tells which setting is at fault. */
  step: 'database' | 'slack' | 'listen' | 'other';
}

const isSlackError = (error: unknown) =>
  Object.values(ErrorCode).includes((error as { code?: ErrorCode }).code as ErrorCode);

/** Any error that stopped start-up, as the one failure a person reads. */
export function asStartupFailure(error: unknown, { config, step }: StartupContext): StartupFailure {
  if (error instanceof StartupFailure) return error;
  if (error instanceof DataDirError)
    return new StartupFailure(error.what, error.setting, error.todo, { cause: error });
  if (error instanceof NewerDatabaseError)
    return new StartupFailure(
      error.message,
      config.database.url ? 'DATABASE_URL' : 'DATA_DIR',
      'run that Tandem version or a later one; going back to older code needs a restored backup',
      { cause: error },
    );
  if (error instanceof MigrationError)
    return new StartupFailure(
      error.message.replace(/\.\s*$/, ''),
      config.database.url ? 'DATABASE_URL' : 'DATA_DIR',
      `fix what the SQL error names in that database, or the migration in prisma/migrations/${error.migration}, then start again`,
      { cause: error },
    );
  if (step === 'database' && config.database.url) {
    const failure = classifyDatabaseError(error, config.database.url);
    if (failure) return failure;
  }
  if (step === 'listen') {
    const failure = classifyListenError(error, config.port);
    if (failure) return failure;
  }
  if (error instanceof SlackStartupError)
    return classifySlackError(error.cause, 'SLACK_BOT_TOKEN', 'auth.test', config.slack.apiUrl);
  // Socket Mode's start opens the connection with the app token.
  if (isSlackError(error) && config.slack.mode === 'socket')
    return classifySlackError(error, 'SLACK_APP_TOKEN', 'apps.connections.open', config.slack.apiUrl);
  const message = error instanceof Error ? error.message : String(error);
  return new StartupFailure(
    message,
    'no setting named',
    'run again with LOG_LEVEL=debug to see where it came from',
    {
      cause: error,
    },
  );
}

/** Every secret the configuration holds, for removal from anything printed. */
function secretsOf(config: Config): string[] {
  const secrets = [
    config.slack.botToken,
    config.slack.appToken,
    config.slack.signingSecret,
    config.openai?.apiKey,
  ];
  if (config.database.url && URL.canParse(config.database.url)) {
    const { password } = new URL(config.database.url);
    if (password) secrets.push(password, decodeURIComponent(password));
  }
  return secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4);
}

export function redact(text: string, config: Config): string {
  let out = text;
  for (const secret of secretsOf(config)) out = out.split(secret).join('[redacted]');
  // A URL's user:password@ anywhere else (an error that quotes a connection string).
  return out.replace(/(\/\/[^/:@\s]*:)[^@\s]*@/g, '$1[redacted]@');
}

/** Prints the failure on one line (its stack too with LOG_LEVEL=debug or trace) and exits with 1. */
export function exitWithStartupFailure(error: unknown, context: StartupContext): never {
  const failure = asStartupFailure(error, context);
  process.stderr.write(`${redact(failure.message.replace(/\s*\n\s*/g, ' '), context.config)}\n`);
  if (context.config.logLevel === 'debug' || context.config.logLevel === 'trace') {
    const cause = failure.cause ?? failure;
    process.stderr.write(
      `${redact(cause instanceof Error ? (cause.stack ?? cause.message) : String(cause), context.config)}\n`,
    );
  }
  process.exit(1);
}
