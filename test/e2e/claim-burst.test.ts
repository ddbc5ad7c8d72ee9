// A claim race in one workspace under Slack's own tier limits: every task message ends showing
// its owner, the private notes stay few (one per person at most, none that only repeats what the
// message shows), and Slack is met with at most one 429 per method a minute, not a storm of them.
import { afterEach, describe, expect, it } from 'vitest';
import type { SlackCall } from '../harness/fake-slack.js';
import { BACKENDS } from '../support/databases.js';
import { reactionEvent } from '../support/reaction-event.js';
import { accepted, PRODUCTION_FAULTS, RATE_LIMITED, textOf } from '../support/slack-faults.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';

const TEAM = 'TBURST001';
const PAM = 'UPAM00001';
const CHANNEL = 'CBURST001';
const as = (userId: string) => ({ teamId: TEAM, userId, channelId: CHANNEL });
const people = (n: number, prefix = 'UCLAIM') =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);

let eventNo = 0;

/** Slack's refusals (429 or a queued fault) by method, per minute since `since`. */
function refusalsPerMinute(calls: SlackCall[], since: number): Record<string, number[]> {
  const perMinute: Record<string, number[]> = {};
  for (const call of calls.filter((c) => c.fault)) {
    const minute = Math.floor((call.at - since) / 60_000);
    const counts = perMinute[call.method] ?? [];
    counts[minute] = (counts[minute] ?? 0) + 1;
    perMinute[call.method] = counts;
  }
  return perMinute;
}

describe.each(BACKENDS)('a claim burst within Slack’s tiers on %s', (backend) => {
  let t: RunningTandem | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });

  /** Production's retries and one-second window; Slack's published tiers (the stand-in's default). */
  async function start(titles: string[]) {
    const tandem = await startTandem(backend, { ...PRODUCTION_FAULTS, outboundWindowMs: 1_000 });
    t = tandem;
    await tandem.command(
      '/initiative',
      `add "Burst" press_release <@${PAM}|pam> <#${CHANNEL}|burst>`,
      as(PAM),
    );
    const tasks: Array<{ id: string; number: number; ts: string }> = [];
    for (const title of titles) {
      await tandem.command('/task', `add 1 "${title}" social`, as(PAM));
      const row = await tandem.db.prisma.task.findFirstOrThrow({ where: { teamId: TEAM, title } });
      tasks.push({ id: row.id, number: row.number, ts: String(row.messageTs) });
    }
    tandem.slack.reset();
    return { tandem, tasks };
  }

  /** A ✋ answered at the ack, as Slack sees it: the work goes on after. */
  const claim = (tandem: RunningTandem, user: string, ts: string) =>
    tandem.ackSender.event(reactionEvent(user, { channel: CHANNEL, ts }), {
      teamId: TEAM,
      eventId: `EvBURST${String(++eventNo).padStart(6, '0')}`,
    });

  const lastShown = (tandem: RunningTandem, ts: string) =>
    textOf(accepted(tandem.slack.callsTo('chat.update').filter((c) => c.args.ts === ts)).at(-1));

  it('40 people ✋ all of 3 tasks at once: each message shows its one owner, few private notes, no 429 storm', async () => {
    const { tandem, tasks } = await start(['Burst one', 'Burst two', 'Burst three']);
    const crowd = people(40);
    const since = Date.now();
    // 120 claims: more than Slack's 100 private notes a minute if each were answered.
    const acks = await Promise.all(
      crowd.flatMap((user) => tasks.map((task) => claim(tandem, user, task.ts))),
    );
    expect(acks.every((a) => a.status === 200)).toBe(true);
    await tandem.settled();

    const owners = new Set<string>();
    for (const task of tasks) {
      const row = await tandem.db.prisma.task.findUniqueOrThrow({ where: { id: task.id } });
      expect(crowd).toContain(row.assigneeId);
      owners.add(String(row.assigneeId));
      const claims = await tandem.db.prisma.ownershipEvent.count({
        where: { taskId: task.id, change: 'claimed' },
      });
      expect(claims).toBe(1);
      // What every claimer sees on the message they reacted on: the owner, no Claim button.
      expect(lastShown(tandem, task.ts)).toContain(`owned by <@${row.assigneeId}>`);
      expect(lastShown(tandem, task.ts)).not.toContain('task_claim');
    }

    const notes = accepted(tandem.slack.callsTo('chat.postEphemeral'));
    const confirmations = notes.filter((n) => textOf(n).includes('You claimed'));
    // Each winner is told, once per task won.
    expect(confirmations).toHaveLength(tasks.length);
    expect(new Set(confirmations.map((n) => String(n.args.user)))).toEqual(owners);
    // Every other note is a lost claim, one per person at most however many tasks they lost.
    const lost = notes.filter((n) => !confirmations.includes(n));
    expect(new Set(lost.map((n) => n.args.user)).size).toBe(lost.length);
    for (const note of lost) expect(textOf(note)).toContain('already claimed by');
    expect(notes.length).toBeLessThanOrEqual(crowd.length + tasks.length);

    // Never more than one 429 for a method within a minute; and nothing given up on.
    for (const [method, minutes] of Object.entries(refusalsPerMinute(tandem.slack.calls, since)))
      for (const count of minutes) expect(count ?? 0, method).toBeLessThanOrEqual(1);
  });

  it('tells a loser who won while the message does not show it yet, and stays quiet once it does', async () => {
    const { tandem, tasks } = await start(['Stale message', 'Fresh message']);
    const [stale, fresh] = tasks;
    if (!stale || !fresh) throw new Error('no tasks');
    // Slack refuses the stale task's re-render: its message still invites a claim.
    tandem.slack.failNext('chat.update', { error: 'cant_update_message' });
    await tandem.sender.event(reactionEvent('UWINNER01', { channel: CHANNEL, ts: stale.ts }), {
      teamId: TEAM,
      eventId: `EvBURST${String(++eventNo).padStart(6, '0')}`,
    });
    await claim(tandem, 'ULATE0001', stale.ts);
    await tandem.settled();
    const toLate = () =>
      accepted(tandem.slack.callsTo('chat.postEphemeral')).filter((n) => n.args.user === 'ULATE0001');
    expect(toLate()).toHaveLength(1);
    expect(textOf(toLate()[0])).toContain('already claimed by <@UWINNER01>');

    // The fresh task's message shows its owner: a late ✋ there would only repeat it.
    await claim(tandem, 'UWINNER01', fresh.ts);
    await tandem.settled();
    expect(lastShown(tandem, fresh.ts)).toContain('owned by <@UWINNER01>');
    await claim(tandem, 'ULATE0001', fresh.ts);
    await tandem.settled();
    expect(toLate()).toHaveLength(1);
  });

  it('coalesces one person’s lost claims into one note while the lane waits out a 429', async () => {
    const { tandem, tasks } = await start(['Held one', 'Held two', 'Held three', 'Held four']);
    const [first, ...held] = tasks;
    if (!first) throw new Error('no tasks');
    // The three held tasks are claimed, but Slack refuses their re-renders: the messages lag.
    tandem.slack.failNext('chat.update', { error: 'cant_update_message' }, held.length);
    for (const task of held) await claim(tandem, 'UWINNER01', task.ts);
    await tandem.settled();
    // Someone's claim answer draws a 429 (one second): the workspace's private notes wait.
    tandem.slack.failNext('chat.postEphemeral', RATE_LIMITED);
    await claim(tandem, 'UOTHER001', first.ts);
    await tandem.slack.waitFor('chat.postEphemeral', (c) => c.fault === true);
    await Promise.all(held.map((task) => claim(tandem, 'ULOSER001', task.ts)));
    await tandem.settled();

    const notes = accepted(tandem.slack.callsTo('chat.postEphemeral')).filter(
      (n) => n.args.user === 'ULOSER001',
    );
    expect(notes).toHaveLength(1);
    for (const task of held) expect(textOf(notes[0])).toContain(`T${task.number}`);
    expect(tandem.slack.calls.filter((c) => c.fault && c.method === 'chat.postEphemeral')).toHaveLength(1);
  });
});
