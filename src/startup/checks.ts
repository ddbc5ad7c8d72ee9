import type { Config } from '../config.js';
import { checkDatabaseUrl } from './database-failures.js';
import { StartupFailure } from './failure.js';
import { type EnvFileState, loadEnvFile } from './paths.js';
import { checkPortFree } from './port-check.js';
import { checkSlackTokens } from './slack-preflight.js';

/** Reads the settings file; one that TANDEM_ENV_FILE names and that is not there stops start-up. */
export function loadSettingsFile(env: NodeJS.ProcessEnv = process.env): EnvFileState {
  const state = loadEnvFile(env);
  if (state.state === 'absent' && env.TANDEM_ENV_FILE?.trim()) {
    const failure = new StartupFailure(
      `there is no settings file at ${state.file}`,
      'TANDEM_ENV_FILE',
      'point it at your .env file, or unset it to read .env from the project folder',
    );
    process.stderr.write(`${failure.message}\n`);
    process.exit(1);
  }
  return state;
}

/**
 * What can be found wrong in a second, before the database is opened and migrated: a misread
 * DATABASE_URL, the HTTP port taken, Slack unreachable or refusing a token.
 */
export async function checkBeforeStart(config: Config): Promise<void> {
  if (config.database.url) checkDatabaseUrl(config.database.url);
  if (config.slack.mode === 'http') await checkPortFree(config.port);
  // An app installed by OAuth has a token per workspace, checked as each installs, not one here.
  if (!config.oauth && config.slack.botToken) await checkSlackTokens(config.slack, config.slack.botToken);
}
