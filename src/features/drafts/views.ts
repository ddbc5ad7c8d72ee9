import type { ActionsBlock, KnownBlock } from '@slack/types';
import { flagsOf } from '../../core/stores/drafts.js';
import { releaseName } from '../../core/stores/releases.js';
import { DRAFT_USAGE, formatReleaseRef } from '../../domain/drafts/draft-command.js';
import { describeFlag } from '../../domain/drafts/flag-text.js';
import { measure, NETWORK_RULES, networkLabel } from '../../domain/drafts/networks.js';
import type { Network } from '../../domain/drafts/types.js';
import { UserError } from '../../domain/user-error.js';
import type { PressRelease, SocialDraft } from '../../generated/prisma/client.js';
import { context, divider, header, type SlackMessage, section } from '../../slack/blocks.js';
import { escapeText, escapeWithin, inlineCode, slackDate, userMention } from '../../slack/mrkdwn.js';

export const DRAFT_ACTIONS = {
  approve: 'draft_approve',
  regenerate: 'draft_regenerate',
  edit: 'draft_edit',
  /** Opens the draft form afresh when Slack's trigger ran out. */
  openForm: 'draft_open_form',
} as const;

/** Room left in a 3,000-character section after the network's heading line. */
const SHOWN_TEXT = 2_700;

export const releaseRef = (release: Pick<PressRelease, 'number' | 'title'>): string =>
  `*${formatReleaseRef(release.number)}*${release.title ? ` ${escapeText(release.title)}` : ''}`;

export interface DraftsView {
  /** Shown in the workspace's zone for clients too old to render Slack's date tokens. */
  timezone: string;
  initiativeNumber: number | null;
}

function embargoLine(release: PressRelease, timezone: string): string | null {
  if (!release.embargoUntil) return null;
  const fallback = release.embargoUntil.toLocaleString('en-GB', {
    timeZone: timezone,
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return `:lock: Embargoed: not before ${slackDate(release.embargoUntil, `${fallback} (${timezone})`)}`;
}

function aboutRelease(release: PressRelease, view: DraftsView): KnownBlock[] {
  const facts = [
    `From ${userMention(release.createdBy)}`,
    `tone: ${release.tone}`,
    ...(view.initiativeNumber ? [`initiative *#${view.initiativeNumber}*`] : []),
    ...(release.link
      ? [`<${release.link.replace(/[<>|\s]/g, '').replace(/&/g, '&amp;')}|release link>`]
      : []),
  ];
  const blocks: KnownBlock[] = [header(`Social drafts for ${formatReleaseRef(release.number)}`)];
  blocks.push(section(`*${escapeText(releaseName(release))}*`));
  blocks.push(context(facts.join(' · ')));
  const embargo = embargoLine(release, view.timezone);
  if (embargo) blocks.push(section(embargo));
  if (release.note) blocks.push(context(`:information_source: ${escapeText(release.note)}`));
  return blocks;
}

/** At once, before any drafting: the person sees their release was taken and is being worked on. */
export function draftingMessage(release: PressRelease, view: DraftsView): SlackMessage {
  const n = release.networks.length;
  const text = `Drafting ${formatReleaseRef(release.number)} for ${n} network${n === 1 ? '' : 's'}…`;
  return {
    text,
    blocks: [...aboutRelease(release, view), section(`:hourglass_flowing_sand: ${escapeText(text)}`)],
  };
}

function statusLine(draft: SocialDraft): string {
  if (draft.status === 'approved')
    return `:white_check_mark: Approved by ${draft.approvedBy ? userMention(draft.approvedBy) : 'a lead'}`;
  return ':eyes: Awaiting approval';
}

function provenance(draft: SocialDraft): string {
  const by =
    draft.drafter === 'edit'
      ? `edited by ${userMention(draft.createdBy)}`
      : `drafted by ${escapeText(draft.drafter)}`;
  return `v${draft.version} · ${by}`;
}

function draftBlocks(draft: SocialDraft): KnownBlock[] {
  const network = draft.network as Network;
  const rule = NETWORK_RULES[network];
  const length = measure(network, draft.text);
  // Escaped and clipped together: escaping alone can make a post five times longer.
  const escaped = escapeWithin(draft.text, SHOWN_TEXT);
  const shown = escaped === escapeText(draft.text) ? escaped : `${escaped}\n_(the full post is in Edit)_`;
  const heading = `*${networkLabel(network)}* · ${length.toLocaleString('en-US')}/${rule.limit.toLocaleString('en-US')}`;
  const flags = flagsOf(draft).map((f) => `:warning: ${escapeText(describeFlag(f, network))}`);
  const buttons: ActionsBlock['elements'] = [];
  if (draft.status !== 'approved')
    buttons.push({
      type: 'button',
      action_id: DRAFT_ACTIONS.approve,
      value: draft.id,
      style: 'primary',
      text: { type: 'plain_text', text: 'Approve' },
    });
  buttons.push(
    {
      type: 'button',
      action_id: DRAFT_ACTIONS.regenerate,
      value: draft.id,
      text: { type: 'plain_text', text: 'Regenerate' },
    },
    {
      type: 'button',
      action_id: DRAFT_ACTIONS.edit,
      value: draft.id,
      text: { type: 'plain_text', text: 'Edit' },
    },
  );
  return [
    divider,
    {
      type: 'section',
      // verbatim: the post is shown exactly as it will be published, with no auto-linking.
      text: { type: 'mrkdwn', text: `${heading}\n${shown}`, verbatim: true },
    },
    context(statusLine(draft), provenance(draft), ...flags.slice(0, 7)),
    { type: 'actions', block_id: `draft:${network}`, elements: buttons },
  ];
}

export function draftsMessage(release: PressRelease, drafts: SocialDraft[], view: DraftsView): SlackMessage {
  const approved = drafts.filter((d) => d.status === 'approved').length;
  const text = `Social drafts for ${formatReleaseRef(release.number)}: ${approved} of ${drafts.length} approved`;
  const blocks = [...aboutRelease(release, view), ...drafts.flatMap(draftBlocks)];
  if (drafts.length === 0)
    blocks.push(
      section(
        ':x: No drafts could be made. Try again with the same release: ' +
          inlineCode(`/draft ${formatReleaseRef(release.number)}`),
      ),
    );
  return { text, blocks };
}

export function draftHelpMessage(): SlackMessage {
  const lines = [
    '*Social drafts from a press release*',
    `${inlineCode(DRAFT_USAGE.modal.usage)} opens the form: release text, title, link, networks, tone, brand hashtags, embargo, initiative.`,
    `${inlineCode(DRAFT_USAGE.inline.usage)} drafts at once for every network in a neutral tone.`,
    `${inlineCode(DRAFT_USAGE.show.usage)} shows a release's drafts again (or posts them here if they never got posted).`,
    'On any message: *More actions → Draft social posts* opens the form with that message as the release (no length limit).',
    'Each draft has Approve (PR or social leads), Regenerate (a new version; old ones are kept) and Edit. Drafts are checked against the release: numbers, names, dates and quotes not in it are flagged.',
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
