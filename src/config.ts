import { z } from 'zod';
import {
  encryptionKeys,
  encryptionKeysShape,
  type OAuthSettings,
  oauthEnvShape,
  oauthProblems,
  oauthSettings,
} from './config-oauth.js';
import { isValidTimezone, suggestTimezone } from './domain/time/due-date.js';
import { outboundVerdict } from './outbound-urls.js';

/** How to reach an OpenAI-compatible model; absent, drafts are written offline. */
export interface OpenAiSettings {
  apiKey: string;
  model: string;
  /** Any OpenAI-compatible server: Azure OpenAI, Ollama, vLLM, llama.cpp. */
  baseUrl: string | undefined;
  /** Per HTTP request; the SDK's default (10 minutes) would leave a person staring at "Drafting…". */
  timeoutMs: number;
}

// Blank values are dropped before parsing (see withoutBlanks), so optional means "unset or blank".
const optional = <T extends z.ZodType<string>>(schema: T) => schema.optional();

/**
 * A URL that Tandem sends a credential to: https anywhere, plain http only to a nearby host. A URL
 * that does not parse at all is left to `z.url()`'s own message, so it is reported once.
 */
const credentialUrl = (credential: string, badFormat: string, rightForms: string) =>
  z
    .url({ error: `must be a URL such as ${badFormat}` })
    .refine(
      (url) => !URL.canParse(url) || outboundVerdict(url) !== 'refused',
      `must be https:// for a host on the internet, since ${credential} travels with every request: such as ${rightForms}`,
    );

// Each variable carries the sentence that tells a person how to fix it.
const envObject = z.object({
  // Required unless Tandem is distributed with OAuth; crossFieldProblems says so.
  SLACK_BOT_TOKEN: optional(
    z.string().regex(/^xoxb-/, 'must be a bot token starting with xoxb- (from “OAuth & Permissions”)'),
  ),
  ...oauthEnvShape,
  DATA_RETENTION_DAYS: z.coerce
    .number({ error: 'must be a number of days such as 30' })
    .int('must be a whole number of days such as 30')
    .min(1, 'must be at least 1 day')
    .max(3650, 'must be at most 3650 days')
    .default(30),
  SLACK_SIGNING_SECRET: optional(
    z
      .string()
      .regex(/^[0-9a-f]{16,}$/i, 'must be the hex Signing Secret from “Basic Information → App Credentials”'),
  ),
  SLACK_APP_TOKEN: optional(
    z
      .string()
      .regex(
        /^xapp-/,
        'must be an app-level token starting with xapp- (“Basic Information → App-Level Tokens”, scope connections:write)',
      ),
  ),
  SLACK_API_URL: optional(
    credentialUrl(
      'the bot token',
      'http://127.0.0.1:4000/api/',
      'https://slack.example.com/api/ (plain http:// only to this machine, a private address or a one-word host name, such as http://127.0.0.1:4000/api/ or http://slack-stub:4000/api/)',
    ),
  ),
  PORT: z.coerce
    .number({ error: 'must be a port number such as 3000' })
    .int('must be a whole number such as 3000')
    .min(1, 'must be between 1 and 65535')
    .max(65535, 'must be between 1 and 65535')
    .default(3000),
  DATABASE_URL: optional(
    z
      .string()
      .regex(
        /^postgres(ql)?:\/\//,
        'must be a postgres:// URL, or left empty to use the embedded database in DATA_DIR',
      ),
  ),
  DATA_DIR: z.string().min(1).default('./data'),
  DEFAULT_TIMEZONE: z
    .string()
    .superRefine((zone, ctx) => {
      if (isValidTimezone(zone)) return;
      const near = suggestTimezone(zone);
      ctx.addIssue({
        code: 'custom',
        message: `must be an IANA time zone such as Europe/London or America/New_York${near ? ` (did you mean ${near}?)` : ''}`,
      });
    })
    .default('UTC'),
  OPENAI_API_KEY: optional(z.string().min(8, 'must be an API key from your OpenAI (or compatible) provider')),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  OPENAI_BASE_URL: optional(
    credentialUrl(
      'the API key',
      'http://127.0.0.1:11434/v1 (the base URL of an OpenAI-compatible API)',
      'https://llm.example.com/v1 (plain http:// only to this machine, a private address or a one-word host name, such as http://127.0.0.1:11434/v1 or http://llm:8000/v1)',
    ),
  ),
  OPENAI_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a number of milliseconds such as 15000' })
    .int('must be a whole number of milliseconds such as 15000')
    .min(1000, 'must be at least 1000 (one second)')
    .max(120_000, 'must be at most 120000 (two minutes)')
    .default(15_000),
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a number of milliseconds such as 10000' })
    .int('must be a whole number of milliseconds such as 10000')
    .min(1000, 'must be at least 1000 (one second)')
    .max(600_000, 'must be at most 600000 (ten minutes)')
    .default(10_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

const envSchema = envObject;

const blank = (v: string | undefined) => v === undefined || v.trim() === '';

/** `PORT=` copied empty from .env.example means "use the default", not "invalid". */
function withoutBlanks(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => !blank(v)));
}

/** Checked outside zod so that it is reported together with every other problem, not after them. */
function crossFieldProblems(env: NodeJS.ProcessEnv): string[] {
  const problems = oauthProblems(env, blank);
  if (blank(env.SLACK_APP_TOKEN) && blank(env.SLACK_SIGNING_SECRET))
    problems.push(
      'SLACK_SIGNING_SECRET is required in HTTP mode: copy it from “Basic Information → App Credentials”, or set SLACK_APP_TOKEN to use Socket Mode',
    );
  return problems;
}

export type { OAuthSettings };

export interface Config {
  slack: {
    /** Absent only with OAuth, where each workspace's own token comes from its installation. */
    botToken: string | undefined;
    signingSecret: string | undefined;
    appToken: string | undefined;
    apiUrl: string | undefined;
    mode: 'socket' | 'http';
  };
  port: number;
  database: { url: string | undefined; dataDir: string };
  defaultTimezone: string;
  /** Set when OPENAI_API_KEY is: drafts come from the model, with the offline drafter as fallback. */
  openai: OpenAiSettings | undefined;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** How long a SIGTERM/SIGINT waits for work in flight before closing anyway. */
  shutdownTimeoutMs: number;
  /** Set when SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET are. */
  oauth?: OAuthSettings | undefined;
  /** Days an uninstalled workspace's data is kept (a reinstall within them finds it again). */
  dataRetentionDays: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Tandem cannot start: ${problems.length} configuration problem${problems.length === 1 ? '' : 's'}.\n` +
        problems.map((p) => `  - ${p}`).join('\n') +
        '\nSet them in the environment or in .env (see .env.example).',
    );
    this.name = 'ConfigError';
  }
}

/** Parses the environment into one typed object, reporting every problem at once. */
export function loadConfig(rawEnv: NodeJS.ProcessEnv = process.env): Config {
  const env = withoutBlanks(rawEnv);
  const parsed = envSchema.safeParse(env);
  // Values are never echoed: some of them are secrets.
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`)),
    ...crossFieldProblems(env),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL,
      mode: e.SLACK_APP_TOKEN ? 'socket' : 'http',
    },
    port: e.PORT,
    database: { url: e.DATABASE_URL, dataDir: e.DATA_DIR },
    defaultTimezone: e.DEFAULT_TIMEZONE,
    openai: e.OPENAI_API_KEY
      ? {
          apiKey: e.OPENAI_API_KEY,
          model: e.OPENAI_MODEL,
          baseUrl: e.OPENAI_BASE_URL,
          timeoutMs: e.OPENAI_TIMEOUT_MS,
        }
      : undefined,
    logLevel: e.LOG_LEVEL,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    ...oauthSettings(e),
    dataRetentionDays: e.DATA_RETENTION_DAYS,
  };
}

/** Only the encryption keys, for `npm run tokens:rotate`. */
export function loadEncryptionKeys(env: NodeJS.ProcessEnv = process.env) {
  const parsed = z.object(encryptionKeysShape).safeParse(withoutBlanks(env));
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
  if (parsed.success && !parsed.data.TANDEM_ENCRYPTION_KEY)
    problems.push(
      'TANDEM_ENCRYPTION_KEY is missing: the key new tokens are sealed with (`openssl rand -base64 32`)',
    );
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  return encryptionKeys(parsed.data);
}

const databaseEnvSchema = z.object({
  DATABASE_URL: envObject.shape.DATABASE_URL,
  DATA_DIR: envObject.shape.DATA_DIR,
});

/** Only the database settings, for tools such as `npm run db:migrate` that need no Slack credentials. */
export function loadDatabaseConfig(env: NodeJS.ProcessEnv = process.env): Config['database'] {
  const parsed = databaseEnvSchema.safeParse(withoutBlanks(env));
  if (!parsed.success)
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`));
  return { url: parsed.data.DATABASE_URL, dataDir: parsed.data.DATA_DIR };
}

/**
 * One line for each credential a configured URL sends in clear: allowed to nearby hosts, where
 * only the local network can read it, but worth knowing at start-up. Names the host, not the URL.
 */
export function cleartextWarnings(config: Config): string[] {
  const checks: Array<[variable: string, url: string | undefined, credential: string]> = [
    ['SLACK_API_URL', config.slack.apiUrl, 'the bot token'],
    ['OPENAI_BASE_URL', config.openai?.baseUrl, 'the OpenAI API key'],
  ];
  return checks.flatMap(([variable, url, credential]) =>
    url !== undefined && outboundVerdict(url) === 'nearby-http'
      ? [`${variable} is plain http:// to ${new URL(url).host}: ${credential} travels unencrypted to it`]
      : [],
  );
}
