// How many SQL statements the hot paths send, counted at the driver, so that a change which adds
// round trips to a claim by reaction, `/initiative add` or `/task add` shows here.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishHome } from '../../src/core/home/publish.js';
import { BACKENDS } from '../support/databases.js';
import { reactionEvent } from '../support/reaction-event.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';

const TEAM = 'TSTMTS001';
const PAM = 'UPAM00001';
const SOL = 'USOL00001';
const CHANNEL = 'CSTMTS001';
const as = (userId: string) => ({ teamId: TEAM, userId, channelId: CHANNEL });

/** Every statement any pg client in this process sends while `fn` runs. */
async function statementsDuring(fn: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [first] = args;
    seen.push(typeof first === 'string' ? first : String((first as { text?: string })?.text ?? first));
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return seen;
}

describe.each(BACKENDS)('statements per hot path on %s', (backend) => {
  let t: RunningTandem;
  let events = 0;
  beforeAll(async () => {
    t = await startTandem(backend);
    await t.command('/initiative', `add "Warm-up" press_release <@${PAM}|pam> <#${CHANNEL}|launch>`, as(PAM));
    await t.command('/task', 'add 1 "Warm-up task" social', as(PAM));
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** Statements less re-reading the settings, which are cached for a second only. */
  const counted = (all: string[]) =>
    all.filter((sql) => !/^SELECT .* FROM "public"\."Workspace"/s.test(sql)).length;
  /** A request's own statements: without the App Home refresh that follows a change. */
  const ownStatements = (all: string[], home: number) => counted(all) - home;

  it('claims by reaction, adds initiatives and tasks in a handful of statements', async () => {
    const home = counted(await statementsDuring(() => publishHome(t.app.app.client, t.deps, TEAM, SOL)));
    // Whoever's home it is, it is read in the same few statements, plus one that finds no posts
    // this week (a workspace with some reads three more for them).
    expect(home).toBeGreaterThan(0);
    expect(home).toBeLessThanOrEqual(6);

    // The de-duplication record, and the whole add (number, row, history) as one statement.
    const add = await statementsDuring(() =>
      t.command('/initiative', `add "Counted" press_release <@${PAM}|pam> <#${CHANNEL}|launch>`, as(PAM)),
    );
    expect(ownStatements(add, home)).toBeLessThanOrEqual(2);
    const added = await t.db.prisma.initiative.findFirstOrThrow({
      where: { teamId: TEAM, title: 'Counted' },
    });
    expect(added.ownerId).toBe(PAM);
    expect(await t.db.prisma.ownershipEvent.count({ where: { initiativeId: added.id } })).toBe(1);

    // De-duplication, the initiative, the reserved number, the row: four, since the number must be
    // reserved (after the policy has seen the initiative) before the task message is posted.
    const task = await statementsDuring(() =>
      t.command('/task', `add ${added.number} "Counted task" social`, as(PAM)),
    );
    expect(counted(task)).toBeLessThanOrEqual(4);

    // De-duplication with the task behind the message (one statement), the claim with its history
    // and count; then the task read once more when its message is re-rendered, so that a burst
    // ends showing the truth.
    // What the claim no longer does is ask Slack who is claiming (below). Sol has never opened
    // Tandem's App Home, so one more statement finds that out and the home is not read at all.
    const row = await t.db.prisma.task.findFirstOrThrow({ where: { teamId: TEAM, title: 'Counted task' } });
    const claim = await statementsDuring(() =>
      t.sender.event(reactionEvent(SOL, { channel: CHANNEL, ts: String(row.messageTs) }), {
        teamId: TEAM,
        eventId: `EvSTMT${++events}`,
      }),
    );
    expect(counted(claim)).toBeLessThanOrEqual(4);
    expect((await t.db.prisma.task.findFirstOrThrow({ where: { id: row.id } })).assigneeId).toBe(SOL);
    const history = await t.db.prisma.ownershipEvent.findMany({ where: { taskId: row.id } });
    expect(history.map((e) => [e.change, e.toUserId, e.at.getTime()])).toEqual([
      ['claimed', SOL, t.clock.now().getTime()],
    ]);
  });

  const react = (user: string, reaction: string, ts: string) =>
    t.sender.event(reactionEvent(user, { channel: CHANNEL, ts }, { reaction }), {
      teamId: TEAM,
      eventId: `EvSTMT${++events}`,
    });
  const writes = (all: string[]) => all.filter((sql) => /^\s*(INSERT|UPDATE|DELETE|WITH)\b/i.test(sql));

  it('answers a claim on a taken task from the row alone, and an unrelated emoji with nothing', async () => {
    const row = await t.db.prisma.task.findFirstOrThrow({
      where: { teamId: TEAM, title: 'Warm-up task' },
    });
    await react(SOL, 'raising_hand', String(row.messageTs));
    expect((await t.db.prisma.task.findFirstOrThrow({ where: { id: row.id } })).assigneeId).toBe(SOL);

    // Someone else's ✋ after the claim: de-duplication and the task in one statement, no claim, and no
    // Slack call at all (who they are matters only to a claim that would win). The task message
    // they reacted on shows the owner already, so no private answer repeats it either.
    const callsBefore = t.slack.calls.length;
    const late = await statementsDuring(() => react('ULATE0001', 'raising_hand', String(row.messageTs)));
    expect(counted(late)).toBe(1);
    expect(t.slack.calls.slice(callsBefore).map((c) => c.method)).toEqual([]);

    // An emoji Tandem gives no meaning to: not even the de-duplication record.
    const party = await statementsDuring(() => react('ULATE0001', 'tada', String(row.messageTs)));
    expect(writes(party)).toEqual([]);
    expect(counted(party)).toBe(0);
    expect(
      await t.db.prisma.processedEvent.count({ where: { teamId: TEAM, eventId: `EvSTMT${events}` } }),
    ).toBe(0);
  });
});
