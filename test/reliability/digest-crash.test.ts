// Crash mid-digest (issue 6): two scheduler replicas (child processes) share one PostgreSQL
// database; Slack is slow, so one replica is killed with SIGKILL while it is sending the day's
// digests to many workspaces. The other carries on, the killed one is restarted, time moves past
// the 5-minute takeover of a dead claim (src/features/digest/runs.ts), and every workspace must
// have had its digest. test/e2e/digest.test.ts fakes the dead claim with a row; here a real
// process dies with requests in flight.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../../scripts/lib/scratch-database.js';
import { type Database, openDatabase } from '../../src/db/database.js';
import { type FakeSlack, startFakeSlack } from '../harness/fake-slack.js';
import { accepted, BOT_TOKEN, type Child, spawnChild } from './support.js';

const WORKSPACES = 16;
const SLACK_LATENCY_MS = 1_000;
const teamOf = (n: number) => `TDIGCRASH${String(n).padStart(2, '0')}`;
const channelOf = (n: number) => `CDIGCRASH${String(n).padStart(2, '0')}`;

describe('a replica killed while sending digests', () => {
  let scratch: ScratchDatabase;
  let db: Database;
  let slack: FakeSlack;
  const children: Child[] = [];
  let victim: Child | undefined;
  /** Digests Slack had received, and days recorded as sent, when the replica was killed. */
  let atKill = { received: 0, sent: 0 };

  const replica = (name: string) => {
    const child = spawnChild('scheduler-replica.ts', [name], {
      DATABASE_URL: scratch.url,
      SLACK_API_URL: slack.apiUrl,
      SLACK_BOT_TOKEN: BOT_TOKEN,
    });
    children.push(child);
    return child;
  };
  const tick = async (child: Child, at: string) => {
    const seen = child.lines.filter((l) => l === `TICKED ${at}`).length;
    child.send(`TICK ${at}`);
    await child.waitForLine(() => child.lines.filter((l) => l === `TICKED ${at}`).length > seen, 60_000);
  };
  const digestsIn = (n: number) =>
    accepted(slack.callsTo('chat.postMessage')).filter((c) => c.args.channel === channelOf(n));

  beforeAll(async () => {
    scratch = await createScratchDatabase('tandem_digest_crash', { template: inject('postgresTemplate') });
    db = await openDatabase({ databaseUrl: scratch.url, dataDir: '', poolSize: 2 });
    await db.prisma.workspace.createMany({
      data: Array.from({ length: WORKSPACES }, (_, n) => ({
        teamId: teamOf(n),
        timezone: 'Europe/London',
        digestTime: '09:00',
        digestChannel: channelOf(n),
      })),
    });
    slack = await startFakeSlack({ token: BOT_TOKEN, latencyMs: { 'chat.postMessage': SLACK_LATENCY_MS } });

    const a = replica('a');
    const b = replica('b');
    await Promise.all([
      a.waitForLine((l) => l === 'READY', 60_000),
      b.waitForLine((l) => l === 'READY', 60_000),
    ]);

    // 09:00 in London: both replicas tick; one wins the scheduler lock and starts sending.
    const at = '2026-11-24T09:00:00.000Z';
    const ticks = [tick(a, at).catch(() => {}), tick(b, at).catch(() => {})];
    // Kill whichever is sending once it has a batch of posts in flight (Slack has them, the
    // replica has not heard back, so they are claimed but not marked sent).
    const firstBatch = 8; // DIGEST_CONCURRENCY
    while (slack.callsTo('chat.postMessage').length < firstBatch + 3)
      await new Promise((r) => setTimeout(r, 5));
    const sender = await db.withConnection(async (conn) => {
      const rows = await conn.query<{ pid: number }>(
        "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = 727368002 AND granted",
      );
      return rows[0]?.pid;
    });
    expect(sender, 'a replica holds the scheduler lock while sending').toBeDefined();
    // Both replicas are children; the one whose pass is still running is the sender. Kill the
    // one that has not answered its tick.
    const dying = [a, b].find((c) => !c.lines.includes(`TICKED ${at}`)) ?? a;
    victim = dying;
    const survivor = dying === a ? b : a;
    dying.process.kill('SIGKILL');
    await dying.exited;
    atKill = {
      received: slack.callsTo('chat.postMessage').length,
      sent: await db.prisma.digestRun.count({ where: { status: 'sent' } }),
    };
    await Promise.all(ticks);

    // The survivor ticks again in the same minute: it sends what nobody claimed, leaves the dead
    // replica's fresh claims alone. The killed replica is restarted meanwhile.
    const restarted = replica('a-restarted');
    await tick(survivor, '2026-11-24T09:00:30.000Z');
    await restarted.waitForLine((l) => l === 'READY', 60_000);
    for (const minute of ['09:01', '09:03', '09:06', '09:07']) {
      const instant = `2026-11-24T${minute}:00.000Z`;
      await Promise.all([tick(survivor, instant), tick(restarted, instant)]);
    }
  });

  afterAll(async () => {
    for (const child of children) child.process.kill('SIGKILL');
    await slack?.close();
    await db?.close();
    await scratch?.drop();
  });

  it('killed the sending replica with digests in flight and others not yet started', () => {
    expect(victim?.process.signalCode).toBe('SIGKILL');
    expect(atKill.received - atKill.sent, 'posts Slack had but the replica never recorded').toBeGreaterThan(
      0,
    );
    expect(atKill.received).toBeLessThan(WORKSPACES);
  });

  it('every workspace gets its digest, and every day is recorded as sent', async () => {
    const missing = Array.from({ length: WORKSPACES }, (_, n) => n).filter((n) => digestsIn(n).length === 0);
    expect(missing.map(teamOf)).toEqual([]);
    const runs = await db.prisma.digestRun.findMany({ where: { localDate: '2026-11-24' } });
    expect(runs).toHaveLength(WORKSPACES);
    expect(runs.every((r) => r.status === 'sent')).toBe(true);
  });

  // Found by this test: a taken-over claim now checks the channel before posting again.
  it('every workspace gets its digest exactly once', () => {
    const counts = Array.from({ length: WORKSPACES }, (_, n) => digestsIn(n).length);
    expect(counts).toEqual(Array.from({ length: WORKSPACES }, () => 1));
  });
});
