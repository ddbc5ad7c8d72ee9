import { isReference, quoteBack, readChannel, readPerson } from '../commands/command-args.js';
import { fail, ok, type Parsed } from '../commands/result.js';
import { slackTextToPlain } from '../commands/slack-refs.js';
import { joinTokens, type Token } from '../commands/tokenize.js';
import { INITIATIVE_USAGE } from './initiative-usage.js';
import { INITIATIVE_KINDS, type InitiativeKind, matchKind, suggestKind } from './kinds.js';

export const MAX_TITLE_LENGTH = 150;

export interface AddInitiative {
  type: 'add';
  title: string;
  kind?: InitiativeKind;
  ownerId?: string;
  /** The date words as typed; the service resolves them in the workspace's zone. */
  due?: string;
  channelId?: string;
  /** `--with-checklist`: also create the kind's checklist of tasks. */
  withChecklist?: true;
}

const HINT = INITIATIVE_USAGE.add;

const isDueWord = (token: Token): boolean => !token.quoted && token.text.toLowerCase() === 'due';

// Slack on macOS and iOS turns a typed -- into — (or –), so a flag may arrive with either dash.
const FLAG_DASHES = /^(--?|—|–)/;
const CHECKLIST_FLAG = /^((--?|—|–)?with[-_]?checklist|(--?|—|–)checklist)$/i;

/**
 * `--with-checklist`, also without its dashes or shortened to `--checklist`. Bare `checklist` is
 * not the flag: it is a likely title word, and an unquoted title ends at the first option.
 */
const isChecklistFlag = (token: Token): boolean => !token.quoted && CHECKLIST_FLAG.test(token.text);

/** Tokens that start an option after the title; they also end an unquoted title or a date. */
function isOption(token: Token): boolean {
  return (
    isDueWord(token) ||
    isChecklistFlag(token) ||
    isReference(token) ||
    (!token.quoted && matchKind(token.text) !== null)
  );
}

/** Control characters and runs of spaces in a title only ever come from pasting. */
function cleanTitle(raw: string): string {
  return slackTextToPlain(raw)
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function splitTitle(tokens: readonly Token[]): { title: string; rest: Token[]; quoted: boolean } {
  const first = tokens[0];
  if (first?.quoted) return { title: first.text, rest: tokens.slice(1), quoted: true };
  // Forgiving: an unquoted title runs up to the first word that is clearly an option.
  const end = tokens.findIndex(isOption);
  const titleTokens = end === -1 ? tokens : tokens.slice(0, end);
  const title = titleTokens.map((t) => (t.quoted ? `"${t.text}"` : t.text)).join(' ');
  return { title, rest: tokens.slice(titleTokens.length), quoted: false };
}

function unknownWord(token: Token, titleWasQuoted: boolean): Parsed<never> {
  const word = quoteBack(token.text, 30);
  const lower = token.text.toLowerCase();
  if (lower === 'by' || lower === 'deadline' || lower === 'on') {
    return fail(`For a due date write due, e.g. "due friday" rather than "${word} friday".`, HINT);
  }
  if (!token.quoted && FLAG_DASHES.test(token.text) && /\p{L}/u.test(token.text)) {
    return fail(`I don't know the flag "${word}"; the only flag is --with-checklist.`, HINT);
  }
  const near = token.quoted ? null : suggestKind(token.text);
  const guess = near ? ` Did you mean the kind ${near}?` : '';
  const quoting = titleWasQuoted ? '' : ' If it is part of the title, put the whole title in quotes.';
  return fail(
    `I don't know "${word}": it isn't a kind (${INITIATIVE_KINDS.join(', ')}), an @owner, due <date>, a #channel or --with-checklist.${guess}${quoting}`,
    HINT,
  );
}

/**
 * `add "<title>" [kind] [@owner] [due <date words…>] [#channel] [--with-checklist]`, options in
 * any order.
 */
export function parseAdd(tokens: readonly Token[]): Parsed<AddInitiative> {
  const { title: rawTitle, rest, quoted } = splitTitle(tokens);
  const title = cleanTitle(rawTitle);
  if (title === '') {
    const why = tokens.length === 0 || quoted ? 'What is it called?' : 'The title has to come first.';
    return fail(`${why} Start with the title in quotes.`, HINT);
  }
  if ([...title].length > MAX_TITLE_LENGTH) {
    return fail(
      `That title is ${[...title].length} characters; keep it to ${MAX_TITLE_LENGTH} and put details in the channel.`,
      HINT,
    );
  }
  const command: AddInitiative = { type: 'add', title };
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i];
    if (!token) break;
    if (isDueWord(token)) {
      if (command.due !== undefined) return fail('You gave two due dates; give one.', HINT);
      const end = rest.findIndex((t, j) => j > i && isOption(t));
      const dateTokens = rest.slice(i + 1, end === -1 ? rest.length : end);
      if (dateTokens.length === 0)
        return fail('"due" needs a date after it, e.g. "due friday" or "due dec 1".', HINT);
      command.due = slackTextToPlain(joinTokens(dateTokens));
      i += dateTokens.length;
      continue;
    }
    if (isChecklistFlag(token)) {
      command.withChecklist = true;
      continue;
    }
    const kind = token.quoted ? null : matchKind(token.text);
    if (kind) {
      if (command.kind !== undefined && command.kind !== kind) {
        return fail(`You gave two kinds (${command.kind} and ${kind}); an initiative has one.`, HINT);
      }
      command.kind = kind;
      continue;
    }
    if (isReference(token)) {
      const text = token.text;
      if (text.startsWith('<#') || text.startsWith('#')) {
        const channel = readChannel(token, HINT);
        if (!channel.ok) return channel;
        if (command.channelId !== undefined && command.channelId !== channel.value) {
          return fail('You gave two channels; an initiative has one.', HINT);
        }
        command.channelId = channel.value;
        continue;
      }
      const owner = readPerson(token, HINT, 'owner');
      if (!owner.ok) return owner;
      if (command.ownerId !== undefined && command.ownerId !== owner.value) {
        return fail('You gave two owners; an initiative has one.', HINT);
      }
      command.ownerId = owner.value;
      continue;
    }
    return unknownWord(token, quoted);
  }
  return ok(command);
}
