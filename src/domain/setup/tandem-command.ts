import { closestMatch } from '../commands/closest-match.js';
import { quoteBack } from '../commands/command-args.js';
import { fail, ok, type Parsed, type UsageHint, withHint } from '../commands/result.js';
import { slackTextToPlain } from '../commands/slack-refs.js';
import { joinTokens, type Token, tokenize } from '../commands/tokenize.js';
import { parseInitiativeNumber } from '../initiatives/initiative-ref.js';
import { lookup } from '../lookup.js';
import { parseTaskNumber } from '../tasks/task-ref.js';
import { EXPORT_USAGE, isExportCommand, parseExportCommand } from './export-command.js';
import { parseSet } from './tandem-settings.js';
import type { TandemCommand } from './tandem-types.js';
import { TANDEM_USAGE } from './tandem-usage.js';

export type { TandemCommand, TandemSetting, WhoOwnsQuery } from './tandem-types.js';

export {
  type EmojiSettingKey,
  SETTING_KEYS,
  SETTING_KEYS_BRIEF,
  type SettingKey,
  TANDEM_USAGE,
  type TandemUsageKey,
} from './tandem-usage.js';

const SUBCOMMANDS = ['help', 'setup', 'settings', 'who-owns', 'set', 'status'] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

const SUBCOMMAND_ALIASES: Record<string, Subcommand> = {
  whoowns: 'who-owns',
  'who-owns?': 'who-owns',
  owner: 'who-owns',
  owns: 'who-owns',
  config: 'settings',
  '?': 'help',
};

/** Parsed by a module of its own (export-command.ts), and offered to a typo all the same. */
const ANSWERED_ELSEWHERE: Record<string, UsageHint> = { export: EXPORT_USAGE };
const ALL_SUBCOMMANDS = [...SUBCOMMANDS, ...Object.keys(ANSWERED_ELSEWHERE)];
const OVERVIEW: UsageHint = {
  usage: `/tandem ${ALL_SUBCOMMANDS.join(' | ')}`,
  example: '/tandem who-owns 12',
};

function parseWhoOwns(args: readonly Token[]): Parsed<TandemCommand> {
  const hint = TANDEM_USAGE['who-owns'];
  // "who owns the Q4 launch?" — the question mark is punctuation, not part of the title.
  const words = slackTextToPlain(joinTokens(args)).replace(/\s+/g, ' ').replace(/\?+$/, '').trim();
  if (words === '')
    return fail('Who owns what? Give an initiative number, a task like T7, or words from a title.', hint);
  if (/^#?[tT]\d+$/.test(words)) {
    const number = parseTaskNumber(words, hint);
    return number.ok ? ok({ type: 'who-owns', query: { by: 'task', number: number.value } }) : number;
  }
  if (/^#?\d+$/.test(words)) {
    const number = parseInitiativeNumber(words, hint);
    return number.ok ? ok({ type: 'who-owns', query: { by: 'number', number: number.value } }) : number;
  }
  return ok({ type: 'who-owns', query: { by: 'title', words } });
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
  if (isExportCommand(text)) return parseExportCommand(text);
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
      : closestMatch(first.text, [...ALL_SUBCOMMANDS, ...Object.keys(SUBCOMMAND_ALIASES)]);
    const elsewhere = near ? lookup(ANSWERED_ELSEWHERE, near) : undefined;
    const suggestion = near
      ? (SUBCOMMANDS.find((s) => s === near) ?? lookup(SUBCOMMAND_ALIASES, near))
      : undefined;
    const named = elsewhere ? near : suggestion;
    const guess = named ? ` Did you mean ${named}?` : '';
    return fail(
      `I don't know "/tandem ${quoteBack(first.text, 30)}".${guess} Try one of: ${ALL_SUBCOMMANDS.join(', ')}.`,
      elsewhere ?? (suggestion ? TANDEM_USAGE[suggestion] : OVERVIEW),
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
      return ok(
        args.some((a) => /^(all|everything|more)$/i.test(a.text))
          ? { type: sub, topic: 'all' }
          : { type: sub },
      );
    case 'setup':
      // "help me" or "setup please" still mean what they say; the extra words cannot change it.
      return ok({ type: sub });
    case 'who-owns':
      return parseWhoOwns(args);
    case 'set':
      return parseSet(args);
    case 'status':
      // A word after it would read as a filter that is not there: it always shows everything.
      if (args.length > 0) {
        return fail(
          `/tandem status takes nothing after it (got "${quoteBack(joinTokens(args), 40)}"): it always shows the whole workspace.`,
          TANDEM_USAGE.status,
        );
      }
      return ok({ type: sub });
  }
}
