// Two Tandem replicas behind one load balancer: separate processes' worth of state (their own
// Bolt receivers, pools, settings caches and Slack clients) on one PostgreSQL database, with
// commands and reactions spread over both.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../../scripts/lib/scratch-database.js';
import { type Database, openDatabase } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import { type LocalTandem, startLocalTandem } from '../harness/local-tandem.js';
import { TestClock } from '../support/test-clock.js';

const TEAM = 'TREPLICA1';
const CHANNEL_A = 'CREPLICA1';
const CHANNEL_B = 'CREPLICA2';
const PAM = 'UPAM00001';
const CLAIMERS = Array.from({ length: 8 }, (_, i) => `UCLAIM${String(i).padStart(3, '0')}`);
const TASKS_PER_REPLICA = 4;

let scratch: ScratchDatabase;
const databases: Database[] = [];
let a: LocalTandem;
let b: LocalTandem;
let eventCounter = 0;

let triggerCounter = 0;
// Each replica has its own request sender, whose default trigger ids would repeat across the
// two; Slack's are unique, and Tandem rightly treats a repeated one as a replay.
const as = (userId: string, channelId = CHANNEL_A) => ({
  teamId: TEAM,
  userId,
  channelId,
  triggerId: `replica.${++triggerCounter}.trigger`,
});
const replyText = (calls: Array<{ method: string; args: Record<string, unknown> }>) =>
  JSON.stringify(calls.find((c) => c.method === 'response_url')?.args ?? {});

async function replica(): Promise<LocalTandem> {
  const db = await openDatabase({ databaseUrl: scratch.url, dataDir: '', poolSize: 5 });
  databases.push(db);
  return startLocalTandem({
    db,
    clock: new TestClock(),
    logger: createLogger('silent'),
    defaultTimezone: 'Europe/London',
  });
}

describe('two replicas on one PostgreSQL', () => {
  beforeAll(async () => {
    scratch = await createScratchDatabase('tandem_test', { template: inject('postgresTemplate') });
    a = await replica();
    b = await replica();
    await a.command('/tandem', `set pr-leads <@${PAM}|pam>`, as(PAM));
    await a.command('/initiative', `add "Launch A" campaign <#${CHANNEL_A}|a>`, as(PAM));
    await b.command('/initiative', `add "Launch B" campaign <#${CHANNEL_B}|b>`, as(PAM, CHANNEL_B));
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    for (const db of databases) await db.close();
    await scratch?.drop();
  });

  it('numbers tasks added through both at once without a gap or a duplicate', async () => {
    // Each replica posts in its own initiative's channel: the two Slack stand-ins count message
    // timestamps separately, and one channel would see the same timestamp twice.
    const results = await Promise.all(
      Array.from({ length: TASKS_PER_REPLICA }, (_, i) => [
        a.command('/task', `add 1 "A task ${i}"`, as(PAM)),
        b.command('/task', `add 2 "B task ${i}"`, as(PAM, CHANNEL_B)),
      ]).flat(),
    );
    expect(results.map(replyText).filter((r) => r.includes('Added *T')).length).toBe(2 * TASKS_PER_REPLICA);
    const tasks = await databases[0]?.prisma.task.findMany({
      where: { teamId: TEAM },
      orderBy: { number: 'asc' },
    });
    expect(tasks?.map((t) => t.number)).toEqual(
      Array.from({ length: 2 * TASKS_PER_REPLICA }, (_, i) => i + 1),
    );
    expect(tasks?.every((t) => t.messageTs !== null)).toBe(true);
  });

  it('gives each task to exactly one person when it is claimed through both at once', async () => {
    const prisma = databases[0]?.prisma;
    if (!prisma) throw new Error('no database');
    const tasks = await prisma.task.findMany({ where: { teamId: TEAM }, orderBy: { number: 'asc' } });
    await Promise.all(
      tasks.flatMap((task) =>
        CLAIMERS.map((user, i) =>
          // Half react on the message through one replica, half type /task claim through the other.
          i % 2 === 0
            ? a.sender.event(
                {
                  type: 'reaction_added',
                  user,
                  reaction: 'raising_hand',
                  item: { type: 'message', channel: task.messageChannel, ts: task.messageTs },
                  item_user: 'U_TANDEM_BOT',
                  event_ts: '1.0',
                },
                { teamId: TEAM, eventId: `EvReplica${++eventCounter}` },
              )
            : b.command('/task', `claim T${task.number}`, as(user, task.messageChannel ?? CHANNEL_A)),
        ),
      ),
    );
    const after = await prisma.task.findMany({ where: { teamId: TEAM }, orderBy: { number: 'asc' } });
    for (const task of after) {
      expect(CLAIMERS).toContain(task.assigneeId);
      const claims = await prisma.ownershipEvent.findMany({
        where: { teamId: TEAM, taskId: task.id, change: 'claimed' },
      });
      expect(claims.map((c) => c.toUserId)).toEqual([task.assigneeId]);
    }
  });

  it('shows a setting changed through one replica in the other within a second', async () => {
    // Past any entry the claims left in the other replica's cache, then warm it with the old value.
    await new Promise((r) => setTimeout(r, 1_100));
    expect(replyText(await b.command('/tandem', 'settings', as(PAM)))).toMatch(/09:00/);
    await a.command('/tandem', 'set digest-time 17:30', as(PAM));
    const changed = Date.now();
    let seenAfter: number | undefined;
    while (seenAfter === undefined && Date.now() - changed < 3_000) {
      const asked = Date.now();
      if (/17:30/.test(replyText(await b.command('/tandem', 'settings', as(PAM)))))
        seenAfter = asked - changed;
      else await new Promise((r) => setTimeout(r, 50));
    }
    expect(seenAfter).toBeDefined();
    // The first request sent a second after the change sees it (50 ms of polling and scheduling slack).
    expect(seenAfter).toBeLessThanOrEqual(1_100);
  });
});
