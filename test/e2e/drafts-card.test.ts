import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SlackCall } from '../harness/fake-slack.js';
import { blockAction, viewSubmission } from '../harness/slack-payloads.js';
import { BACKENDS } from '../support/databases.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';
import { TestClock } from '../support/test-clock.js';

const TEAM = 'TCARD0001';
const PAM = 'UPAM00002'; // PR lead
const SOL = 'USOL00002'; // social lead
const MIA = 'UMIA00002'; // social team, not a lead: claims and posts
const NIC = 'UNIC00002'; // a member with no part in it
const ADA = 'UADA00002'; // workspace admin
const GUS = 'UGUS00002'; // a guest
const CHANNEL = 'CCARD0001';
let triggers = 0;
const as = (userId: string) => ({
  teamId: TEAM,
  userId,
  channelId: CHANNEL,
  triggerId: `trig.card.${++triggers}`,
});

const RELEASE =
  'Acme opens solar plant in Leeds\n\nLEEDS — Acme today opened its first solar-powered plant in Leeds, creating 120 jobs and cutting the site’s emissions by 40%. The £12 million plant will make 2,000 heat pumps a month. “This plant shows clean manufacturing works at scale,” said Dana Whitfield, Acme’s chief executive. https://acme.example/news/leeds';

const blocksOf = (call: SlackCall | undefined) => JSON.stringify(call?.args.blocks ?? []);

describe.each(BACKENDS)('the release card on %s', (backend) => {
  let t: RunningTandem;

  const newestRelease = () =>
    t.db.prisma.pressRelease.findFirstOrThrow({ where: { teamId: TEAM }, orderBy: { number: 'desc' } });
  const newestDraft = (releaseId: string, network: string) =>
    t.db.prisma.socialDraft.findFirstOrThrow({ where: { releaseId, network }, orderBy: { version: 'desc' } });
  const amplify = (releaseId: string, network: string) =>
    t.db.prisma.task.findFirstOrThrow({ where: { releaseId, network } });
  const click = (userId: string, actionId: string, value: string) =>
    t.sender.interaction(
      blockAction({
        teamId: TEAM,
        userId,
        responseUrl: t.slack.responseUrl(),
        channelId: CHANNEL,
        triggerId: `trig.card.${++triggers}`,
        action: { type: 'button', action_id: actionId, block_id: 'draft:x', value },
      }),
    );
  const submit = async (
    userId: string,
    callbackId: string,
    metadata: string,
    values: Record<string, unknown>,
  ) => {
    const answer = await t.sender.interaction(
      viewSubmission({ teamId: TEAM, userId, callbackId, privateMetadata: metadata, values }),
    );
    return answer.body
      ? (JSON.parse(answer.body) as { response_action?: string; errors?: Record<string, string> })
      : {};
  };
  const lastReply = () => blocksOf(t.slack.callsTo('response_url').at(-1));
  const card = (ts: string | null) =>
    blocksOf(
      t.slack
        .callsTo('chat.update')
        .filter((c) => c.args.ts === ts)
        .at(-1),
    );
  const channelPosts = () => t.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === CHANNEL);
  const dmsTo = (userId: string) =>
    t.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === `D${userId}`);

  beforeAll(async () => {
    t = await startTandem(backend, {
      clock: new TestClock('2026-12-07T09:30:00Z'),
      limits: { drafts: { perUser: 1_000, perWorkspace: 1_000 } },
    });
    for (const id of [PAM, SOL, MIA, NIC]) t.slack.setUser({ id, teamId: TEAM, tz: 'Europe/London' });
    t.slack.setUser({ id: ADA, teamId: TEAM, tz: 'Europe/London', isAdmin: true });
    t.slack.setUser({ id: GUS, teamId: TEAM, tz: 'Europe/London', isGuest: true });
    await t.command('/tandem', `set pr-leads <@${PAM}|pam>`, as(ADA));
    await t.command('/tandem', `set social-leads <@${SOL}|sol>`, as(ADA));
  });
  afterAll(async () => {
    await t?.stop();
  });
  beforeEach(() => t.slack.reset());

  it('lives on one message: draft → request changes → edit → approve → claim → schedule → mark posted', async () => {
    await t.command('/draft', RELEASE, as(PAM));
    // A /draft adds exactly one channel message; everything after updates it or goes privately.
    expect(channelPosts()).toHaveLength(1);
    const release = await newestRelease();
    expect(card(release.messageTs)).toContain('Amplify *T');
    expect(card(release.messageTs)).toContain(':eyes: Awaiting approval');
    const x = await newestDraft(release.id, 'x');

    // Request changes: refused to a non-approver, a reason asked of an approver.
    await click(MIA, 'draft_request_changes', x.id);
    expect(lastReply()).toContain(`Only <@${PAM}> or <@${SOL}> can request changes to the drafts of R`);
    await click(SOL, 'draft_request_changes', x.id);
    expect(t.slack.callsTo('views.open').at(-1)?.args.view).toMatchObject({
      callback_id: 'draft_changes_modal',
      private_metadata: x.id,
    });
    const empty = await submit(SOL, 'draft_changes_modal', x.id, { reason: { reason: { value: ' ' } } });
    expect(empty.errors?.reason).toMatch(/Say what should change/);
    await submit(SOL, 'draft_changes_modal', x.id, {
      reason: { reason: { type: 'plain_text_input', value: 'Lead with the 120 jobs' } },
    });
    expect(await newestDraft(release.id, 'x')).toMatchObject({
      changesRequestedBy: SOL,
      changesReason: 'Lead with the 120 jobs',
    });
    expect(card(release.messageTs)).toContain(
      `:memo: Changes requested by <@${SOL}>: “Lead with the 120 jobs”`,
    );
    expect(blocksOf(dmsTo(PAM).at(-1))).toContain('Lead with the 120 jobs');

    // Edit answers it with a new version, awaiting approval again.
    await submit(MIA, 'draft_edit_modal', x.id, {
      text: {
        text: {
          type: 'plain_text_input',
          value:
            'Acme’s new Leeds plant brings 120 jobs and cuts emissions by 40%. https://acme.example/news/leeds',
        },
      },
    });
    const edited = await newestDraft(release.id, 'x');
    expect(edited).toMatchObject({ version: 2, status: 'pending', changesRequestedBy: null });

    // Claim on the card; marking posted before approval is refused.
    const line = await amplify(release.id, 'x');
    await click(MIA, 'task_claim', String(line.number));
    expect((await amplify(release.id, 'x')).assigneeId).toBe(MIA);
    expect(card(release.messageTs)).toContain(`claimed by <@${MIA}>`);
    await click(MIA, 'draft_mark_posted', line.id);
    expect(lastReply()).toContain('is not approved yet');
    // Nor can /task done close it around the card.
    const done = await t.command('/task', `done T${line.number}`, as(MIA));
    expect(blocksOf(done.find((c) => c.method === 'response_url'))).toContain('press *Mark posted*');
    expect((await amplify(release.id, 'x')).status).toBe('open');

    // Approve: the claimant hears it once.
    await click(SOL, 'draft_approve', edited.id);
    expect((await newestDraft(release.id, 'x')).status).toBe('approved');
    expect(dmsTo(MIA).filter((c) => blocksOf(c).includes('is approved by'))).toHaveLength(1);
    expect(card(release.messageTs)).toContain(':calendar: Scheduled for');

    // Schedule: not for a bystander; the claimant picks a time, the line falls due that day.
    await click(NIC, 'draft_schedule', line.id);
    expect(lastReply()).toMatch(/can schedule R\d+’s X post/);
    await click(MIA, 'draft_schedule', line.id);
    expect(t.slack.callsTo('views.open').at(-1)?.args.view).toMatchObject({
      callback_id: 'draft_schedule_modal',
    });
    const past = await submit(MIA, 'draft_schedule_modal', line.id, {
      post_at: {
        post_at: { type: 'datetimepicker', selected_date_time: Date.parse('2026-12-01T09:00:00Z') / 1000 },
      },
    });
    expect(past.errors?.post_at).toMatch(/has passed/);
    const postAt = new Date('2026-12-09T14:00:00Z');
    await submit(MIA, 'draft_schedule_modal', line.id, {
      post_at: { post_at: { type: 'datetimepicker', selected_date_time: postAt.getTime() / 1000 } },
    });
    const scheduled = await amplify(release.id, 'x');
    expect(scheduled.postAt?.toISOString()).toBe(postAt.toISOString());
    expect(scheduled.dueDate?.toISOString().slice(0, 10)).toBe('2026-12-09');
    expect(card(release.messageTs)).toContain(`<!date^${postAt.getTime() / 1000}^`);

    // Mark posted: not for a bystander; the claimant gives the live link.
    await click(NIC, 'draft_mark_posted', line.id);
    expect(lastReply()).toMatch(
      /Only <@UMIA00002> \(the owner\), a social lead or a Tandem admin can mark posted R\d+’s X post/,
    );
    await click(MIA, 'draft_mark_posted', line.id);
    expect(t.slack.callsTo('views.open').at(-1)?.args.view).toMatchObject({
      callback_id: 'draft_posted_modal',
    });
    const bad = await submit(MIA, 'draft_posted_modal', line.id, { url: { url: { value: 'the tweet' } } });
    expect(bad.errors?.url).toMatch(/not a web address/);
    await submit(MIA, 'draft_posted_modal', line.id, {
      url: { url: { type: 'url_text_input', value: 'https://x.example/acme/status/1' } },
    });
    expect(await amplify(release.id, 'x')).toMatchObject({
      status: 'done',
      doneBy: MIA,
      postedUrl: 'https://x.example/acme/status/1',
    });
    expect(card(release.messageTs)).toContain(':rocket: Posted <https://x.example/acme/status/1|live post>');
    // Not one more message in the channel through all of it.
    expect(channelPosts()).toHaveLength(1);
  });

  it('updates the card when a line is claimed from the App Home, which has no channel', async () => {
    const release = await newestRelease();
    const ig = await amplify(release.id, 'instagram');
    await t.sender.interaction({
      ...blockAction({
        teamId: TEAM,
        userId: SOL,
        responseUrl: t.slack.responseUrl(),
        channelId: CHANNEL,
        action: { type: 'button', action_id: 'task_claim', block_id: 'home', value: String(ig.number) },
      }),
      container: { type: 'view', view_id: 'VHOME' },
      channel: undefined,
      response_url: undefined,
    });
    expect((await amplify(release.id, 'instagram')).assigneeId).toBe(SOL);
    expect(card(release.messageTs)).toContain(`claimed by <@${SOL}>`);
    expect(dmsTo(SOL)).toHaveLength(1);
    expect(channelPosts()).toEqual([]);
  });

  it('lets an admin or a social lead mark posted, never before approval', async () => {
    const release = await newestRelease();
    const li = await amplify(release.id, 'linkedin');
    await click(ADA, 'draft_mark_posted', li.id);
    expect(lastReply()).toContain('is not approved yet');
    await click(PAM, 'draft_approve', (await newestDraft(release.id, 'linkedin')).id);
    await click(ADA, 'draft_mark_posted', li.id);
    expect(t.slack.callsTo('views.open').at(-1)?.args.view).toMatchObject({
      callback_id: 'draft_posted_modal',
    });
    await submit(SOL, 'draft_posted_modal', li.id, {
      url: { url: { value: 'https://www.linkedin.com/feed/update/urn:li:activity:1' } },
    });
    expect(await amplify(release.id, 'linkedin')).toMatchObject({ status: 'done', doneBy: SOL });
  });

  it('needs one PR and one social approval with draft-approval all, and one from either with any', async () => {
    await t.command('/tandem', 'set draft-approval all', as(NIC));
    expect(lastReply()).toContain('change Tandem’s settings');
    await t.command('/tandem', 'set draft-approval all', as(ADA));
    await t.command('/draft', RELEASE, as(PAM));
    const release = await newestRelease();
    const x = await newestDraft(release.id, 'x');
    await click(PAM, 'draft_approve', x.id);
    expect(await newestDraft(release.id, 'x')).toMatchObject({ status: 'pending', prApprovedBy: PAM });
    expect(lastReply()).toContain('still needs a social lead’s approval');
    expect(card(release.messageTs)).toContain(`PR approved by <@${PAM}>, waiting for a social lead`);
    await click(PAM, 'draft_approve', x.id);
    expect(lastReply()).toContain('You have approved this draft already');
    await click(SOL, 'draft_approve', x.id);
    expect(await newestDraft(release.id, 'x')).toMatchObject({
      status: 'approved',
      prApprovedBy: PAM,
      socialApprovedBy: SOL,
      approvedBy: SOL,
    });

    await t.command('/tandem', 'set draft-approval any', as(ADA));
    const li = await newestDraft(release.id, 'linkedin');
    await click(PAM, 'draft_approve', li.id);
    expect((await newestDraft(release.id, 'linkedin')).status).toBe('approved');
  });

  it('schedules every network for the embargo lift, and refuses a time before it', async () => {
    const embargo = new Date('2026-12-10T08:00:00Z');
    const form = {
      release: { release: { type: 'plain_text_input', value: RELEASE } },
      networks: {
        networks: { type: 'multi_static_select', selected_options: [{ value: 'x' }, { value: 'bluesky' }] },
      },
      embargo: { embargo: { type: 'datetimepicker', selected_date_time: embargo.getTime() / 1000 } },
    };
    await submit(PAM, 'draft_modal', JSON.stringify({ channelId: CHANNEL }), form);
    expect(channelPosts()).toHaveLength(1);
    const release = await newestRelease();
    const lines = await t.db.prisma.task.findMany({ where: { releaseId: release.id } });
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line.postAt?.toISOString()).toBe(embargo.toISOString());
      expect(line.dueDate?.toISOString().slice(0, 10)).toBe('2026-12-10');
    }
    await click(SOL, 'draft_approve', (await newestDraft(release.id, 'x')).id);
    expect(card(release.messageTs)).toContain(`:calendar: Scheduled for <!date^${embargo.getTime() / 1000}^`);
    const x = lines.find((l) => l.network === 'x');
    const early = await submit(SOL, 'draft_schedule_modal', x?.id ?? '', {
      post_at: { post_at: { selected_date_time: Date.parse('2026-12-09T08:00:00Z') / 1000 } },
    });
    expect(early.errors?.post_at).toMatch(/before the embargo lifts/);
    expect((await amplify(release.id, 'x')).postAt?.toISOString()).toBe(embargo.toISOString());
  });

  it('lists the week per network with /draft week, privately; guests are refused', async () => {
    const refused = await t.command('/draft', 'week', as(GUS));
    expect(blocksOf(refused.find((c) => c.method === 'response_url'))).toContain('Guests');
    const calls = await t.command('/draft', 'week', as(SOL));
    expect(calls.filter((c) => c.method === 'chat.postMessage')).toEqual([]);
    const reply = calls.find((c) => c.method === 'response_url');
    expect(reply?.args.response_type).toBe('ephemeral');
    const text = blocksOf(reply);
    expect(text).toContain('*X*');
    expect(text).toContain('*Bluesky*');
    expect(text).toContain(':rocket: posted');
    expect(text).toContain('<https://x.example/acme/status/1|live post>');
    expect(text).toContain(`:calendar: scheduled <!date^${Date.parse('2026-12-10T08:00:00Z') / 1000}^`);
    expect(text).toContain(':eyes: awaiting approval');
  });

  it('shows the week on the App Home', async () => {
    await t.sender.event(
      { type: 'app_home_opened', user: SOL, channel: `D${SOL}`, tab: 'home', event_ts: '1700000600.000001' },
      { teamId: TEAM, eventId: 'EvCARDHOME1' },
    );
    const home = JSON.stringify(t.slack.callsTo('views.publish').at(-1)?.args.view ?? {});
    expect(home).toContain('Social posts this week');
    expect(home).toContain(':rocket: posted');
  });
});
