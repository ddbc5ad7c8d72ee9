import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackCall } from '../harness/fake-slack.js';
import { viewSubmission } from '../harness/slack-payloads.js';
import { BACKENDS } from '../support/databases.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';

const TEAM = 'TPERM0001';
const PAM = 'UPAM00001'; // PR lead, owns the initiatives
const SOL = 'USOL00001'; // social lead
const MAX = 'UMAX00001'; // member, in the private channel
const OUT = 'UOUT00001'; // member, not in the private channel
const GIA = 'UGIA00001'; // guest, in the private channel only
const EXT = 'UEXT00001'; // from another organisation, through Slack Connect
const PUBLIC = 'CPUBLIC01';
const PRIVATE = 'CPRIVATE1';
const HIDDEN = 'CHIDDEN01'; // private, and Tandem is not in it

const as = (userId: string, channelId = PUBLIC) => ({ teamId: TEAM, userId, channelId });
const mention = (id: string) => `<@${id}|${id.toLowerCase()}>`;
let eventCounter = 0;
const nextEventId = () => `EvPerm${String(++eventCounter).padStart(6, '0')}`;

function reply(calls: SlackCall[]) {
  const r = calls.find((c) => c.method === 'response_url');
  if (!r) throw new Error(`no reply among ${calls.map((c) => c.method).join(', ')}`);
  return { type: r.args.response_type, text: JSON.stringify(r.args.blocks ?? r.args.text) };
}

describe.each(BACKENDS)('who may do what, end to end on %s', (backend) => {
  let t: RunningTandem;
  const task = (number: number) =>
    t.db.prisma.task.findUniqueOrThrow({ where: { teamId_number: { teamId: TEAM, number } } });
  const history = () => t.db.prisma.ownershipEvent.count({ where: { teamId: TEAM } });
  const react = (user: string, reaction: string, channel: string, ts: string) =>
    t.sender.event(
      { type: 'reaction_added', user, reaction, item: { type: 'message', channel, ts }, event_ts: '1.0' },
      { teamId: TEAM, eventId: nextEventId() },
    );
  const noteTo = (user: string) =>
    JSON.stringify(
      t.slack
        .callsTo('chat.postEphemeral')
        .filter((c) => c.args.user === user)
        .at(-1)?.args.blocks,
    );

  async function addTask(initiative: number, title: string, channel: string) {
    t.slack.reset();
    await t.command('/task', `add ${initiative} "${title}" social`, as(PAM, channel));
    const row = await t.db.prisma.task.findFirstOrThrow({ where: { teamId: TEAM, title } });
    return { number: row.number, ts: String(row.messageTs) };
  }

  beforeAll(async () => {
    t = await startTandem(backend);
    for (const id of [PAM, SOL, MAX, OUT]) t.slack.setUser({ id, teamId: TEAM });
    t.slack.setUser({ id: GIA, teamId: TEAM, isGuest: true });
    t.slack.setUser({ id: EXT, teamId: 'TOTHERORG' });
    t.slack.setChannel({ id: PRIVATE, isPrivate: true, members: [PAM, MAX, GIA] });
    t.slack.setChannel({ id: HIDDEN, isPrivate: true, members: [], hidden: true });
    await t.command('/tandem', `set pr-leads ${mention(PAM)}`, as(PAM));
    await t.command('/tandem', `set social-leads ${mention(SOL)}`, as(PAM));
    await t.command('/initiative', `add "Q4 launch" press_release ${mention(PAM)}`, as(PAM));
    await t.command('/initiative', `add "Secret merger" crisis ${mention(PAM)}`, as(PAM, PRIVATE));
    await t.command('/initiative', `add "Board change" crisis ${mention(PAM)} <#${HIDDEN}|board>`, as(PAM));
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('lets a member neither take nor close work someone else owns; its owners and leads still can', async () => {
    const { number, ts } = await addTask(1, 'Draft posts', PUBLIC);
    await react(SOL, 'raising_hand', PUBLIC, ts);
    const before = await history();
    const take = reply(await t.command('/task', `assign T${number} ${mention(MAX)}`, as(MAX)));
    expect(take.type).toBe('ephemeral');
    expect(take.text).toContain(
      `Only <@${SOL}> (the owner), <@${PAM}> (the initiative’s owner), a social lead or a Tandem admin can assign T${number}.`,
    );
    expect(reply(await t.command('/task', `done T${number}`, as(MAX))).text).toContain('can mark');
    expect(reply(await t.command('/task', `release T${number}`, as(MAX))).text).toContain('can release');
    expect(await task(number)).toMatchObject({ assigneeId: SOL, status: 'open' });
    expect(await history()).toBe(before);

    // 🔁 from someone who may not hand it off: told privately, no picker by DM.
    t.slack.reset();
    await react(MAX, 'repeat', PUBLIC, ts);
    expect(noteTo(MAX)).toContain(`Only <@${SOL}> (the owner)`);
    expect(t.slack.callsTo('chat.postMessage').some((c) => c.args.channel === `D${MAX}`)).toBe(false);
    await react(SOL, 'repeat', PUBLIC, ts);
    await t.slack.waitFor('chat.postMessage', (c) => c.args.channel === `D${SOL}`);

    await t.command('/task', `release T${number}`, as(SOL));
    expect((await task(number)).assigneeId).toBeNull();
    await t.command('/task', `assign T${number} ${mention(MAX)}`, as(SOL)); // the social lead
    expect((await task(number)).assigneeId).toBe(MAX);
    await t.command('/task', `done T${number}`, as(PAM)); // the initiative's owner
    expect(await task(number)).toMatchObject({ status: 'done', doneBy: PAM });
  });

  it('lets a guest act only in their channel, and never on workspace-wide lists or settings', async () => {
    const outside = await addTask(1, 'Press kit', PUBLIC);
    const elsewhere = reply(await t.command('/task', `claim T${outside.number}`, as(GIA, PRIVATE)));
    expect(elsewhere.text).toContain('That is in a channel you are not in');
    expect((await task(outside.number)).assigneeId).toBeNull();
    const { number, ts } = await addTask(2, 'Holding statement', PRIVATE);
    await react(GIA, 'raising_hand', PRIVATE, ts);
    expect((await task(number)).assigneeId).toBe(GIA);
    expect(reply(await t.command('/task', 'list', as(GIA, PRIVATE))).text).toContain(
      'Guests and people from other organisations cannot list the workspace’s tasks',
    );
    const settings = reply(await t.command('/tandem', 'set workload 3', as(GIA, PRIVATE)));
    expect(settings.text).toContain('Guests and people from other organisations cannot change');
    expect(
      (await t.db.prisma.workspace.findUniqueOrThrow({ where: { teamId: TEAM } })).workloadThreshold,
    ).toBe(5);
  });

  it('treats someone from another organisation like a guest: a claim where they are, no lists', async () => {
    const { number, ts } = await addTask(1, 'Partner post', PUBLIC);
    await react(EXT, 'raising_hand', PUBLIC, ts);
    expect((await task(number)).assigneeId).toBe(EXT);
    const list = reply(await t.command('/initiative', 'list all', as(EXT)));
    expect(list.text).toContain('Guests and people from other organisations cannot list');
    expect(list.text).not.toContain('Q4 launch');
  });

  it('shows private-channel work only to that channel’s members', async () => {
    const outsider = reply(await t.command('/initiative', 'list all', as(OUT)));
    expect(outsider.text).toContain('Q4 launch');
    expect(outsider.text).not.toContain('Secret merger');
    const insider = reply(await t.command('/initiative', 'list all', as(MAX)));
    expect(insider.text).toContain('Secret merger');

    expect(reply(await t.command('/initiative', 'show 2', as(OUT))).text).toContain(
      'private channel you are not in',
    );
    expect(reply(await t.command('/initiative', 'show 2', as(MAX))).text).toContain('Secret merger');
    expect(reply(await t.command('/tandem', 'who-owns 2', as(OUT))).text).not.toContain('Secret merger');
    expect(reply(await t.command('/tandem', 'who-owns secret merger', as(OUT))).text).toContain(
      'No initiative in this workspace',
    );
    const tasks = reply(await t.command('/task', 'list all', as(OUT)));
    expect(tasks.text).toContain('Draft posts');
    expect(tasks.text).not.toContain('Holding statement');
    const secret = await t.db.prisma.task.findFirstOrThrow({
      where: { teamId: TEAM, title: 'Holding statement' },
    });
    const askOut = reply(await t.command('/tandem', `who-owns T${secret.number}`, as(OUT)));
    expect(askOut.text).not.toContain('Holding statement');
    expect(askOut.text).toContain('private channel you are not in');
    const askIn = reply(await t.command('/tandem', `who-owns T${secret.number}`, as(MAX)));
    expect(askIn.text).toContain('Holding statement');
    expect(askIn.text).toContain('Ownership history');
  });

  it('keeps trends spotted in a private channel to its members, and lets only their reporter or a lead expire them', async () => {
    await t.command('/trend', 'add "#LaunchDay" keywords: launch', as(MAX));
    await t.command('/trend', 'add "#MergerRumour" keywords: merger', as(MAX, PRIVATE));
    const outsider = reply(await t.command('/trend', 'list all', as(OUT)));
    expect(outsider.text).toContain('LaunchDay');
    expect(outsider.text).not.toContain('MergerRumour');
    expect(reply(await t.command('/trend', 'list all', as(GIA, PRIVATE))).text).toContain('cannot list');
    expect(reply(await t.command('/trend', 'list all', as(PAM))).text).toContain('MergerRumour');

    const launch = await t.db.prisma.trend.findFirstOrThrow({ where: { teamId: TEAM, label: '#LaunchDay' } });
    const refused = reply(await t.command('/trend', `expire TR${launch.number}`, as(OUT)));
    expect(refused.text).toContain(
      `Only <@${MAX}> (the owner), a lead or a Tandem admin can expire TR${launch.number}.`,
    );
    expect((await t.db.prisma.trend.findUniqueOrThrow({ where: { id: launch.id } })).status).toBe('active');
    await t.command('/trend', `expire TR${launch.number}`, as(MAX));
    expect((await t.db.prisma.trend.findUniqueOrThrow({ where: { id: launch.id } })).status).toBe('expired');
  });

  it('drafts from the form only into a channel the person may post work in', async () => {
    const release =
      'Acme opens its first solar-powered plant in Leeds today, creating 120 local jobs and powering 40,000 homes with clean energy.';
    const values = {
      release: { release: { type: 'plain_text_input', value: release } },
      networks: { networks: { type: 'multi_static_select', selected_options: [{ value: 'x' }] } },
      tone: { tone: { type: 'static_select', selected_option: { value: 'neutral' } } },
    };
    const submit = (userId: string) =>
      t.sender.interaction(
        viewSubmission({
          teamId: TEAM,
          userId,
          callbackId: 'draft_modal',
          values,
          privateMetadata: JSON.stringify({ channelId: PRIVATE }),
        }),
      );
    const releases = () => t.db.prisma.pressRelease.count({ where: { teamId: TEAM } });
    const before = await releases();
    const refused = await submit(OUT);
    expect(JSON.parse(refused.body)).toMatchObject({
      response_action: 'errors',
      errors: { networks: 'You cannot draft social posts in that channel.' },
    });
    expect(await releases()).toBe(before);
    const allowed = await submit(MAX);
    expect(allowed.body).toBe('');
    expect(await releases()).toBe(before + 1);
  });

  it('keeps a channel Tandem cannot read private to those who answer for its work', async () => {
    expect(reply(await t.command('/initiative', 'show 3', as(OUT))).text).toContain(
      'private channel you are not in',
    );
    expect(reply(await t.command('/initiative', 'show 3', as(SOL))).text).toContain('Board change');
  });

  it('answers @Tandem who owns in the thread only with what everyone there may see', async () => {
    const ask = async (user: string, question: string, ts: string) => {
      t.slack.reset();
      await t.sender.event(
        { type: 'app_mention', user, text: `<@U_TANDEM_BOT> ${question}`, ts, channel: PUBLIC, event_ts: ts },
        { teamId: TEAM, eventId: nextEventId() },
      );
    };
    await ask(MAX, 'who owns 1', '1700000300.000001');
    const inThread = t.slack
      .callsTo('chat.postMessage')
      .find((c) => c.args.thread_ts === '1700000300.000001');
    expect(JSON.stringify(inThread?.args.blocks)).toContain('Q4 launch');

    await ask(MAX, 'who owns 2', '1700000300.000002');
    expect(t.slack.callsTo('chat.postMessage')).toEqual([]);
    expect(noteTo(MAX)).toContain('Secret merger');

    await ask(OUT, 'who owns 2', '1700000300.000003');
    expect(t.slack.callsTo('chat.postMessage')).toEqual([]);
    expect(noteTo(OUT)).not.toContain('Secret merger');
  });
});
