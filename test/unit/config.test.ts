import { describe, expect, it } from 'vitest';
import { ConfigError, cleartextWarnings, loadConfig } from '../../src/config.js';

const BOT_TOKEN = 'xoxb-1111-2222-abcdefABCDEF';
const SIGNING_SECRET = '0123456789abcdef0123456789abcdef';
const APP_TOKEN = 'xapp-1-A111-222-abcdef';

/** The smallest environment that starts Tandem over HTTP. */
const httpEnv = (): NodeJS.ProcessEnv => ({
  SLACK_BOT_TOKEN: BOT_TOKEN,
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
});

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(Object.keys(env))}`);
}

describe('loadConfig', () => {
  it('parses a minimal HTTP-mode environment, with defaults', () => {
    expect(loadConfig(httpEnv())).toEqual({
      slack: {
        botToken: BOT_TOKEN,
        signingSecret: SIGNING_SECRET,
        appToken: undefined,
        apiUrl: undefined,
        mode: 'http',
      },
      port: 3000,
      database: { url: undefined, dataDir: './data' },
      defaultTimezone: 'UTC',
      logLevel: 'info',
      shutdownTimeoutMs: 10_000,
      dataRetentionDays: 30,
    });
  });

  it('parses every variable when all are given', () => {
    const config = loadConfig({
      ...httpEnv(),
      SLACK_API_URL: 'http://127.0.0.1:4000/api/',
      PORT: '8080',
      DATABASE_URL: 'postgresql://tandem:pw@db:5432/tandem',
      DATA_DIR: '/var/lib/tandem',
      DEFAULT_TIMEZONE: 'Europe/London',
      LOG_LEVEL: 'debug',
      SHUTDOWN_TIMEOUT_MS: '25000',
    });
    expect(config).toEqual({
      slack: {
        botToken: BOT_TOKEN,
        signingSecret: SIGNING_SECRET,
        appToken: undefined,
        apiUrl: 'http://127.0.0.1:4000/api/',
        mode: 'http',
      },
      port: 8080,
      database: { url: 'postgresql://tandem:pw@db:5432/tandem', dataDir: '/var/lib/tandem' },
      defaultTimezone: 'Europe/London',
      logLevel: 'debug',
      shutdownTimeoutMs: 25_000,
      dataRetentionDays: 30,
    });
  });

  it('switches to Socket Mode with SLACK_APP_TOKEN, where the signing secret is optional', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN });
    expect(config.slack).toMatchObject({ mode: 'socket', appToken: APP_TOKEN, signingSecret: undefined });
  });

  it('keeps the signing secret in Socket Mode when both are given', () => {
    const config = loadConfig({ ...httpEnv(), SLACK_APP_TOKEN: APP_TOKEN });
    expect(config.slack).toMatchObject({ mode: 'socket', signingSecret: SIGNING_SECRET });
  });

  it('reports every problem at once, each with its variable and how to fix it', () => {
    const error = configError({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      DEFAULT_TIMEZONE: 'Mars/Base',
    });
    const expected: Array<[variable: string, fix: RegExp]> = [
      ['SLACK_BOT_TOKEN', /OAuth & Permissions/],
      ['PORT', /port number such as 3000/],
      ['DATABASE_URL', /postgres:\/\//],
      // Nothing is near enough to suggest.
      ['DEFAULT_TIMEZONE', /IANA time zone such as Europe\/London or America\/New_York$/],
      ['SLACK_SIGNING_SECRET', /Basic Information.*or set SLACK_APP_TOKEN/],
    ];
    expect(error.problems).toHaveLength(expected.length);
    for (const [variable, fix] of expected) {
      const problem = error.problems.find((p) => p.startsWith(`${variable} `));
      expect(
        problem,
        `no problem reported for ${variable} in ${JSON.stringify(error.problems)}`,
      ).toBeDefined();
      expect(problem).toMatch(fix);
      expect(error.message).toContain(problem);
    }
    expect(error.message).toMatch(/5 configuration problems/);
  });

  it.each<[string, NodeJS.ProcessEnv, string, RegExp]>([
    ['a user token as bot token', { SLACK_BOT_TOKEN: 'xoxp-1-2-3' }, 'SLACK_BOT_TOKEN', /xoxb-/],
    ['a non-hex signing secret', { SLACK_SIGNING_SECRET: 'not-a-secret' }, 'SLACK_SIGNING_SECRET', /hex/],
    ['a bot token as app token', { SLACK_APP_TOKEN: BOT_TOKEN }, 'SLACK_APP_TOKEN', /xapp-/],
    ['a relative API URL', { SLACK_API_URL: 'api/' }, 'SLACK_API_URL', /URL such as/],
    ['port 0', { PORT: '0' }, 'PORT', /between 1 and 65535/],
    ['port 70000', { PORT: '70000' }, 'PORT', /between 1 and 65535/],
    ['port 80.5', { PORT: '80.5' }, 'PORT', /whole number/],
    ['an unknown log level', { LOG_LEVEL: 'verbose' }, 'LOG_LEVEL', /debug/],
    [
      'a misspelt time zone, suggesting the nearest',
      { DEFAULT_TIMEZONE: 'Europe/Londn' },
      'DEFAULT_TIMEZONE',
      /did you mean Europe\/London\?/,
    ],
  ])('rejects %s', (_label, override, variable, fix) => {
    const error = configError({ ...httpEnv(), ...override });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(new RegExp(`^${variable} `));
    expect(error.problems[0]).toMatch(fix);
  });

  it('never echoes secret values, even when they are malformed', () => {
    const secrets = {
      SLACK_BOT_TOKEN: 'xoxp-SECRET-BOT-VALUE-4242',
      SLACK_SIGNING_SECRET: 'SECRET-SIGNING-VALUE-4242',
      SLACK_APP_TOKEN: 'xoxb-SECRET-APP-VALUE-4242',
      DATABASE_URL: 'mysql://admin:SECRET-DB-PASSWORD-4242@db/tandem',
    };
    const error = configError(secrets);
    expect(error.problems.map((p) => p.split(' ')[0]).sort()).toEqual(Object.keys(secrets).sort());
    for (const value of Object.values(secrets)) {
      expect(error.message).not.toContain(value);
      expect(error.problems.join('\n')).not.toContain(value);
    }
    expect(error.message).not.toContain('SECRET-');
  });

  describe('empty strings count as unset', () => {
    it.each<[string, NodeJS.ProcessEnv, (c: ReturnType<typeof loadConfig>) => unknown, unknown]>([
      ['SLACK_APP_TOKEN', { SLACK_APP_TOKEN: '' }, (c) => c.slack.mode, 'http'],
      [
        'SLACK_SIGNING_SECRET (Socket Mode)',
        { SLACK_APP_TOKEN: APP_TOKEN, SLACK_SIGNING_SECRET: '' },
        (c) => c.slack.signingSecret,
        undefined,
      ],
      ['SLACK_API_URL', { SLACK_API_URL: '' }, (c) => c.slack.apiUrl, undefined],
      ['DATABASE_URL', { DATABASE_URL: '' }, (c) => c.database.url, undefined],
      ['DATABASE_URL (spaces)', { DATABASE_URL: '  ' }, (c) => c.database.url, undefined],
      ['PORT', { PORT: '' }, (c) => c.port, 3000],
      ['DATA_DIR', { DATA_DIR: '' }, (c) => c.database.dataDir, './data'],
      ['DEFAULT_TIMEZONE', { DEFAULT_TIMEZONE: '' }, (c) => c.defaultTimezone, 'UTC'],
      ['LOG_LEVEL', { LOG_LEVEL: '' }, (c) => c.logLevel, 'info'],
    ])('%s', (_variable, override, pick, expected) => {
      expect(pick(loadConfig({ ...httpEnv(), ...override }))).toEqual(expected);
    });

    it('an empty signing secret with no app token is reported as missing', () => {
      const error = configError({
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: '',
        SLACK_APP_TOKEN: '',
      });
      expect(error.problems).toEqual([
        expect.stringMatching(/^SLACK_SIGNING_SECRET is required in HTTP mode/),
      ]);
    });

    it('an empty bot token is reported as missing, not as malformed', () => {
      const error = configError({ ...httpEnv(), SLACK_BOT_TOKEN: '' });
      expect(error.problems).toHaveLength(1);
      expect(error.problems[0]).toMatch(/^SLACK_BOT_TOKEN /);
    });
  });
});

describe('outbound URLs (SLACK_API_URL, OPENAI_BASE_URL)', () => {
  const withKey = (env: NodeJS.ProcessEnv) => ({
    ...httpEnv(),
    OPENAI_API_KEY: 'sk-test-0123456789',
    ...env,
  });

  // https goes anywhere; plain http only where the token or key cannot cross the internet.
  it.each<[url: string, verdict: 'https' | 'warn' | 'refused']>([
    ['https://slack.com/api/', 'https'],
    ['https://api.openai.com/v1', 'https'],
    ['https://203.0.113.7:8443/v1', 'https'],
    ['http://127.0.0.1:4000/api/', 'warn'],
    ['http://127.8.9.10/', 'warn'],
    ['http://localhost:11434/v1', 'warn'],
    ['http://api.localhost/v1', 'warn'],
    ['http://[::1]:8000/v1', 'warn'],
    ['http://10.1.2.3/v1', 'warn'],
    ['http://172.16.0.1/v1', 'warn'],
    ['http://172.31.255.254/v1', 'warn'],
    ['http://192.168.1.20:8000/v1', 'warn'],
    ['http://169.254.10.1/v1', 'warn'],
    ['http://[fd12:3456::1]/v1', 'warn'],
    ['http://[fe80::1]/v1', 'warn'],
    ['http://[::ffff:10.0.0.1]/v1', 'warn'],
    ['http://llm:8000/v1', 'warn'],
    ['http://slack-stub:4000/api/', 'warn'],
    ['http://2130706433/', 'warn'],
    ['http://slack.com/api/', 'refused'],
    ['http://api.openai.com/v1', 'refused'],
    ['http://llm.corp.example/v1', 'refused'],
    ['http://8.8.8.8/v1', 'refused'],
    ['http://172.32.0.1/v1', 'refused'],
    ['http://192.169.1.1/v1', 'refused'],
    ['http://[2001:db8::1]/v1', 'refused'],
    ['http://[::ffff:8.8.8.8]/v1', 'refused'],
    ['http://0x08.8.8.8/v1', 'refused'],
    ['ftp://127.0.0.1/api/', 'refused'],
  ])('%s → %s', (url, verdict) => {
    for (const variable of ['SLACK_API_URL', 'OPENAI_BASE_URL'] as const) {
      if (verdict === 'refused') {
        const error = configError(withKey({ [variable]: url }));
        expect(error.problems).toHaveLength(1);
        expect(error.problems[0]).toMatch(
          new RegExp(`^${variable} must be https:// for a host on the internet`),
        );
        expect(error.problems[0]).toMatch(/such as https:\/\/.*plain http:\/\/ only to this machine/);
        continue;
      }
      const config = loadConfig(withKey({ [variable]: url }));
      const warnings = cleartextWarnings(config);
      if (verdict === 'https') expect(warnings).toEqual([]);
      else {
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toMatch(new RegExp(`^${variable} is plain http:// to .+ travels unencrypted`));
      }
    }
  });

  it('names the credential at risk in each refusal, and never echoes the URL', () => {
    const error = configError(
      withKey({ SLACK_API_URL: 'http://slack-proxy.test/api/', OPENAI_BASE_URL: 'http://models.test/v1' }),
    );
    expect(error.problems).toEqual([
      expect.stringMatching(/^SLACK_API_URL .*the bot token travels with every request/),
      expect.stringMatching(/^OPENAI_BASE_URL .*the API key travels with every request/),
    ]);
    expect(error.message).not.toContain('slack-proxy.test');
    expect(error.message).not.toContain('models.test');
  });

  it('reports a URL that does not parse once, with its own message', () => {
    const error = configError(withKey({ OPENAI_BASE_URL: '//llm:8000/v1' }));
    expect(error.problems).toEqual([expect.stringMatching(/^OPENAI_BASE_URL must be a URL such as/)]);
  });

  it('warns about OPENAI_BASE_URL only when a key makes Tandem use it', () => {
    const config = loadConfig({ ...httpEnv(), OPENAI_BASE_URL: 'http://llm:8000/v1' });
    expect(cleartextWarnings(config)).toEqual([]);
  });

  it('warns with the host only, never a password in the URL', () => {
    const config = loadConfig(withKey({ OPENAI_BASE_URL: 'http://user:SECRET-PW@llm:8000/v1' }));
    expect(cleartextWarnings(config)).toEqual([
      'OPENAI_BASE_URL is plain http:// to llm:8000: the OpenAI API key travels unencrypted to it',
    ]);
  });
});
