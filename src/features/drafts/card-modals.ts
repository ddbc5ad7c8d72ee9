import type { ModalView } from '@slack/types';
import { formatReleaseRef } from '../../domain/drafts/draft-command.js';
import { networkLabel } from '../../domain/drafts/networks.js';
import type { Network } from '../../domain/drafts/types.js';
import type { PressRelease, SocialDraft, Task } from '../../generated/prisma/client.js';
import { context, input, modalFrame } from '../../slack/blocks.js';

export const CHANGES_MODAL = 'draft_changes_modal';
export const SCHEDULE_MODAL = 'draft_schedule_modal';
export const POSTED_MODAL = 'draft_posted_modal';

/** block id = action id for each field, so the submission reads `values[id][id]`. */
export const CARD_FIELDS = { reason: 'reason', postAt: 'post_at', url: 'url' } as const;

/** Longest reason kept: it is shown on the card and sent to the author. */
export const MAX_REASON = 500;

export function changesModal(draft: SocialDraft, release: PressRelease): ModalView {
  const network = networkLabel(draft.network as Network);
  return {
    ...modalFrame(CHANGES_MODAL, draft.id, `Changes to ${network}`, 'Send'),
    blocks: [
      input(
        CARD_FIELDS.reason,
        'What should change?',
        {
          type: 'plain_text_input',
          action_id: CARD_FIELDS.reason,
          multiline: true,
          max_length: MAX_REASON,
        },
        {
          hint: `Shown on ${formatReleaseRef(release.number)}'s card and sent to the draft's author. E.g. "Lead with the 120 jobs, not the plant."`,
        },
      ),
    ],
  };
}

export function scheduleModal(task: Task, initial: Date): ModalView {
  const network = networkLabel(task.network as Network);
  return {
    ...modalFrame(SCHEDULE_MODAL, task.id, `Schedule ${network}`, 'Schedule'),
    blocks: [
      input(CARD_FIELDS.postAt, 'Post it at', {
        type: 'datetimepicker',
        action_id: CARD_FIELDS.postAt,
        initial_date_time: Math.floor(initial.getTime() / 1000),
      }),
      context('The amplify line falls due that day and is nudged like any task. Never before the embargo.'),
    ],
  };
}

export function postedModal(task: Task): ModalView {
  const network = networkLabel(task.network as Network);
  return {
    ...modalFrame(POSTED_MODAL, task.id, `Posted on ${network}`, 'Mark posted'),
    blocks: [
      input(
        CARD_FIELDS.url,
        'Link to the live post',
        { type: 'url_text_input', action_id: CARD_FIELDS.url },
        { hint: 'E.g. https://www.linkedin.com/feed/update/urn:li:activity:123' },
      ),
    ],
  };
}
