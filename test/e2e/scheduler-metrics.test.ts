// The scheduler's figures on /metrics: passes that ran or were skipped, and digests sent, counted
// in this process's registry as the real scheduler works on a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../src/runtime/metrics.js';
import { type Scheduler, startScheduler } from '../../src/scheduler/scheduler.js';
import { parsePrometheus, sampleValue } from '../support/prometheus.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';
import { TestClock } from '../support/test-clock.js';

const TEAM = 'TSCHEDMET';
const CHANNEL = 'CSCHEDMET';

const counted = async (name: string, labels: Record<string, string>) =>
  sampleValue(parsePrometheus(await registry.metrics()), name, labels);

describe('scheduler metrics', () => {
  let t: RunningTandem;
  let scheduler: Scheduler;
  beforeAll(async () => {
    t = await startTandem('postgres', { clock: new TestClock('2026-11-20T08:59:00Z') });
    scheduler = startScheduler(t.deps, t.app.app.client, { cron: false });
    await t.db.prisma.workspace.create({
      data: { teamId: TEAM, timezone: 'Europe/London', digestChannel: CHANNEL, digestTime: '09:00' },
    });
  });
  afterAll(async () => {
    await scheduler?.stop();
    await t?.stop();
  });

  it('counts each pass, a pass refused while one runs, and the digest it sent', async () => {
    const ran = await counted('tandem_scheduler_passes_total', { outcome: 'ran' });
    const skipped = await counted('tandem_scheduler_passes_total', { outcome: 'skipped' });
    const sent = await counted('tandem_digests_total', { kind: 'channel', outcome: 'sent' });
    await scheduler.tick();
    t.clock.set('2026-11-20T09:00:00Z');
    // Two ticks at once: the second finds the first under way and does nothing.
    await Promise.all([scheduler.tick(), scheduler.tick()]);
    expect(t.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === CHANNEL)).toHaveLength(1);
    expect((await counted('tandem_scheduler_passes_total', { outcome: 'ran' })) - ran).toBe(2);
    expect((await counted('tandem_scheduler_passes_total', { outcome: 'skipped' })) - skipped).toBe(1);
    expect((await counted('tandem_digests_total', { kind: 'channel', outcome: 'sent' })) - sent).toBe(1);
    expect(await counted('tandem_scheduler_pass_seconds_count', {})).toBeGreaterThanOrEqual(2);
  });

  it('stop() waits for the pass under way, and no tick runs after it', async () => {
    t.clock.set('2026-11-21T09:00:00Z');
    let finished = false;
    const pass = scheduler.tick().then(() => {
      finished = true;
    });
    await scheduler.stop();
    expect(finished).toBe(true);
    await pass;
    const ran = await counted('tandem_scheduler_passes_total', { outcome: 'ran' });
    await scheduler.tick();
    expect(await counted('tandem_scheduler_passes_total', { outcome: 'ran' })).toBe(ran);
  });
});
