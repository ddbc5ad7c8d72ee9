// Replays: a signed command or interaction delivered twice within the signature window is acked
// both times and carried out once; events are recorded only when some feature acts on them.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDEMPOTENT_EVENTS, RECORDED_EVENTS } from '../../src/core/requests/dedupe-events.js';
import { blockAction, viewSubmission } from '../harness/slack-payloads.js';
import { APP_ID, slashCommandBody } from '../harness/slack-sender.js';
import { BACKENDS } from '../support/databases.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';

const TEAM = 'TREPLAY01';
const PAM = 'UREPLAY01';
const SOL = 'UREPLAY02';
const CHANNEL = 'CREPLAY01';
const FORM = 'application/x-www-form-urlencoded';
const RELEASE =
  'Acme opens solar plant in Leeds\n\nLEEDS — Acme today opened its first solar-powered plant in Leeds, creating 120 jobs and cutting the site’s emissions by 40%. The £12 million plant will make 2,000 heat pumps a month.';

describe.each(BACKENDS)('replays on %s', (backend) => {
  let t: RunningTandem;
  const releases = () => t.db.prisma.pressRelease.count({ where: { teamId: TEAM } });
  const replayRecords = () =>
    t.db.prisma.processedEvent.count({ where: { teamId: TEAM, eventId: { startsWith: 'replay:' } } });

  /** Sends exactly the same signed bytes twice (same body, timestamp and signature). */
  const twice = async (body: string) => {
    const timestamp = Math.floor(Date.now() / 1000);
    const first = await t.sender.raw(body, { 'content-type': FORM }, { timestamp });
    const callsAfterFirst = t.slack.calls.length;
    const second = await t.sender.raw(body, { 'content-type': FORM }, { timestamp });
    return { statuses: [first.status, second.status], secondCalls: t.slack.calls.slice(callsAfterFirst) };
  };
  const interaction = (payload: Record<string, unknown>) =>
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

  beforeAll(async () => {
    t = await startTandem(backend);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('carries out a replayed slash command once, and acks both', async () => {
    const body = slashCommandBody('/initiative', 'add "Replayed launch" press_release', {
      teamId: TEAM,
      userId: PAM,
      channelId: CHANNEL,
      responseUrl: t.slack.responseUrl('replayed-command'),
      triggerId: 'trig.replay.command',
    });
    const { statuses, secondCalls } = await twice(body);
    expect(statuses).toEqual([200, 200]);
    expect(secondCalls).toEqual([]);
    expect(await t.db.prisma.initiative.count({ where: { teamId: TEAM, title: 'Replayed launch' } })).toBe(1);
    expect(
      t.slack.callsTo('response_url').filter((c) => c.args.responseUrlId === 'replayed-command'),
    ).toHaveLength(1);
    expect(t.logs.some((l) => l.includes('replayed request acknowledged and not carried out'))).toBe(true);
  });

  it('carries out the same command text again under a new trigger id (a new command, not a replay)', async () => {
    await t.command('/initiative', 'add "Replayed launch" press_release', {
      teamId: TEAM,
      userId: PAM,
      channelId: CHANNEL,
    });
    expect(await t.db.prisma.initiative.count({ where: { teamId: TEAM, title: 'Replayed launch' } })).toBe(2);
  });

  it('stores a replayed "Draft social posts" shortcut once', async () => {
    const before = await releases();
    const opensBefore = t.slack.callsTo('views.open').length;
    const { statuses, secondCalls } = await twice(
      interaction({
        type: 'message_action',
        callback_id: 'draft_social_posts',
        team: { id: TEAM, domain: 'replay' },
        user: { id: SOL, team_id: TEAM },
        channel: { id: CHANNEL, name: 'launch' },
        api_app_id: APP_ID,
        token: 'legacy',
        trigger_id: 'trig.replay.shortcut',
        response_url: t.slack.responseUrl(),
        message_ts: '1700000000.000100',
        message: { type: 'message', user: PAM, ts: '1700000000.000100', text: RELEASE },
      }),
    );
    expect(statuses).toEqual([200, 200]);
    expect(secondCalls).toEqual([]);
    expect(await releases()).toBe(before + 1);
    expect(t.slack.callsTo('views.open')).toHaveLength(opensBefore + 1);
  });

  it('stores a replayed draft form submission once', async () => {
    const before = await releases();
    const { statuses } = await twice(
      interaction(
        viewSubmission({
          teamId: TEAM,
          userId: SOL,
          callbackId: 'draft_modal',
          privateMetadata: JSON.stringify({ channelId: CHANNEL }),
          triggerId: 'trig.replay.view',
          values: {
            release: { release: { type: 'plain_text_input', value: RELEASE } },
            networks: {
              networks: { type: 'multi_static_select', selected_options: [{ value: 'x' }] },
            },
          },
        }),
      ),
    );
    expect(statuses).toEqual([200, 200]);
    expect(await releases()).toBe(before + 1);
  });

  it('ignores a replayed button press entirely: no second version, not even an "already" reply', async () => {
    await t.command('/draft', RELEASE, { teamId: TEAM, userId: PAM, channelId: CHANNEL });
    const release = await t.db.prisma.pressRelease.findFirstOrThrow({
      where: { teamId: TEAM, createdBy: PAM },
      orderBy: { number: 'desc' },
    });
    const draft = await t.db.prisma.socialDraft.findFirstOrThrow({
      where: { releaseId: release.id, network: 'x' },
    });
    const press = (actionTs?: string, draftId = draft.id) =>
      blockAction({
        teamId: TEAM,
        userId: PAM,
        responseUrl: t.slack.responseUrl(),
        channelId: CHANNEL,
        action: { type: 'button', action_id: 'draft_regenerate', block_id: 'draft:x', value: draftId },
        triggerId: 'trig.replay.button',
        ...(actionTs ? { actionTs } : {}),
      });
    const versions = () => t.db.prisma.socialDraft.count({ where: { releaseId: release.id, network: 'x' } });
    const { statuses, secondCalls } = await twice(interaction(press('1700000100.000001')));
    expect(statuses).toEqual([200, 200]);
    // Without the replay check the second press would be told "someone made a newer version".
    expect(secondCalls).toEqual([]);
    expect(await versions()).toBe(2);
    // The same person pressing again is a new action (its own action_ts), carried out.
    const current = await t.db.prisma.socialDraft.findFirstOrThrow({
      where: { releaseId: release.id, network: 'x' },
      orderBy: { version: 'desc' },
    });
    const again = await t.sender.interaction(press(undefined, current.id));
    expect(again.status).toBe(200);
    expect(await versions()).toBe(3);
  });

  it('keeps one replay record per command or interaction carried out', async () => {
    // Command, its repeat under a new trigger, shortcut, form, /draft, two button presses.
    expect(await replayRecords()).toBe(7);
  });

  describe('events', () => {
    const recorded = (eventId: string) =>
      t.db.prisma.processedEvent.count({ where: { teamId: TEAM, eventId } });
    const send = (eventId: string, event: Record<string, unknown>) =>
      t.sender.event(event, { teamId: TEAM, eventId });

    it.each<[string, Record<string, unknown>, number]>([
      [
        'a claim reaction is recorded (claims act on it)',
        {
          type: 'reaction_added',
          user: PAM,
          reaction: 'raising_hand',
          item: { type: 'message', channel: CHANNEL, ts: '1700000000.000900' },
          event_ts: '1.1',
        },
        1,
      ],
      [
        'the trend emoji is recorded (trends act on it)',
        {
          type: 'reaction_added',
          user: PAM,
          reaction: 'chart_with_upwards_trend',
          item: { type: 'message', channel: CHANNEL, ts: '1700000000.000901' },
          event_ts: '1.11',
        },
        1,
      ],
      [
        'a reaction Tandem gives no meaning to is not (people react all day)',
        {
          type: 'reaction_added',
          user: PAM,
          reaction: 'eyes',
          item: { type: 'message', channel: CHANNEL, ts: '1700000000.000902' },
          event_ts: '1.12',
        },
        0,
      ],
      [
        'taking back an emoji other than the claim is not',
        {
          type: 'reaction_removed',
          user: PAM,
          reaction: 'white_check_mark',
          item: { type: 'message', channel: CHANNEL, ts: '1700000000.000903' },
          event_ts: '1.13',
        },
        0,
      ],
      [
        'the Home tab opening is recorded',
        { type: 'app_home_opened', user: PAM, channel: `D${PAM}`, tab: 'home', event_ts: '1.2' },
        1,
      ],
      [
        'the Messages tab opening is not (nothing acts on it)',
        { type: 'app_home_opened', user: PAM, channel: `D${PAM}`, tab: 'messages', event_ts: '1.3' },
        0,
      ],
      [
        'someone joining a channel is not (no listener)',
        { type: 'member_joined_channel', user: SOL, channel: CHANNEL, event_ts: '1.4' },
        0,
      ],
      [
        'a channel message is not (its listeners are idempotent instead)',
        { type: 'message', user: SOL, channel: CHANNEL, text: 'hi', ts: '1700000000.000950' },
        0,
      ],
    ])('%s', async (_name, event, times) => {
      const eventId = `EvREC${String(event.event_ts ?? event.ts).replace(/\W/g, '')}`;
      expect((await send(eventId, event)).status).toBe(200);
      expect(await recorded(eventId)).toBe(times);
    });
  });
});

describe('recorded event types', () => {
  it('are exactly the events the features register listeners for, less the idempotent ones', () => {
    const features = new URL('../../src/features/', import.meta.url);
    const registered = new Set<string>();
    for (const feature of readdirSync(features)) {
      let source: string;
      try {
        source = readFileSync(new URL(`${feature}/register.ts`, features), 'utf8');
      } catch {
        continue;
      }
      // Reactions register through core's onReaction(app, type, …) rather than app.event.
      for (const m of source.matchAll(/(?:app\.event\(|onReaction\(app,)\s*'([a-z_]+)'/g))
        if (m[1]) registered.add(m[1]);
    }
    expect([...RECORDED_EVENTS, ...IDEMPOTENT_EVENTS].sort()).toEqual([...registered].sort());
    expect([...RECORDED_EVENTS].filter((e) => IDEMPOTENT_EVENTS.has(e))).toEqual([]);
  });
});
