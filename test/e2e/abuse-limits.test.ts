import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackCall } from '../harness/fake-slack.js';
import { blockAction, viewSubmission } from '../harness/slack-payloads.js';
import { APP_ID } from '../harness/slack-sender.js';
import { BACKENDS } from '../support/databases.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';
import { TestClock } from '../support/test-clock.js';

const TEAM = 'TLIMITS01';
const PAM = 'ULIMITPAM';
const SOL = 'ULIMITSOL';
const CHANNEL = 'CLIMITS01';
const as = (userId: string) => ({ teamId: TEAM, userId, channelId: CHANNEL });
const release = (n: number) =>
  `Acme opens plant number ${n} in Leeds\n\nLEEDS — Acme today opened plant number ${n} in Leeds, creating 120 jobs and cutting the site’s emissions by 40%.`;
const shown = (call: SlackCall | undefined) => JSON.stringify([call?.args.text, call?.args.blocks]);

// Production's limits (five drafts a person, thirty a workspace, a minute), on a clock the test moves.
describe.each(BACKENDS)('draft limits on %s', (backend) => {
  let t: RunningTandem;
  const stored = async () => ({
    releases: await t.db.prisma.pressRelease.count({ where: { teamId: TEAM } }),
    initiatives: await t.db.prisma.initiative.count({ where: { teamId: TEAM } }),
    tasks: await t.db.prisma.task.count({ where: { teamId: TEAM } }),
    drafts: await t.db.prisma.socialDraft.count({ where: { teamId: TEAM } }),
  });
  const privateReply = (calls: SlackCall[]) => calls.find((c) => c.method === 'response_url');

  beforeAll(async () => {
    t = await startTandem(backend, { clock: new TestClock('2026-11-23T09:30:00Z') });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('drafts five /draft <text> from one person within a minute, refuses the sixth privately with the wait and stores nothing for it; another person still drafts', async () => {
    for (let n = 1; n <= 5; n++) {
      if (n > 1) t.clock.advance(4_000);
      const calls = await t.command('/draft', release(n), as(PAM));
      expect(privateReply(calls)).toBeUndefined();
    }
    const afterFive = await stored();
    expect(afterFive).toEqual({ releases: 5, initiatives: 5, tasks: 30, drafts: 30 });

    // 20 s after the first: its slot frees in 40 s.
    t.clock.advance(4_000);
    const calls = await t.command('/draft', release(6), as(PAM));
    const reply = privateReply(calls);
    expect(reply?.args.response_type).toBe('ephemeral');
    expect(shown(reply)).toContain('Too many drafts at once');
    expect(shown(reply)).toContain('try again in 40 s');
    expect(shown(reply)).toContain('plant number 6'); // what they typed, so nothing is lost
    expect(calls.filter((c) => c.method === 'chat.postMessage')).toEqual([]);
    expect(await stored()).toEqual(afterFive);

    const other = await t.command('/draft', release(7), as(SOL));
    expect(privateReply(other)).toBeUndefined();
    expect((await stored()).releases).toBe(6);
  });

  it('lets the person draft again once the oldest of their drafts is a minute old', async () => {
    t.clock.advance(40_000);
    const calls = await t.command('/draft', release(8), as(PAM));
    expect(privateReply(calls)).toBeUndefined();
    expect((await stored()).releases).toBe(7);
  });

  it('counts the Regenerate button, the shortcut and the form too, and refuses them without storing anything', async () => {
    // PAM has drafted five times within the last minute again (4 s apart, then once now).
    const before = await stored();
    const draft = await t.db.prisma.socialDraft.findFirstOrThrow({
      where: { teamId: TEAM, network: 'x', status: 'pending' },
    });

    t.slack.reset();
    const regenerate = await t.sender.interaction(
      blockAction({
        teamId: TEAM,
        userId: PAM,
        responseUrl: t.slack.responseUrl(),
        channelId: CHANNEL,
        action: { type: 'button', action_id: 'draft_regenerate', block_id: 'draft:x', value: draft.id },
      }),
    );
    expect(regenerate.status).toBe(200);
    const refusal = t.slack.callsTo('response_url').at(-1);
    expect(refusal?.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(shown(refusal)).toMatch(/Too many drafts at once.*try again in \d+ s/);

    t.slack.reset();
    await t.sender.interaction({
      type: 'message_action',
      callback_id: 'draft_social_posts',
      team: { id: TEAM, domain: 'limits' },
      user: { id: PAM, team_id: TEAM },
      channel: { id: CHANNEL, name: 'launch' },
      api_app_id: APP_ID,
      token: 'legacy',
      trigger_id: 'trig.limits.shortcut',
      response_url: t.slack.responseUrl(),
      message_ts: '1700000000.000700',
      message: { type: 'message', user: SOL, ts: '1700000000.000700', text: release(9) },
    });
    expect(shown(t.slack.callsTo('response_url').at(-1))).toContain('Too many drafts at once');
    expect(t.slack.callsTo('views.open')).toEqual([]);

    // The form keeps what was typed and shows the refusal on the release field.
    const form = await t.sender.interaction(
      viewSubmission({
        teamId: TEAM,
        userId: PAM,
        callbackId: 'draft_modal',
        privateMetadata: JSON.stringify({ channelId: CHANNEL }),
        values: {
          release: { release: { type: 'plain_text_input', value: release(10) } },
          networks: { networks: { type: 'multi_static_select', selected_options: [{ value: 'x' }] } },
        },
      }),
    );
    expect(form.json()).toMatchObject({
      response_action: 'errors',
      errors: { release: expect.stringMatching(/Too many drafts at once.*try again in \d+ s/) },
    });
    expect(await stored()).toEqual(before);
  });

  it('still opens the form and shows help when the person is at the limit (neither drafts)', async () => {
    const help = await t.command('/draft', 'help', as(PAM));
    expect(shown(privateReply(help))).not.toContain('Too many drafts');
    const form = await t.command('/draft', '', as(PAM));
    expect(form.some((c) => c.method === 'views.open')).toBe(true);
  });
});
