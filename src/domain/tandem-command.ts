import { parseClockTime } from './clock-time.js';
import { closestMatch } from './closest-match.js';
import { quoteBack, readChannel, readPerson, rejectExtra } from './command-args.js';
import { parseInitiativeNumber } from './initiative-ref.js';
import { lookup } from './lookup.js';
import { fail, ok, type Parsed, type UsageHint, withHint } from './result.js';
import { slackTextToPlain } from './slack-refs.js';
import { isZoneAbbreviation, resolveTimezone, suggestTimezone } from './timezone.js';
import { joinTokens, type Token, tokenize } from './tokenize.js';

export type WhoOwnsQuery = { by: 'number'; number: number } | { by: 'title'; words: string };

/** An empty `userIds` clears the list (`/tandem set pr-leads none`). */
export type TandemSetting =
  | { key: 'pr-leads'; userIds: string[] }
  | { key: 'social-leads'; userIds: string[] }
  | { key: 'digest-channel'; channelId: string }
  | { key: 'digest-time'; time: string }
  | { key: 'timezone'; timezone: string };

export type TandemCommand =
  | { type: 'help' }
  | { type: 'setup' }
  | { type: 'settings' }
  | { type: 'who-owns'; query: WhoOwnsQuery }
  | { type: 'set'; setting: TandemSetting };

export type SettingKey = TandemSetting['key'];
export const SETTING_KEYS: readonly SettingKey[] = [
  'pr-leads',
  'social-leads',
  'digest-channel',
  'digest-time',
  'timezone',
];

export type TandemUsageKey = 'help' | 'setup' | 'settings' | 'who-owns' | 'set' | `set ${SettingKey}`;

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
    usage: `/tandem set ${SETTING_KEYS.join(' | ')} <value>`,
    example: '/tandem set digest-time 09:00',
    summary: 'Change a workspace setting.',
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
};

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

function parseLeads(key: 'pr-leads' | 'social-leads', args: readonly Token[]): Parsed<TandemCommand> {
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

function parseSet(args: readonly Token[]): Parsed<TandemCommand> {
  const [keyToken, ...rest] = args;
  if (!keyToken) return fail(`Set what? One of: ${SETTING_KEYS.join(', ')}.`, TANDEM_USAGE.set);
  const key = lookup(SETTING_ALIASES, squash(keyToken.text));
  if (!key) {
    const near = closestMatch(squash(keyToken.text), Object.keys(SETTING_ALIASES));
    const suggestion = near ? lookup(SETTING_ALIASES, near) : undefined;
    const guess = suggestion ? ` Did you mean ${suggestion}?` : '';
    return fail(
      `I don't know the setting "${quoteBack(keyToken.text, 30)}".${guess} Settings: ${SETTING_KEYS.join(', ')}.`,
      suggestion ? TANDEM_USAGE[`set ${suggestion}`] : TANDEM_USAGE.set,
    );
  }
  switch (key) {
    case 'pr-leads':
    case 'social-leads':
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
