import { Writable } from 'node:stream';
import type { RetryOptions } from '@slack/web-api';
import type { SlackAppOptions } from '../../src/app.js';
import type { OAuthSettings } from '../../src/config.js';
import type { Drafter } from '../../src/domain/drafts/drafter.js';
import { createLogger } from '../../src/logger.js';
import type { FakeSlackOptions } from '../harness/fake-slack.js';
import { type LocalTandem, startLocalTandem } from '../harness/local-tandem.js';
import { type Backend, openTestDatabase, type TestDatabase } from './databases.js';
import { TestClock } from './test-clock.js';

export interface RunningTandem extends LocalTandem {
  db: TestDatabase;
  clock: TestClock;
  /** Everything Tandem logged, one JSON object per line. */
  logs: string[];
}

/** A fresh database of the given kind, a movable clock, and Tandem over signed HTTP against a local Slack. */
export async function startTandem(
  backend: Backend,
  options: {
    clock?: TestClock;
    timezone?: string;
    drafter?: Drafter;
    /** Queue caps and abuse limits; production's unless given. */
    limits?: SlackAppOptions['limits'];
    /** The Slack stand-in's own options (latency, rate limit). */
    slack?: FakeSlackOptions;
    /** Distributed with OAuth instead of one bot token. */
    oauth?: OAuthSettings;
    /** The Web API client's retries; the harness's `retries: 0` unless given. */
    retryConfig?: RetryOptions;
    /** The Web API client's timeout; production's 10 s unless given. */
    timeoutMs?: number;
    /** Least time between two re-renders of one task message or App Home; 0 unless given. */
    outboundWindowMs?: number;
  } = {},
): Promise<RunningTandem> {
  const db = await openTestDatabase(backend);
  const clock = options.clock ?? new TestClock();
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const local = await startLocalTandem({
    db,
    clock,
    logger: createLogger('debug', sink),
    defaultTimezone: options.timezone ?? 'Europe/London',
    ...(options.drafter ? { drafter: options.drafter } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.slack ? { slack: options.slack } : {}),
    ...(options.oauth ? { oauth: options.oauth } : {}),
    ...(options.retryConfig ? { retryConfig: options.retryConfig } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.outboundWindowMs !== undefined ? { outboundWindowMs: options.outboundWindowMs } : {}),
  });
  return {
    ...local,
    db,
    clock,
    logs,
    async stop() {
      await local.stop();
      await db.destroy();
    },
  };
}
