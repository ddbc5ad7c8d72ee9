import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackCall } from '../harness/fake-slack.js';
import { BACKENDS } from '../support/databases.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';

const TEAM = 'T_SETUP';
const FIRST = 'UFIRST001';
const ADMIN = 'UADMIN001';
const MEMBER = 'UMEMBER01';
// Slack mints a new trigger_id for every command and submission; a repeated one is a replay.
let triggers = 0;
const at = (userId: string) => ({
  teamId: TEAM,
  userId,
  channelId: 'C_SETUP',
  triggerId: `trig.${++triggers}`,
});
const mention = (id: string) => `<@${id}|${id.toLowerCase()}>`;

function reply(calls: SlackCall[]) {
  const r = calls.find((c) => c.method === 'response_url');
  if (!r) throw new Error('no reply');
  return { type: r.args.response_type, text: JSON.stringify(r.args.blocks) };
}

function submission(values: Record<string, unknown>, userId: string) {
  return {
    type: 'view_submission',
    team: { id: TEAM, domain: 'setup' },
    user: { id: userId, team_id: TEAM },
    api_app_id: 'A_TANDEM',
    token: 'legacy',
    trigger_id: `trig.${++triggers}`,
    view: {
      id: 'V_SETUP',
      team_id: TEAM,
      type: 'modal',
      callback_id: 'tandem_setup',
      private_metadata: '{"channelId":"C_SETUP"}',
      state: { values },
      hash: 'h',
    },
  };
}

const formValues = (timezone: string) => ({
  pr_leads: { value: { type: 'multi_users_select', selected_users: ['UPR000001', 'UPR000002'] } },
  social_leads: { value: { type: 'multi_users_select', selected_users: ['USOC00001'] } },
  digest_channel: { value: { type: 'conversations_select', selected_conversation: 'CDIGEST01' } },
  digest_time: { value: { type: 'timepicker', selected_time: '08:30' } },
  timezone: { value: { type: 'plain_text_input', value: timezone } },
});

describe.each(BACKENDS)('/tandem setup and settings on %s', (backend) => {
  let t: RunningTandem;
  beforeAll(async () => {
    t = await startTandem(backend);
    t.slack.setUser({ id: ADMIN, teamId: TEAM, isAdmin: true });
    t.slack.setUser({ id: MEMBER, teamId: TEAM });
    t.slack.setUser({ id: FIRST, teamId: TEAM });
  });
  afterAll(async () => {
    await t?.stop();
  });

  const workspace = () => t.db.prisma.workspace.findUniqueOrThrow({ where: { teamId: TEAM } });

  it('lets anyone do the first setup, then records who did it', async () => {
    const r = reply(
      await t.command('/tandem', `set pr-leads ${mention('UPR000001')} ${mention('UPR000002')}`, at(FIRST)),
    );
    expect(r.type).toBe('in_channel');
    expect(r.text).toContain('<@UPR000001>');
    // One short line for the channel: who set what to what, not the whole settings list.
    expect(r.text).toContain('set the PR leads to');
    expect(r.text).not.toContain('Task reactions');
    expect(r.text.length).toBeLessThan(400);
    expect(await workspace()).toMatchObject({ prLeads: ['UPR000001', 'UPR000002'], setupBy: FIRST });
  });

  it('refuses a non-admin after setup, privately, and changes nothing', async () => {
    const r = reply(await t.command('/tandem', `set social-leads ${mention(MEMBER)}`, at(MEMBER)));
    expect(r.type).toBe('ephemeral');
    expect(r.text).toContain(`Only a workspace admin, a Tandem admin or <@${FIRST}> (who set Tandem up) can`);
    expect((await workspace()).socialLeads).toEqual([]);
  });

  it('lets the first-setup person fix their setup until an admin changes something', async () => {
    await t.command('/tandem', 'set digest-time 10:00', at(FIRST));
    expect((await workspace()).digestTime).toBe('10:00');
  });

  it('lets a workspace admin (per users.info) change settings, which ends the first-setup grace', async () => {
    await t.command('/tandem', 'set digest-time 9am', at(ADMIN));
    await t.command('/tandem', 'set digest-channel <#CDIGEST01|pr-social>', at(ADMIN));
    expect(await workspace()).toMatchObject({ digestTime: '09:00', digestChannel: 'CDIGEST01' });
    const r = reply(await t.command('/tandem', 'set digest-time 11:00', at(FIRST)));
    expect(r.type).toBe('ephemeral');
    expect(r.text).toContain('Only a workspace admin or a Tandem admin can change');
    expect((await workspace()).digestTime).toBe('09:00');
  });

  it('lets only workspace admins choose Tandem admins, who then change settings but not the admin list', async () => {
    const refused = reply(await t.command('/tandem', `set admins ${mention(MEMBER)}`, at(MEMBER)));
    expect(refused.text).toContain('Only a workspace admin can choose Tandem admins');
    expect((await workspace()).tandemAdmins).toEqual([]);
    await t.command('/tandem', `set admins ${mention(MEMBER)}`, at(ADMIN));
    expect((await workspace()).tandemAdmins).toEqual([MEMBER]);
    await t.command('/tandem', 'set workload 7', at(MEMBER));
    expect((await workspace()).workloadThreshold).toBe(7);
    const own = reply(
      await t.command('/tandem', `set admins ${mention(MEMBER)} ${mention(FIRST)}`, at(MEMBER)),
    );
    expect(own.type).toBe('ephemeral');
    expect((await workspace()).tandemAdmins).toEqual([MEMBER]);
    await t.command('/tandem', 'set admins none', at(ADMIN));
    expect((await workspace()).tandemAdmins).toEqual([]);
  });

  it('never lets a guest change settings, not even the very first setup', async () => {
    const team = 'T_GUESTS';
    t.slack.setUser({ id: 'UGUEST001', teamId: team, isGuest: true });
    const r = reply(
      await t.command('/tandem', `set pr-leads ${mention('UGUEST001')}`, {
        teamId: team,
        userId: 'UGUEST001',
        channelId: 'C_SETUP',
      }),
    );
    expect(r.text).toContain('Guests and people from other organisations cannot change Tandem’s settings');
    const row = await t.db.prisma.workspace.findUnique({ where: { teamId: team } });
    expect(row?.prLeads ?? []).toEqual([]);
    expect(row?.setupAt ?? null).toBeNull();
  });

  it('rejects an unknown time zone with a suggestion', async () => {
    const r = reply(await t.command('/tandem', 'set timezone Europe/Londn', at(ADMIN)));
    expect(r.type).toBe('ephemeral');
    expect(r.text).toContain('Europe/London');
    expect((await workspace()).timezone).toBe('Europe/London'); // the default given to new workspaces in tests
  });

  it('shows the settings to anyone', async () => {
    const r = reply(await t.command('/tandem', 'settings', at(MEMBER)));
    expect(r.type).toBe('ephemeral');
    expect(r.text).toContain('<@UPR000002>');
    expect(r.text).toContain('<#CDIGEST01>');
  });

  it('opens the setup modal for an admin with the current values', async () => {
    t.slack.reset();
    await t.command('/tandem', 'setup', { ...at(ADMIN), triggerId: 'trig.setup' });
    const open = await t.slack.waitFor('views.open');
    expect(open.args.trigger_id).toBe('trig.setup');
    const view = open.args.view as {
      callback_id: string;
      blocks: Array<{ block_id?: string; element?: { initial_users?: string[] } }>;
    };
    expect(view.callback_id).toBe('tandem_setup');
    expect(view.blocks.find((b) => b.block_id === 'pr_leads')?.element?.initial_users).toEqual([
      'UPR000001',
      'UPR000002',
    ]);
    // Who approves drafts, with the workspace's rule chosen: one approval from either lead.
    const approval = view.blocks.find((b) => b.block_id === 'draft_approval')?.element as {
      options: Array<{ value: string }>;
      initial_option?: { value: string };
    };
    expect(approval.options.map((o) => o.value)).toEqual(['both:any', 'both:all', 'pr:any', 'social:any']);
    expect(approval.initial_option?.value).toBe('both:any');
  });

  it('does not open the modal for a non-admin', async () => {
    t.slack.reset();
    const r = reply(await t.command('/tandem', 'setup', at(MEMBER)));
    expect(r.text).toContain('Only a workspace admin or a Tandem admin can change');
    expect(t.slack.callsTo('views.open')).toEqual([]);
  });

  it('answers a bad time zone in the modal itself and saves nothing', async () => {
    const before = await workspace();
    const res = await t.sender.interaction(submission(formValues('Mars/Olympus'), ADMIN));
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({
      response_action: 'errors',
      errors: { timezone: expect.stringContaining('Mars/Olympus') },
    });
    expect(await workspace()).toEqual(before);
  });

  it('saves a valid modal submission, zone in its canonical spelling, and confirms by DM', async () => {
    t.slack.reset();
    const res = await t.sender.interaction(submission(formValues('america/new_york'), ADMIN));
    expect(res.status).toBe(200);
    expect(await workspace()).toMatchObject({
      prLeads: ['UPR000001', 'UPR000002'],
      socialLeads: ['USOC00001'],
      digestChannel: 'CDIGEST01',
      digestTime: '08:30',
      timezone: 'America/New_York',
    });
    const dm = await t.slack.waitFor('chat.postMessage');
    expect(dm.args.channel).toBe(`D${ADMIN}`);
  });

  it('sets who approves drafts from the form, and refuses a choice the form never offered', async () => {
    const choose = (value: string) => ({
      ...formValues('America/New_York'),
      draft_approval: { value: { type: 'radio_buttons', selected_option: { value } } },
    });
    expect((await t.sender.interaction(submission(choose('both:all'), ADMIN))).status).toBe(200);
    expect(await workspace()).toMatchObject({ draftApprovers: 'both', draftApproval: 'all' });
    expect((await t.sender.interaction(submission(choose('social:any'), ADMIN))).status).toBe(200);
    expect(await workspace()).toMatchObject({ draftApprovers: 'social', draftApproval: 'any' });

    const before = await workspace();
    const res = await t.sender.interaction(submission(choose('everyone:any'), ADMIN));
    expect(res.json()).toMatchObject({
      response_action: 'errors',
      errors: { draft_approval: 'Pick who approves social drafts.' },
    });
    expect(await workspace()).toEqual(before);
    // A form opened before the field existed still saves, and leaves the approval rule alone.
    expect((await t.sender.interaction(submission(formValues('Europe/Paris'), ADMIN))).status).toBe(200);
    expect(await workspace()).toMatchObject({
      timezone: 'Europe/Paris',
      draftApprovers: 'social',
      draftApproval: 'any',
    });
    // The form shows what is set now.
    t.slack.reset();
    await t.command('/tandem', 'setup', { ...at(ADMIN), triggerId: 'trig.setup.again' });
    const open = await t.slack.waitFor('views.open');
    const blocks = (open.args.view as { blocks: Array<{ block_id?: string; element?: unknown }> }).blocks;
    const approval = blocks.find((b) => b.block_id === 'draft_approval')?.element as {
      initial_option?: { value: string };
    };
    expect(approval.initial_option?.value).toBe('social:any');
  });

  it('refuses a modal submission from a non-admin inside the modal', async () => {
    const before = await workspace();
    const res = await t.sender.interaction(submission(formValues('Asia/Tokyo'), MEMBER));
    expect(res.json()).toMatchObject({ response_action: 'errors' });
    expect(await workspace()).toEqual(before);
  });

  it('refuses a digest channel Tandem is not in, saying how to invite it, and takes it once invited', async () => {
    const AWAY = 'CAWAY0001';
    t.slack.setChannel({ id: AWAY, isPrivate: false, members: [ADMIN, MEMBER], withoutTandem: true });
    const before = await workspace();
    const typed = `set digest-channel <#${AWAY}|away>`;
    // Someone who may not change settings hears that, not whether Tandem is in the channel.
    const refused = reply(await t.command('/tandem', typed, at(MEMBER)));
    expect(refused.type).toBe('ephemeral');
    expect(refused.text).not.toContain('/invite @Tandem');
    const told = reply(await t.command('/tandem', typed, at(ADMIN)));
    expect(told.type).toBe('ephemeral');
    expect(told.text).toContain('/invite @Tandem');
    expect(told.text).toContain('nothing was changed');
    expect(await workspace()).toEqual(before);

    const form = formValues('Europe/London');
    form.digest_channel.value.selected_conversation = AWAY;
    const res = await t.sender.interaction(submission(form, ADMIN));
    expect(res.json()).toMatchObject({
      response_action: 'errors',
      errors: { digest_channel: expect.stringContaining('/invite @Tandem') },
    });
    expect(await workspace()).toEqual(before);

    t.slack.setChannel({ id: AWAY, isPrivate: false, members: [ADMIN, MEMBER] });
    expect(reply(await t.command('/tandem', typed, at(ADMIN))).type).toBe('in_channel');
    expect((await workspace()).digestChannel).toBe(AWAY);
  });

  it('/tandem help fits on one screen: what Tandem does and five commands to start with', async () => {
    const calls = await t.command('/tandem', 'help', at(MEMBER));
    const answer = calls.find((c) => c.method === 'response_url');
    expect(answer?.args.response_type).toBe('ephemeral');
    expect(calls.filter((c) => c.method === 'chat.postMessage')).toEqual([]);
    const blocks = answer?.args.blocks as Array<{
      text?: { text: string };
      elements?: Array<{ text: string }>;
    }>;
    const shown = blocks
      .map((b) => b.text?.text ?? b.elements?.map((e) => e.text).join(' ') ?? '')
      .join('\n');
    // One screen: a handful of blocks, about a thousand characters, a dozen lines.
    expect(blocks.length).toBeLessThanOrEqual(4);
    expect(shown.length).toBeLessThanOrEqual(1100);
    expect(shown.split('\n').length).toBeLessThanOrEqual(10);
    for (const command of ['/tandem setup', '/initiative add', '/task add', '/tandem who-owns', '/trend add'])
      expect(shown).toContain(command);
    expect(shown).toContain('/tandem help all');
  });

  it('explains every form in /tandem help all', async () => {
    const r = reply(await t.command('/tandem', 'help all', at(MEMBER)));
    expect(r.type).toBe('ephemeral');
    for (const form of ['/initiative add', '/tandem who-owns', '/tandem setup', '/tandem set timezone'])
      expect(r.text).toContain(form);
  });
});
