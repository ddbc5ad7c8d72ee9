import { closestMatch } from '../commands/closest-match.js';
import { isReference, quoteBack, readChannel, readPerson, rejectExtra } from '../commands/command-args.js';
import { fail, ok, type Parsed } from '../commands/result.js';
import { joinTokens, type Token } from '../commands/tokenize.js';
import type { SupportDiscipline } from '../initiatives/kinds.js';
import { lookup } from '../lookup.js';
import { parseEmojiName } from '../tasks/reactions.js';
import { parseClockTime } from '../time/clock-time.js';
import { isZoneAbbreviation, resolveTimezone, suggestTimezone } from '../time/timezone.js';
import { parseBannedWords, parseBrandHashtags, parseBrandLink, parseVoice } from './brand-settings.js';
import { parseNudgeWindows, parseQuietHours } from './nudge-settings.js';
import type { TandemCommand } from './tandem-types.js';
import {
  EMOJI_OVERVIEW,
  EMOJI_SETTINGS,
  type EmojiSettingKey,
  SETTING_KEYS_BRIEF,
  type SettingKey,
  TANDEM_USAGE,
} from './tandem-usage.js';

// `/tandem set <setting> <value>`: each setting's own parser.

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
  brandhashtags: 'brand-hashtags',
  hashtags: 'brand-hashtags',
  brandlink: 'brand-link',
  link: 'brand-link',
  voice: 'voice',
  brandvoice: 'voice',
  bannedwords: 'banned-words',
  banned: 'banned-words',
  approvers: 'draft-approvers',
  approver: 'draft-approvers',
  draftapproval: 'draft-approval',
  approval: 'draft-approval',
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

function parseDraftApproval(args: readonly Token[]): Parsed<TandemCommand> {
  const hint = TANDEM_USAGE['set draft-approval'];
  const typed = joinTokens(args).trim().toLowerCase();
  if (typed === 'any' || typed === 'all')
    return ok({ type: 'set', setting: { key: 'draft-approval', approval: typed } });
  if (typed === '')
    return fail('One approval from either side (any), or one from PR and one from social (all)?', hint);
  return fail(`"${quoteBack(typed, 30)}" is not any or all.`, hint);
}

export function parseSet(args: readonly Token[]): Parsed<TandemCommand> {
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
    case 'draft-approval':
      return parseDraftApproval(rest);
    case 'brand-hashtags':
      return parseBrandHashtags(rest);
    case 'brand-link':
      return parseBrandLink(rest);
    case 'voice':
      return parseVoice(rest);
    case 'banned-words':
      return parseBannedWords(rest);
  }
}
