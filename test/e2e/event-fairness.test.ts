// A flood of events from one workspace must not hold up another workspace's claim: the event queue
// gives each workspace a lane and the lanes take turns. Measured in events handled, not in time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventQueueDepth } from '../../src/core/requests/event-queue.js';
import { BACKENDS } from '../support/databases.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';

const BUSY = 'TFLOOD001';
const QUIET = 'TQUIET001';
const CHANNEL = 'CFAIR0001';
const FLOOD = 40;
// One at a time makes the order strict; the bound below scales with it.
const CONCURRENCY = 1;
const messageTs = (team: string) => (team === BUSY ? '1700000000.000001' : '1700000000.000002');

async function seedTask(t: RunningTandem, teamId: string) {
  await t.db.prisma.workspace.create({ data: { teamId, nextInitiativeNumber: 2, nextTaskNumber: 2 } });
  const initiative = await t.db.prisma.initiative.create({
    data: { teamId, number: 1, title: 'Fair launch', leadDiscipline: 'pr', createdBy: 'USEED0001' },
  });
  await t.db.prisma.task.create({
    data: {
      teamId,
      number: 1,
      initiativeId: initiative.id,
      title: 'Fair task',
      messageChannel: CHANNEL,
      messageTs: messageTs(teamId),
      createdBy: 'USEED0001',
    },
  });
}

const claim = (user: string, teamId: string) => ({
  type: 'reaction_added',
  user,
  reaction: 'raising_hand',
  item: { type: 'message', channel: CHANNEL, ts: messageTs(teamId) },
  event_ts: '1.0',
});

describe.each(BACKENDS)('event queue fairness on %s', (backend) => {
  let t: RunningTandem;
  beforeAll(async () => {
    t = await startTandem(backend, { limits: { events: { concurrency: CONCURRENCY, maxWaiting: 1_000 } } });
    await seedTask(t, BUSY);
    await seedTask(t, QUIET);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('answers a claim in a quiet workspace within one turn of a flooding one', async () => {
    // Busy events handled so far: those neither waiting nor running. Private answers go out after
    // the handling, in a lane per workspace, so they are no measure of the queue's order.
    const busyHandled = () => {
      const depth = eventQueueDepth(t.deps);
      return FLOOD - depth.waiting - depth.running;
    };
    // Acked at once, handled later: all FLOOD are queued (or running) before the quiet claim comes.
    const flood = Array.from({ length: FLOOD }, (_, i) =>
      t.ackSender.event(claim(`UFLOOD${String(i).padStart(3, '0')}`, BUSY), {
        teamId: BUSY,
        eventId: `EvFLOOD${backend}${i}`,
      }),
    );
    expect((await Promise.all(flood)).map((r) => r.status)).toEqual(flood.map(() => 200));
    // The app runs in this process: checked every turn of the event loop, the moment the quiet
    // event joins the queue (a second lane with work waiting) is seen before anything else runs.
    let busyBefore = -1;
    const watch = () => {
      // Of those waiting, one is the quiet event itself.
      if (eventQueueDepth(t.deps).lanes >= 2) busyBefore = busyHandled() + 1;
      else setImmediate(watch);
    };
    setImmediate(watch);
    // The quiet claim would win, so while it is handled it asks Slack who is claiming: at that
    // moment it holds the one slot, and every busy event not yet handled is waiting.
    let busyAtQuiet = -1;
    const asked = t.slack
      .waitFor('users.info', (c) => c.args.user === 'UQUIET001', 10_000)
      .then(() => {
        busyAtQuiet = FLOOD - eventQueueDepth(t.deps).waiting;
      });
    const quiet = await t.ackSender.event(claim('UQUIET001', QUIET), {
      teamId: QUIET,
      eventId: `EvQUIET${backend}`,
    });
    expect(quiet.status).toBe(200);
    await asked;
    await t.settled();

    // The flood was far from done when the quiet claim came...
    expect(busyBefore).toBeLessThan(FLOOD - 2 * CONCURRENCY - 1);
    // ...yet only the busy events already running, and one turn of the busy lane, went before it.
    expect(busyBefore).toBeGreaterThanOrEqual(0);
    expect(busyAtQuiet - busyBefore).toBeLessThanOrEqual(CONCURRENCY + 1);
    expect(busyHandled()).toBe(FLOOD);
    const told = t.slack.callsTo('chat.postEphemeral').filter((c) => !c.fault);
    expect(told.filter((c) => c.args.user === 'UQUIET001')).toHaveLength(1);
    const owners = await t.db.prisma.task.findMany({ where: { teamId: { in: [BUSY, QUIET] } } });
    expect(owners.find((o) => o.teamId === QUIET)?.assigneeId).toBe('UQUIET001');
    expect(owners.find((o) => o.teamId === BUSY)?.assigneeId).toMatch(/^UFLOOD/);
  });
});
