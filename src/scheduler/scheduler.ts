import { performance } from 'node:perf_hooks';
import type { WebClient } from '@slack/web-api';
import { schedule } from 'node-cron';
import { isTeamClients, oneClient, type TeamClients } from '../core/installations/team-clients.js';
import { purgeProcessedEvents } from '../core/stores/processed-events.js';
import type { Deps } from '../deps.js';
import { runPersonalDigests } from '../features/digest/personal.js';
import { runDueDigests } from '../features/digest/send.js';
import { runDueNudges } from '../features/nudges/pass.js';
import { metrics } from '../runtime/metrics.js';
import { recordSchedulerTick } from '../runtime/scheduler-passes.js';
import { DEFAULT_RETENTION_DAYS, purgeUninstalled } from './purge.js';

// Any constant works; replicas only need to agree on it.
const SCHEDULER_LOCK_KEY = 727_368_002;

export interface Scheduler {
  /** One pass over everything that is due now; what runs is decided by the database and the clock. */
  tick(): Promise<void>;
  /** No more ticks; resolves when the pass under way (if any) has finished and released its lock. */
  stop(): Promise<void>;
}

/**
 * Every minute, sends what is due. On PostgreSQL a session advisory lock lets one replica run the
 * pass; the per-day and per-nudge unique keys make a second sender harmless even if two run.
 * The embedded database belongs to one process, so an in-process flag suffices and the pass does
 * not hold one of its few pooled connections for the lock.
 */
export function startScheduler(
  deps: Deps,
  slack: WebClient | TeamClients,
  options: { cron?: boolean; retentionDays?: number } = {},
): Scheduler {
  // A plain client is the single-workspace mode's one token, for every workspace.
  const clients = isTeamClients(slack) ? slack : oneClient(slack);
  let running: Promise<void> | null = null;
  const pass = async () => {
    const started = performance.now();
    const digests = await runDueDigests(deps, clients);
    const nudged = await runDueNudges(deps, clients);
    const personal = await runPersonalDigests(deps, clients);
    const nudges = nudged + personal;
    await purgeProcessedEvents(deps);
    await purgeUninstalled(deps, options.retentionDays ?? DEFAULT_RETENTION_DAYS);
    metrics.schedulerPasses.inc({ outcome: 'ran' });
    recordSchedulerTick(deps, 'ran');
    metrics.schedulerSeconds.observe((performance.now() - started) / 1000);
    for (const outcome of ['sent', 'skipped', 'failed'] as const)
      metrics.digests.inc({ kind: 'channel', outcome }, digests[outcome]);
    metrics.digests.inc({ kind: 'personal', outcome: 'sent' }, personal);
    if (digests.sent || digests.skipped || digests.failed || nudges) {
      deps.logger.info({ digests, nudges }, 'scheduler pass');
    }
  };
  const passUnderLock = async () => {
    try {
      if (deps.db.kind === 'embedded') {
        await pass();
        return;
      }
      await deps.db.withConnection(async (conn) => {
        const [row] = await conn.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
          SCHEDULER_LOCK_KEY,
        ]);
        if (!row?.locked) {
          metrics.schedulerPasses.inc({ outcome: 'skipped' });
          recordSchedulerTick(deps, 'skipped');
          return;
        }
        try {
          await pass();
        } finally {
          await conn.query('SELECT pg_advisory_unlock($1)', [SCHEDULER_LOCK_KEY]);
        }
      });
    } catch (error) {
      metrics.schedulerPasses.inc({ outcome: 'failed' });
      recordSchedulerTick(deps, 'failed');
      deps.logger.error({ err: error }, 'scheduler pass failed; the next minute retries');
    }
  };
  let stopped = false;
  const tick = async () => {
    if (stopped) return;
    if (running) {
      metrics.schedulerPasses.inc({ outcome: 'skipped' });
      return;
    }
    running = passUnderLock().finally(() => {
      running = null;
    });
    await running;
  };
  const task = options.cron === false ? null : schedule('* * * * *', () => void tick());
  return {
    tick,
    async stop() {
      stopped = true;
      task?.stop();
      await running;
    },
  };
}
