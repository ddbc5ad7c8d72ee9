import { closestMatch } from '../commands/closest-match.js';
import { quoteBack, rejectExtra } from '../commands/command-args.js';
import { fail, ok, type Parsed, withHint } from '../commands/result.js';
import { parseBareRef, parseChannelRef } from '../commands/slack-refs.js';
import { defineSubcommands } from '../commands/subcommands.js';
import { joinTokens, type Token, tokenize } from '../commands/tokenize.js';
import { parseInitiativeNumber } from '../initiatives/initiative-ref.js';
import { lookup } from '../lookup.js';
import { cleanText, isKeywordMarker, lengthOf, readKeywords } from './trend-keywords.js';
import { formatTrendRef, isTaskRefText, isTrendRefText, parseTrendNumber } from './trend-ref.js';
import { TREND_OVERVIEW, TREND_SUBCOMMANDS, TREND_USAGE, type TrendSubcommand } from './trend-usage.js';

export { MAX_TREND_KEYWORD_LENGTH, MAX_TREND_KEYWORDS } from './trend-keywords.js';
export { formatTrendRef, MAX_TREND_NUMBER, parseTrendNumber } from './trend-ref.js';
export { TREND_OVERVIEW, TREND_SUBCOMMANDS, TREND_USAGE, type TrendSubcommand } from './trend-usage.js';

/** A label is a hashtag or a short phrase; details go in the notes. */
export const MAX_TREND_LABEL_LENGTH = 100;
export const MAX_TREND_NOTES_LENGTH = 500;

export interface AddTrend {
  type: 'add';
  /** Plain text as typed (case kept), e.g. `#WorldCup2026` or `AI Act backlash`. */
  label: string;
  /** Plain text, one line; absent when nothing was typed between the label and the keywords. */
  notes?: string;
  /** Lowercased, trimmed, without duplicates (`#football` and `football` count as one); may be empty. */
  keywords: string[];
}

/** `active` means not expired. */
export type TrendListScope = 'active' | 'all';

/** Trends are named by their per-workspace number, the one people see as TR3. */
export type TrendCommand =
  | { type: 'help'; topic?: TrendSubcommand }
  | AddTrend
  | { type: 'list'; which: TrendListScope }
  /** `initiative` is the initiative's per-workspace number (#12). */
  | { type: 'link'; trend: number; initiative: number }
  | { type: 'expire'; trend: number };

// Words people reach for instead of the subcommand's name.
const SUBCOMMAND_ALIASES: Record<string, TrendSubcommand> = {
  new: 'add',
  create: 'add',
  log: 'add',
  report: 'add',
  ls: 'list',
  connect: 'link',
  attach: 'link',
  tie: 'link',
  end: 'expire',
  close: 'expire',
  stop: 'expire',
  retire: 'expire',
  archive: 'expire',
  '?': 'help',
};

const subcommands = defineSubcommands({
  command: '/trend',
  names: TREND_SUBCOMMANDS,
  aliases: SUBCOMMAND_ALIASES,
  usage: TREND_USAGE,
  overview: TREND_OVERVIEW,
});

/** The form of a word kept for the notes: quoted words keep their quotes. */
const asTyped = (token: Token): string => (token.quoted ? `"${token.text}"` : token.text);

/**
 * `add "<label>" [notes words…] [keywords: a, b, c]`. An unquoted label is the first word (a
 * hashtag, usually); everything after it up to the keyword marker is notes.
 */
function parseAdd(tokens: readonly Token[]): Parsed<AddTrend> {
  const hint = TREND_USAGE.add;
  const markerAt = tokens.findIndex(isKeywordMarker);
  const before = markerAt === -1 ? tokens : tokens.slice(0, markerAt);
  const first = before[0];
  if (!first) {
    const why =
      markerAt === -1
        ? 'What is the trend? Give its label after add: a hashtag, or words in quotes.'
        : 'Give the trend a label before the keywords: a hashtag, or words in quotes.';
    return fail(why, hint);
  }
  const label = cleanText(first.text);
  if (label === '') return fail('The label is empty. What is the trend called?', hint);
  if (lengthOf(label) > MAX_TREND_LABEL_LENGTH) {
    return fail(
      `That label is ${lengthOf(label)} characters; keep it to ${MAX_TREND_LABEL_LENGTH} and put the rest in the notes after it.`,
      hint,
    );
  }
  const notes = cleanText(before.slice(1).map(asTyped).join(' '));
  if (lengthOf(notes) > MAX_TREND_NOTES_LENGTH) {
    return fail(
      `Those notes are ${lengthOf(notes)} characters; keep them to ${MAX_TREND_NOTES_LENGTH} and link to the source message for the rest.`,
      hint,
    );
  }
  let keywords: string[] = [];
  if (markerAt !== -1) {
    const read = readKeywords(tokens.slice(markerAt));
    if (!read.ok) return read;
    keywords = read.value;
  }
  return ok(notes === '' ? { type: 'add', label, keywords } : { type: 'add', label, notes, keywords });
}

const LIST_WORDS: Record<string, TrendListScope> = {
  active: 'active',
  open: 'active',
  current: 'active',
  live: 'active',
  all: 'all',
  everything: 'all',
};

function parseList(args: readonly Token[]): Parsed<TrendCommand> {
  const hint = TREND_USAGE.list;
  const [arg, ...extra] = args;
  if (!arg) return ok({ type: 'list', which: 'active' });
  if (extra.length > 0) return fail(`list takes one word; I got "${quoteBack(joinTokens(args))}".`, hint);
  const which = arg.quoted ? undefined : lookup(LIST_WORDS, arg.text.toLowerCase());
  if (which) return ok({ type: 'list', which });
  const near = arg.quoted ? null : closestMatch(arg.text, Object.keys(LIST_WORDS));
  const guess = near ? ` Did you mean ${near}?` : '';
  return fail(`I can't list "${quoteBack(arg.text)}" trends.${guess} Use active or all.`, hint);
}

/** Reads the trend number that link and expire start with. */
function readTrend(args: readonly Token[], sub: 'link' | 'expire'): Parsed<number> {
  const hint = TREND_USAGE[sub];
  const first = args[0];
  if (!first) return fail(`Which trend? Give its number after ${sub}, like TR3.`, hint);
  return parseTrendNumber(first.text, hint);
}

/** "to" and "with" read naturally between the two numbers and carry nothing. */
const isFiller = (token: Token | undefined): boolean =>
  token !== undefined && !token.quoted && ['to', 'with', 'and', '->', '→'].includes(token.text.toLowerCase());

function parseLink(args: readonly Token[]): Parsed<TrendCommand> {
  const hint = TREND_USAGE.link;
  const trend = readTrend(args, 'link');
  if (!trend.ok) return trend;
  const ref = formatTrendRef(trend.value);
  const rest = isFiller(args[1]) ? args.slice(2) : args.slice(1);
  const target = rest[0];
  if (!target) {
    return fail(`Link ${ref} to which initiative? Give its number (from /initiative list), like 12.`, hint);
  }
  if (!target.quoted && isTrendRefText(target.text)) {
    const typedFirst = args[0]?.text ?? '';
    // "link #12 TR3": both numbers are there, the other way round.
    if (!isTrendRefText(typedFirst)) {
      const initiative = typedFirst.replace(/^#/, '');
      return fail(
        `Put the trend first: /trend link ${quoteBack(target.text.replace(/^#/, '').toUpperCase(), 14)} ${quoteBack(initiative, 14)}`,
        hint,
      );
    }
    return fail(
      `${quoteBack(target.text, 30)} is a trend; link ${ref} to an initiative's number (from /initiative list), like 12.`,
      hint,
    );
  }
  if (!target.quoted && isTaskRefText(target.text)) {
    return fail(
      `${quoteBack(target.text, 30)} is a task; link ${ref} to an initiative's number (from /initiative list), like 12.`,
      hint,
    );
  }
  const initiative = parseInitiativeNumber(target.text, hint);
  if (!initiative.ok) return initiative;
  const extra = rejectExtra(rest.slice(1), `the initiative number`, hint);
  return extra.ok ? ok({ type: 'link', trend: trend.value, initiative: initiative.value }) : extra;
}

function parseExpire(args: readonly Token[]): Parsed<TrendCommand> {
  const hint = TREND_USAGE.expire;
  const trend = readTrend(args, 'expire');
  if (!trend.ok) return trend;
  const extra = rejectExtra(args.slice(1), `expire ${formatTrendRef(trend.value)}`, hint);
  return extra.ok ? ok({ type: 'expire', trend: trend.value }) : extra;
}

/** A first word that is a trend's name rather than something to do: a hashtag or a channel link. */
function looksLikeLabel(token: Token): boolean {
  return parseBareRef(token.text)?.kind === 'channel' || parseChannelRef(token.text).ok;
}

/** Parses the text of `/trend`. */
export function parseTrendCommand(text: string): Parsed<TrendCommand> {
  const tokens = tokenize(text);
  if (!tokens.ok) return withHint(tokens, subcommands.hintFor(text));
  const [first, ...args] = tokens.value;
  if (!first) return ok({ type: 'help' });
  if (first.quoted || looksLikeLabel(first)) {
    const label = first.quoted ? `"${quoteBack(first.text, 60)}"` : quoteBack(cleanText(first.text), 60);
    return fail(`Start with what to do; to log this trend: /trend add ${label}`, TREND_USAGE.add);
  }
  if (isTaskRefText(first.text)) {
    return fail(
      `${quoteBack(first.text, 30)} is a task; /task works on tasks. Trends are numbered like TR3.`,
      TREND_OVERVIEW,
    );
  }
  if (/^#?\d+$/.test(first.text) || isTrendRefText(first.text)) {
    const ref = first.text.replace(/^#?(?:tr)?-?/i, 'TR');
    return fail(
      `Start with what to do, e.g. /trend expire ${quoteBack(ref, 14)} or /trend link ${quoteBack(ref, 14)} <initiative number>.`,
      TREND_OVERVIEW,
    );
  }
  const sub = subcommands.of(first.text);
  if (!sub) return subcommands.unknown(first.text);
  switch (sub) {
    case 'help': {
      const topic = args[0] ? subcommands.of(args[0].text) : null;
      return ok(topic && topic !== 'help' ? { type: 'help', topic } : { type: 'help' });
    }
    case 'add':
      return parseAdd(args);
    case 'list':
      return parseList(args);
    case 'link':
      return parseLink(args);
    case 'expire':
      return parseExpire(args);
  }
}
