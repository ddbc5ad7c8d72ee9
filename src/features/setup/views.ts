import type { InputBlock, KnownBlock, ModalView } from '@slack/types';
import type { WorkspaceSettings } from '../../core/settings.js';
import { DISCIPLINE_LABELS } from '../../domain/initiatives/kinds.js';
import type { TandemSetting } from '../../domain/setup/tandem-types.js';
import { context, fields, input, modalFrame, type SlackMessage, section } from '../../slack/blocks.js';
import { channelMention, escapeText, inlineCode, userList, userMention } from '../../slack/mrkdwn.js';

export const SETUP_VIEW_ID = 'tandem_setup';
/** Who approves a draft: one approval from any of them is enough. */
const APPROVERS_TEXT = { pr: 'a PR lead', social: 'a social lead', both: 'a PR or social lead' } as const;

/** The button that opens the setup form afresh when Slack's trigger ran out. */
export const SETUP_OPEN_ACTION = 'tandem_setup_open';

/** block_id / action_id pairs of the setup modal; the submission parser reads the same ones. */
export const SETUP_FIELDS = {
  prLeads: { block: 'pr_leads', action: 'value' },
  socialLeads: { block: 'social_leads', action: 'value' },
  digestChannel: { block: 'digest_channel', action: 'value' },
  digestTime: { block: 'digest_time', action: 'value' },
  timezone: { block: 'timezone', action: 'value' },
  drafts: { block: 'draft_approval', action: 'value' },
} as const;

/**
 * Who approves a release's drafts, as one choice: whose approval counts, and whether one is
 * enough. A PR lead and a social lead both is the only rule that asks for two approvals.
 */
export const DRAFT_APPROVAL_CHOICES = {
  'both:any': { approvers: 'both', approval: 'any', text: 'One approval: a PR lead or a social lead' },
  'both:all': { approvers: 'both', approval: 'all', text: 'Two approvals: a PR lead and a social lead' },
  'pr:any': { approvers: 'pr', approval: 'any', text: 'A PR lead' },
  'social:any': { approvers: 'social', approval: 'any', text: 'A social lead' },
} as const;
export type DraftApprovalChoice = keyof typeof DRAFT_APPROVAL_CHOICES;

function draftApprovalChoice(ws: WorkspaceSettings): DraftApprovalChoice {
  return ws.draftApprovers === 'both' ? `both:${ws.draftApproval}` : `${ws.draftApprovers}:any`;
}

function settingsFields(ws: WorkspaceSettings): KnownBlock {
  return fields([
    ['PR leads', userList(ws.prLeads)],
    ['Social leads', userList(ws.socialLeads)],
    ['Digest channel', ws.digestChannel ? channelMention(ws.digestChannel) : '_not set_'],
    ['Digest time', `${ws.digestTime} (${escapeText(ws.timezone)})`],
    ['Time zone', escapeText(ws.timezone)],
    [
      'Nudges',
      `${windowsText(ws.nudgeWindows)}; quiet ${ws.quietHours.start === ws.quietHours.end ? 'never' : `${ws.quietHours.start}–${ws.quietHours.end}`}`,
    ],
    [
      'Draft approvers',
      ws.draftApprovers === 'both' && ws.draftApproval === 'all'
        ? 'a PR lead and a social lead'
        : APPROVERS_TEXT[ws.draftApprovers],
    ],
    [
      'Brand',
      escapeText(
        [
          ws.brand.hashtags.map((t) => `#${t}`).join(' ') || 'no hashtags',
          ws.brand.link ?? 'no link',
          ws.brand.voice ? `voice “${ws.brand.voice}”` : 'no voice',
          ws.brand.bannedWords.length > 0 ? `banned: ${ws.brand.bannedWords.join(', ')}` : 'no banned words',
        ].join(' · '),
      ),
    ],
    [
      'Task reactions',
      `:${ws.emoji.claim}: claim · :${ws.emoji.done}: done · :${ws.emoji.handoff}: hand off · :${ws.emoji.block}: blocked · :${ws.emoji.snooze}: snooze`,
    ],
  ]);
}

export function settingsMessage(ws: WorkspaceSettings): SlackMessage {
  return {
    text: 'Tandem settings',
    blocks: [
      section('*Tandem settings for this workspace*'),
      settingsFields(ws),
      context(
        `Tandem admins: ${ws.tandemAdmins.length ? ws.tandemAdmins.map(userMention).join(', ') : 'none yet'} (workspace admins choose them with ${inlineCode('/tandem set admins @person')}).`,
      ),
      context(
        ws.setupAt
          ? `Set up by ${ws.setupBy ? userMention(ws.setupBy) : 'an admin'}. Workspace admins and Tandem admins change these with ${inlineCode('/tandem setup')}.`
          : `Not set up yet: run ${inlineCode('/tandem setup')} to choose the PR and social leads.`,
      ),
    ],
  };
}

const windowsText = (days: number[]): string =>
  days.map((d) => (d > 0 ? `${d}d before` : d === 0 ? 'due day' : `${-d}d overdue`)).join(', ');

/** The value a typed setting now has, as the one public line about it shows it. */
export function settingValue(setting: Exclude<TandemSetting, { key: 'my-discipline' }>): string {
  switch (setting.key) {
    case 'pr-leads':
    case 'social-leads':
    case 'admins':
      return setting.userIds.length ? userList(setting.userIds) : 'nobody';
    case 'digest-channel':
      return channelMention(setting.channelId);
    case 'digest-time':
      return setting.time;
    case 'timezone':
      return escapeText(setting.timezone);
    case 'workload':
      return setting.threshold === 0 ? 'off' : `${setting.threshold} open tasks`;
    case 'quiet-hours':
      return setting.start === setting.end ? 'never' : `${setting.start}–${setting.end}`;
    case 'nudge-windows':
      return windowsText(setting.days);
    case 'draft-approvers':
      return APPROVERS_TEXT[setting.approvers];
    case 'draft-approval':
      return setting.approval === 'all' ? 'one PR and one social approval' : 'one approval from either side';
    case 'brand-hashtags':
      return setting.hashtags.length === 0
        ? 'none'
        : escapeText(setting.hashtags.map((t) => `#${t}`).join(' '));
    case 'brand-link':
      return setting.link === null ? 'none' : escapeText(setting.link);
    case 'voice':
      return setting.voice === null ? 'none' : `“${escapeText(setting.voice)}”`;
    case 'banned-words':
      return setting.words.length === 0 ? 'none' : escapeText(setting.words.join(', '));
    case 'emoji':
      return `:${setting.emoji}:`;
  }
}

/**
 * The one message a channel sees for a typed setting: who changed what to what. The whole
 * settings list is for whoever asks (`/tandem settings`), not for the channel each time.
 */
export function settingChangedLine(actorId: string, what: string, value: string): SlackMessage {
  const line = `:gear: ${userMention(actorId)} set the ${escapeText(what)} to ${value}.`;
  return {
    text: `Tandem settings changed: ${what}`,
    blocks: [section(line), context(`All settings: ${inlineCode('/tandem settings')}`)],
  };
}

export function settingsChangedMessage(ws: WorkspaceSettings, actorId: string, what: string): SlackMessage {
  return {
    text: `Tandem settings changed: ${what}`,
    blocks: [
      section(`:gear: ${userMention(actorId)} changed Tandem’s ${escapeText(what)}.`),
      settingsFields(ws),
    ],
  };
}

export function setupModal(ws: WorkspaceSettings, metadata: { channelId?: string }): ModalView {
  const f = SETUP_FIELDS;
  return {
    ...modalFrame(SETUP_VIEW_ID, JSON.stringify(metadata), 'Set up Tandem', 'Save'),
    blocks: [
      section('Who leads each discipline? Tandem suggests them as owners and sends them nudges and digests.'),
      input(
        f.prLeads.block,
        'PR leads',
        {
          type: 'multi_users_select',
          action_id: f.prLeads.action,
          initial_users: ws.prLeads,
          placeholder: { type: 'plain_text', text: 'Choose people' },
        },
        { optional: true },
      ),
      input(
        f.socialLeads.block,
        'Social media leads',
        {
          type: 'multi_users_select',
          action_id: f.socialLeads.action,
          initial_users: ws.socialLeads,
          placeholder: { type: 'plain_text', text: 'Choose people' },
        },
        { optional: true },
      ),
      input(
        f.digestChannel.block,
        'Daily digest channel',
        {
          type: 'conversations_select',
          action_id: f.digestChannel.action,
          filter: { include: ['public', 'private'], exclude_bot_users: true },
          ...(ws.digestChannel ? { initial_conversation: ws.digestChannel } : {}),
          placeholder: { type: 'plain_text', text: 'Choose a channel' },
        },
        { optional: true },
      ),
      input(f.digestTime.block, 'Digest time', {
        type: 'timepicker',
        action_id: f.digestTime.action,
        initial_time: ws.digestTime,
      }),
      input(
        f.timezone.block,
        'Time zone',
        { type: 'plain_text_input', action_id: f.timezone.action, initial_value: ws.timezone },
        {
          hint: 'An IANA name such as Europe/London or America/New_York. Digest times and due dates use it.',
        },
      ),
      draftApprovalInput(ws),
    ],
  };
}

function draftApprovalInput(ws: WorkspaceSettings): InputBlock {
  const options = Object.entries(DRAFT_APPROVAL_CHOICES).map(([value, choice]) => ({
    text: { type: 'plain_text' as const, text: choice.text },
    value,
  }));
  const initial = options.find((o) => o.value === draftApprovalChoice(ws));
  return input(
    SETUP_FIELDS.drafts.block,
    'Who approves social drafts',
    {
      type: 'radio_buttons',
      action_id: SETUP_FIELDS.drafts.action,
      options,
      ...(initial ? { initial_option: initial } : {}),
    },
    { hint: 'Nothing is marked posted until its draft is approved.' },
  );
}

export function disciplineSetMessage(discipline: 'pr' | 'social' | 'marketing' | null): SlackMessage {
  const text = discipline
    ? `Noted: you work in ${DISCIPLINE_LABELS[discipline]}. Your App Home now shows ${DISCIPLINE_LABELS[discipline]} tasks first.`
    : 'Noted: no discipline. Your App Home shows every unclaimed task.';
  return { text, blocks: [section(text)] };
}
