import { CARD_ACTIONS, when } from '../../core/release-card/views.js';
import { type WeekData, weekBlocks } from '../../core/release-card/week.js';
import { DRAFT_USAGE, formatReleaseRef } from '../../domain/drafts/draft-command.js';
import { UserError } from '../../domain/user-error.js';
import type { PressRelease } from '../../generated/prisma/client.js';
import { header, type SlackMessage, section } from '../../slack/blocks.js';
import { inlineCode } from '../../slack/mrkdwn.js';

export const DRAFT_ACTIONS = {
  ...CARD_ACTIONS,
  /** Opens the draft form afresh when Slack's trigger ran out. */
  openForm: 'draft_open_form',
} as const;

export function draftHelpMessage(): SlackMessage {
  const lines = [
    '*Social drafts from a press release*',
    `${inlineCode(DRAFT_USAGE.modal.usage)} opens the form: release text, title, link, networks, tone, brand hashtags, embargo, initiative.`,
    `${inlineCode(DRAFT_USAGE.inline.usage)} drafts at once for every network in a neutral tone.`,
    `${inlineCode(DRAFT_USAGE.show.usage)} shows a release's card again (or posts it here if it never got posted).`,
    `${inlineCode(DRAFT_USAGE.week.usage)} lists this week's posts per network: scheduled, awaiting approval, posted.`,
    'On any message: *More actions → Draft social posts* opens the form with that message as the release (no length limit).',
    'One card per release, one section per network: drafted → approved (or changes requested) → scheduled → posted. Approvers have Approve and Request changes; anyone can Edit or Regenerate (a new version; old ones are kept). The social team claims each network’s amplify line on the card, sets its posting time with Schedule (the embargo lift by default) and closes it with Mark posted and the live link. Drafts are checked against the release: numbers, names, dates and quotes not in it are flagged.',
    `Example: ${inlineCode(DRAFT_USAGE.inline.example)}`,
  ];
  return { text: 'How /draft works', blocks: [section(lines.join('\n'))] };
}

export function draftNoteMessage(text: string): SlackMessage {
  return { text: text.replace(/[*`]/g, ''), blocks: [section(text)] };
}

/**
 * The release is already saved whatever Slack said: the reply must say so (never "nothing was
 * changed"), and how to get its drafts posted. `refusal` is Slack's reason for refusing the channel.
 */
export function notPostedError(release: PressRelease, channel: string, refusal: string | null): UserError {
  const ref = formatReleaseRef(release.number);
  if (refusal)
    return new UserError(
      `Your release is saved as *${ref}*, but Tandem cannot post in <#${channel}> (${refusal}). Invite it with \`/invite @Tandem\` and run \`/draft ${ref}\` there, or run that in any channel Tandem is in.`,
      `/draft ${ref}`,
      `/draft ${ref}`,
    );
  return new UserError(
    `Your release is saved as *${ref}*, but Slack did not take the drafts message just now. Run \`/draft ${ref}\` in a moment to try again.`,
    `/draft ${ref}`,
    `/draft ${ref}`,
  );
}

/** In place of "Drafting…" when drafting broke on Tandem's side. */
export function draftingFailedMessage(release: PressRelease): SlackMessage {
  const ref = formatReleaseRef(release.number);
  return draftNoteMessage(
    `:x: Drafting ${ref} failed. The release is saved: run \`/draft ${ref}\` to try again.`,
  );
}

export function draftingFailedError(release: PressRelease): UserError {
  const ref = formatReleaseRef(release.number);
  return new UserError(
    `Drafting *${ref}* failed on Tandem's side. The release is saved: run \`/draft ${ref}\` to try again.`,
    `/draft ${ref}`,
    `/draft ${ref}`,
  );
}

/** `/draft week`, privately: per network, what is scheduled, awaiting approval and posted. */
export function weekMessage(week: WeekData, timezone: string): SlackMessage {
  const n = week.entries.length;
  return {
    text: `Social posts this week: ${n} line${n === 1 ? '' : 's'}`,
    blocks: [
      header('Social posts this week'),
      section(`Week from ${when(week.from, timezone)}, per network.`),
      ...weekBlocks(week, timezone),
    ],
  };
}
