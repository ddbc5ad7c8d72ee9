import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { formatReleaseRef } from '../../domain/drafts/draft-command.js';
import { describeFlag } from '../../domain/drafts/flag-text.js';
import { measure, NETWORK_RULES, networkLabel } from '../../domain/drafts/networks.js';
import { type PostState, postState } from '../../domain/drafts/post-state.js';
import type { Network } from '../../domain/drafts/types.js';
import { formatTaskRef } from '../../domain/tasks/task-ref.js';
import type { PressRelease, SocialDraft, Task } from '../../generated/prisma/client.js';
import { context, divider, header, type SlackMessage, section } from '../../slack/blocks.js';
import { escapeText, escapeWithin, inlineCode, slackDate, userMention } from '../../slack/mrkdwn.js';
import { flagsOf } from '../stores/drafts.js';
import { releaseName } from '../stores/releases.js';
import { CLAIM_ACTION } from '../task-messages/views.js';

/** The card's buttons; Claim is the tasks' own, so it claims the amplify line like any task. */
export const CARD_ACTIONS = {
  approve: 'draft_approve',
  requestChanges: 'draft_request_changes',
  regenerate: 'draft_regenerate',
  edit: 'draft_edit',
  schedule: 'draft_schedule',
  markPosted: 'draft_mark_posted',
  claim: CLAIM_ACTION,
} as const;

/** Room left in a 3,000-character section after the network's heading line. */
const SHOWN_TEXT = 2_700;

export interface CardView {
  /** Shown in the workspace's zone for clients too old to render Slack's date tokens. */
  timezone: string;
  initiativeNumber: number | null;
}

/** One network on the card: its newest draft and its amplify line, once there is one. */
export interface CardLine {
  draft: SocialDraft;
  task: Task | null;
}

export function when(at: Date, timezone: string): string {
  const fallback = at.toLocaleString('en-GB', {
    timeZone: timezone,
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return slackDate(at, `${fallback} (${timezone})`);
}

/** A link Slack renders as a link and nothing else: no brackets or pipes can break out of it. */
export function safeLink(url: string, label: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes.
  const clean = url.replace(/[<>|\s\u0000-\u001f\u007f]/g, '').replace(/&/g, '&amp;');
  return /^https?:\/\/[^/]/i.test(clean) ? `<${clean}|${label}>` : label;
}

function aboutRelease(release: PressRelease, view: CardView): KnownBlock[] {
  const facts = [
    `From ${userMention(release.createdBy)}`,
    `tone: ${release.tone}`,
    ...(view.initiativeNumber ? [`initiative *#${view.initiativeNumber}*`] : []),
    ...(release.link ? [safeLink(release.link, 'release link')] : []),
  ];
  const blocks: KnownBlock[] = [header(`Social drafts for ${formatReleaseRef(release.number)}`)];
  blocks.push(section(`*${escapeText(releaseName(release))}*`));
  blocks.push(context(facts.join(' · ')));
  if (release.embargoUntil)
    blocks.push(section(`:lock: Embargoed: not before ${when(release.embargoUntil, view.timezone)}`));
  if (release.note) blocks.push(context(`:information_source: ${escapeText(release.note)}`));
  return blocks;
}

/** At once, before any drafting: the person sees their release was taken and is being worked on. */
export function draftingMessage(release: PressRelease, view: CardView): SlackMessage {
  const n = release.networks.length;
  const text = `Drafting ${formatReleaseRef(release.number)} for ${n} network${n === 1 ? '' : 's'}…`;
  return {
    text,
    blocks: [...aboutRelease(release, view), section(`:hourglass_flowing_sand: ${escapeText(text)}`)],
  };
}

const STATE_LABEL: Record<PostState, string> = {
  drafted: ':eyes: Awaiting approval',
  'changes-requested': ':memo: Changes requested',
  approved: ':white_check_mark: Approved',
  scheduled: ':calendar: Scheduled',
  posted: ':rocket: Posted',
};

function stateLine(line: CardLine, state: PostState, view: CardView): string {
  const { draft, task } = line;
  const label = STATE_LABEL[state];
  switch (state) {
    case 'drafted': {
      const half = draft.prApprovedBy ?? draft.socialApprovedBy;
      if (!half) return label;
      const side = draft.prApprovedBy ? 'PR' : 'social';
      const other = draft.prApprovedBy ? 'a social lead' : 'a PR lead';
      return `${label} · ${side} approved by ${userMention(half)}, waiting for ${other}`;
    }
    case 'changes-requested':
      return `${label} by ${userMention(draft.changesRequestedBy ?? '')}: “${escapeText(draft.changesReason ?? '')}”`;
    case 'approved':
      return `${label} by ${draft.approvedBy ? userMention(draft.approvedBy) : 'a lead'}`;
    case 'scheduled':
      return `${label} for ${when(task?.postAt ?? new Date(0), view.timezone)} · approved by ${draft.approvedBy ? userMention(draft.approvedBy) : 'a lead'}`;
    case 'posted':
      return `${label}${task?.postedUrl ? ` ${safeLink(task.postedUrl, 'live post')}` : ''}${task?.doneBy ? ` by ${userMention(task.doneBy)}` : ''}`;
  }
}

function amplifyLine(task: Task | null): string | null {
  if (!task) return null;
  const ref = `Amplify *${formatTaskRef(task.number)}*`;
  if (task.status === 'done') return `${ref}: done`;
  return task.assigneeId ? `${ref}: claimed by ${userMention(task.assigneeId)}` : `${ref}: unclaimed`;
}

function provenance(draft: SocialDraft): string {
  const by =
    draft.drafter === 'edit'
      ? `edited by ${userMention(draft.createdBy)}`
      : `drafted by ${escapeText(draft.drafter)}`;
  return `v${draft.version} · ${by}`;
}

const button = (actionId: string, value: string, text: string, style?: 'primary'): Button => ({
  type: 'button',
  action_id: actionId,
  value,
  text: { type: 'plain_text', text },
  ...(style ? { style } : {}),
});

function buttonsFor(line: CardLine, state: PostState): ActionsBlock['elements'] {
  const { draft, task } = line;
  const buttons: ActionsBlock['elements'] = [];
  if (state === 'drafted' || state === 'changes-requested') {
    buttons.push(button(CARD_ACTIONS.approve, draft.id, 'Approve', 'primary'));
    if (state === 'drafted') buttons.push(button(CARD_ACTIONS.requestChanges, draft.id, 'Request changes'));
  }
  if (state !== 'posted') {
    buttons.push(button(CARD_ACTIONS.edit, draft.id, 'Edit'));
    buttons.push(button(CARD_ACTIONS.regenerate, draft.id, 'Regenerate'));
  }
  if (task && task.status !== 'done') {
    if (!task.assigneeId) buttons.push(button(CARD_ACTIONS.claim, String(task.number), 'Claim'));
    buttons.push(button(CARD_ACTIONS.schedule, task.id, 'Schedule'));
    if (draft.status === 'approved') buttons.push(button(CARD_ACTIONS.markPosted, task.id, 'Mark posted'));
  }
  return buttons;
}

function networkBlocks(line: CardLine, view: CardView): KnownBlock[] {
  const { draft, task } = line;
  const network = draft.network as Network;
  const rule = NETWORK_RULES[network];
  const length = measure(network, draft.text);
  // Escaped and clipped together: escaping alone can make a post five times longer.
  const escaped = escapeWithin(draft.text, SHOWN_TEXT);
  const shown = escaped === escapeText(draft.text) ? escaped : `${escaped}\n_(the full post is in Edit)_`;
  const heading = `*${networkLabel(network)}* · ${length.toLocaleString('en-US')}/${rule.limit.toLocaleString('en-US')}`;
  const flags = flagsOf(draft).map((f) => `:warning: ${escapeText(describeFlag(f, network))}`);
  const state = postState(draft, task);
  const amplify = amplifyLine(task);
  const blocks: KnownBlock[] = [
    divider,
    // verbatim: the post is shown exactly as it will be published, with no auto-linking.
    { type: 'section', text: { type: 'mrkdwn', text: `${heading}\n${shown}`, verbatim: true } },
    context(
      stateLine(line, state, view),
      ...(amplify ? [amplify] : []),
      provenance(draft),
      ...flags.slice(0, 7),
    ),
  ];
  const buttons = buttonsFor(line, state);
  if (buttons.length > 0) blocks.push({ type: 'actions', block_id: `draft:${network}`, elements: buttons });
  return blocks;
}

/** The release's one channel message: every network's draft, state, amplify line and actions. */
export function releaseCard(release: PressRelease, lines: CardLine[], view: CardView): SlackMessage {
  const approved = lines.filter((l) => l.draft.status === 'approved').length;
  const posted = lines.filter((l) => l.task?.status === 'done').length;
  const ref = formatReleaseRef(release.number);
  const text = `Social drafts for ${ref}: ${approved} of ${lines.length} approved, ${posted} posted`;
  const blocks = [...aboutRelease(release, view), ...lines.flatMap((l) => networkBlocks(l, view))];
  if (lines.length === 0)
    blocks.push(
      section(`:x: No drafts could be made. Try again with the same release: ${inlineCode(`/draft ${ref}`)}`),
    );
  return { text, blocks };
}
