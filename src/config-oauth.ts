import { z } from 'zod';
import { decodeKey } from './crypto/token-box.js';

/** Distribution to many workspaces: Bolt's OAuth flow, with each workspace's token sealed at rest. */
export interface OAuthSettings {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** Seals new tokens; 32 bytes. */
  encryptionKey: Buffer;
  /** Still open tokens sealed before a rotation. */
  oldEncryptionKeys: Buffer[];
}

const ENCRYPTION_KEY_HINT = 'must be 32 random bytes in base64: generate one with `openssl rand -base64 32`';
const isKey = (value: string) => {
  try {
    decodeKey(value);
    return true;
  } catch {
    return false;
  }
};

export const encryptionKeysShape = {
  TANDEM_ENCRYPTION_KEY: z.string().refine(isKey, ENCRYPTION_KEY_HINT).optional(),
  TANDEM_ENCRYPTION_KEYS_OLD: z
    .string()
    .refine(
      (list) => list.split(',').every((k) => k.trim() === '' || isKey(k)),
      `must be earlier TANDEM_ENCRYPTION_KEY values separated by commas; each ${ENCRYPTION_KEY_HINT}`,
    )
    .optional(),
};

// Blank values are dropped before parsing, so optional means "unset or blank"; each message says how to fix it.
export const oauthEnvShape = {
  SLACK_CLIENT_ID: z
    .string()
    .regex(
      /^\d+\.\d+$/,
      'must be the Client ID from “Basic Information → App Credentials”, such as 1234567890.1234567890',
    )
    .optional(),
  SLACK_CLIENT_SECRET: z
    .string()
    .regex(/^[0-9a-f]{16,}$/i, 'must be the hex Client Secret from “Basic Information → App Credentials”')
    .optional(),
  SLACK_STATE_SECRET: z
    .string()
    .min(16, 'must be at least 16 random characters (openssl rand -hex 32) that sign the OAuth state')
    .optional(),
  ...encryptionKeysShape,
};

const OAUTH_VARIABLES = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

/** What OAuth asks of the other variables: all three or none, HTTP mode, a key; else a bot token. */
export function oauthProblems(env: NodeJS.ProcessEnv, blank: (v: string | undefined) => boolean): string[] {
  const problems: string[] = [];
  const set = OAUTH_VARIABLES.filter((name) => !blank(env[name]));
  if (set.length > 0 && set.length < OAUTH_VARIABLES.length) {
    const missing = OAUTH_VARIABLES.filter((name) => blank(env[name]));
    problems.push(
      `${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing: OAuth distribution needs all of ${OAUTH_VARIABLES.join(', ')} (or none of them, for one workspace with SLACK_BOT_TOKEN)`,
    );
  }
  if (set.length > 0) {
    if (!blank(env.SLACK_APP_TOKEN))
      problems.push(
        'SLACK_APP_TOKEN must be empty with OAuth: installs arrive at /slack/install and /slack/oauth_redirect over HTTP, so turn Socket Mode off and point Slack at https://<your host>/slack/events',
      );
    if (blank(env.TANDEM_ENCRYPTION_KEY))
      problems.push(
        'TANDEM_ENCRYPTION_KEY is required with OAuth, to encrypt each workspace’s token at rest: generate one with `openssl rand -base64 32`',
      );
  } else if (blank(env.SLACK_BOT_TOKEN)) {
    problems.push(
      'SLACK_BOT_TOKEN is missing: copy the Bot User OAuth Token (xoxb-…) from your Slack app’s “OAuth & Permissions” page, or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to distribute Tandem with OAuth',
    );
  }
  return problems;
}

type OAuthEnv = { [K in keyof typeof oauthEnvShape]?: string | undefined };

export function encryptionKeys(e: Pick<OAuthEnv, keyof typeof encryptionKeysShape>) {
  return {
    encryptionKey: decodeKey(e.TANDEM_ENCRYPTION_KEY ?? ''),
    oldEncryptionKeys: (e.TANDEM_ENCRYPTION_KEYS_OLD ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean)
      .map(decodeKey),
  };
}

/** `{ oauth }` when the environment (already checked) distributes Tandem with OAuth, else nothing. */
export function oauthSettings(e: OAuthEnv): { oauth?: OAuthSettings } {
  if (!e.SLACK_CLIENT_ID || !e.SLACK_CLIENT_SECRET || !e.SLACK_STATE_SECRET || !e.TANDEM_ENCRYPTION_KEY)
    return {};
  return {
    oauth: {
      clientId: e.SLACK_CLIENT_ID,
      clientSecret: e.SLACK_CLIENT_SECRET,
      stateSecret: e.SLACK_STATE_SECRET,
      ...encryptionKeys(e),
    },
  };
}
