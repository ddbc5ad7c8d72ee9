import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project folder: where package.json, .env and the default ./data live. Found from this file
 * (src/startup/ under tsx, dist/startup/ once built), so Tandem reads the same settings and data
 * whichever folder it is started from.
 */
export const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));

/** TANDEM_ENV_FILE when set (relative to the working directory, as a person typed it), else <project>/.env. */
export function envFilePath(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.TANDEM_ENV_FILE?.trim();
  return chosen ? path.resolve(chosen) : path.join(PROJECT_DIR, '.env');
}

/** A relative DATA_DIR means "inside the project", not "wherever the shell happened to be". */
export function resolveDataDir(dataDir: string, projectDir = PROJECT_DIR): string {
  return path.resolve(projectDir, dataDir);
}

export type EnvFileState = { state: 'read'; file: string } | { state: 'absent'; file: string };

/**
 * Reads the env file into process.env (variables already set win, as with Node's own loader).
 * A TANDEM_ENV_FILE that names no file is a mistake worth stopping for; a missing default .env is
 * normal when the environment carries every setting.
 */
export function loadEnvFile(env: NodeJS.ProcessEnv = process.env): EnvFileState {
  const file = envFilePath(env);
  if (!existsSync(file)) return { state: 'absent', file };
  process.loadEnvFile(file);
  return { state: 'read', file };
}
