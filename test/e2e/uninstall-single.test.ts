import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { type Scheduler, startScheduler } from '../../src/scheduler/scheduler.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../harness/local-tandem.js';
import { BACKENDS } from '../support/databases.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';
import { TestClock } from '../support/test-clock.js';

// The workspace the stand-in's auth.test reports for the one bot token.
const TEAM = 'T_DEFAULT';

describe.each(BACKENDS)('uninstalling the single-workspace app on %s', (backend) => {
  let t: RunningTandem;
  let scheduler: Scheduler;
  const digests = () => t.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'CDIGSINGLE');

  beforeAll(async () => {
    t = await startTandem(backend, { clock: new TestClock('2026-11-20T08:00:00Z') });
    scheduler = startScheduler(t.deps, t.app.clients, { cron: false });
    await t.db.prisma.workspace.create({
      data: { teamId: TEAM, timezone: 'Europe/London', digestChannel: 'CDIGSINGLE', digestTime: '09:00' },
    });
  });
  afterAll(async () => {
    scheduler?.stop();
    await t?.stop();
  });

  it('stops scheduled work on app_uninstalled, and resumes it when Tandem starts again with a working token', async () => {
    expect((await t.sender.event({ type: 'app_uninstalled' }, { teamId: TEAM })).status).toBe(200);
    expect(
      (await t.db.prisma.workspace.findUniqueOrThrow({ where: { teamId: TEAM } })).uninstalledAt,
    ).toEqual(t.clock.now());
    t.clock.set('2026-11-20T09:00:00Z');
    await scheduler.tick();
    expect(digests()).toHaveLength(0);

    const restarted = buildApp(t.deps, {
      slack: {
        botToken: BOT_TOKEN,
        signingSecret: SIGNING_SECRET,
        appToken: undefined,
        apiUrl: t.slack.apiUrl,
        mode: 'http',
      },
      retryConfig: { retries: 0 },
    });
    await restarted.start(0, '127.0.0.1');
    await restarted.stop();
    expect(
      (await t.db.prisma.workspace.findUniqueOrThrow({ where: { teamId: TEAM } })).uninstalledAt,
    ).toBeNull();
    t.clock.set('2026-11-20T09:01:00Z');
    await scheduler.tick();
    expect(digests()).toHaveLength(1);
  });
});
