import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTaskByMessage } from '../../src/core/stores/tasks.js';
import type { SlackCall } from '../harness/fake-slack.js';
import { blockAction } from '../harness/slack-payloads.js';
import { BACKENDS } from '../support/databases.js';
import { reactionEvent } from '../support/reaction-event.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';

const TEAM = 'TTASKS001';
const OTHER_TEAM = 'TOTHER001';
const PAM = 'UPAM00001'; // PR lead, owns the initiative
const SOL = 'USOL00001'; // social manager
const MAX = 'UMAX00001';
const CHANNEL = 'CLAUNCH01';
const as = (userId: string, teamId = TEAM) => ({ teamId, userId, channelId: CHANNEL });
const mention = (id: string) => `<@${id}|${id.toLowerCase()}>`;

let eventCounter = 0;
const nextEventId = () => `Ev${String(++eventCounter).padStart(8, '0')}`;

function reply(calls: SlackCall[]) {
  const r = calls.find((c) => c.method === 'response_url');
  if (!r) throw new Error(`no reply among ${calls.map((c) => c.method).join(', ')}`);
  return { type: r.args.response_type, text: JSON.stringify(r.args.blocks ?? r.args.text) };
}

describe.each(BACKENDS)('tasks and reactions on %s', (backend) => {
  let t: RunningTandem;

  const react = (
    type: 'reaction_added' | 'reaction_removed',
    user: string,
    reaction: string,
    ts: string,
    teamId = TEAM,
    eventId = nextEventId(),
  ) => t.sender.event(reactionEvent(user, { channel: CHANNEL, ts }, { type, reaction }), { teamId, eventId });

  const task = (number: number) =>
    t.db.prisma.task.findUniqueOrThrow({ where: { teamId_number: { teamId: TEAM, number } } });
  const eventsOf = async (number: number) =>
    t.db.prisma.ownershipEvent.findMany({
      where: { taskId: (await task(number)).id },
      orderBy: { id: 'asc' },
    });

  async function addTask(title: string, extra = ''): Promise<{ number: number; ts: string }> {
    t.slack.reset();
    await t.command('/task', `add 1 "${title}" ${extra}`, as(PAM));
    const post = t.slack
      .callsTo('chat.postMessage')
      .find((c) => JSON.stringify(c.args.blocks).includes(title));
    if (!post) throw new Error('task message not posted');
    const row = await t.db.prisma.task.findFirstOrThrow({ where: { teamId: TEAM, title } });
    return { number: row.number, ts: String(row.messageTs) };
  }

  beforeAll(async () => {
    t = await startTandem(backend);
    await t.command(
      '/initiative',
      `add "Q4 launch" press_release ${mention(PAM)} <#${CHANNEL}|launch>`,
      as(PAM),
    );
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('posts a task message in the initiative’s channel with a Claim button and records it', async () => {
    t.slack.reset();
    const calls = await t.command('/task', 'add #1 "Draft social posts" social due 2026-12-01', as(PAM));
    const post = calls.find((c) => c.method === 'chat.postMessage');
    expect(post?.args.channel).toBe(CHANNEL);
    const blocks = JSON.stringify(post?.args.blocks);
    expect(blocks).toContain('T1');
    expect(blocks).toContain('task_claim');
    expect(blocks).toContain('React :raising_hand: to claim');
    expect(blocks).not.toContain('when done');
    const row = await task(1);
    expect(row).toMatchObject({
      title: 'Draft social posts',
      discipline: 'social',
      assigneeId: null,
      messageChannel: CHANNEL,
      status: 'open',
    });
    expect(row.messageTs).toMatch(/^\d+\.\d+$/);
    expect(reply(calls).type).toBe('ephemeral');
  });

  it('finds the task behind a message, with its initiative, exactly as the row and its relation read', async () => {
    const row = await task(1);
    const viaPrisma = await t.db.prisma.task.findUniqueOrThrow({
      where: { id: row.id },
      include: { initiative: true },
    });
    expect(await findTaskByMessage(t.deps, TEAM, CHANNEL, String(row.messageTs))).toEqual(viaPrisma);
    expect(await findTaskByMessage(t.deps, OTHER_TEAM, CHANNEL, String(row.messageTs))).toBeNull();
    expect(await findTaskByMessage(t.deps, TEAM, CHANNEL, '1.000001')).toBeNull();
  });

  it('writes nothing when Slack will not let Tandem post in the channel, and says how to fix it', async () => {
    const before = await t.db.prisma.task.count();
    t.slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    const r = reply(await t.command('/task', 'add 1 "Pitch to media" pr', as(PAM)));
    expect(r.type).toBe('ephemeral');
    expect(r.text).toContain('/invite @Tandem');
    expect(await t.db.prisma.task.count()).toBe(before);
  });

  it('lets exactly one of 50 simultaneous ✋ reactions claim the task', async () => {
    const { number, ts } = await addTask('Schedule posts');
    const users = Array.from({ length: 50 }, (_, i) => `URACE${String(i).padStart(4, '0')}`);
    t.slack.reset();
    const results = await Promise.all(users.map((u) => react('reaction_added', u, 'raising_hand', ts)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const row = await task(number);
    expect(users).toContain(row.assigneeId);
    const claims = (await eventsOf(number)).filter((e) => e.change === 'claimed');
    expect(claims).toHaveLength(1);
    expect(claims[0]?.toUserId).toBe(row.assigneeId);
    const notes = t.slack.callsTo('chat.postEphemeral');
    const claimed = notes.filter((n) => JSON.stringify(n.args.blocks).includes('You claimed'));
    expect(claimed.map((n) => n.args.user)).toEqual([row.assigneeId]);
    // A loser hears who won unless the message they reacted on already showed it when their
    // note's turn came; then it would repeat the message. Either way at most one note each.
    const lost = notes.filter((n) => n !== claimed[0]);
    expect(lost.length).toBeLessThanOrEqual(49);
    expect(new Set(lost.map((n) => n.args.user)).size).toBe(lost.length);
    for (const note of lost)
      expect(JSON.stringify(note.args.blocks)).toContain(`already claimed by <@${row.assigneeId}>`);
    const shown = t.slack.callsTo('chat.update').filter((c) => c.args.ts === ts && !c.fault);
    expect(JSON.stringify(shown.at(-1)?.args.blocks)).toContain(`<@${row.assigneeId}>`);
  });

  it('claims with a skin-toned ✋, confirms privately, updates the message and the claimant’s App Home', async () => {
    const { number, ts } = await addTask('Approve final copy');
    await t.openHome(SOL, TEAM);
    t.slack.reset();
    await react('reaction_added', SOL, 'raising_hand::skin-tone-3', ts);
    expect((await task(number)).assigneeId).toBe(SOL);
    const update = t.slack.callsTo('chat.update').find((c) => c.args.ts === ts);
    expect(JSON.stringify(update?.args.blocks)).toContain(`<@${SOL}>`);
    expect(JSON.stringify(update?.args.blocks)).not.toContain('task_claim');
    // The legend now speaks to the owner, and no longer invites a claim.
    expect(JSON.stringify(update?.args.blocks)).toContain(`For <@${SOL}>: :white_check_mark: when done`);
    expect(JSON.stringify(update?.args.blocks)).not.toContain('to claim');
    expect(t.slack.callsTo('views.publish').map((c) => c.args.user_id)).toContain(SOL);
  });

  it('releases when the owner takes the ✋ back, and ignores anyone else doing so', async () => {
    const { number, ts } = await addTask('Monitor mentions');
    await react('reaction_added', MAX, 'raising_hand', ts);
    await react('reaction_removed', SOL, 'raising_hand', ts);
    expect((await task(number)).assigneeId).toBe(MAX);
    await react('reaction_removed', MAX, 'raising_hand', ts);
    expect((await task(number)).assigneeId).toBeNull();
    expect((await eventsOf(number)).map((e) => e.change)).toEqual(['claimed', 'released']);
  });

  it('lets only the owner or the initiative’s owner mark it done with ✅', async () => {
    const { number, ts } = await addTask('Report results');
    await react('reaction_added', SOL, 'raising_hand', ts);
    t.slack.reset();
    await react('reaction_added', MAX, 'white_check_mark', ts);
    expect((await task(number)).status).toBe('open');
    const note = t.slack.callsTo('chat.postEphemeral').find((c) => c.args.user === MAX);
    expect(JSON.stringify(note?.args.blocks)).toContain('Only');
    await react('reaction_added', PAM, 'white_check_mark', ts); // the initiative's owner
    const done = await task(number);
    expect(done).toMatchObject({ status: 'done', doneBy: PAM });
  });

  it('hands off through the DM picker after 🔁 by the owner', async () => {
    const { number, ts } = await addTask('Brief influencer');
    await react('reaction_added', SOL, 'raising_hand', ts);
    t.slack.reset();
    await react('reaction_added', SOL, 'repeat', ts);
    const dm = await t.slack.waitFor('chat.postMessage', (c) => c.args.channel === `D${SOL}`);
    expect(JSON.stringify(dm.args.blocks)).toContain('users_select');
    const res = await t.sender.interaction(
      blockAction({
        teamId: TEAM,
        userId: SOL,
        responseUrl: t.slack.responseUrl('handoff'),
        channelId: `D${SOL}`,
        action: {
          type: 'users_select',
          action_id: 'task_handoff_pick',
          block_id: `task_handoff:${number}`,
          selected_user: MAX,
        },
      }),
    );
    expect(res.status).toBe(200);
    expect((await task(number)).assigneeId).toBe(MAX);
    expect((await eventsOf(number)).map((e) => [e.change, e.fromUserId, e.toUserId])).toEqual([
      ['claimed', null, SOL],
      ['handoff', SOL, MAX],
    ]);
    expect(t.slack.callsTo('chat.postMessage').some((c) => c.args.channel === `D${MAX}`)).toBe(true);
  });

  it('marks 🚧 blocked, asks in the thread, and takes the blocker’s reply as the reason', async () => {
    const { number, ts } = await addTask('Holding statement');
    await react('reaction_added', SOL, 'raising_hand', ts);
    t.slack.reset();
    // Someone who neither owns nor leads it cannot block it: told privately, nothing changes.
    await react('reaction_added', MAX, 'construction', ts);
    expect((await task(number)).status).toBe('open');
    const refusal = t.slack.callsTo('chat.postEphemeral').find((c) => c.args.user === MAX);
    expect(JSON.stringify(refusal?.args.blocks)).toContain(`Only <@${SOL}> (the owner)`);
    expect(t.slack.callsTo('chat.postMessage').some((c) => c.args.thread_ts === ts)).toBe(false);
    await react('reaction_added', SOL, 'construction', ts);
    expect((await task(number)).status).toBe('blocked');
    const question = t.slack.callsTo('chat.postMessage').find((c) => c.args.thread_ts === ts);
    expect(JSON.stringify(question?.args.blocks)).toContain('What is blocking it?');
    const replyIn = (user: string, text: string, msgTs: string) =>
      t.sender.event(
        { type: 'message', user, text, ts: msgTs, thread_ts: ts, channel: CHANNEL, channel_type: 'channel' },
        { teamId: TEAM, eventId: nextEventId() },
      );
    await replyIn(MAX, 'not me', '1700000100.000001');
    expect((await task(number)).blockedReason).toBeNull();
    await replyIn(SOL, 'Waiting for legal sign-off', '1700000100.000002');
    expect((await task(number)).blockedReason).toBe('Waiting for legal sign-off');
  });

  it('snoozes nudges for a day with 💤', async () => {
    const { number, ts } = await addTask('Track participation');
    t.clock.set('2026-11-21T10:00:00Z');
    await react('reaction_added', SOL, 'raising_hand', ts);
    await react('reaction_added', MAX, 'zzz', ts);
    expect((await task(number)).snoozedUntil).toBeNull();
    await react('reaction_added', SOL, 'zzz', ts);
    expect((await task(number)).snoozedUntil?.toISOString()).toBe('2026-11-22T10:00:00.000Z');
  });

  it('ignores reactions on other messages, from other workspaces, and repeated deliveries', async () => {
    const { number, ts } = await addTask('Share guidance');
    const events = await t.db.prisma.ownershipEvent.count();
    await react('reaction_added', SOL, 'raising_hand', '1699999999.999999');
    await react('reaction_added', SOL, 'raising_hand', ts, OTHER_TEAM);
    expect(await t.db.prisma.ownershipEvent.count()).toBe(events);
    expect((await task(number)).assigneeId).toBeNull();

    const eventId = nextEventId();
    await react('reaction_added', SOL, 'raising_hand', ts, TEAM, eventId);
    await react('reaction_removed', SOL, 'raising_hand', ts, TEAM, nextEventId());
    // Slack's retry of the first claim must not claim again after the release.
    await react('reaction_added', SOL, 'raising_hand', ts, TEAM, eventId);
    expect((await task(number)).assigneeId).toBeNull();
    expect((await eventsOf(number)).map((e) => e.change)).toEqual(['claimed', 'released']);
  });

  it('keeps the database right when chat.update fails, and repairs the message on the next change', async () => {
    const { number, ts } = await addTask('Employee toolkit');
    t.slack.reset();
    t.slack.failNext('chat.update', { status: 500 });
    await react('reaction_added', SOL, 'raising_hand', ts);
    expect((await task(number)).assigneeId).toBe(SOL);
    await react('reaction_added', SOL, 'zzz', ts);
    await t.command('/task', `done T${number}`, as(SOL));
    const updates = t.slack.callsTo('chat.update').filter((c) => c.args.ts === ts && !c.fault);
    expect(JSON.stringify(updates.at(-1)?.args.blocks)).toContain('done');
  });

  it('claims with the Claim button and answers a late click privately', async () => {
    const { number } = await addTask('Pitch to media');
    const click = (user: string) =>
      t.sender.interaction(
        blockAction({
          teamId: TEAM,
          userId: user,
          responseUrl: t.slack.responseUrl(`claim-${user}`),
          channelId: CHANNEL,
          action: {
            type: 'button',
            action_id: 'task_claim',
            block_id: `task:${number}`,
            value: String(number),
          },
        }),
      );
    t.slack.reset();
    await click(MAX);
    await click(SOL);
    expect((await task(number)).assigneeId).toBe(MAX);
    const answers = t.slack
      .callsTo('response_url')
      .map((c) => [c.args.responseUrlId, JSON.stringify(c.args.blocks)]);
    expect(answers.find(([id]) => id === `claim-${SOL}`)?.[1]).toContain('already claimed by');
  });

  it('warns at claim time once someone owns many open tasks', async () => {
    await t.command('/tandem', 'set workload 2', as(PAM));
    const a = await addTask('Workload one');
    const b = await addTask('Workload two');
    await react('reaction_added', 'UBUSY0001', 'raising_hand', a.ts);
    t.slack.reset();
    await react('reaction_added', 'UBUSY0001', 'raising_hand', b.ts);
    const note = t.slack.callsTo('chat.postEphemeral').find((c) => c.args.user === 'UBUSY0001');
    expect(JSON.stringify(note?.args.blocks)).toContain('you now own 2 open tasks');
    // They never opened Tandem's App Home: there is no view to bring up to date.
    expect(t.slack.callsTo('views.publish').map((c) => c.args.user_id)).not.toContain('UBUSY0001');
    const home = await t.openHome('UBUSY0001', TEAM);
    expect(JSON.stringify(home.args.view)).toContain('Workload two');
    await t.command('/task', `release ${b.number}`, as('UBUSY0001'));
    expect(t.slack.callsTo('views.publish').filter((c) => c.args.user_id === 'UBUSY0001')).toHaveLength(2);
  });

  it('publishes an App Home with my tasks first by due date and unclaimed work to claim', async () => {
    t.slack.reset();
    await t.sender.event(
      { type: 'app_home_opened', user: SOL, channel: `D${SOL}`, tab: 'home', event_ts: '1.0' },
      { teamId: TEAM, eventId: nextEventId() },
    );
    const home = await t.slack.waitFor('views.publish', (c) => c.args.user_id === SOL);
    const blocks = JSON.stringify((home.args.view as { blocks: unknown }).blocks);
    expect(blocks).toContain('Your open tasks');
    expect(blocks).toContain('Approve final copy');
    expect(blocks).not.toContain('Employee toolkit'); // done: off the list
    expect(blocks).toContain('Unclaimed tasks');
    expect(blocks).toContain('task_claim');
  });

  it('lists tasks with filters', async () => {
    const unclaimed = reply(await t.command('/task', 'list unclaimed', as(SOL)));
    expect(unclaimed.text).toContain('Share guidance');
    expect(unclaimed.text).not.toContain('Approve final copy');
    const mine = reply(await t.command('/task', 'list mine', as(SOL)));
    expect(mine.text).toContain('Approve final copy');
    expect(mine.text).not.toContain('Share guidance');
  });

  it('answers task commands about another workspace’s tasks with not found', async () => {
    const r = reply(await t.command('/task', 'done T1', as(SOL, OTHER_TEAM)));
    expect(r.type).toBe('ephemeral');
    expect(r.text).toContain('There is no task T1');
  });

  it('turns the kind’s checklist into claimable task messages with --with-checklist', async () => {
    t.slack.reset();
    const calls = await t.command(
      '/initiative',
      `add "Spring launch" press_release due 2026-12-10 <#${CHANNEL}|launch> --with-checklist`,
      as(PAM),
    );
    const initiative = await t.db.prisma.initiative.findFirstOrThrow({
      where: { teamId: TEAM, title: 'Spring launch' },
    });
    const tasks = await t.db.prisma.task.findMany({
      where: { initiativeId: initiative.id },
      orderBy: { number: 'asc' },
    });
    expect(tasks.map((x) => [x.title, x.discipline])).toEqual([
      ['Approve final copy', 'pr'],
      ['Draft social posts', 'social'],
      ['Schedule posts', 'social'],
      ['Pitch to media', 'pr'],
    ]);
    expect(tasks.every((x) => x.messageChannel === CHANNEL && x.messageTs)).toBe(true);
    expect(tasks.every((x) => x.dueDate && x.dueDate <= new Date('2026-12-10'))).toBe(true);
    expect(calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === CHANNEL)).toHaveLength(
      4,
    );
    expect(reply(calls).text).toContain(`T${tasks[0]?.number}`);
  });

  it('keeps the initiative and says what to do when the checklist cannot be posted', async () => {
    t.slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    const calls = await t.command(
      '/initiative',
      `add "Quiet launch" press_release <#CNOTIN001|secret> --with-checklist`,
      as(PAM),
    );
    const initiative = await t.db.prisma.initiative.findFirstOrThrow({
      where: { teamId: TEAM, title: 'Quiet launch' },
    });
    expect(await t.db.prisma.task.count({ where: { initiativeId: initiative.id } })).toBe(0);
    const r = reply(calls);
    expect(r.type).toBe('in_channel');
    expect(r.text).toContain('/invite @Tandem');
  });

  it('lets anyone set their own discipline, which orders their App Home', async () => {
    await t.openHome(MAX, TEAM);
    t.slack.reset();
    const r = reply(await t.command('/tandem', 'set my-discipline social', as(MAX)));
    expect(r.type).toBe('ephemeral');
    expect(
      await t.db.prisma.member.findUnique({ where: { teamId_userId: { teamId: TEAM, userId: MAX } } }),
    ).toMatchObject({ discipline: 'social' });
    const home = await t.slack.waitFor('views.publish', (c) => c.args.user_id === MAX);
    expect(JSON.stringify(home.args.view)).toContain('Unclaimed tasks for Social');
  });

  it('uses the workspace’s own claim emoji, and refuses one emoji for two reactions', async () => {
    await t.command('/tandem', 'set claim-emoji :hand:', as(PAM));
    expect((await t.db.prisma.workspace.findUniqueOrThrow({ where: { teamId: TEAM } })).claimEmoji).toBe(
      'hand',
    );
    const clash = reply(await t.command('/tandem', 'set done-emoji :hand:', as(PAM)));
    expect(clash.type).toBe('ephemeral');
    expect(clash.text).toContain('cannot mean two things');
    const { number, ts } = await addTask('Custom emoji task');
    await react('reaction_added', SOL, 'raising_hand', ts);
    expect((await task(number)).assigneeId).toBeNull();
    await react('reaction_added', SOL, 'hand', ts);
    expect((await task(number)).assigneeId).toBe(SOL);
    await t.command('/tandem', 'set claim-emoji raising_hand', as(PAM));
  });

  it('ignores reactions by bots', async () => {
    t.slack.setUser({ id: 'BOTUSER01', teamId: TEAM, isBot: true });
    const { number, ts } = await addTask('Bot bait');
    await react('reaction_added', 'BOTUSER01', 'raising_hand', ts);
    expect((await task(number)).assigneeId).toBeNull();
    expect(await t.db.prisma.ownershipEvent.count({ where: { taskId: (await task(number)).id } })).toBe(0);
  });
});
