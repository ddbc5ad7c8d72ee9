import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NETWORKS } from '../../src/domain/drafts/types.js';
import { startScheduler } from '../../src/scheduler/scheduler.js';
import type { SlackCall } from '../harness/fake-slack.js';
import { blockAction } from '../harness/slack-payloads.js';
import { APP_ID } from '../harness/slack-sender.js';
import { BACKENDS } from '../support/databases.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';
import { TestClock } from '../support/test-clock.js';

const TEAM = 'TDRAFT001';
const OTHER_TEAM = 'TDRAFT002';
const PAM = 'UPAM00001'; // PR lead
const SOL = 'USOL00001'; // social lead
const MIA = 'UMIA00001'; // social team, not a lead
const CHANNEL = 'CLAUNCH01';
// Slack mints a new trigger_id for every command and interaction; a repeated one is a replay.
let triggers = 0;
const as = (userId: string, teamId = TEAM, channelId = CHANNEL) => ({
  teamId,
  userId,
  channelId,
  triggerId: `trig.draft.${++triggers}`,
});

const RELEASE =
  'Acme opens solar plant in Leeds\n\nLEEDS — Acme today opened its first solar-powered plant in Leeds, creating 120 jobs and cutting the site’s emissions by 40%. The £12 million plant will make 2,000 heat pumps a month. “This plant shows clean manufacturing works at scale,” said Dana Whitfield, Acme’s chief executive. https://acme.example/news/leeds';

const blocksOf = (call: SlackCall | undefined) => JSON.stringify(call?.args.blocks ?? []);

function viewSubmission(
  teamId: string,
  userId: string,
  callbackId: string,
  privateMetadata: string,
  values: Record<string, unknown>,
) {
  return {
    type: 'view_submission',
    team: { id: teamId, domain: 'drafts' },
    user: { id: userId, team_id: teamId },
    api_app_id: APP_ID,
    token: 'legacy',
    trigger_id: `trig.view.${++triggers}`,
    view: {
      id: 'V_DRAFT',
      team_id: teamId,
      type: 'modal',
      callback_id: callbackId,
      private_metadata: privateMetadata,
      state: { values },
      hash: 'h',
    },
  };
}

const formValues = (overrides: Record<string, unknown> = {}) => ({
  release: { release: { type: 'plain_text_input', value: RELEASE } },
  title: { title: { type: 'plain_text_input', value: 'Acme opens solar plant in Leeds' } },
  link: { link: { type: 'url_text_input', value: 'https://acme.example/news/leeds' } },
  networks: {
    networks: {
      type: 'multi_static_select',
      selected_options: [{ value: 'x' }, { value: 'linkedin' }, { value: 'instagram' }],
    },
  },
  tone: { tone: { type: 'static_select', selected_option: { value: 'upbeat' } } },
  hashtags: { hashtags: { type: 'plain_text_input', value: '#Acme CleanEnergy' } },
  embargo: { embargo: { type: 'datetimepicker', selected_date_time: null } },
  ...overrides,
});

describe.each(BACKENDS)('/draft on %s', (backend) => {
  let t: RunningTandem;

  const releases = () =>
    t.db.prisma.pressRelease.findMany({ where: { teamId: TEAM }, orderBy: { number: 'asc' } });
  const draftsOf = (releaseId: string) =>
    t.db.prisma.socialDraft.findMany({
      where: { releaseId },
      orderBy: [{ network: 'asc' }, { version: 'asc' }],
    });
  const click = (userId: string, actionId: string, value: string, teamId = TEAM) =>
    t.sender.interaction(
      blockAction({
        teamId,
        userId,
        responseUrl: t.slack.responseUrl(),
        channelId: CHANNEL,
        action: { type: 'button', action_id: actionId, block_id: 'draft:x', value },
      }),
    );

  beforeAll(async () => {
    t = await startTandem(backend, {
      clock: new TestClock('2026-11-23T09:30:00Z'),
      // These tests draft more than five times within one minute of a clock that stands still;
      // the limits themselves are tested in abuse-limits.test.ts.
      limits: { drafts: { perUser: 1_000, perWorkspace: 1_000 } },
    });
    for (const id of [PAM, SOL, MIA]) t.slack.setUser({ id, teamId: TEAM, tz: 'Europe/London' });
    await t.command('/tandem', `set pr-leads <@${PAM}|pam>`, as(PAM));
    await t.command('/tandem', `set social-leads <@${SOL}|sol>`, as(PAM));
  });
  afterAll(async () => {
    await t?.stop();
  });
  beforeEach(() => t.slack.reset());

  it('drafts an inline release offline for all six networks, in place of "Drafting…", within every limit', async () => {
    const calls = await t.command('/draft', RELEASE, as(PAM));
    const [release] = await releases();
    expect(release).toMatchObject({
      number: 1,
      body: RELEASE,
      link: 'https://acme.example/news/leeds',
      createdBy: PAM,
    });
    // One channel message for the whole release: the card, updated in place.
    const channelPosts = calls.filter((c) => c.method === 'chat.postMessage');
    expect(channelPosts).toHaveLength(1);
    const posted = channelPosts[0];
    expect(blocksOf(posted)).toContain('Drafting R1 for 6 networks');
    const updated = calls.filter((c) => c.method === 'chat.update' && c.args.ts === release?.messageTs);
    expect(updated.length).toBeGreaterThan(0);
    const final = blocksOf(updated.at(-1));
    for (const label of ['X', 'LinkedIn', 'Instagram', 'Facebook', 'Threads', 'Bluesky'])
      expect(final).toContain(`*${label}*`);

    const drafts = await draftsOf(release?.id ?? '');
    expect(drafts.map((d) => d.network).sort()).toEqual([...NETWORKS].sort());
    for (const d of drafts) {
      expect(d).toMatchObject({
        version: 1,
        drafter: 'template',
        status: 'pending',
        releaseHash: release?.releaseHash,
      });
      expect(d.promptVersion).toMatch(/^drafts-v\d+$/);
      // Built only from the release: the fact guard has nothing to flag.
      expect(d.flags).toEqual([]);
    }
    expect(drafts.find((d) => d.network === 'instagram')?.text).not.toMatch(/https?:\/\//);
  });

  it('makes the release a press_release initiative owned by the PR lead, with one claimable amplify task per network', async () => {
    const [release] = await releases();
    const initiative = await t.db.prisma.initiative.findFirstOrThrow({
      where: { id: release?.initiativeId ?? '' },
    });
    expect(initiative).toMatchObject({ kind: 'press_release', ownerId: PAM, teamId: TEAM });
    const tasks = await t.db.prisma.task.findMany({
      where: { releaseId: release?.id },
      orderBy: { number: 'asc' },
    });
    expect(tasks.map((task) => task.network).sort()).toEqual([...NETWORKS].sort());
    expect(tasks.every((task) => task.discipline === 'social' && task.assigneeId === null)).toBe(true);
    expect(tasks.find((task) => task.network === 'linkedin')?.title).toMatch(/^Amplify on LinkedIn: R1/);

    // Lines on the card, not messages of their own: claimed with the card's Claim button.
    expect(tasks.every((task) => task.messageTs === null && task.messageChannel === CHANNEL)).toBe(true);
    const x = tasks.find((task) => task.network === 'x');
    await click(MIA, 'task_claim', String(x?.number));
    expect((await t.db.prisma.task.findUniqueOrThrow({ where: { id: x?.id ?? '' } })).assigneeId).toBe(MIA);
    expect(t.slack.callsTo('chat.postMessage')).toEqual([]);
    const card = t.slack
      .callsTo('chat.update')
      .filter((c) => c.args.ts === release?.messageTs)
      .at(-1);
    expect(blocksOf(card)).toContain(`claimed by <@${MIA}>`);
  });

  it('lets only leads approve; the approval shows on the message and a second approval changes nothing', async () => {
    const [release] = await releases();
    const x = (await draftsOf(release?.id ?? '')).find((d) => d.network === 'x');
    await click(MIA, 'draft_approve', x?.id ?? '');
    const refusal = t.slack.callsTo('response_url').at(-1);
    expect(blocksOf(refusal)).toContain(`Only <@${PAM}> or <@${SOL}> can approve the drafts of R1.`);
    expect((await t.db.prisma.socialDraft.findUniqueOrThrow({ where: { id: x?.id ?? '' } })).status).toBe(
      'pending',
    );

    await click(SOL, 'draft_approve', x?.id ?? '');
    const approved = await t.db.prisma.socialDraft.findUniqueOrThrow({ where: { id: x?.id ?? '' } });
    expect(approved).toMatchObject({ status: 'approved', approvedBy: SOL });
    // Approved, with a posting time (now: no embargo, no date in the release): scheduled.
    expect(blocksOf(t.slack.callsTo('chat.update').at(-1))).toContain(`approved by <@${SOL}>`);
    expect(blocksOf(t.slack.callsTo('chat.update').at(-1))).toContain(':calendar: Scheduled for');
    await click(PAM, 'draft_approve', x?.id ?? '');
    expect((await t.db.prisma.socialDraft.findUniqueOrThrow({ where: { id: x?.id ?? '' } })).approvedBy).toBe(
      SOL,
    );
  });

  it('regenerates a new version and keeps the old one', async () => {
    const [release] = await releases();
    const li = (await draftsOf(release?.id ?? '')).find((d) => d.network === 'linkedin');
    await click(MIA, 'draft_regenerate', li?.id ?? '');
    const versions = (await draftsOf(release?.id ?? '')).filter((d) => d.network === 'linkedin');
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'superseded'],
      [2, 'pending'],
    ]);
    expect(versions[1]?.text).not.toBe(versions[0]?.text);
    expect(versions[1]?.createdBy).toBe(MIA);
    // The old version's buttons now answer that there is a newer one.
    await click(SOL, 'draft_approve', li?.id ?? '');
    expect(blocksOf(t.slack.callsTo('response_url').at(-1))).toContain('newer version');
  });

  it('edits through a modal that checks the network limit, saving a new version with the editor as provenance', async () => {
    const [release] = await releases();
    const x = (await draftsOf(release?.id ?? '')).find((d) => d.network === 'x');
    await click(MIA, 'draft_edit', x?.id ?? '');
    const opened = t.slack.callsTo('views.open').at(-1);
    expect(opened?.args.view).toMatchObject({ callback_id: 'draft_edit_modal', private_metadata: x?.id });

    const tooLong = await t.sender.interaction(
      viewSubmission(TEAM, MIA, 'draft_edit_modal', x?.id ?? '', {
        text: {
          text: {
            type: 'plain_text_input',
            value: `${'Clean energy news. '.repeat(15)} https://acme.example/${'x'.repeat(200)}`,
          },
        },
      }),
    );
    expect(tooLong.status).toBe(200);
    expect(JSON.parse(tooLong.body)).toMatchObject({ response_action: 'errors' });
    expect(JSON.parse(tooLong.body).errors.text).toMatch(/allows 280/);

    const ok = await t.sender.interaction(
      viewSubmission(TEAM, MIA, 'draft_edit_modal', x?.id ?? '', {
        text: {
          text: {
            type: 'plain_text_input',
            value:
              'Acme opened its first solar-powered plant in Leeds, creating 120 jobs. https://acme.example/news/leeds',
          },
        },
      }),
    );
    expect(ok.status).toBe(200);
    const versions = (await draftsOf(release?.id ?? '')).filter((d) => d.network === 'x');
    expect(versions.at(-1)).toMatchObject({
      version: 2,
      drafter: 'edit',
      createdBy: MIA,
      status: 'pending',
      flags: [],
    });
    // The approved v1 keeps its approval on record.
    expect(versions[0]).toMatchObject({ status: 'approved', approvedBy: SOL });
  });

  it('refuses a too-short inline release with an example, and stores nothing', async () => {
    const before = (await releases()).length;
    const calls = await t.command('/draft', 'big news soon', as(PAM));
    const reply = calls.find((c) => c.method === 'response_url');
    expect(reply?.args.response_type).toBe('ephemeral');
    expect(blocksOf(reply)).toContain('at least 12 words');
    expect(blocksOf(reply)).toContain('/draft Acme opens');
    expect((await releases()).length).toBe(before);
  });

  it('opens the form for /draft alone; bad fields come back in the form and nothing is stored', async () => {
    const calls = await t.command('/draft', '', as(PAM));
    const opened = calls.find((c) => c.method === 'views.open');
    expect(opened?.args.view).toMatchObject({ callback_id: 'draft_modal' });
    const metadata = String(
      (opened?.args.view as { private_metadata?: string } | undefined)?.private_metadata,
    );
    const before = (await releases()).length;
    const bad = await t.sender.interaction(
      viewSubmission(
        TEAM,
        PAM,
        'draft_modal',
        metadata,
        formValues({
          networks: { networks: { type: 'multi_static_select', selected_options: [] } },
          link: { link: { type: 'url_text_input', value: 'ftp://acme.example' } },
          embargo: {
            embargo: {
              type: 'datetimepicker',
              selected_date_time: Date.parse('2026-11-01T00:00:00Z') / 1000,
            },
          },
          hashtags: { hashtags: { type: 'plain_text_input', value: '#ok #not-ok' } },
        }),
      ),
    );
    const errors = JSON.parse(bad.body).errors as Record<string, string>;
    expect(Object.keys(errors).sort()).toEqual(['embargo', 'hashtags', 'link', 'networks']);
    expect(errors.hashtags).toContain('#not-ok');
    expect((await releases()).length).toBe(before);
  });

  it('drafts from the form with the chosen networks, tone, hashtags and embargo', async () => {
    const embargo = Date.parse('2026-11-24T08:00:00Z') / 1000;
    const res = await t.sender.interaction(
      viewSubmission(
        TEAM,
        PAM,
        'draft_modal',
        JSON.stringify({ channelId: CHANNEL }),
        formValues({ embargo: { embargo: { type: 'datetimepicker', selected_date_time: embargo } } }),
      ),
    );
    expect(res.status).toBe(200);
    const release = (await releases()).at(-1);
    expect(release).toMatchObject({
      title: 'Acme opens solar plant in Leeds',
      tone: 'upbeat',
      hashtags: ['Acme', 'CleanEnergy'],
      networks: ['x', 'linkedin', 'instagram'],
      embargoUntil: new Date(embargo * 1000),
    });
    await t.slack.waitFor(
      'chat.update',
      (c) => c.args.ts === release?.messageTs && blocksOf(c).includes('*Instagram*'),
    );
    const drafts = await draftsOf(release?.id ?? '');
    expect(drafts.map((d) => d.network).sort()).toEqual(['instagram', 'linkedin', 'x']);
    expect(drafts.find((d) => d.network === 'linkedin')?.text).toContain('#CleanEnergy');
    const update = t.slack
      .callsTo('chat.update')
      .filter((c) => c.args.ts === release?.messageTs)
      .at(-1);
    expect(blocksOf(update)).toContain('not before');
  });

  it('stores a shortcut message as the release at once and opens the form for it', async () => {
    const before = (await releases()).length;
    const res = await t.sender.interaction({
      type: 'message_action',
      callback_id: 'draft_social_posts',
      team: { id: TEAM, domain: 'drafts' },
      user: { id: SOL, team_id: TEAM },
      channel: { id: CHANNEL, name: 'launch' },
      api_app_id: APP_ID,
      token: 'legacy',
      trigger_id: `trig.shortcut.${++triggers}`,
      response_url: t.slack.responseUrl(),
      message_ts: '1700000000.000500',
      message: {
        type: 'message',
        user: PAM,
        ts: '1700000000.000500',
        text: `${RELEASE}\n\n${'More detail. '.repeat(400)}`,
      },
    });
    expect(res.status).toBe(200);
    const stored = (await releases()).at(-1);
    expect((await releases()).length).toBe(before + 1);
    expect(stored?.body.length).toBeGreaterThan(3000);
    const opened = t.slack.callsTo('views.open').at(-1);
    const metadata = JSON.parse(
      String((opened?.args.view as { private_metadata?: string } | undefined)?.private_metadata),
    );
    expect(metadata).toEqual({ channelId: CHANNEL, releaseId: stored?.id });
    expect(JSON.stringify(opened?.args.view)).not.toContain('"block_id":"release"');
  });

  it('refuses a shortcut on a message too short to be a release, privately and with an example, storing nothing', async () => {
    const before = (await releases()).length;
    const responseUrl = t.slack.responseUrl();
    await t.sender.interaction({
      type: 'message_action',
      callback_id: 'draft_social_posts',
      team: { id: TEAM, domain: 'drafts' },
      user: { id: SOL, team_id: TEAM },
      channel: { id: CHANNEL, name: 'launch' },
      api_app_id: APP_ID,
      token: 'legacy',
      trigger_id: `trig.shortcut.${++triggers}`,
      response_url: responseUrl,
      message_ts: '1700000000.000600',
      message: { type: 'message', user: PAM, ts: '1700000000.000600', text: 'lunch at 1?' },
    });
    const reply = t.slack.callsTo('response_url').at(-1);
    expect(reply?.args.response_type).toBe('ephemeral');
    expect(blocksOf(reply)).toContain('at least 12 words');
    expect(blocksOf(reply)).toContain('/draft Acme opens');
    expect(t.slack.callsTo('views.open')).toHaveLength(0);
    expect((await releases()).length).toBe(before);
  });

  it('never lets a release or its drafts ping anyone', async () => {
    const hostile =
      '<!channel> <!here|here> Acme hires <@U0123ABCD|boss> as head of <!subteam^S0123|@comms>: @here @channel read this release now, everyone, because it matters.';
    const calls = await t.command('/draft', hostile, as(PAM));
    const release = (await releases()).at(-1);
    for (const d of await draftsOf(release?.id ?? '')) {
      expect(d.text).not.toMatch(/<!|<@|(^|\s)@(here|channel|everyone)\b/);
    }
    for (const c of calls.filter((call) => call.method.startsWith('chat.'))) {
      const body = `${String(c.args.text)} ${blocksOf(c)}`;
      expect(body).not.toMatch(/<!(channel|here|everyone)|<@U0123ABCD|<!subteam/);
    }
  });

  it('keeps the release when Tandem is not in the channel, and posts it later with /draft R<n>', async () => {
    t.slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    const calls = await t.command('/draft', RELEASE, as(PAM, TEAM, 'COUTSIDE1'));
    const reply = calls.find((c) => c.method === 'response_url');
    const release = (await releases()).at(-1);
    expect(blocksOf(reply)).toContain(`saved as *R${release?.number}*`);
    expect(release?.messageTs).toBeNull();
    // Someone who neither wrote it nor leads cannot post it again; nothing is drafted.
    const refused = await t.command('/draft', `R${release?.number}`, as(MIA));
    expect(blocksOf(refused.find((c) => c.method === 'response_url'))).toContain(
      `Only <@${PAM}> (the owner), a lead or a Tandem admin can draft or post R${release?.number} again.`,
    );
    expect((await draftsOf(release?.id ?? '')).length).toBe(0);
    // Its author, once Tandem is invited, posts it from anywhere: into the release's own channel.
    await t.command('/draft', `R${release?.number}`, as(PAM));
    const after = await t.db.prisma.pressRelease.findUniqueOrThrow({ where: { id: release?.id ?? '' } });
    expect(after).toMatchObject({ channelId: 'COUTSIDE1' });
    expect(after.draftedAt).not.toBeNull();
    const posted = t.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'COUTSIDE1');
    expect(posted.length).toBeGreaterThan(0);
    expect((await draftsOf(after.id)).length).toBe(6);
  });

  it('says the release is saved (not "nothing was changed") when Slack fails to take the drafts message', async () => {
    t.slack.failNext('chat.postMessage', { status: 500 });
    const calls = await t.command('/draft', RELEASE, as(PAM));
    const release = (await releases()).at(-1);
    const reply = blocksOf(calls.find((c) => c.method === 'response_url'));
    expect(reply).toContain(`saved as *R${release?.number}*`);
    expect(reply).toContain(`/draft R${release?.number}`);
    expect(reply).not.toContain('nothing was changed');
    expect(release?.body).toBe(RELEASE);
  });

  it('answers a draft id from another workspace with "not in this workspace" and changes nothing', async () => {
    const [release] = await releases();
    const draft = (await draftsOf(release?.id ?? '')).find((d) => d.status === 'pending');
    t.slack.setUser({ id: 'UOTHER001', teamId: OTHER_TEAM });
    await click('UOTHER001', 'draft_approve', draft?.id ?? '', OTHER_TEAM);
    expect(blocksOf(t.slack.callsTo('response_url').at(-1))).toContain('not in this workspace');
    expect((await t.db.prisma.socialDraft.findUniqueOrThrow({ where: { id: draft?.id ?? '' } })).status).toBe(
      'pending',
    );
  });

  it('nudges the social lead once when an embargo lifts within a day and networks are still unapproved', async () => {
    const embargoed = (await releases()).find((r) => r.embargoUntil !== null);
    expect(embargoed).toBeDefined();
    // X was approved, then edited: the edit awaits approval again, so X still counts as unapproved.
    const x = (await draftsOf(embargoed?.id ?? '')).find((d) => d.network === 'x');
    await click(SOL, 'draft_approve', x?.id ?? '');
    expect((await t.db.prisma.socialDraft.findUniqueOrThrow({ where: { id: x?.id ?? '' } })).status).toBe(
      'approved',
    );
    const edit = {
      text: { text: { type: 'plain_text_input', value: 'Acme opens a solar plant in Leeds.' } },
    };
    await t.sender.interaction(viewSubmission(TEAM, MIA, 'draft_edit_modal', x?.id ?? '', edit));
    const newest = (await draftsOf(embargoed?.id ?? '')).filter((d) => d.network === 'x').at(-1);
    expect(newest).toMatchObject({ version: 2, status: 'pending' });
    const scheduler = startScheduler(t.deps, t.app.app.client, { cron: false });
    try {
      await scheduler.tick();
      await scheduler.tick();
    } finally {
      scheduler.stop();
    }
    const dms = t.slack
      .callsTo('chat.postMessage')
      .filter(
        (c) => c.args.channel === `D${SOL}` && blocksOf(c).includes(`embargo on *R${embargoed?.number}*`),
      );
    expect(dms).toHaveLength(1);
    expect(blocksOf(dms[0])).toContain('X, LinkedIn, Instagram');
    // Mia hears about her own amplify line (due today), never about the embargo.
    const toMia = t.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === `D${MIA}`);
    expect(toMia.filter((c) => blocksOf(c).includes('embargo'))).toHaveLength(0);
  });

  it('lists releases with drafts awaiting approval in the digest', async () => {
    const calls = await t.command('/digest', 'now', as(PAM));
    const digest = calls.find((c) => blocksOf(c).includes('awaiting approval'));
    const text = blocksOf(digest);
    expect(text).toContain('Social drafts awaiting approval');
    const pending = await t.db.prisma.pressRelease.findMany({
      where: { teamId: TEAM, drafts: { some: { status: 'pending' } } },
    });
    expect(pending.length).toBeGreaterThan(0);
    for (const r of pending.slice(0, 8)) expect(text).toContain(`*R${r.number}*`);
  });
});
