// The message budget: a channel sees one message per thing that happened, changes update the
// message they are about, and what concerns one person reaches them privately. Each action below
// is counted at the Slack stand-in: new top-level channel messages, thread replies, updates in
// place, and private answers (ephemeral or DM).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackCall } from '../harness/fake-slack.js';
import { blockAction } from '../harness/slack-payloads.js';
import { BACKENDS } from '../support/databases.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';

const TEAM = 'TBUDGET01';
const ANA = 'UANA00001'; // admin
const BEN = 'UBEN00001';
const CAM = 'UCAM00001';
const CHANNEL = 'CBUDGET01';
const as = (userId: string) => ({ teamId: TEAM, userId, channelId: CHANNEL });

interface Spent {
  channelPosts: SlackCall[];
  threadReplies: SlackCall[];
  updates: SlackCall[];
  privately: SlackCall[];
  publicReplies: SlackCall[];
}

function spent(calls: SlackCall[]): Spent {
  const ok = calls.filter((c) => !c.fault);
  const posts = ok.filter((c) => c.method === 'chat.postMessage');
  const isDm = (c: SlackCall) => /^[DU]/.test(String(c.args.channel));
  return {
    channelPosts: posts.filter((c) => !isDm(c) && c.args.thread_ts === undefined),
    threadReplies: posts.filter((c) => !isDm(c) && c.args.thread_ts !== undefined),
    updates: ok.filter((c) => c.method === 'chat.update'),
    privately: [
      ...posts.filter(isDm),
      ...ok.filter((c) => c.method === 'chat.postEphemeral'),
      ...ok.filter((c) => c.method === 'response_url' && c.args.response_type !== 'in_channel'),
    ],
    publicReplies: ok.filter((c) => c.method === 'response_url' && c.args.response_type === 'in_channel'),
  };
}

describe.each(BACKENDS)('the message budget on %s', (backend) => {
  let t: RunningTandem;
  let eventNo = 0;
  const react = (user: string, reaction: string, ts: string, type = 'reaction_added') =>
    t.sender.event(
      {
        type,
        user,
        reaction,
        item: { type: 'message', channel: CHANNEL, ts },
        item_user: 'U_TANDEM_BOT',
        event_ts: '1.0',
      },
      { teamId: TEAM, eventId: `EvBUDGET${++eventNo}` },
    );
  async function counted(action: () => Promise<unknown>): Promise<Spent> {
    t.slack.reset();
    await action();
    return spent(t.slack.calls);
  }

  beforeAll(async () => {
    t = await startTandem(backend);
    t.slack.setUser({ id: ANA, teamId: TEAM, isAdmin: true });
    for (const id of [BEN, CAM]) t.slack.setUser({ id, teamId: TEAM });
    await t.command(
      '/initiative',
      `add "Spring launch" press_release <@${ANA}|ana> <#${CHANNEL}|launch>`,
      as(ANA),
    );
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('a settings change: one short public line; the full settings only privately', async () => {
    const set = await counted(() =>
      t.command('/tandem', `set pr-leads <@${ANA}|ana> <@${BEN}|ben>`, as(ANA)),
    );
    expect(set.publicReplies).toHaveLength(1);
    expect(String(set.publicReplies[0]?.args.text).length).toBeLessThanOrEqual(120);
    expect(set.channelPosts).toEqual([]);
    const shown = await counted(() => t.command('/tandem', 'settings', as(ANA)));
    expect(shown.publicReplies).toEqual([]);
    expect(shown.privately).toHaveLength(1);
  });

  it('a task: one channel message when added; claim, release and done update it in place', async () => {
    const added = await counted(() => t.command('/task', 'add 1 "Brief the agency"', as(ANA)));
    expect(added.channelPosts).toHaveLength(1);
    const ts = String(added.channelPosts[0]?.args.ts ?? '');
    const message = await t.db.prisma.task.findFirstOrThrow({
      where: { teamId: TEAM, title: 'Brief the agency' },
    });
    expect(message.messageTs).not.toBeNull();
    const taskTs = message.messageTs ?? ts;

    for (const [who, reaction, type] of [
      [BEN, 'raising_hand', 'reaction_added'],
      [BEN, 'raising_hand', 'reaction_removed'],
      [CAM, 'raising_hand', 'reaction_added'],
      [CAM, 'white_check_mark', 'reaction_added'],
    ] as const) {
      const step = await counted(() => react(who, reaction, taskTs, type));
      expect(step.channelPosts, `${type} ${reaction}: no new channel message`).toEqual([]);
      expect(step.threadReplies, `${type} ${reaction}: no thread chatter`).toEqual([]);
      expect(
        step.updates.filter((u) => u.args.ts === taskTs).length,
        `${type} ${reaction}: updated in place`,
      ).toBeGreaterThan(0);
      expect(step.privately.length, `${type} ${reaction}: at most one private word`).toBeLessThanOrEqual(1);
    }
    expect((await t.db.prisma.task.findUniqueOrThrow({ where: { id: message.id } })).status).toBe('done');
  });

  it('a trend by 📈: one thread reply, nothing new in the channel', async () => {
    t.slack.setMessage({
      channel: CHANNEL,
      ts: '1700000900.000100',
      user: CAM,
      text: 'Spring launch buzz #SpringLaunch',
    });
    const trend = await counted(() => react(BEN, 'chart_with_upwards_trend', '1700000900.000100'));
    expect(trend.threadReplies).toHaveLength(1);
    expect(trend.channelPosts).toEqual([]);
  });

  it('a /draft: one channel message; claiming and approving on it update it in place', async () => {
    const release =
      'Acme opens solar plant in Leeds. Acme today opened its first solar-powered plant in Leeds, creating 120 jobs and cutting emissions by 40%.';
    const drafted = await counted(() => t.command('/draft', release, as(ANA)));
    expect(drafted.channelPosts).toHaveLength(1);
    expect(drafted.threadReplies).toEqual([]);
    const card = await t.db.prisma.pressRelease.findFirstOrThrow({ where: { teamId: TEAM } });
    const line = await t.db.prisma.task.findFirstOrThrow({ where: { releaseId: card.id, network: 'x' } });
    const x = await t.db.prisma.socialDraft.findFirstOrThrow({ where: { releaseId: card.id, network: 'x' } });
    for (const [who, actionId, value] of [
      [CAM, 'task_claim', String(line.number)],
      [BEN, 'draft_approve', x.id],
    ] as const) {
      const step = await counted(() =>
        t.sender.interaction(
          blockAction({
            teamId: TEAM,
            userId: who,
            responseUrl: t.slack.responseUrl(),
            channelId: CHANNEL,
            action: { type: 'button', action_id: actionId, block_id: 'draft:x', value },
          }),
        ),
      );
      expect(step.channelPosts, `${actionId}: no new channel message`).toEqual([]);
      expect(step.threadReplies, `${actionId}: no thread chatter`).toEqual([]);
      expect(step.updates.filter((u) => u.args.ts === card.messageTs).length).toBeGreaterThan(0);
      // The claimant's confirmation; on approval, the claimant's one DM.
      expect(step.privately.length, `${actionId}: at most one private word`).toBeLessThanOrEqual(1);
    }
  });
});
