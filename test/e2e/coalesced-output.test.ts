// A burst of claims and releases in one workspace: the claimers are answered at once, each task
// message and App Home catches up with a few re-renders instead of one per change, the last one
// shows what the database says, and Slack's rate limits are met with a pause, not a 429 storm.
import { afterEach, describe, expect, it } from 'vitest';
import { registry } from '../../src/runtime/metrics.js';
import { shutDown } from '../../src/runtime/shutdown.js';
import type { SlackCall } from '../harness/fake-slack.js';
import { BACKENDS } from '../support/databases.js';
import { parsePrometheus, sampleValue } from '../support/prometheus.js';
import { reactionEvent } from '../support/reaction-event.js';
import { accepted, PRODUCTION_FAULTS, RATE_LIMITED, sleep, textOf } from '../support/slack-faults.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';

const TEAM = 'TCOALESC1';
const PAM = 'UPAM00001';
const SOL = 'USOL00001';
const CHANNEL = 'CCOALESC1';
const as = (userId: string) => ({ teamId: TEAM, userId, channelId: CHANNEL });
const people = (n: number) => Array.from({ length: n }, (_, i) => `UBURST${String(i).padStart(3, '0')}`);

let eventNo = 0;
const metric = async (name: string, kind: string) =>
  sampleValue(parsePrometheus(await registry.metrics()), name, { kind });
/** Production's window: one call per message and per home a second. */
const WINDOW_MS = 1_000;

describe.each(BACKENDS)('coalesced task messages and App Homes on %s', (backend) => {
  let t: RunningTandem | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });

  async function start(options: Parameters<typeof startTandem>[1] = {}): Promise<RunningTandem> {
    const tandem = await startTandem(backend, options);
    t = tandem;
    await tandem.command(
      '/initiative',
      `add "Burst launch" press_release <@${PAM}|pam> <#${CHANNEL}|launch>`,
      as(PAM),
    );
    return tandem;
  }

  async function addTasks(tandem: RunningTandem, titles: string[]) {
    const tasks: Array<{ id: string; ts: string; title: string }> = [];
    for (const title of titles) {
      await tandem.command('/task', `add 1 "${title}" social`, as(PAM));
      const row = await tandem.db.prisma.task.findFirstOrThrow({ where: { teamId: TEAM, title } });
      tasks.push({ id: row.id, ts: String(row.messageTs), title });
    }
    tandem.slack.reset();
    return tasks;
  }

  /** Answered at the ack, as Slack sees it: the work goes on after. */
  const react = (
    tandem: RunningTandem,
    type: 'reaction_added' | 'reaction_removed',
    user: string,
    ts: string,
  ) =>
    tandem.ackSender.event(reactionEvent(user, { channel: CHANNEL, ts }, { type }), {
      teamId: TEAM,
      eventId: `EvCOAL${String(++eventNo).padStart(6, '0')}`,
    });

  /** Waits, without waiting for Slack, until the database shows the task's owner as `owner`. */
  async function ownerBecomes(tandem: RunningTandem, taskId: string, owner: string | null) {
    const until = Date.now() + 5_000;
    while (Date.now() < until) {
      const row = await tandem.db.prisma.task.findUniqueOrThrow({ where: { id: taskId } });
      if (row.assigneeId === owner) return;
      await sleep(5);
    }
    throw new Error(`task ${taskId} never became owned by ${owner}`);
  }

  /**
   * Claims by ✋ and releases by taking it back, each change as soon as the last one is saved and
   * without waiting for Slack to be told: the message and homes fall behind, as in a real burst.
   */
  async function toggle(tandem: RunningTandem, users: string[], task: { id: string; ts: string }) {
    for (const [i, user] of users.entries()) {
      expect((await react(tandem, 'reaction_added', user, task.ts)).status).toBe(200);
      await ownerBecomes(tandem, task.id, user);
      if (i === users.length - 1) break;
      expect((await react(tandem, 'reaction_removed', user, task.ts)).status).toBe(200);
      await ownerBecomes(tandem, task.id, null);
    }
  }

  const updatesOf = (tandem: RunningTandem, ts: string) =>
    tandem.slack.callsTo('chat.update').filter((c) => c.args.ts === ts);

  /** The last accepted render of the message shows the owner the database has, or invites a claim. */
  async function expectTruth(tandem: RunningTandem, task: { id: string; ts: string }) {
    const row = await tandem.db.prisma.task.findUniqueOrThrow({ where: { id: task.id } });
    const last = textOf(accepted(updatesOf(tandem, task.ts)).at(-1));
    if (row.assigneeId) {
      expect(last).toContain(`<@${row.assigneeId}>`);
      expect(last).not.toContain('task_claim');
    } else {
      expect(last).toContain('task_claim');
    }
    return row;
  }

  const changesOf = async (tandem: RunningTandem, taskId: string) =>
    tandem.db.prisma.ownershipEvent.count({ where: { taskId } });

  const faultsByMethod = (calls: SlackCall[]) => {
    const counts: Record<string, number> = {};
    for (const c of calls.filter((call) => call.fault)) counts[c.method] = (counts[c.method] ?? 0) + 1;
    return counts;
  };

  it('30 claims and releases of one task: a few updates, the last one true, claimers answered privately', async () => {
    const tandem = await start({ outboundWindowMs: WINDOW_MS });
    const [task] = await addTasks(tandem, ['Burst task']);
    if (!task) throw new Error('no task');
    const users = people(15);
    const skippedBefore = await metric('tandem_outbound_coalesced_total', 'task_message');
    await toggle(tandem, users, task);
    await tandem.settled();

    const changes = await changesOf(tandem, task.id);
    const row = await expectTruth(tandem, task);
    const updates = updatesOf(tandem, task.ts);
    expect(changes).toBe(29);
    expect(row.assigneeId).toBe(users.at(-1));
    expect(updates.length).toBeLessThanOrEqual(changes / 3);
    // Every change asked for a render once: those not sent were counted as coalesced.
    const skipped = (await metric('tandem_outbound_coalesced_total', 'task_message')) - skippedBefore;
    expect(skipped).toBe(changes - updates.length);
    expect(await metric('tandem_outbound_pending', 'task_message')).toBe(0);
    expect(await metric('tandem_outbound_pending', 'app_home')).toBe(0);
    // One call per message per window. The window spaces the calls' starts; each render's own
    // database read moves its arrival by some milliseconds, more on a busy machine.
    const gaps = updates.slice(1).map((c, i) => c.at - (updates[i]?.at ?? 0));
    expect(gaps.every((gap) => gap >= WINDOW_MS / 2)).toBe(true);
    // Everyone heard about their own reaction, privately.
    const told = new Set(tandem.slack.callsTo('chat.postEphemeral').map((c) => c.args.user));
    for (const user of users) expect(told).toContain(user);
    // Each person's home: at most one publish per change that touched them.
    for (const user of users) {
      const homes = tandem.slack.callsTo('views.publish').filter((c) => c.args.user_id === user);
      expect(homes.length).toBeLessThanOrEqual(2);
    }
  });

  it('thirty reactions at once from fifteen people: one owner at most, and the message shows it', async () => {
    const tandem = await start({ outboundWindowMs: WINDOW_MS });
    const [task] = await addTasks(tandem, ['Race task']);
    if (!task) throw new Error('no task');
    const users = people(15);
    const answers = await Promise.all(
      users.flatMap((user) => [
        react(tandem, 'reaction_added', user, task.ts),
        react(tandem, 'reaction_removed', user, task.ts),
      ]),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    await tandem.settled();

    const row = await expectTruth(tandem, task);
    const history = await tandem.db.prisma.ownershipEvent.findMany({
      where: { taskId: task.id },
      orderBy: { id: 'asc' },
    });
    // Claims and releases alternate, so there is never a second owner.
    expect(history.map((e) => e.change)).toEqual(
      history.map((_, i) => (i % 2 === 0 ? 'claimed' : 'released')),
    );
    expect(row.assigneeId).toBe(history.length % 2 === 1 ? history.at(-1)?.toUserId : null);
    expect(updatesOf(tandem, task.ts).length).toBeLessThanOrEqual(history.length);
  });

  it('one person’s burst over five tasks: their App Home is published a few times and ends true', async () => {
    const tandem = await start({ outboundWindowMs: WINDOW_MS });
    const tasks = await addTasks(tandem, ['Home one', 'Home two', 'Home three', 'Home four', 'Home five']);
    await tandem.openHome(SOL, TEAM);
    tandem.slack.reset();
    // Five tasks at once, each claimed, released and claimed again by the same person.
    await Promise.all(tasks.map((task) => toggle(tandem, [SOL, SOL, SOL], task)));
    await tandem.settled();

    let changes = 0;
    for (const task of tasks) changes += await changesOf(tandem, task.id);
    const homes = accepted(tandem.slack.callsTo('views.publish')).filter((c) => c.args.user_id === SOL);
    expect(changes).toBe(25);
    expect(homes.length).toBeLessThanOrEqual(changes / 3);
    const home = JSON.stringify(homes.at(-1)?.args.view);
    const mine = home.slice(home.indexOf('Your open tasks'), home.indexOf('Unclaimed tasks'));
    for (const task of tasks) {
      const row = await expectTruth(tandem, task);
      if (row.assigneeId === SOL) expect(mine).toContain(task.title);
      else expect(mine).not.toContain(task.title);
    }
  });

  it('chat.update held to 5 a minute: a burst fits by coalescing, and nothing is dropped', async () => {
    const tandem = await start({
      ...PRODUCTION_FAULTS,
      outboundWindowMs: WINDOW_MS,
      slack: {
        rateLimit: {
          because: 'thirty changes to one message must cost a handful of chat.update calls, not thirty',
          perMinute: { 'chat.update': 5 },
        },
      },
    });
    const [task] = await addTasks(tandem, ['Tier task']);
    if (!task) throw new Error('no task');
    await toggle(tandem, people(15), task);
    await tandem.settled();

    expect(await changesOf(tandem, task.id)).toBe(29);
    await expectTruth(tandem, task);
    const faults = faultsByMethod(tandem.slack.calls);
    for (const count of Object.values(faults)) expect(count).toBeLessThanOrEqual(1);
    expect(accepted(updatesOf(tandem, task.ts)).length).toBeLessThanOrEqual(5);
  });

  it('a 429 pauses chat.update for the workspace until Retry-After, then paces it until every message catches up', async () => {
    const tandem = await start(PRODUCTION_FAULTS);
    const tasks = await addTasks(tandem, ['Paused one', 'Paused two', 'Paused three']);
    tandem.slack.failNext('chat.update', RATE_LIMITED);
    const sent = tasks.flatMap((task, i) => [
      react(tandem, 'reaction_added', people(3)[i] as string, task.ts),
      react(tandem, 'reaction_added', SOL, task.ts),
    ]);
    await Promise.all(sent);
    await tandem.settled();

    const updates = tandem.slack.callsTo('chat.update');
    const refused = updates.filter((c) => c.fault);
    expect(refused).toHaveLength(1);
    const pausedAt = refused[0]?.at ?? 0;
    const after = updates.filter((c) => c.at > pausedAt);
    expect(after[0]?.at ?? 0).toBeGreaterThanOrEqual(pausedAt + 900);
    // Then at chat.update's tier (50 a minute: one per 1.2 s), less each render's own jitter.
    const gaps = after.slice(1).map((c, i) => c.at - (after[i]?.at ?? 0));
    expect(gaps.every((gap) => gap >= 1_000)).toBe(true);
    for (const task of tasks) expect((await expectTruth(tandem, task)).assigneeId).not.toBeNull();
  });

  it('a re-render still owed at shutdown is delivered before the app stops', async () => {
    const tandem = await start({ outboundWindowMs: WINDOW_MS });
    const [task] = await addTasks(tandem, ['Owed at shutdown']);
    if (!task) throw new Error('no task');
    // The claim's update goes out at once; the release, inside the window, is owed for later.
    await toggle(tandem, [SOL, PAM], task);
    expect((await react(tandem, 'reaction_removed', PAM, task.ts)).status).toBe(200);
    await ownerBecomes(tandem, task.id, null);
    expect(tandem.app.lifecycle.inFlight).toBeGreaterThan(0);

    const result = await shutDown({
      lifecycle: tandem.app.lifecycle,
      app: tandem.app,
      db: { close: async () => {} },
      logger: tandem.deps.logger,
      timeoutMs: 10_000,
    });
    expect(result.drained).toBe(true);
    await expectTruth(tandem, task);
    expect(textOf(accepted(updatesOf(tandem, task.ts)).at(-1))).toContain('task_claim');
    await tandem.slack.close();
    await tandem.db.destroy();
    t = undefined;
  });
});
