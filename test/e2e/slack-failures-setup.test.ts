// Setup (`/tandem setup`, its form, `/tandem set`) when Slack refuses, rate-limits or answers too
// late, with production's retry policy: settings are saved once or not at all, the admin is told
// what happened in words they can act on, and nothing is confirmed twice.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { viewSubmission } from '../harness/slack-payloads.js';
import { BACKENDS } from '../support/databases.js';
import { accepted, LATE, PRODUCTION_FAULTS, RATE_LIMITED, textOf } from '../support/slack-faults.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';

const TEAM = 'TSETUPFLT';
const ADMIN = 'UADMIN001';
const CHANNEL = 'CSETUPFLT';
let triggers = 0;
const as = (userId: string) => ({
  teamId: TEAM,
  userId,
  channelId: CHANNEL,
  triggerId: `trig.flt.${++triggers}`,
});
const mention = (id: string) => `<@${id}|${id.toLowerCase()}>`;

const form = (timezone: string) => ({
  pr_leads: { value: { type: 'multi_users_select', selected_users: ['UPR000001'] } },
  social_leads: { value: { type: 'multi_users_select', selected_users: ['USOC00001'] } },
  digest_channel: { value: { type: 'conversations_select', selected_conversation: 'CDIGEST01' } },
  digest_time: { value: { type: 'timepicker', selected_time: '08:30' } },
  timezone: { value: { type: 'plain_text_input', value: timezone } },
});

describe.each(BACKENDS)('setup when Slack fails, on %s', (backend) => {
  let t: RunningTandem;
  const workspace = () => t.db.prisma.workspace.findUniqueOrThrow({ where: { teamId: TEAM } });
  const replies = () => accepted(t.slack.callsTo('response_url')).map(textOf);
  const apologies = () => t.slack.calls.filter((c) => textOf(c).includes('Something went wrong'));

  beforeAll(async () => {
    t = await startTandem(backend, PRODUCTION_FAULTS);
    t.slack.setUser({ id: ADMIN, teamId: TEAM, isAdmin: true });
    await t.command('/tandem', 'set digest-time 09:00', as(ADMIN));
  });
  afterAll(async () => {
    await t?.stop();
  });
  beforeEach(() => t.slack.reset());

  it('expired_trigger_id on opening the form: offers a button that opens it afresh, changes nothing', async () => {
    const before = await workspace();
    t.slack.failNext('views.open', { error: 'expired_trigger_id' });
    await t.command('/tandem', 'setup', as(ADMIN));
    const told = replies();
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('too busy to open the setup form');
    expect(told[0]).toContain('tandem_setup_open');
    expect(apologies()).toEqual([]);
    expect(await workspace()).toEqual(before);
  });

  it('429 on the role lookup of /tandem set: waits out Retry-After, saves once, announces once', async () => {
    const user = 'UADMIN002'; // not yet looked up, so Tandem asks Slack who they are
    t.slack.setUser({ id: user, teamId: TEAM, isAdmin: true });
    t.slack.failNext('users.info', RATE_LIMITED);
    await t.command('/tandem', `set pr-leads ${mention('UPR000009')}`, as(user));
    expect(t.slack.callsTo('users.info').map((c) => Boolean(c.fault))).toEqual([true, false]);
    expect((await workspace()).prLeads).toEqual(['UPR000009']);
    const said = accepted(t.slack.callsTo('response_url'));
    expect(said).toHaveLength(1);
    expect(said[0]?.args.response_type).toBe('in_channel');
    expect(textOf(said[0])).toContain('set the PR leads to');
  });

  it('429 on opening the form: opened once after Retry-After, nothing more said', async () => {
    t.slack.failNext('views.open', RATE_LIMITED);
    await t.command('/tandem', 'setup', as(ADMIN));
    expect(t.slack.callsTo('views.open').map((c) => Boolean(c.fault))).toEqual([true, false]);
    expect(replies()).toEqual([]);
  });

  it('the form opening later than the client timeout: no apology, a button in case it did not open', async () => {
    t.slack.failNext('views.open', LATE);
    await t.command('/tandem', 'setup', as(ADMIN));
    expect(t.slack.callsTo('views.open')).toHaveLength(1);
    const told = replies();
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('If it did not appear');
    expect(told[0]).toContain('tandem_setup_open');
    expect(apologies()).toEqual([]);
  });

  it('the confirmation DM landing after the client timed out: saved once, confirmed once', async () => {
    t.slack.failNext('chat.postMessage', LATE);
    const res = await t.sender.interaction(
      viewSubmission({
        teamId: TEAM,
        userId: ADMIN,
        callbackId: 'tandem_setup',
        values: form('Europe/Paris'),
        privateMetadata: JSON.stringify({ channelId: CHANNEL }),
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body).not.toContain('errors');
    expect(await workspace()).toMatchObject({
      prLeads: ['UPR000001'],
      socialLeads: ['USOC00001'],
      digestChannel: 'CDIGEST01',
      digestTime: '08:30',
      timezone: 'Europe/Paris',
    });
    const dm = await t.slack.waitFor('chat.postMessage', (c) => c.args.channel === `D${ADMIN}`, 5_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // room for a second copy, had one gone
    expect(t.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === `D${ADMIN}`)).toEqual([dm]);
    expect(apologies()).toEqual([]);
  });
});
