// Claiming work from another discipline succeeds, and the one private confirmation says so
// gently; it adds no message of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackCall } from '../harness/fake-slack.js';
import { blockAction } from '../harness/slack-payloads.js';
import { BACKENDS } from '../support/databases.js';
import { reactionEvent } from '../support/reaction-event.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';

const TEAM = 'TCROSS001';
const ANA = 'UANA00001'; // admin, PR lead
const MIA = 'UMIA00001'; // marketing
const SAL = 'USAL00001'; // social
const LEO = 'ULEO00001'; // social lead who set marketing for himself
const NED = 'UNED00001'; // no discipline
const CHANNEL = 'CCROSS001';
const as = (userId: string) => ({ teamId: TEAM, userId, channelId: CHANNEL });
const HINT = 'This is a Social task — claimed anyway; the social leads will see it in the digest.';

/** Every post, update and private answer Slack saw, successful ones only. */
function tally(calls: SlackCall[]) {
  const ok = calls.filter((c) => !c.fault);
  const privateText = (c: SlackCall) => JSON.stringify(c.args.blocks ?? c.args.text);
  const privately = ok.filter(
    (c) =>
      c.method === 'chat.postEphemeral' ||
      (c.method === 'response_url' && c.args.response_type !== 'in_channel') ||
      (c.method === 'chat.postMessage' && /^[DU]/.test(String(c.args.channel))),
  );
  return {
    posts: ok.filter((c) => c.method === 'chat.postMessage' && !/^[DU]/.test(String(c.args.channel))),
    privately: privately.map(privateText),
  };
}

describe.each(BACKENDS)('cross-discipline claims on %s', (backend) => {
  let t: RunningTandem;
  let eventNo = 0;
  const react = (user: string, ts: string) =>
    t.sender.event(reactionEvent(user, { channel: CHANNEL, ts }), {
      teamId: TEAM,
      eventId: `EvCROSS${++eventNo}`,
    });
  const press = (user: string, number: number) =>
    t.sender.interaction(
      blockAction({
        teamId: TEAM,
        userId: user,
        responseUrl: t.slack.responseUrl(`claim-${user}-${number}`),
        channelId: CHANNEL,
        action: {
          type: 'button',
          action_id: 'task_claim',
          block_id: `task:${number}`,
          value: String(number),
        },
      }),
    );
  async function addTask(title: string, discipline: string) {
    await t.command('/task', `add 1 "${title}" ${discipline}`, as(ANA));
    const row = await t.db.prisma.task.findFirstOrThrow({ where: { teamId: TEAM, title } });
    return { number: row.number, ts: String(row.messageTs) };
  }
  async function counted(action: () => Promise<unknown>) {
    t.slack.reset();
    await action();
    return tally(t.slack.calls);
  }

  beforeAll(async () => {
    t = await startTandem(backend);
    t.slack.setUser({ id: ANA, teamId: TEAM, isAdmin: true });
    for (const id of [MIA, SAL, LEO, NED]) t.slack.setUser({ id, teamId: TEAM });
    await t.command(
      '/initiative',
      `add "Spring launch" press_release <@${ANA}|ana> <#${CHANNEL}|launch>`,
      as(ANA),
    );
    await t.command('/tandem', `set social-leads <@${LEO}|leo>`, as(ANA));
    await t.command('/tandem', 'set my-discipline marketing', as(MIA));
    await t.command('/tandem', 'set my-discipline social', as(SAL));
    await t.command('/tandem', 'set my-discipline marketing', as(LEO));
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('a marketing member claims a social task by ✋: it is theirs, with the hint in the one private word', async () => {
    const { number, ts } = await addTask('Schedule the launch posts', 'social');
    const spent = await counted(() => react(MIA, ts));
    const row = await t.db.prisma.task.findUniqueOrThrow({
      where: { teamId_number: { teamId: TEAM, number } },
    });
    expect(row.assigneeId).toBe(MIA);
    expect(spent.posts).toEqual([]);
    expect(spent.privately).toHaveLength(1);
    expect(spent.privately[0]).toContain(HINT);
  });

  it('the same hint comes with the Claim button', async () => {
    const { number } = await addTask('Reply to launch comments', 'social');
    const spent = await counted(() => press(MIA, number));
    expect(spent.posts).toEqual([]);
    expect(spent.privately).toHaveLength(1);
    expect(spent.privately[0]).toContain('You claimed');
    expect(spent.privately[0]).toContain(HINT);
  });

  it('a social member, a social lead, and someone with no discipline hear no hint', async () => {
    for (const [who, title] of [
      [SAL, 'Draft the launch thread'],
      [LEO, 'Pick the launch hashtag'],
      [NED, 'Find launch images'],
    ] as const) {
      const { ts } = await addTask(title, 'social');
      const spent = await counted(() => react(who, ts));
      expect(spent.posts).toEqual([]);
      expect(spent.privately, who).toHaveLength(1);
      expect(spent.privately[0], who).toContain('You claimed');
      expect(spent.privately[0], who).not.toContain('claimed anyway');
    }
  });

  it('joint work (no discipline) carries no hint for anyone', async () => {
    const { number } = await addTask('Agree the launch date', '');
    const spent = await counted(() => press(MIA, number));
    expect(spent.privately).toHaveLength(1);
    expect(spent.privately[0]).not.toContain('claimed anyway');
  });

  it('a claim that loses the race carries no hint', async () => {
    const { number, ts } = await addTask('Book the launch influencer', 'social');
    await react(SAL, ts);
    const spent = await counted(() => press(MIA, number));
    expect(spent.privately).toHaveLength(1);
    expect(spent.privately[0]).toContain('already claimed');
    expect(spent.privately[0]).not.toContain('claimed anyway');
  });
});
