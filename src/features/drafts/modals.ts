import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { formatReleaseRef } from '../../domain/drafts/draft-command.js';
import { NETWORK_RULES, networkLabel } from '../../domain/drafts/networks.js';
import { NETWORKS, TONES } from '../../domain/drafts/types.js';
import type { Initiative, PressRelease, SocialDraft } from '../../generated/prisma/client.js';
import { clip, context, section } from '../../slack/blocks.js';
import { escapeText } from '../../slack/mrkdwn.js';

export const DRAFT_MODAL = 'draft_modal';
export const EDIT_MODAL = 'draft_edit_modal';
/** Slack's cap on a plain_text_input; longer releases come in through the message shortcut. */
export const MODAL_TEXT_MAX = 3000;

/** block id = action id for each field, so the submission reads `values[id][id]`. */
export const FIELDS = {
  release: 'release',
  title: 'title',
  link: 'link',
  networks: 'networks',
  tone: 'tone',
  hashtags: 'hashtags',
  embargo: 'embargo',
  initiative: 'initiative',
  text: 'text',
} as const;

export interface DraftModalMetadata {
  channelId: string;
  /** Set when the release was already stored (the message shortcut). */
  releaseId?: string;
}

const option = (value: string, text: string): PlainTextOption => ({
  value,
  text: { type: 'plain_text', text: clip(text, 75) },
});

const optional = (block: KnownBlock): KnownBlock => ({ ...block, optional: true }) as KnownBlock;

export function draftModal(
  metadata: DraftModalMetadata,
  initiatives: Initiative[],
  stored?: PressRelease,
): ModalView {
  const networkOptions = NETWORKS.map((n) =>
    option(n, `${networkLabel(n)} (${NETWORK_RULES[n].limit.toLocaleString('en-US')})`),
  );
  const blocks: KnownBlock[] = [];
  if (stored) {
    blocks.push(
      section(
        `*Press release ${formatReleaseRef(stored.number)}* (saved, ${stored.body.length.toLocaleString('en-US')} characters):\n>${escapeText(clip(stored.body, 500)).replace(/\n/g, '\n>')}`,
      ),
    );
  } else {
    blocks.push({
      type: 'input',
      block_id: FIELDS.release,
      label: { type: 'plain_text', text: 'Press release' },
      hint: {
        type: 'plain_text',
        text: `Paste the whole release. Longer than ${MODAL_TEXT_MAX.toLocaleString('en-US')} characters? Post it in a channel and use "Draft social posts" on the message.`,
      },
      element: {
        type: 'plain_text_input',
        action_id: FIELDS.release,
        multiline: true,
        max_length: MODAL_TEXT_MAX,
        placeholder: { type: 'plain_text', text: 'HEADLINE\n\nCITY — First paragraph…' },
      },
    });
  }
  blocks.push(
    optional({
      type: 'input',
      block_id: FIELDS.title,
      label: { type: 'plain_text', text: 'Title' },
      element: {
        type: 'plain_text_input',
        action_id: FIELDS.title,
        max_length: 150,
        ...(stored?.title ? { initial_value: stored.title } : {}),
      },
    }),
    optional({
      type: 'input',
      block_id: FIELDS.link,
      label: { type: 'plain_text', text: 'Link to the release' },
      element: { type: 'url_text_input', action_id: FIELDS.link },
    }),
    {
      type: 'input',
      block_id: FIELDS.networks,
      label: { type: 'plain_text', text: 'Networks' },
      element: {
        type: 'multi_static_select',
        action_id: FIELDS.networks,
        options: networkOptions,
        initial_options: networkOptions,
      },
    },
    {
      type: 'input',
      block_id: FIELDS.tone,
      label: { type: 'plain_text', text: 'Tone' },
      element: {
        type: 'static_select',
        action_id: FIELDS.tone,
        options: TONES.map((t) => option(t, t)),
        initial_option: option('neutral', 'neutral'),
      },
    },
    optional({
      type: 'input',
      block_id: FIELDS.hashtags,
      label: { type: 'plain_text', text: 'Brand hashtags' },
      element: {
        type: 'plain_text_input',
        action_id: FIELDS.hashtags,
        max_length: 300,
        placeholder: { type: 'plain_text', text: '#Acme #CleanEnergy' },
      },
    }),
    optional({
      type: 'input',
      block_id: FIELDS.embargo,
      label: { type: 'plain_text', text: 'Embargo: not before' },
      hint: { type: 'plain_text', text: 'In your own time zone. Leave empty if the release is public.' },
      element: { type: 'datetimepicker', action_id: FIELDS.embargo },
    }),
  );
  if (initiatives.length > 0) {
    blocks.push(
      optional({
        type: 'input',
        block_id: FIELDS.initiative,
        label: { type: 'plain_text', text: 'Initiative' },
        hint: {
          type: 'plain_text',
          text: 'Leave empty to start a new press-release initiative owned by the PR lead.',
        },
        element: {
          type: 'static_select',
          action_id: FIELDS.initiative,
          options: initiatives.slice(0, 100).map((i) => option(i.id, `#${i.number} ${i.title}`)),
        },
      }),
    );
  }
  return {
    type: 'modal',
    callback_id: DRAFT_MODAL,
    private_metadata: JSON.stringify(metadata),
    title: { type: 'plain_text', text: 'Draft social posts' },
    submit: { type: 'plain_text', text: 'Draft' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks,
  };
}

export function editModal(draft: SocialDraft): ModalView {
  const network = draft.network as (typeof NETWORKS)[number];
  const rule = NETWORK_RULES[network];
  return {
    type: 'modal',
    callback_id: EDIT_MODAL,
    private_metadata: draft.id,
    title: { type: 'plain_text', text: clip(`Edit ${networkLabel(network)} post`, 24) },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: FIELDS.text,
        label: { type: 'plain_text', text: `Post (v${draft.version})` },
        hint: {
          type: 'plain_text',
          text: `At most ${rule.limit.toLocaleString('en-US')} ${rule.unit}${network === 'x' ? '; every link counts as 23' : ''}. Saving makes a new version that needs approval again.`,
        },
        element: {
          type: 'plain_text_input',
          action_id: FIELDS.text,
          multiline: true,
          initial_value: draft.text,
          max_length: MODAL_TEXT_MAX,
        },
      },
      context("The release stays as it is; this changes only this network's post."),
    ],
  };
}
