// Child process of `npm run bench -- replicas`: one Tandem replica on BENCH_DATABASE_URL, with its
// own Slack stand-in, as a separate process so that two replicas can use two cores.
// Prints one JSON line when ready: its /slack/events URL and a response_url on its stand-in.
import { systemClock } from '../src/clock.js';
import { openDatabase } from '../src/db/database.js';
import { createLogger } from '../src/logger.js';
import { startLocalTandem } from '../test/harness/local-tandem.js';

const db = await openDatabase({ databaseUrl: process.env.BENCH_DATABASE_URL, dataDir: '' });
// Each request answers only after its reply was posted, so a finished request is a reply made.
const tandem = await startLocalTandem({
  db,
  clock: systemClock,
  logger: createLogger('silent'),
  defaultTimezone: 'UTC',
  processBeforeResponse: true,
});
// The stand-in records every call; a long run must not measure that list growing.
setInterval(() => tandem.slack.reset(), 1_000).unref();
console.log(
  JSON.stringify({ url: `${tandem.baseUrl}/slack/events`, responseUrl: tandem.slack.responseUrl('bench') }),
);
process.on('SIGTERM', () => {
  void (async () => {
    await tandem.stop();
    await db.close();
    process.exit(0);
  })();
});
