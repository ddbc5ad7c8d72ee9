import { closestMatch } from '../commands/closest-match.js';
import { isReference, quoteBack, readPerson } from '../commands/command-args.js';
import { fail, ok, type Parsed } from '../commands/result.js';
import { parseBareRef, parseChannelRef, slackTextToPlain } from '../commands/slack-refs.js';
import { joinTokens, type Token } from '../commands/tokenize.js';
import { parseInitiativeNumber } from '../initiatives/initiative-ref.js';
import {
  cleanTaskTitle,
  MAX_TASK_TITLE_LENGTH,
  matchTaskDiscipline,
  TASK_DISCIPLINE_WORDS,
  TASK_DISCIPLINES,
  type TaskDiscipline,
  titleLength,
} from './task-fields.js';
import { TASK_USAGE } from './task-usage.js';

export interface AddTask {
  type: 'add';
  /** The initiative's per-workspace number (#12). */
  initiative: number;
  title: string;
  /** Absent means joint work: no discipline in particular. */
  discipline?: TaskDiscipline;
  /** The date words as typed; the service resolves them in the workspace's zone. */
  due?: string;
  /** Absent means unclaimed. */
  assigneeId?: string;
}

const HINT = TASK_USAGE.add;

const isDueWord = (token: Token): boolean => !token.quoted && token.text.toLowerCase() === 'due';

/** References, and Slack specials like <!here> that someone may have meant as the assignee. */
const isMention = (token: Token): boolean =>
  isReference(token) || (!token.quoted && token.text.startsWith('<!'));

/** Tokens that start an option after the title; they also end an unquoted title or a date. */
function isOption(token: Token): boolean {
  return isDueWord(token) || isMention(token) || (!token.quoted && matchTaskDiscipline(token.text) !== null);
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

const looksLikeNumber = (text: string): boolean => /^#?-?\d/.test(text);

/** The initiative number that `add` starts with, with errors for the usual slips. */
function readInitiative(tokens: readonly Token[]): Parsed<number> {
  const first = tokens[0];
  if (!first) {
    return fail(
      'Which initiative is the task for? Start with its number (from /initiative list), then the title.',
      HINT,
    );
  }
  if (!first.quoted && /^#?t-?\d+$/i.test(first.text)) {
    return fail(
      `${quoteBack(first.text, 30)} is a task; a new task needs the number of its initiative (from /initiative list), like 12.`,
      HINT,
    );
  }
  if (first.quoted || !looksLikeNumber(first.text)) {
    // Usually the number was left out or typed after the title: show the command they meant.
    const at = tokens.findIndex((t) => !t.quoted && /^#?\d+$/.test(t.text));
    const number = at === -1 ? '<number>' : (tokens[at]?.text.replace('#', '') ?? '<number>');
    const title = cleanTaskTitle(splitTitle(tokens.filter((_t, j) => j !== at)).title);
    const shown = title === '' ? '<title>' : quoteBack(title, 60);
    return fail(
      `Which initiative is it for? Put the initiative's number (from /initiative list) first: /task add ${number} "${shown}"`,
      HINT,
    );
  }
  return parseInitiativeNumber(first.text, HINT);
}

function unknownWord(token: Token, titleWasQuoted: boolean): Parsed<never> {
  const word = quoteBack(token.text, 30);
  const lower = token.text.toLowerCase();
  if (lower === 'by' || lower === 'deadline' || lower === 'on') {
    return fail(`For a due date write due, e.g. "due friday" rather than "${word} friday".`, HINT);
  }
  if (lower === 'joint' || lower === 'both') {
    return fail('A task without a discipline is joint work; leave the word out.', HINT);
  }
  const near = token.quoted ? null : closestMatch(lower, TASK_DISCIPLINE_WORDS);
  const suggestion = near ? matchTaskDiscipline(near) : null;
  const guess = suggestion ? ` Did you mean ${suggestion}?` : '';
  const quoting = titleWasQuoted ? '' : ' If it is part of the title, put the whole title in quotes.';
  return fail(
    `I don't know "${word}": it isn't a discipline (${TASK_DISCIPLINES.join(', ')}), due <date> or an @assignee.${guess}${quoting}`,
    HINT,
  );
}

function isChannel(token: Token): boolean {
  return !token.quoted && (parseChannelRef(token.text).ok || parseBareRef(token.text)?.kind === 'channel');
}

/**
 * `add <initiative number> "<title>" [pr|social|marketing] [due <date words…>] [@assignee]`,
 * options after the title in any order.
 */
export function parseAddTask(tokens: readonly Token[]): Parsed<AddTask> {
  const initiative = readInitiative(tokens);
  if (!initiative.ok) return initiative;
  const afterNumber = tokens.slice(1);
  const { title: rawTitle, rest, quoted } = splitTitle(afterNumber);
  const title = cleanTaskTitle(rawTitle);
  if (title === '') {
    const why =
      afterNumber.length === 0 || quoted
        ? `What is the task? Give its title after ${initiative.value}.`
        : 'The title has to come straight after the initiative number.';
    return fail(`${why} Put the title in quotes.`, HINT);
  }
  if (titleLength(title) > MAX_TASK_TITLE_LENGTH) {
    return fail(
      `That title is ${titleLength(title)} characters; keep it to ${MAX_TASK_TITLE_LENGTH} and put details in the task's thread.`,
      HINT,
    );
  }
  const command: AddTask = { type: 'add', initiative: initiative.value, title };
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i];
    if (!token) break;
    if (isDueWord(token)) {
      if (command.due !== undefined) return fail('You gave two due dates; give one.', HINT);
      const end = rest.findIndex((t, j) => j > i && isOption(t));
      const dateTokens = rest.slice(i + 1, end === -1 ? rest.length : end);
      if (dateTokens.length === 0)
        return fail('"due" needs a date after it, e.g. "due friday" or "due dec 1".', HINT);
      command.due = slackTextToPlain(joinTokens(dateTokens)).replace(/\s+/g, ' ').trim();
      i += dateTokens.length;
      continue;
    }
    const discipline = token.quoted ? null : matchTaskDiscipline(token.text);
    if (discipline) {
      if (command.discipline !== undefined && command.discipline !== discipline) {
        return fail(
          `You gave two disciplines (${command.discipline} and ${discipline}); a task has one. Leave it out for joint work.`,
          HINT,
        );
      }
      command.discipline = discipline;
      continue;
    }
    if (isChannel(token)) {
      return fail(
        `A task has no channel of its own: it lives with its initiative. Leave out "${quoteBack(slackTextToPlain(token.text), 30)}".`,
        HINT,
      );
    }
    if (isMention(token)) {
      const assignee = readPerson(token, HINT, 'assignee');
      if (!assignee.ok) return assignee;
      if (command.assigneeId !== undefined && command.assigneeId !== assignee.value) {
        return fail(
          'You gave two assignees; a task has one. Add a task each if two people share the work.',
          HINT,
        );
      }
      command.assigneeId = assignee.value;
      continue;
    }
    return unknownWord(token, quoted);
  }
  return ok(command);
}
