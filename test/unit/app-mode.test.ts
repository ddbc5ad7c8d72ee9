import { HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { systemClock } from '../../src/clock.js';
import type { Database } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import { oauthSettings } from '../support/oauth-install.js';

const deps = {
  db: {} as Database, // building the app must not touch the database
  clock: systemClock,
  logger: createLogger('silent'),
  defaultTimezone: 'UTC',
};
const slack = { botToken: 'xoxb-1-2', apiUrl: undefined };

function receiverOf(app: ReturnType<typeof buildApp>['app']): unknown {
  return (app as unknown as { receiver: unknown }).receiver;
}

describe('buildApp connection mode', () => {
  it('uses Socket Mode when an app token is configured', () => {
    const { app } = buildApp(deps, {
      slack: { ...slack, signingSecret: undefined, appToken: 'xapp-1-A1-123-abc', mode: 'socket' },
    });
    expect(receiverOf(app)).toBeInstanceOf(SocketModeReceiver);
  });

  it('serves HTTP at /slack/events otherwise', () => {
    const { app } = buildApp(deps, {
      slack: { ...slack, signingSecret: 'abcdef0123456789', appToken: undefined, mode: 'http' },
    });
    expect(receiverOf(app)).toBeInstanceOf(HTTPReceiver);
  });

  it('refuses HTTP mode without a signing secret rather than accept unsigned requests', () => {
    expect(() =>
      buildApp(deps, { slack: { ...slack, signingSecret: undefined, appToken: undefined, mode: 'http' } }),
    ).toThrow(/SIGNING_SECRET/);
  });

  it('serves Bolt’s own install pages with OAuth settings, and needs no bot token then', () => {
    const { app } = buildApp(deps, {
      slack: {
        ...slack,
        botToken: undefined,
        signingSecret: 'abcdef0123456789',
        appToken: undefined,
        mode: 'http',
      },
      oauth: oauthSettings(),
    });
    const receiver = receiverOf(app) as {
      installer?: unknown;
      installPath?: string;
      installRedirectUriPath?: string;
    };
    expect(receiver).toBeInstanceOf(HTTPReceiver);
    expect(receiver.installer).toBeDefined();
    expect([receiver.installPath, receiver.installRedirectUriPath]).toEqual([
      '/slack/install',
      '/slack/oauth_redirect',
    ]);
  });

  it('refuses OAuth over Socket Mode, where no install page could be served', () => {
    expect(() =>
      buildApp(deps, {
        slack: {
          ...slack,
          botToken: undefined,
          signingSecret: undefined,
          appToken: 'xapp-1-A1-123-abc',
          mode: 'socket',
        },
        oauth: oauthSettings(),
      }),
    ).toThrow(/HTTP mode/);
  });
});
