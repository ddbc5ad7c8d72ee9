import { closestMatch } from '../commands/closest-match.js';
import { isReference, quoteBack, readChannel, readPerson, rejectExtra } from '../commands/command-args.js';
import { fail, ok, type Parsed, type UsageHint, withHint } from '../commands/result.js';
import { slackTextToPlain } from '../commands/slack-refs.js';
import { joinTokens, type Token, tokenize } from '../commands/tokenize.js';
import { parseInitiativeNumber } from '../initiatives/initiative-ref.js';
import type { SupportDiscipline } from '../initiatives/kinds.js';
import { lookup } from '../lookup.js';
import {
  DEFAULT_REACTION_EMOJI,
  parseEmojiName,
  TASK_REACTIONS,
  type TaskReaction,
} from '../tasks/reactions.js';
import { parseClockTime } from '../time/clock-time.js';
import { isZoneAbbreviation, resolveTimezone, suggestTimezone } from '../time/timezone.js';

export type WhoOwnsQuery = { by: 'number'; number: number } | { by: 'title'; words: string };

/**
 * An empty `userIds` clears the list (`/tandem set pr-leads none`). `my-discipline` is personal:
 * it sets the discipline of whoever typed it, and null clears it. `emoji` is typed as
 * `<reaction>-emoji` and holds a bare name (no colons, no skin tone), not yet checked for clashes
 * with the workspace's other reactions. A `workload` threshold of 0 turns the warning off.
 */
export type TandemSetting =
  | { key: 'pr-leads'; userIds: string[] }
  | { key: 'social-leads'; userIds: string[] }
  | { key: 'admins'; userIds: string[] }
  | { key: 'digest-channel'; channelId: string }
  | { key: 'digest-time'; time: string }
  | { key: 'timezone'; timezone: string }
  | { key: 'workload'; threshold: number }
  | { key: 'quiet-hours'; start: string; end: string }
  | { key: 'nudge-windows'; days: number[] }
  | { key: 'draft-approvers'; approvers: 'pr' | 'social' | 'both' }
  | { key: 'emoji'; reaction: TaskReaction; emoji: string }
  | { key: 'my-discipline'; discipline: SupportDiscipline | null };

export type TandemCommand =
  | { type: 'help' }
  | { type: 'setup' }
  | { type: 'settings' }
  | { type: 'who-owns'; query: WhoOwnsQuery }
  | { type: 'set'; setting: TandemSetting };

/** The emoji setting is typed once per reaction: `claim-emoji`, `done-emoji`, … */
export type EmojiSettingKey = `${TaskReaction}-emoji`;

/** What can follow `/tandem set`: each setting's key, with `emoji` spelled out per reaction. */
export type SettingKey = Exclude<TandemSetting['key'], 'emoji'> | EmojiSettingKey;

const EMOJI_SETTINGS: Readonly<Record<EmojiSettingKey, TaskReaction>> = {
  'claim-emoji': 'claim',
  'done-emoji': 'done',
  'handoff-emoji': 'handoff',
  'block-emoji': 'block',
  'snooze-emoji': 'snooze',
};

const isEmojiKey = (key: string): key is EmojiSettingKey => Object.hasOwn(EMOJI_SETTINGS, key);

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

export type TandemUsageKey = 'help' | 'setup' | 'settings' | 'who-owns' | 'set' | `set ${SettingKey}`;

function emojiUsage(reaction: TaskReaction, example: string, does: string): UsageHint & { summary: string } {
  return {
    usage: `/tandem set ${reaction}-emoji <emoji>  (:name: or name)`,
    example: `/tandem set ${reaction}-emoji :${example}:`,
    summary: `The reaction that ${does} (default :${DEFAULT_REACTION_EMOJI[reaction]}:).`,
  };
}

/** Forms and examples for error replies and `/tandem help`, from one place. */
export const TANDEM_USAGE: Record<TandemUsageKey, UsageHint & { summary: string }> = {
  help: { usage: '/tandem help', example: '/tandem help', summary: 'Show this help.' },
  setup: { usage: '/tandem setup', example: '/tandem setup', summary: 'Set Tandem up for this workspace.' },
  settings: {
    usage: '/tandem settings',
    example: '/tandem settings',
    summary: "Show this workspace's settings.",
  },
  'who-owns': {
    usage: '/tandem who-owns <number | title words>',
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
const EMOJI_OVERVIEW: UsageHint = {
  usage: `/tandem set ${EMOJI_KEY_PLACEHOLDER} <emoji>  (${REACTIONS_NOTE})`,
  example: TANDEM_USAGE['set claim-emoji'].example,
};

const SUBCOMMANDS = ['help', 'setup', 'settings', 'who-owns', 'set'] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

const SUBCOMMAND_ALIASES: Record<string, Subcommand> = {
  whoowns: 'who-owns',
  'who-owns?': 'who-owns',
  owner: 'who-owns',
  owns: 'who-owns',
  config: 'settings',
  '?': 'help',
};

// Keys are squashed (lowercase, no - or _), so pr-leads, pr_leads and PRLeads all match.
const SETTING_ALIASES: Record<string, SettingKey> = {
  prleads: 'pr-leads',
  prlead: 'pr-leads',
  pr: 'pr-leads',
  socialleads: 'social-leads',
  sociallead: 'social-leads',
  social: 'social-leads',
  digestchannel: 'digest-channel',
  channel: 'digest-channel',
  digesttime: 'digest-time',
  time: 'digest-time',
  timezone: 'timezone',
  tz: 'timezone',
  zone: 'timezone',
  workload: 'workload',
  quiethours: 'quiet-hours',
  quiet: 'quiet-hours',
  nudgewindows: 'nudge-windows',
  nudges: 'nudge-windows',
  reminders: 'nudge-windows',
  draftapprovers: 'draft-approvers',
  approvers: 'draft-approvers',
  approver: 'draft-approvers',
  admins: 'admins',
  admin: 'admins',
  tandemadmins: 'admins',
  workloadthreshold: 'workload',
  workloadwarning: 'workload',
  workloadlimit: 'workload',
  claimemoji: 'claim-emoji',
  claimreaction: 'claim-emoji',
  claim: 'claim-emoji',
  doneemoji: 'done-emoji',
  donereaction: 'done-emoji',
  done: 'done-emoji',
  handoffemoji: 'handoff-emoji',
  handoffreaction: 'handoff-emoji',
  handoveremoji: 'handoff-emoji',
  handoff: 'handoff-emoji',
  blockemoji: 'block-emoji',
  blockedemoji: 'block-emoji',
  blockreaction: 'block-emoji',
  block: 'block-emoji',
  blocked: 'block-emoji',
  snoozeemoji: 'snooze-emoji',
  snoozereaction: 'snooze-emoji',
  snooze: 'snooze-emoji',
  mydiscipline: 'my-discipline',
  discipline: 'my-discipline',
  myteam: 'my-discipline',
};

/** Squashed words that mean "an emoji setting" without saying for which reaction. */
const BARE_EMOJI_WORDS = new Set(['emoji', 'emojis', 'reaction', 'reactions', 'reactionemoji']);

const squash = (word: string): string => word.toLowerCase().replace(/[-_]/g, '');
const OVERVIEW: UsageHint = { usage: `/tandem ${SUBCOMMANDS.join(' | ')}`, example: '/tandem who-owns 12' };

function parseWhoOwns(args: readonly Token[]): Parsed<TandemCommand> {
  const hint = TANDEM_USAGE['who-owns'];
  // "who owns the Q4 launch?" — the question mark is punctuation, not part of the title.
  const words = slackTextToPlain(joinTokens(args)).replace(/\s+/g, ' ').replace(/\?+$/, '').trim();
  if (words === '') return fail('Who owns what? Give an initiative number or words from its title.', hint);
  if (/^#?\d+$/.test(words)) {
    const number = parseInitiativeNumber(words, hint);
    return number.ok ? ok({ type: 'who-owns', query: { by: 'number', number: number.value } }) : number;
  }
  return ok({ type: 'who-owns', query: { by: 'title', words } });
}

/** Commas and "and" between mentions are how people write lists; they carry no meaning here. */
const isSeparator = (token: Token): boolean => !token.quoted && /^(,|;|&|&amp;|and|\+)+$/i.test(token.text);

function parseLeads(
  key: 'pr-leads' | 'social-leads' | 'admins',
  args: readonly Token[],
): Parsed<TandemCommand> {
  const hint = TANDEM_USAGE[`set ${key}`];
  const people = args.filter((token) => !isSeparator(token));
  const [first] = people;
  if (people.length === 1 && first && !first.quoted && /^(none|nobody|clear)$/i.test(first.text)) {
    return ok({ type: 'set', setting: { key, userIds: [] } });
  }
  if (people.length === 0)
    return fail(`Who are the ${key}? Mention one or more people, or none to clear.`, hint);
  const userIds: string[] = [];
  for (const token of people) {
    const person = readPerson(token, hint);
    if (!person.ok) return person;
    if (!userIds.includes(person.value)) userIds.push(person.value);
  }
  return ok({ type: 'set', setting: { key, userIds } });
}

function parseTimezoneSetting(args: readonly Token[]): Parsed<TandemCommand> {
  const hint = TANDEM_USAGE['set timezone'];
  const typed = joinTokens(args).trim();
  if (typed === '') return fail('Which timezone? Give an Area/City name like Europe/London.', hint);
  const timezone = resolveTimezone(typed);
  if (timezone) return ok({ type: 'set', setting: { key: 'timezone', timezone } });
  const suggestion = suggestTimezone(typed);
  if (!suggestion)
    return fail(
      `I don't know the timezone "${quoteBack(typed)}". Use an Area/City name like America/New_York.`,
      hint,
    );
  // The runtime accepts EST, but as a fixed UTC-5: a New York team would be an hour off all summer.
  const why = isZoneAbbreviation(typed)
    ? `"${typed}" is an abbreviation; some mean several places and some ignore daylight saving, so use an Area/City name.`
    : `I don't know the timezone "${quoteBack(typed)}".`;
  return fail(`${why} Did you mean ${suggestion}?`, {
    usage: hint.usage,
    example: `/tandem set timezone ${suggestion}`,
  });
}

const MAX_WORKLOAD_THRESHOLD = 100;

function parseWorkload(args: readonly Token[]): Parsed<TandemCommand> {
  const hint = TANDEM_USAGE['set workload'];
  const range = `a whole number from 0 to ${MAX_WORKLOAD_THRESHOLD} (0 turns the warning off)`;
  const [first, ...rest] = args;
  if (!first) return fail(`How many open tasks before Tandem warns? Give ${range}.`, hint);
  const typed = quoteBack(first.text, 20);
  let threshold: number;
  if (/^(off|none|never)$/i.test(first.text)) threshold = 0;
  else if (/^\+?\d+$/.test(first.text)) threshold = Number(first.text);
  else if (/^-\d/.test(first.text)) return fail(`The number can't be negative; give ${range}.`, hint);
  else if (/^\+?(\d+[.,]\d*|[.,]\d+)$/.test(first.text)) {
    return fail(`"${typed}" has a fraction; give ${range}.`, hint);
  } else return fail(`"${typed}" isn't a number. Give ${range}.`, hint);
  if (threshold > MAX_WORKLOAD_THRESHOLD) {
    return fail(`${typed} is more than ${MAX_WORKLOAD_THRESHOLD}; give ${range}.`, hint);
  }
  // "set workload 8 open tasks" reads naturally; the trailing words add nothing.
  const extra = /^(open )?tasks?$/i.test(joinTokens(rest)) ? ok(null) : rejectExtra(rest, 'the number', hint);
  return extra.ok ? ok({ type: 'set', setting: { key: 'workload', threshold } }) : extra;
}

function parseEmojiSetting(key: EmojiSettingKey, args: readonly Token[]): Parsed<TandemCommand> {
  const reaction = EMOJI_SETTINGS[key];
  const emoji = parseEmojiName(joinTokens(args), TANDEM_USAGE[`set ${key}`]);
  return emoji.ok ? ok({ type: 'set', setting: { key: 'emoji', reaction, emoji: emoji.value } }) : emoji;
}

// Keys are squashed the way kinds are (lowercase; no -, _, spaces or dots): "Social Media" works.
const DISCIPLINE_WORDS: Record<string, SupportDiscipline | null> = {
  pr: 'pr',
  publicrelations: 'pr',
  social: 'social',
  socialmedia: 'social',
  marketing: 'marketing',
  mktg: 'marketing',
  none: null,
  clear: null,
};

const DISCIPLINE_CHOICES = 'pr, social, marketing or none';

function parseMyDiscipline(args: readonly Token[]): Parsed<TandemCommand> {
  const hint = TANDEM_USAGE['set my-discipline'];
  if (args.some(isReference)) {
    return fail(
      'my-discipline sets your own discipline, so leave out the mention; everyone sets theirs.',
      hint,
    );
  }
  const typed = joinTokens(args).trim();
  if (typed === '') return fail(`Which discipline are you in? Choose ${DISCIPLINE_CHOICES}.`, hint);
  const word = typed.toLowerCase().replace(/[-_\s.]/g, '');
  if (word === 'joint') {
    return fail(
      `joint only describes initiatives PR and social lead together; you are one of ${DISCIPLINE_CHOICES}.`,
      hint,
    );
  }
  const discipline = lookup(DISCIPLINE_WORDS, word);
  if (discipline !== undefined) return ok({ type: 'set', setting: { key: 'my-discipline', discipline } });
  const near = closestMatch(word, Object.keys(DISCIPLINE_WORDS));
  const suggestion = near === null ? undefined : lookup(DISCIPLINE_WORDS, near);
  const guess = suggestion === undefined ? '' : ` Did you mean ${suggestion ?? 'none'}?`;
  return fail(
    `I don't know the discipline "${quoteBack(typed, 30)}".${guess} Choose ${DISCIPLINE_CHOICES}.`,
    hint,
  );
}

const APPROVER_WORDS: Record<string, 'pr' | 'social' | 'both'> = {
  pr: 'pr',
  prleads: 'pr',
  social: 'social',
  socialleads: 'social',
  both: 'both',
  all: 'both',
  leads: 'both',
  either: 'both',
};

function parseDraftApprovers(args: readonly Token[]): Parsed<TandemCommand> {
  const hint = TANDEM_USAGE['set draft-approvers'];
  const typed = joinTokens(args).trim();
  if (typed === '') return fail('Whose leads approve drafts? Choose pr, social or both.', hint);
  const approvers = lookup(APPROVER_WORDS, typed.toLowerCase().replace(/[-_\s.]/g, ''));
  if (!approvers) return fail(`"${quoteBack(typed, 30)}" is not one of pr, social or both.`, hint);
  return ok({ type: 'set', setting: { key: 'draft-approvers', approvers } });
}

function parseSet(args: readonly Token[]): Parsed<TandemCommand> {
  const [keyToken, ...rest] = args;
  const settings = SETTING_KEYS_BRIEF.join(', ');
  if (!keyToken) return fail(`Set what? One of: ${settings}.`, TANDEM_USAGE.set);
  const squashed = squash(keyToken.text);
  const key = lookup(SETTING_ALIASES, squashed);
  if (!key) {
    if (BARE_EMOJI_WORDS.has(squashed)) {
      const keys = Object.keys(EMOJI_SETTINGS).join(', ');
      return fail(`Which reaction's emoji? Use one of: ${keys}.`, EMOJI_OVERVIEW);
    }
    const near = closestMatch(squashed, Object.keys(SETTING_ALIASES));
    const suggestion = near ? lookup(SETTING_ALIASES, near) : undefined;
    const guess = suggestion ? ` Did you mean ${suggestion}?` : '';
    return fail(
      `I don't know the setting "${quoteBack(keyToken.text, 30)}".${guess} Settings: ${settings}.`,
      suggestion ? TANDEM_USAGE[`set ${suggestion}`] : TANDEM_USAGE.set,
    );
  }
  switch (key) {
    case 'pr-leads':
    case 'social-leads':
    case 'admins':
      return parseLeads(key, rest);
    case 'digest-channel': {
      const hint = TANDEM_USAGE['set digest-channel'];
      const channel = readChannel(rest[0], hint);
      if (!channel.ok) return channel;
      const extra = rejectExtra(rest.slice(1), 'the channel', hint);
      return extra.ok ? ok({ type: 'set', setting: { key, channelId: channel.value } }) : extra;
    }
    case 'digest-time': {
      const time = parseClockTime(joinTokens(rest), TANDEM_USAGE['set digest-time']);
      return time.ok ? ok({ type: 'set', setting: { key, time: time.value } }) : time;
    }
    case 'timezone':
      return parseTimezoneSetting(rest);
    case 'workload':
      return parseWorkload(rest);
    case 'quiet-hours':
      return parseQuietHours(rest);
    case 'nudge-windows':
      return parseNudgeWindows(rest);
    case 'claim-emoji':
    case 'done-emoji':
    case 'handoff-emoji':
    case 'block-emoji':
    case 'snooze-emoji':
      return parseEmojiSetting(key, rest);
    case 'my-discipline':
      return parseMyDiscipline(rest);
    case 'draft-approvers':
      return parseDraftApprovers(rest);
  }
}

function subcommandOf(tokens: readonly Token[]): { sub: Subcommand; args: readonly Token[] } | null {
  const [first, second, ...rest] = tokens;
  if (!first || first.quoted) return null;
  const lower = first.text.toLowerCase();
  // "who owns 12" arrives as two words.
  if (lower === 'who' && second && /^owns\??$/i.test(second.text)) return { sub: 'who-owns', args: rest };
  const sub = SUBCOMMANDS.find((name) => name === lower) ?? lookup(SUBCOMMAND_ALIASES, lower);
  return sub ? { sub, args: tokens.slice(1) } : null;
}

/** Parses the text of `/tandem`. */
export function parseTandemCommand(text: string): Parsed<TandemCommand> {
  const tokens = tokenize(text);
  if (!tokens.ok) {
    const firstWord = text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    return withHint(
      tokens,
      firstWord === 'set' ? TANDEM_USAGE.set : firstWord === 'who-owns' ? TANDEM_USAGE['who-owns'] : OVERVIEW,
    );
  }
  const first = tokens.value[0];
  if (!first) return ok({ type: 'help' });
  const found = subcommandOf(tokens.value);
  if (!found) {
    const near = first.quoted
      ? null
      : closestMatch(first.text, [...SUBCOMMANDS, ...Object.keys(SUBCOMMAND_ALIASES)]);
    const suggestion = near
      ? (SUBCOMMANDS.find((s) => s === near) ?? lookup(SUBCOMMAND_ALIASES, near))
      : undefined;
    const guess = suggestion ? ` Did you mean ${suggestion}?` : '';
    return fail(
      `I don't know "/tandem ${quoteBack(first.text, 30)}".${guess} Try one of: ${SUBCOMMANDS.join(', ')}.`,
      suggestion ? TANDEM_USAGE[suggestion] : OVERVIEW,
    );
  }
  const { sub, args } = found;
  switch (sub) {
    case 'settings':
      // "settings timezone Europe/London" is someone trying to change a setting, not view them.
      if (args.length > 0) {
        return fail(
          `To change a setting use set: /tandem set ${quoteBack(joinTokens(args), 60)}`,
          TANDEM_USAGE.set,
        );
      }
      return ok({ type: sub });
    case 'help':
    case 'setup':
      // "help me" or "setup please" still mean what they say; the extra words cannot change it.
      return ok({ type: sub });
    case 'who-owns':
      return parseWhoOwns(args);
    case 'set':
      return parseSet(args);
  }
}

/** `20:00-08:00`, `20:00 to 08:00`, `8pm-8am`, or `off` (never quiet: the same start and end). */
function parseQuietHours(args: readonly Token[]): Parsed<TandemCommand> {
  const hint = TANDEM_USAGE['set quiet-hours'];
  const text = joinTokens(args).trim();
  if (/^(off|none|never)$/i.test(text))
    return ok({ type: 'set', setting: { key: 'quiet-hours', start: '00:00', end: '00:00' } });
  const parts = text.split(/\s*(?:-|–|—|\bto\b|\buntil\b)\s*/i).filter(Boolean);
  if (parts.length !== 2)
    return fail(
      `Give quiet hours as a start and an end, like 20:00-08:00 (you typed "${quoteBack(text, 30)}").`,
      hint,
    );
  const [from, to] = parts as [string, string];
  const start = parseClockTime(from, hint);
  if (!start.ok) return start;
  const end = parseClockTime(to, hint);
  if (!end.ok) return end;
  return ok({ type: 'set', setting: { key: 'quiet-hours', start: start.value, end: end.value } });
}

const MAX_WINDOWS = 6;

/** Days before the due date, e.g. `3, 1, 0, -1`: each a whole number from -30 to 60, at most six. */
function parseNudgeWindows(args: readonly Token[]): Parsed<TandemCommand> {
  const hint = TANDEM_USAGE['set nudge-windows'];
  const words = joinTokens(args)
    .split(/[\s,;]+/)
    .filter(Boolean);
  if (words.length === 0) return fail('Which days before the due date? Give numbers like 3, 1, 0, -1.', hint);
  const days: number[] = [];
  for (const word of words) {
    if (!/^[+-]?\d{1,2}$/.test(word))
      return fail(`"${quoteBack(word, 20)}" is not a whole number of days.`, hint);
    const n = Number(word);
    if (n < -30 || n > 60)
      return fail(`${n} is out of range: use days from -30 (overdue) to 60 (before).`, hint);
    if (!days.includes(n)) days.push(n);
  }
  if (days.length > MAX_WINDOWS)
    return fail(`At most ${MAX_WINDOWS} windows; you gave ${days.length}.`, hint);
  return ok({ type: 'set', setting: { key: 'nudge-windows', days: days.sort((a, b) => b - a) } });
}
