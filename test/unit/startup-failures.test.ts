// How errors met at start-up become the one line a person reads: which setting, and never a secret.
import { WebAPIPlatformError, WebAPIRateLimitedError, WebAPIRequestError } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { DataDirError } from '../../src/db/data-dir-error.js';
import { NewerDatabaseError } from '../../src/db/migrate.js';
import { checkDatabaseUrl, classifyDatabaseError } from '../../src/startup/database-failures.js';
import { StartupFailure } from '../../src/startup/failure.js';
import { asStartupFailure, redact } from '../../src/startup/report.js';
import { classifySlackError } from '../../src/startup/slack-preflight.js';

const URL_WITH_PASSWORD = 'postgres://tandem:Pw0rd-secret@db.internal:6543/tandem';

describe('DATABASE_URL read before connecting', () => {
  it.each([
    ['a # in the password', 'postgres://tandem:pa#ss@db:5432/tandem'],
    ['a / in the password', 'postgres://tandem:pa/ss@db:5432/tandem'],
    ['a ? in the password', 'postgres://tandem:pa?ss@db:5432/tandem'],
  ])('refuses %s, saying to percent-encode, without echoing the password', (_label, url) => {
    const failure = (() => {
      try {
        checkDatabaseUrl(url);
      } catch (error) {
        return error as StartupFailure;
      }
      throw new Error('accepted');
    })();
    expect(failure).toBeInstanceOf(StartupFailure);
    expect(failure.setting).toBe('DATABASE_URL');
    expect(failure.todo).toMatch(/percent-encode.*# as %23/);
    expect(failure.message).not.toMatch(/pa.ss/);
  });

  it.each([
    'postgres://tandem:pa%23ss@db:5432/tandem',
    'postgres://tandem:p@ss@db:5432/tandem',
    'postgresql://db/tandem?sslmode=require',
  ])('accepts %s', (url) => {
    expect(() => checkDatabaseUrl(url)).not.toThrow();
  });
});

describe('PostgreSQL errors', () => {
  const classify = (error: object) => classifyDatabaseError(error, URL_WITH_PASSWORD);

  it('names a server that never answers, after pg’s own connection timeout', () => {
    const failure = classify(new Error('timeout exceeded when trying to connect'));
    expect(failure?.what).toBe('PostgreSQL at db.internal:6543 did not answer within 15 seconds');
    expect(failure?.setting).toBe('DATABASE_URL');
  });

  it('names the host and port pg tried, or else the URL’s, never the password', () => {
    expect(classify({ code: 'ECONNREFUSED', address: '10.0.0.5', port: 6543 })?.what).toBe(
      'PostgreSQL refused the connection at 10.0.0.5:6543',
    );
    expect(classify({ code: 'ECONNREFUSED' })?.what).toBe(
      'PostgreSQL refused the connection at db.internal:6543',
    );
    expect(classify({ code: 'ENOTFOUND', hostname: 'db.internal' })?.what).toMatch(
      /host db\.internal was not found/,
    );
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', '28P01', '28000', '3D000', 'ETIMEDOUT']) {
      const failure = classify({ code });
      expect(failure?.setting, code).toBe('DATABASE_URL');
      expect(failure?.message, code).not.toContain('Pw0rd-secret');
    }
  });

  it('tells a wrong password and a missing database apart', () => {
    expect(classify({ code: '28P01' })?.what).toMatch(/refused the password/);
    expect(classify({ code: '3D000' })?.what).toMatch(/has no database of the name DATABASE_URL gives/);
  });

  it('leaves errors it does not know to the caller', () => {
    expect(classify({ code: '42P01' })).toBeNull();
  });
});

describe('Slack errors', () => {
  const platform = (error: string) => new WebAPIPlatformError({ ok: false, error });
  const network = (code: string) =>
    new WebAPIRequestError(
      Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) }),
    );

  it.each(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked'])(
    '%s is the token rejected, naming the token’s variable',
    (code) => {
      const bot = classifySlackError(platform(code), 'SLACK_BOT_TOKEN', 'auth.test', undefined);
      expect(bot.message).toMatch(
        new RegExp(`Slack rejected the token \\(auth\\.test: ${code}\\) \\(SLACK_BOT_TOKEN\\)`),
      );
      const app = classifySlackError(platform(code), 'SLACK_APP_TOKEN', 'apps.connections.open', undefined);
      expect(app.setting).toBe('SLACK_APP_TOKEN');
    },
  );

  it.each(['ENOTFOUND', 'ECONNREFUSED', 'ETIMEDOUT', 'ECONNRESET'])(
    '%s is Slack unreachable, and says the token was not checked',
    (code) => {
      const failure = classifySlackError(network(code), 'SLACK_BOT_TOKEN', 'auth.test', undefined);
      expect(failure.message).toMatch(
        new RegExp(
          `Slack could not be reached at slack\\.com \\(${code}\\); SLACK_BOT_TOKEN was not checked \\(network\\)`,
        ),
      );
      const local = classifySlackError(
        network(code),
        'SLACK_BOT_TOKEN',
        'auth.test',
        'http://127.0.0.1:4000/api/',
      );
      expect(local.setting).toBe('SLACK_API_URL');
    },
  );

  it('a rate limit is neither: it says when to try again', () => {
    const limited = classifySlackError(
      new WebAPIRateLimitedError(30),
      'SLACK_APP_TOKEN',
      'apps.connections.open',
      undefined,
    );
    expect(limited.message).toMatch(
      /Slack rate-limited apps\.connections\.open.*\(SLACK_APP_TOKEN\) — start again in 30 s/,
    );
  });

  it('a client timeout is Slack unreachable too', () => {
    const timeout = new WebAPIRequestError(
      Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }),
    );
    expect(classifySlackError(timeout, 'SLACK_BOT_TOKEN', 'auth.test', undefined).what).toMatch(
      /\(timed out\)/,
    );
  });
});

describe('any start-up error', () => {
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-1-2-abcdefsecret',
    SLACK_SIGNING_SECRET: 'abcdef0123456789abcdef',
    DATABASE_URL: 'postgres://tandem:p%40ss-word@db:5432/tandem',
  });

  it('a data folder refusal names DATA_DIR', () => {
    const failure = asStartupFailure(
      new DataDirError('DATA_DIR /x is a file, not a folder', 'Point it elsewhere'),
      {
        config,
        step: 'database',
      },
    );
    expect(failure.message).toBe(
      'Tandem cannot start: DATA_DIR /x is a file, not a folder (DATA_DIR) — Point it elsewhere',
    );
  });

  it('a database migrated by a newer Tandem names the database and says to run that version', () => {
    const failure = asStartupFailure(new NewerDatabaseError(['20991231000000_future']), {
      config,
      step: 'database',
    });
    expect(failure.setting).toBe('DATABASE_URL');
    expect(failure.message).toContain('20991231000000_future');
    expect(failure.todo).toMatch(/that Tandem version or a later one/);
  });

  it('a listen refusal names PORT', () => {
    const inUse = Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' });
    expect(asStartupFailure(inUse, { config, step: 'listen' }).setting).toBe('PORT');
  });

  it('redacts every configured secret, the password decoded or not, and any URL’s password', () => {
    const text = redact(
      'xoxb-1-2-abcdefsecret abcdef0123456789abcdef p%40ss-word p@ss-word postgres://u:other@h/db',
      config,
    );
    expect(text).toBe('[redacted] [redacted] [redacted] [redacted] postgres://u:[redacted]@h/db');
  });
});
