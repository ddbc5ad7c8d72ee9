import type { UsageHint } from '../commands/result.js';
import { DEFAULT_REACTION_EMOJI, TASK_REACTIONS, type TaskReaction } from '../tasks/reactions.js';
import type { TandemSetting } from './tandem-types.js';

// What /tandem and its settings are called, and the usage hint for each.

/** The emoji setting is typed once per reaction: `claim-emoji`, `done-emoji`, … */
export type EmojiSettingKey = `${TaskReaction}-emoji`;

/** What can follow `/tandem set`: each setting's key, with `emoji` spelled out per reaction. */
export type SettingKey = Exclude<TandemSetting['key'], 'emoji'> | EmojiSettingKey;

export const EMOJI_SETTINGS: Readonly<Record<EmojiSettingKey, TaskReaction>> = {
  'claim-emoji': 'claim',
  'done-emoji': 'done',
  'handoff-emoji': 'handoff',
  'block-emoji': 'block',
  'snooze-emoji': 'snooze',
};

export const isEmojiKey = (key: string): key is EmojiSettingKey => Object.hasOwn(EMOJI_SETTINGS, key);

/** Every key `/tandem set` takes, workspace settings first and the personal one last. */
export const SETTING_KEYS: readonly SettingKey[] = [
  'pr-leads',
  'social-leads',
  'digest-channel',
  'digest-time',
  'timezone',
  'workload',
  'quiet-hours',
  'nudge-windows',
  'draft-approvers',
  'draft-approval',
  'brand-hashtags',
  'brand-link',
  'voice',
  'banned-words',
  'admins',
  ...TASK_REACTIONS.map((reaction): EmojiSettingKey => `${reaction}-emoji`),
  'my-discipline',
];

const EMOJI_KEY_PLACEHOLDER = '<reaction>-emoji';

/**
 * SETTING_KEYS for people to read: the five emoji keys shown once, as `<reaction>-emoji`, where
 * the first of them stands; usage lines say what `<reaction>` can be.
 */
export const SETTING_KEYS_BRIEF: readonly string[] = [
  ...new Set(SETTING_KEYS.map((key) => (isEmojiKey(key) ? EMOJI_KEY_PLACEHOLDER : key))),
];

const REACTIONS_NOTE = `<reaction>: ${TASK_REACTIONS.join(', ')}`;

export type TandemUsageKey =
  | 'help'
  | 'setup'
  | 'settings'
  | 'who-owns'
  | 'set'
  | 'status'
  | `set ${SettingKey}`;

function emojiUsage(reaction: TaskReaction, example: string, does: string): UsageHint & { summary: string } {
  return {
    usage: `/tandem set ${reaction}-emoji <emoji>  (:name: or name)`,
    example: `/tandem set ${reaction}-emoji :${example}:`,
    summary: `The reaction that ${does} (default :${DEFAULT_REACTION_EMOJI[reaction]}:).`,
  };
}

/** Forms and examples for error replies and `/tandem help`, from one place. */
export const TANDEM_USAGE: Record<TandemUsageKey, UsageHint & { summary: string }> = {
  help: {
    usage: '/tandem help [all]',
    example: '/tandem help all',
    summary: 'What Tandem does and five commands to start with; all: every form.',
  },
  setup: { usage: '/tandem setup', example: '/tandem setup', summary: 'Set Tandem up for this workspace.' },
  settings: {
    usage: '/tandem settings',
    example: '/tandem settings',
    summary: "Show this workspace's settings.",
  },
  status: {
    usage: '/tandem status',
    example: '/tandem status',
    summary: 'Delivery problems, queues, the last digest and scheduler pass (Tandem admins).',
  },
  'who-owns': {
    usage: '/tandem who-owns <initiative number | task like T7 | title words>',
    example: '/tandem who-owns 12',
    summary: 'Who owns an initiative now, and who did before.',
  },
  set: {
    usage: `/tandem set ${SETTING_KEYS_BRIEF.join(' | ')} <value>  (${REACTIONS_NOTE})`,
    example: '/tandem set digest-time 09:00',
    summary: 'Change a workspace setting, or your own discipline.',
  },
  'set pr-leads': {
    usage: '/tandem set pr-leads @person [@person…]  (or none)',
    example: '/tandem set pr-leads @ann',
    summary: 'Who leads PR work by default.',
  },
  'set social-leads': {
    usage: '/tandem set social-leads @person [@person…]  (or none)',
    example: '/tandem set social-leads @sam',
    summary: 'Who leads social work by default.',
  },
  'set admins': {
    usage: '/tandem set admins @person [@person…]  (or none)',
    example: '/tandem set admins @ann',
    summary: 'Tandem admins: they change settings and act on any work. Workspace admins choose them.',
  },
  'set digest-channel': {
    usage: '/tandem set digest-channel #channel',
    example: '/tandem set digest-channel #pr-social',
    summary: 'Where the daily digest goes.',
  },
  'set digest-time': {
    usage: '/tandem set digest-time <time>  (09:00, 17:30 or 9am)',
    example: '/tandem set digest-time 09:00',
    summary: 'When the daily digest goes out, in the workspace timezone.',
  },
  'set timezone': {
    usage: '/tandem set timezone <Area/City>',
    example: '/tandem set timezone Europe/London',
    summary: 'The timezone for due dates, the digest and quiet hours.',
  },
  'set workload': {
    usage: '/tandem set workload <0-100>  (0 turns the warning off)',
    example: '/tandem set workload 8',
    summary: 'Warn people who claim work once they own this many open tasks.',
  },
  'set quiet-hours': {
    usage: '/tandem set quiet-hours <from>-<to>  (in each person’s own time zone; off for none)',
    example: '/tandem set quiet-hours 20:00-08:00',
    summary: 'When nudges wait for the morning.',
  },
  'set nudge-windows': {
    usage: '/tandem set nudge-windows <days before due, comma-separated>  (0 = due today, -1 = overdue)',
    example: '/tandem set nudge-windows 3, 1, 0, -1',
    summary: 'When deadline nudges go out.',
  },
  'set draft-approvers': {
    usage: '/tandem set draft-approvers pr | social | both',
    example: '/tandem set draft-approvers social',
    summary: "Whose leads approve social drafts from /draft (both sides' by default).",
  },
  'set draft-approval': {
    usage: '/tandem set draft-approval any | all',
    example: '/tandem set draft-approval all',
    summary: 'With both sides approving: one approval from either is enough (any), or one from each (all).',
  },
  'set brand-hashtags': {
    usage: '/tandem set brand-hashtags #<tag> #<tag> …  (none to clear)',
    example: '/tandem set brand-hashtags #acme #acmenews',
    summary: 'Hashtags /draft adds to every post where the network suits hashtags.',
  },
  'set brand-link': {
    usage: '/tandem set brand-link https://…  (none to clear)',
    example: '/tandem set brand-link https://acme.example/news',
    summary: 'The link /draft uses when a release gives none (Instagram then says "Link in bio.").',
  },
  'set voice': {
    usage: '/tandem set voice "<how the brand sounds>"  (none to clear)',
    example: '/tandem set voice "plain, warm, no exclamation marks"',
    summary: 'How drafts should sound; the model is told.',
  },
  'set banned-words': {
    usage: '/tandem set banned-words <word>, <word>, …  (none to clear)',
    example: '/tandem set banned-words synergy, disrupt',
    summary: 'Words the brand never uses: the model is told, and a draft using one is flagged.',
  },
  'set claim-emoji': emojiUsage('claim', 'hand', 'claims a task'),
  'set done-emoji': emojiUsage('done', 'heavy_check_mark', 'marks a task done'),
  'set handoff-emoji': emojiUsage('handoff', 'arrows_counterclockwise', 'hands a task off'),
  'set block-emoji': emojiUsage('block', 'no_entry', 'marks a task blocked'),
  'set snooze-emoji': emojiUsage('snooze', 'sleeping', "snoozes a task's reminders"),
  'set my-discipline': {
    usage: '/tandem set my-discipline pr | social | marketing | none',
    example: '/tandem set my-discipline social',
    summary: 'Your own discipline, so Tandem suggests you for the right work; anyone can set theirs.',
  },
};

/** For `/tandem set emoji …`, which names no reaction. */
export const EMOJI_OVERVIEW: UsageHint = {
  usage: `/tandem set ${EMOJI_KEY_PLACEHOLDER} <emoji>  (${REACTIONS_NOTE})`,
  example: TANDEM_USAGE['set claim-emoji'].example,
};
