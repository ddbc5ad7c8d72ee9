import { quoteBack, readPerson, rejectExtra } from '../commands/command-args.js';
import { fail, ok, type Parsed, withHint } from '../commands/result.js';
import { parseBareRef, parseUserRef, slackTextToPlain } from '../commands/slack-refs.js';
import { defineSubcommands } from '../commands/subcommands.js';
import { joinTokens, type Token, tokenize } from '../commands/tokenize.js';
import { lookup } from '../lookup.js';
import { type AddInitiative, parseAdd } from './initiative-add.js';
import { parseInitiativeNumber } from './initiative-ref.js';
import { INITIATIVE_STATUSES, type InitiativeStatus, matchStatus } from './initiative-status.js';
import {
  INITIATIVE_OVERVIEW,
  INITIATIVE_SUBCOMMANDS,
  INITIATIVE_USAGE,
  type InitiativeSubcommand,
} from './initiative-usage.js';
import { INITIATIVE_KINDS, type InitiativeKind, matchKind, suggestKind } from './kinds.js';

export type { AddInitiative } from './initiative-add.js';
export { MAX_TITLE_LENGTH } from './initiative-add.js';
export {
  INITIATIVE_OVERVIEW,
  INITIATIVE_SUBCOMMANDS,
  INITIATIVE_USAGE,
  type InitiativeSubcommand,
} from './initiative-usage.js';

/** `open` (no filter) means planned and active. */
export type InitiativeListFilter =
  | { by: 'open' }
  | { by: 'mine' }
  | { by: 'user'; userId: string }
  | { by: 'kind'; kind: InitiativeKind }
  | { by: 'overdue' }
  | { by: 'all' };

/** Initiatives are named by their per-workspace number, the one people see as #12. */
export type InitiativeCommand =
  | { type: 'help'; topic?: InitiativeSubcommand }
  | AddInitiative
  | { type: 'list'; filter: InitiativeListFilter }
  | { type: 'show'; number: number }
  | { type: 'assign'; number: number; userId: string }
  | { type: 'handoff'; number: number; userId: string; reason?: string }
  | { type: 'status'; number: number; status: InitiativeStatus }
  /** `due` holds the date words as typed, or null to clear the due date. */
  | { type: 'due'; number: number; due: string | null };

// Words people reach for instead of the subcommand's name.
const SUBCOMMAND_ALIASES: Record<string, InitiativeSubcommand> = {
  new: 'add',
  create: 'add',
  ls: 'list',
  view: 'show',
  info: 'show',
  reassign: 'assign',
  'hand-off': 'handoff',
  handover: 'handoff',
  deadline: 'due',
  '?': 'help',
};

const subcommands = defineSubcommands({
  command: '/initiative',
  names: INITIATIVE_SUBCOMMANDS,
  aliases: SUBCOMMAND_ALIASES,
  usage: INITIATIVE_USAGE,
  overview: INITIATIVE_OVERVIEW,
});

const LIST_WORDS: Record<string, InitiativeListFilter> = {
  open: { by: 'open' },
  mine: { by: 'mine' },
  me: { by: 'mine' },
  my: { by: 'mine' },
  overdue: { by: 'overdue' },
  late: { by: 'overdue' },
  all: { by: 'all' },
  everything: { by: 'all' },
};

function parseList(args: readonly Token[]): Parsed<InitiativeCommand> {
  const hint = INITIATIVE_USAGE.list;
  const [arg, ...extra] = args;
  if (!arg) return ok({ type: 'list', filter: { by: 'open' } });
  if (extra.length > 0) return fail(`list takes one filter; I got "${quoteBack(joinTokens(args))}".`, hint);
  const word = arg.quoted ? undefined : lookup(LIST_WORDS, arg.text.toLowerCase());
  if (word) return ok({ type: 'list', filter: word });
  const kind = arg.quoted ? null : matchKind(arg.text);
  if (kind) return ok({ type: 'list', filter: { by: 'kind', kind } });
  if (
    !arg.quoted &&
    (parseUserRef(arg.text).ok || parseBareRef(arg.text)?.kind === 'user' || arg.text.startsWith('<!'))
  ) {
    const person = readPerson(arg, hint);
    return person.ok ? ok({ type: 'list', filter: { by: 'user', userId: person.value } }) : person;
  }
  const near = arg.quoted ? null : suggestKind(arg.text);
  const guess = near ? ` Did you mean ${near}?` : '';
  return fail(
    `I can't filter by "${quoteBack(arg.text)}".${guess} Use mine, overdue, all, an @person or a kind (${INITIATIVE_KINDS.join(', ')}).`,
    hint,
  );
}

/** Reads the initiative number that every per-initiative subcommand starts with. */
function readNumber(args: readonly Token[], sub: InitiativeSubcommand): Parsed<number> {
  const hint = INITIATIVE_USAGE[sub];
  const first = args[0];
  if (!first) return fail(`Which initiative? Give its number after ${sub}, like 12.`, hint);
  return parseInitiativeNumber(first.text, hint);
}

function parseNumbered(sub: InitiativeSubcommand, args: readonly Token[]): Parsed<InitiativeCommand> {
  const hint = INITIATIVE_USAGE[sub];
  const number = readNumber(args, sub);
  if (!number.ok) return number;
  const rest = args.slice(1);
  switch (sub) {
    case 'show': {
      const extra = rejectExtra(rest, `show ${number.value}`, hint);
      return extra.ok ? ok({ type: 'show', number: number.value }) : extra;
    }
    case 'assign': {
      const person = readPerson(rest[0], hint, 'new owner');
      if (!person.ok) return person;
      const extra = rejectExtra(rest.slice(1), 'the person', hint);
      return extra.ok ? ok({ type: 'assign', number: number.value, userId: person.value }) : extra;
    }
    case 'handoff': {
      const person = readPerson(rest[0], hint, 'new owner');
      if (!person.ok) return person;
      const reason = slackTextToPlain(joinTokens(rest.slice(1)))
        .replace(/\s+/g, ' ')
        .trim();
      const command: InitiativeCommand = { type: 'handoff', number: number.value, userId: person.value };
      return ok(reason === '' ? command : { ...command, reason });
    }
    case 'status': {
      const word = rest[0];
      const status = word ? matchStatus(word.text) : null;
      if (!status) {
        const typed = word ? `"${quoteBack(word.text)}" isn't a status. ` : 'Which status? ';
        return fail(`${typed}Use one of ${INITIATIVE_STATUSES.join(', ')}.`, hint);
      }
      const extra = rejectExtra(rest.slice(1), `status ${status}`, hint);
      return extra.ok ? ok({ type: 'status', number: number.value, status }) : extra;
    }
    case 'due': {
      const words = slackTextToPlain(joinTokens(rest)).replace(/\s+/g, ' ').trim();
      if (words === '') return fail(`When is #${number.value} due? Give a date, or none to clear it.`, hint);
      const clears = ['none', 'clear', 'remove', 'no date', 'never'].includes(words.toLowerCase());
      return ok({ type: 'due', number: number.value, due: clears ? null : words });
    }
    default:
      return fail(`${sub} does not take an initiative number.`, hint);
  }
}

/**
 * Parses the text of `/initiative`. Dates stay as typed: only the service knows the workspace's
 * zone, and it resolves them with parseDueDate.
 */
export function parseInitiativeCommand(text: string): Parsed<InitiativeCommand> {
  const tokens = tokenize(text);
  if (!tokens.ok) return withHint(tokens, subcommands.hintFor(text));
  const [first, ...args] = tokens.value;
  if (!first) return ok({ type: 'help' });
  // "/initiative 12" is the quickest way to look one up.
  if (!first.quoted && /^#?\d+$/.test(first.text)) return parseNumbered('show', tokens.value);
  if (first.quoted) {
    return fail(
      `Start with what to do, e.g. add: /initiative add "${quoteBack(first.text, 60)}"`,
      INITIATIVE_USAGE.add,
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
    default:
      return parseNumbered(sub, args);
  }
}
