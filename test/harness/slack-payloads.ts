import { APP_ID } from './slack-sender.js';

// Slack mints a fresh trigger_id and action_ts for every interaction, and Tandem treats a repeated
// one as a replay; each payload built here is a new interaction unless the caller says otherwise.
let sequence = 0;
const fresh = () => {
  sequence += 1;
  return sequence;
};

export interface BlockActionInput {
  teamId: string;
  userId: string;
  /** Where Tandem's answer goes: a URL on the Slack stand-in. */
  responseUrl: string;
  /** The message the control sits in: a channel message, a DM, … */
  channelId: string;
  action: { type: string; action_id: string; block_id: string; value?: string; selected_user?: string };
  /** Default: a fresh one per payload, as Slack mints; pass the same one to replay an interaction. */
  triggerId?: string;
  actionTs?: string;
}

/** A `block_actions` interaction exactly as Slack sends it for a button or select in a message. */
export function blockAction(input: BlockActionInput): Record<string, unknown> {
  const n = fresh();
  return {
    type: 'block_actions',
    team: { id: input.teamId, domain: 'tandem-test' },
    user: { id: input.userId, team_id: input.teamId },
    api_app_id: APP_ID,
    token: 'legacy',
    trigger_id: input.triggerId ?? `trig.block-action.${n}`,
    response_url: input.responseUrl,
    container: { type: 'message', channel_id: input.channelId, message_ts: '1700000000.000001' },
    channel: { id: input.channelId },
    actions: [{ ...input.action, action_ts: input.actionTs ?? `1700000000.${String(n).padStart(6, '0')}` }],
  };
}

export interface ViewSubmissionInput {
  teamId: string;
  userId: string;
  callbackId: string;
  /** `view.state.values`: block_id → action_id → element state. */
  values: Record<string, unknown>;
  privateMetadata?: string;
  viewId?: string;
  /** Default: a fresh one per payload; pass the same one to replay a submission. */
  triggerId?: string;
}

/** A `view_submission` interaction exactly as Slack sends it when a modal is submitted. */
export function viewSubmission(input: ViewSubmissionInput): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: { id: input.teamId, domain: 'tandem-test' },
    user: { id: input.userId, team_id: input.teamId },
    api_app_id: APP_ID,
    token: 'legacy',
    trigger_id: input.triggerId ?? `trig.view-submission.${fresh()}`,
    view: {
      id: input.viewId ?? 'V_SUBMITTED',
      team_id: input.teamId,
      type: 'modal',
      callback_id: input.callbackId,
      private_metadata: input.privateMetadata ?? '',
      state: { values: input.values },
      hash: 'h.view-submission',
    },
  };
}
