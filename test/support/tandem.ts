import { Writable } from 'node:stream';
import { buildApp, type TandemApp } from '../../src/app.js';
import type { Deps } from '../../src/deps.js';
import { createLogger } from '../../src/logger.js';
import { type FakeSlack, startFakeSlack } from '../harness/fake-slack.js';
import { type CommandContext, createSlackSender, type SlackSender } from '../harness/slack-sender.js';
import { type Backend, openTestDatabase, type TestDatabase } from './databases.js';
import { TestClock } from './test-clock.js';

export const SIGNING_SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
export const BOT_TOKEN = 'xoxb-test-0000-tandem';

export interface RunningTandem {
  slack: FakeSlack;
  sender: SlackSender;
  db: TestDatabase;
  clock: TestClock;
  deps: Deps;
  app: TandemApp;
  /** http://127.0.0.1:PORT where Tandem listens. */
  baseUrl: string;
  /** Everything Tandem logged, one JSON object per line. */
  logs: string[];
  /** Sends a slash command as `user` in `team` and returns what Tandem answered through response_url. */
  command(command: string, text: string, ctx: CommandContext): Promise<ReturnType<FakeSlack['callsTo']>>;
  stop(): Promise<void>;
}

/** Tandem as in production, over real HTTP with signed requests, a real database and a local Slack. */
export async function startTandem(
  backend: Backend,
  options: { clock?: TestClock; timezone?: string } = {},
): Promise<RunningTandem> {
  const slack = await startFakeSlack({ token: BOT_TOKEN });
  const db = await openTestDatabase(backend);
  const clock = options.clock ?? new TestClock();
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const deps: Deps = {
    db,
    clock,
    logger: createLogger('debug', sink),
    defaultTimezone: options.timezone ?? 'Europe/London',
  };
  const app = buildApp(deps, {
    slack: {
      botToken: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
      appToken: undefined,
      apiUrl: slack.apiUrl,
      mode: 'http',
    },
    processBeforeResponse: true,
    retryConfig: { retries: 0 },
  });
  const port = await app.start(0, '127.0.0.1');
  const sender = createSlackSender({
    url: `http://127.0.0.1:${port}/slack/events`,
    signingSecret: SIGNING_SECRET,
    responseUrl: () => slack.responseUrl(),
  });
  return {
    slack,
    sender,
    db,
    clock,
    deps,
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    logs,
    async command(command, text, ctx) {
      const before = slack.calls.length;
      const res = await sender.command(command, text, ctx);
      if (res.status !== 200) throw new Error(`${command} ${text} answered HTTP ${res.status}`);
      return slack.calls.slice(before);
    },
    async stop() {
      await app.stop();
      await slack.close();
      await db.destroy();
    },
  };
}
