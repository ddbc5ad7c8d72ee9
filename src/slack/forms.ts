import type { RespondFn } from '@slack/bolt';
import type { View } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { context, type SlackMessage, section } from './blocks.js';
import { escapeText } from './mrkdwn.js';
import { platformError, privately } from './reply.js';

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
 * click carries a fresh trigger. Any other refusal is an error as usual.
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
    if (platformError(error) !== 'expired_trigger_id') throw error;
    await privately(respond, { keepOriginal: true })(formExpiredMessage(reopen));
    return 'offered';
  }
}

export function formExpiredMessage(reopen: Reopen): SlackMessage {
  const text = `Tandem was too busy to open ${reopen.what} in time — nothing was lost. Open it now:`;
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
