// Child of digest-crash.test.ts: one Tandem replica's scheduler against a shared PostgreSQL
// database (DATABASE_URL) and the Slack stand-in (SLACK_API_URL), with a clock the parent sets.
// Reads `TICK <iso instant>` lines on stdin; prints `READY`, then `TICKED <iso>` after each pass.
import { createInterface } from 'node:readline';
import { WebClient } from '@slack/web-api';
import { openDatabase } from '../../../src/db/database.js';
import type { Deps } from '../../../src/deps.js';
import { createLogger } from '../../../src/logger.js';
import { startScheduler } from '../../../src/scheduler/scheduler.js';
import { TestClock } from '../../support/test-clock.js';

const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: '', poolSize: 4 });
const clock = new TestClock();
const deps: Deps = { db, clock, logger: createLogger('warn', process.stderr), defaultTimezone: 'UTC' };
const client = new WebClient(process.env.SLACK_BOT_TOKEN, {
  slackApiUrl: process.env.SLACK_API_URL,
  retryConfig: { retries: 0 },
  timeout: 10_000,
});
const scheduler = startScheduler(deps, client, { cron: false });
console.log('READY');
for await (const line of createInterface({ input: process.stdin })) {
  const [command, at] = line.split(' ');
  if (command === 'TICK' && at) {
    clock.set(at);
    await scheduler.tick();
    console.log(`TICKED ${at}`);
  }
}
await db.close();
