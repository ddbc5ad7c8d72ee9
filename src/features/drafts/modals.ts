import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { formatReleaseRef } from '../../domain/drafts/draft-command.js';
import { NETWORK_RULES, networkLabel } from '../../domain/drafts/networks.js';
import { NETWORKS, TONES } from '../../domain/drafts/types.js';
import type { Initiative, PressRelease, SocialDraft } from '../../generated/prisma/client.js';
import { clip, context, input, modalFrame, section } from '../../slack/blocks.js';
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
    blocks.push(
      input(
        FIELDS.release,
        'Press release',
        {
          type: 'plain_text_input',
          action_id: FIELDS.release,
          multiline: true,
          max_length: MODAL_TEXT_MAX,
          placeholder: { type: 'plain_text', text: 'HEADLINE\n\nCITY — First paragraph…' },
        },
        {
          hint: `Paste the whole release. Longer than ${MODAL_TEXT_MAX.toLocaleString('en-US')} characters? Post it in a channel and use "Draft social posts" on the message.`,
        },
      ),
    );
  }
  blocks.push(
    input(
      FIELDS.title,
      'Title',
      {
        type: 'plain_text_input',
        action_id: FIELDS.title,
        max_length: 150,
        ...(stored?.title ? { initial_value: stored.title } : {}),
      },
      { optional: true },
    ),
    input(
      FIELDS.link,
      'Link to the release',
      { type: 'url_text_input', action_id: FIELDS.link },
      { optional: true },
    ),
    input(FIELDS.networks, 'Networks', {
      type: 'multi_static_select',
      action_id: FIELDS.networks,
      options: networkOptions,
      initial_options: networkOptions,
    }),
    input(FIELDS.tone, 'Tone', {
      type: 'static_select',
      action_id: FIELDS.tone,
      options: TONES.map((t) => option(t, t)),
      initial_option: option('neutral', 'neutral'),
    }),
    input(
      FIELDS.hashtags,
      'Brand hashtags',
      {
        type: 'plain_text_input',
        action_id: FIELDS.hashtags,
        max_length: 300,
        placeholder: { type: 'plain_text', text: '#Acme #CleanEnergy' },
      },
      { optional: true },
    ),
    input(
      FIELDS.embargo,
      'Embargo: not before',
      { type: 'datetimepicker', action_id: FIELDS.embargo },
      { optional: true, hint: 'In your own time zone. Leave empty if the release is public.' },
    ),
  );
  if (initiatives.length > 0) {
    blocks.push(
      input(
        FIELDS.initiative,
        'Initiative',
        {
          type: 'static_select',
          action_id: FIELDS.initiative,
          options: initiatives.slice(0, 100).map((i) => option(i.id, `#${i.number} ${i.title}`)),
        },
        { optional: true, hint: 'Leave empty to start a new press-release initiative owned by the PR lead.' },
      ),
    );
  }
  return { ...modalFrame(DRAFT_MODAL, JSON.stringify(metadata), 'Draft social posts', 'Draft'), blocks };
}

export function editModal(draft: SocialDraft): ModalView {
  const network = draft.network as (typeof NETWORKS)[number];
  const rule = NETWORK_RULES[network];
  return {
    ...modalFrame(EDIT_MODAL, draft.id, `Edit ${networkLabel(network)} post`, 'Save'),
    blocks: [
      input(
        FIELDS.text,
        `Post (v${draft.version})`,
        {
          type: 'plain_text_input',
          action_id: FIELDS.text,
          multiline: true,
          initial_value: draft.text,
          max_length: MODAL_TEXT_MAX,
        },
        {
          hint: `At most ${rule.limit.toLocaleString('en-US')} ${rule.unit}${network === 'x' ? '; every link counts as 23' : ''}. Saving makes a new version that needs approval again.`,
        },
      ),
      context("The release stays as it is; this changes only this network's post."),
    ],
  };
}
