import type { RespondFn } from '@slack/bolt';
import type { View } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { context, type SlackMessage, section } from './blocks.js';
import { escapeText } from './mrkdwn.js';
import { platformError, privately } from './reply.js';
import { timedOut } from './timed-out.js';

/** A button that opens the form afresh: its click brings a new trigger_id. */
export interface Reopen {
  actionId: string;
  value: string;
  /** The form, as the person would name it ("the setup form"). */
  what: string;
}

/**
 * Opens a modal with the trigger Slack gave the person's action. Slack honours a trigger for
 * three seconds; a command that waited its turn in a busy queue may be past that, and the modal
 * would silently never appear. The person gets a private message with a button instead, whose
 * click carries a fresh trigger. An answer that came too late most likely opened the form, so
 * the same button is offered only in case it did not. Any other refusal is an error as usual.
 */
export async function openForm(
  client: WebClient,
  respond: RespondFn,
  triggerId: string,
  view: View,
  reopen: Reopen,
): Promise<'opened' | 'offered'> {
  try {
    await client.views.open({ trigger_id: triggerId, view });
    return 'opened';
  } catch (error) {
    const late = timedOut(error);
    if (!late && platformError(error) !== 'expired_trigger_id') throw error;
    await privately(respond, { keepOriginal: true })(formNotOpenedMessage(reopen, late ? 'slow' : 'expired'));
    return 'offered';
  }
}

export function formNotOpenedMessage(reopen: Reopen, why: 'expired' | 'slow'): SlackMessage {
  const text =
    why === 'expired'
      ? `Tandem was too busy to open ${reopen.what} in time — nothing was lost. Open it now:`
      : `Slack was slow to open ${reopen.what}. If it did not appear, open it here — nothing has changed yet:`;
  return {
    text,
    blocks: [
      section(`:hourglass: ${escapeText(text)}`, {
        type: 'button',
        text: { type: 'plain_text', text: 'Open the form' },
        action_id: reopen.actionId,
        value: reopen.value,
      }),
      context('Slack gives a form three seconds to open after you ask.'),
    ],
  };
}
