// Production acks a slash command at once and works on it from a queue. Slack honours the
// command's trigger_id for three seconds only, so a form asked for while the queue is busy can no
// longer be opened with it: the person gets a private message with a button instead (its click
// brings a fresh trigger), never silence. The button asks the policy like the command did.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackCall } from '../harness/fake-slack.js';
import { blockAction } from '../harness/slack-payloads.js';
import { BACKENDS } from '../support/databases.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';

const TEAM = 'T_TRIGGER';
const ADMIN = 'UADMIN001';
const MEMBER = 'UMEMBER01';
const CHANNEL = 'C_PUBLIC';
const PRIVATE = 'C_PRIVATE';
const QUEUE_WAIT_MS = 600;

/** The button in a private reply sent through this response_url, if any. */
function buttonIn(calls: SlackCall[], responseUrlId: string) {
  const reply = calls.find((c) => c.method === 'response_url' && c.args.responseUrlId === responseUrlId);
  const blocks = (reply?.args.blocks ?? []) as Array<{ accessory?: { action_id: string; value: string } }>;
  return { reply, button: blocks.find((b) => b.accessory)?.accessory };
}

describe.each(BACKENDS)('a form asked for while the queue is busy, on %s', (backend) => {
  let t: RunningTandem;
  beforeAll(async () => {
    t = await startTandem(backend, {
      // One command at a time, and a slow reply ahead in the queue: the form's turn comes after
      // its trigger expired. A 300 ms lifetime stands for Slack's 3 s so the test stays quick.
      limits: { commands: { concurrency: 1 } },
      slack: { triggerLifetimeMs: 300, latencyMs: { response_url: QUEUE_WAIT_MS } },
    });
    t.slack.setUser({ id: ADMIN, teamId: TEAM, isAdmin: true });
    t.slack.setUser({ id: MEMBER, teamId: TEAM });
    t.slack.setChannel({ id: PRIVATE, isPrivate: true, members: [ADMIN] });
    // An admin's first setup, so the member is no longer covered by the first-setup grace.
    await t.command('/tandem', 'set timezone Europe/Paris', {
      teamId: TEAM,
      userId: ADMIN,
      channelId: CHANNEL,
    });
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** A slow command, then the form's command behind it; returns the form command's response_url id. */
  async function behindBusyQueue(command: string, text: string, userId: string, channelId: string) {
    const id = `${command}-${text}-${Math.random()}`;
    t.slack.reset();
    await t.ackSender.command('/tandem', 'settings', { teamId: TEAM, userId, channelId });
    const acked = await t.ackSender.command(command, text, {
      teamId: TEAM,
      userId,
      channelId,
      responseUrl: t.slack.responseUrl(id),
    });
    expect(acked.status).toBe(200);
    await t.settled();
    return id;
  }

  async function click(userId: string, button: { action_id: string; value: string }, channelId: string) {
    t.slack.reset();
    const id = `click-${Math.random()}`;
    await t.sender.interaction(
      blockAction({
        teamId: TEAM,
        userId,
        channelId,
        responseUrl: t.slack.responseUrl(id),
        action: { type: 'button', block_id: 'b', ...button },
      }),
    );
    return id;
  }

  it('/tandem setup: offers a button, which opens the form for an admin and refuses a member', async () => {
    const id = await behindBusyQueue('/tandem', 'setup', ADMIN, CHANNEL);
    expect(t.slack.callsTo('views.open')).toHaveLength(1);
    const { reply, button } = buttonIn(t.slack.calls, id);
    expect(reply?.args.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply?.args.blocks)).toContain('too busy to open the setup form');
    if (!button) throw new Error('no button offered');

    const refusedId = await click(MEMBER, button, CHANNEL);
    expect(t.slack.callsTo('views.open')).toHaveLength(0);
    const refusal = t.slack.calls.find((c) => c.args.responseUrlId === refusedId);
    expect(refusal?.args.response_type).toBe('ephemeral');
    expect(JSON.stringify(refusal?.args)).toMatch(/admin/i);

    const openedId = await click(ADMIN, button, CHANNEL);
    const [open] = t.slack.callsTo('views.open');
    expect(open?.fault).toBeUndefined();
    expect(open?.args.view).toMatchObject({ callback_id: 'tandem_setup' });
    // The offer is gone once the form opened.
    const cleared = t.slack.calls.find((c) => c.args.responseUrlId === openedId);
    expect(cleared?.args.delete_original).toBe(true);
  });

  it('/draft: offers a button, which opens the draft form where the clicker may draft', async () => {
    const id = await behindBusyQueue('/draft', '', ADMIN, PRIVATE);
    const { button } = buttonIn(t.slack.calls, id);
    if (!button) throw new Error('no button offered');

    // The button's value names the channel; someone outside that private channel who forges the
    // click from elsewhere cannot draft into it.
    await click(MEMBER, button, CHANNEL);
    expect(t.slack.callsTo('views.open')).toHaveLength(0);
    expect(JSON.stringify(t.slack.callsTo('response_url')[0]?.args)).toContain('private');

    await click(ADMIN, button, PRIVATE);
    const [open] = t.slack.callsTo('views.open');
    const view = open?.args.view as { callback_id?: string; private_metadata?: string };
    expect(view.callback_id).toBe('draft_modal');
    expect(JSON.parse(view.private_metadata ?? '{}')).toMatchObject({ channelId: PRIVATE });
  });

  it('opens the form at once when the trigger is still fresh', async () => {
    t.slack.reset();
    await t.command('/tandem', 'setup', { teamId: TEAM, userId: ADMIN, channelId: CHANNEL });
    expect(t.slack.callsTo('views.open').map((c) => c.fault ?? false)).toEqual([false]);
    expect(t.slack.callsTo('response_url')).toHaveLength(0);
  });
});
