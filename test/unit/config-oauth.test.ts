import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadEncryptionKeys } from '../../src/config.js';

const SIGNING_SECRET = '0123456789abcdef0123456789abcdef';
const KEY = randomBytes(32).toString('base64');
const OLD_KEY = randomBytes(32).toString('base64');

/** The smallest environment that distributes Tandem with OAuth. */
const oauthEnv = (): NodeJS.ProcessEnv => ({
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_CLIENT_ID: '1234567890.9876543210',
  SLACK_CLIENT_SECRET: 'abcdef0123456789abcdef0123456789',
  SLACK_STATE_SECRET: 'a-long-random-state-secret-of-32-chars',
  TANDEM_ENCRYPTION_KEY: KEY,
});

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('OAuth distribution settings', () => {
  it('needs no SLACK_BOT_TOKEN, and decodes the keys', () => {
    const config = loadConfig({ ...oauthEnv(), TANDEM_ENCRYPTION_KEYS_OLD: ` ${OLD_KEY} ,` });
    expect(config.slack.botToken).toBeUndefined();
    expect(config.oauth).toMatchObject({
      clientId: '1234567890.9876543210',
      stateSecret: 'a-long-random-state-secret-of-32-chars',
    });
    expect(config.oauth?.encryptionKey.equals(Buffer.from(KEY, 'base64'))).toBe(true);
    expect(config.oauth?.oldEncryptionKeys.map((k) => k.toString('base64'))).toEqual([OLD_KEY]);
  });

  it('stays single-workspace without the three variables', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_SIGNING_SECRET: SIGNING_SECRET });
    expect(config.oauth).toBeUndefined();
  });

  it('asks for the bot token, or the OAuth variables, when neither is set', () => {
    expect(problemsOf({ SLACK_SIGNING_SECRET: SIGNING_SECRET })).toEqual([
      expect.stringMatching(
        /^SLACK_BOT_TOKEN is missing: .*or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET/,
      ),
    ]);
  });

  it.each(['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'])(
    'wants all three: %s missing',
    (name) => {
      const env = oauthEnv();
      delete env[name];
      expect(problemsOf(env)).toEqual([
        expect.stringMatching(new RegExp(`^${name} is missing: OAuth distribution needs all of`)),
      ]);
    },
  );

  it('requires an encryption key and says how to make one', () => {
    const env = oauthEnv();
    delete env.TANDEM_ENCRYPTION_KEY;
    expect(problemsOf(env)).toEqual([
      expect.stringMatching(/^TANDEM_ENCRYPTION_KEY is required.*openssl rand -base64 32/),
    ]);
  });

  it.each([
    ['too short', randomBytes(16).toString('base64')],
    ['not base64', 'x'.repeat(44)],
    ['hex', randomBytes(32).toString('hex')],
  ])('refuses a key that is %s, without echoing it', (_label, key) => {
    const problems = problemsOf({ ...oauthEnv(), TANDEM_ENCRYPTION_KEY: key });
    expect(problems).toEqual([
      expect.stringMatching(/^TANDEM_ENCRYPTION_KEY must be 32 random bytes.*openssl rand -base64 32/),
    ]);
    expect(problems.join('\n')).not.toContain(key);
  });

  it('refuses a bad old key among good ones', () => {
    const problems = problemsOf({ ...oauthEnv(), TANDEM_ENCRYPTION_KEYS_OLD: `${OLD_KEY},short` });
    expect(problems).toEqual([expect.stringMatching(/^TANDEM_ENCRYPTION_KEYS_OLD must be earlier/)]);
  });

  it('refuses Socket Mode with OAuth, saying why', () => {
    const problems = problemsOf({ ...oauthEnv(), SLACK_APP_TOKEN: 'xapp-1-A1-2-abc' });
    expect(problems).toEqual([
      expect.stringMatching(/^SLACK_APP_TOKEN must be empty with OAuth: .*\/slack\/oauth_redirect/),
    ]);
  });

  it('reads DATA_RETENTION_DAYS, 30 by default', () => {
    expect(loadConfig(oauthEnv()).dataRetentionDays).toBe(30);
    expect(loadConfig({ ...oauthEnv(), DATA_RETENTION_DAYS: '7' }).dataRetentionDays).toBe(7);
    expect(problemsOf({ ...oauthEnv(), DATA_RETENTION_DAYS: '0' })).toEqual([
      expect.stringMatching(/^DATA_RETENTION_DAYS must be at least 1 day/),
    ]);
  });

  it('loads the keys alone for the rotation script', () => {
    const keys = loadEncryptionKeys({ TANDEM_ENCRYPTION_KEY: KEY, TANDEM_ENCRYPTION_KEYS_OLD: OLD_KEY });
    expect(keys.oldEncryptionKeys).toHaveLength(1);
    expect(() => loadEncryptionKeys({})).toThrow(/TANDEM_ENCRYPTION_KEY is missing/);
  });
});
