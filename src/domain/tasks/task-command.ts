import { closestMatch } from '../commands/closest-match.js';
import { quoteBack, readPerson, rejectExtra } from '../commands/command-args.js';
import { fail, ok, type Parsed, withHint } from '../commands/result.js';
import { parseBareRef, parseUserRef, slackTextToPlain } from '../commands/slack-refs.js';
import { defineSubcommands } from '../commands/subcommands.js';
import { joinTokens, type Token, tokenize } from '../commands/tokenize.js';
import { parseInitiativeNumber } from '../initiatives/initiative-ref.js';
import { lookup } from '../lookup.js';
import { type AddTask, parseAddTask } from './task-add.js';
import { formatTaskRef, parseTaskNumber } from './task-ref.js';
import { TASK_OVERVIEW, TASK_SUBCOMMANDS, TASK_USAGE, type TaskSubcommand } from './task-usage.js';

export type { AddTask } from './task-add.js';
export { MAX_TASK_TITLE_LENGTH, TASK_DISCIPLINES, type TaskDiscipline } from './task-fields.js';
export { TASK_OVERVIEW, TASK_SUBCOMMANDS, TASK_USAGE, type TaskSubcommand } from './task-usage.js';

/**
 * `open` (no filter) means tasks not done, claimed or not. `initiative` is the initiative's
 * per-workspace number (#12), never a task number.
 */
export type TaskListFilter =
  | { by: 'open' }
  | { by: 'mine' }
  | { by: 'unclaimed' }
  | { by: 'user'; userId: string }
  | { by: 'initiative'; initiative: number }
  | { by: 'all' };

/** Tasks are named by their per-workspace number, the one people see as T7. */
export type TaskCommand =
  | { type: 'help'; topic?: TaskSubcommand }
  | AddTask
  | { type: 'list'; filter: TaskListFilter }
  | { type: 'claim'; task: number }
  | { type: 'assign'; task: number; userId: string }
  | { type: 'release'; task: number }
  | { type: 'done'; task: number }
  | { type: 'block'; task: number; reason?: string }
  | { type: 'unblock'; task: number }
  | { type: 'snooze'; task: number };

/** The subcommands that act on one task, named by its number. */
type TaskNumberSubcommand = Exclude<TaskSubcommand, 'add' | 'list' | 'help'>;

// Words people reach for instead of the subcommand's name.
const SUBCOMMAND_ALIASES: Record<string, TaskSubcommand> = {
  new: 'add',
  create: 'add',
  ls: 'list',
  take: 'claim',
  grab: 'claim',
  reassign: 'assign',
  unassign: 'release',
  unclaim: 'release',
  drop: 'release',
  complete: 'done',
  completed: 'done',
  finish: 'done',
  finished: 'done',
  close: 'done',
  blocked: 'block',
  '?': 'help',
};

const subcommands = defineSubcommands({
  command: '/task',
  names: TASK_SUBCOMMANDS,
  aliases: SUBCOMMAND_ALIASES,
  usage: TASK_USAGE,
  overview: TASK_OVERVIEW,
});

const LIST_WORDS: Record<string, TaskListFilter> = {
  open: { by: 'open' },
  mine: { by: 'mine' },
  me: { by: 'mine' },
  my: { by: 'mine' },
  unclaimed: { by: 'unclaimed' },
  unassigned: { by: 'unclaimed' },
  available: { by: 'unclaimed' },
  free: { by: 'unclaimed' },
  all: { by: 'all' },
  everything: { by: 'all' },
};

const LIST_WORD_NAMES = ['mine', 'unclaimed', 'all', 'open'];

const isTaskRefText = (text: string): boolean => /^#?t-?\d+$/i.test(text);

function parseList(args: readonly Token[]): Parsed<TaskCommand> {
  const hint = TASK_USAGE.list;
  const [arg, ...extra] = args;
  if (!arg) return ok({ type: 'list', filter: { by: 'open' } });
  if (extra.length > 0) return fail(`list takes one filter; I got "${quoteBack(joinTokens(args))}".`, hint);
  const word = arg.quoted ? undefined : lookup(LIST_WORDS, arg.text.toLowerCase());
  if (word) return ok({ type: 'list', filter: word });
  if (!arg.quoted && /^#?-?\d/.test(arg.text)) {
    // In a list a number filters by initiative, the way tasks are grouped.
    const initiative = parseInitiativeNumber(arg.text, hint);
    return initiative.ok
      ? ok({ type: 'list', filter: { by: 'initiative', initiative: initiative.value } })
      : initiative;
  }
  if (!arg.quoted && isTaskRefText(arg.text)) {
    return fail(
      `${quoteBack(arg.text, 30)} is a task; list filters by initiative number, like 12 for the tasks of #12.`,
      hint,
    );
  }
  if (
    !arg.quoted &&
    (parseUserRef(arg.text).ok || parseBareRef(arg.text)?.kind === 'user' || arg.text.startsWith('<!'))
  ) {
    const person = readPerson(arg, hint);
    return person.ok ? ok({ type: 'list', filter: { by: 'user', userId: person.value } }) : person;
  }
  const near = arg.quoted ? null : closestMatch(arg.text, Object.keys(LIST_WORDS));
  const guess = near ? ` Did you mean ${near}?` : '';
  return fail(
    `I can't filter tasks by "${quoteBack(arg.text)}".${guess} Use ${LIST_WORD_NAMES.join(', ')}, an @person or an initiative number like 12.`,
    hint,
  );
}

/** Reads the task number that every per-task subcommand starts with. */
function readTask(args: readonly Token[], sub: TaskNumberSubcommand): Parsed<number> {
  const hint = TASK_USAGE[sub];
  const first = args[0];
  if (!first) return fail(`Which task? Give its number after ${sub}, like T7.`, hint);
  return parseTaskNumber(first.text, hint);
}

function parseNumbered(sub: TaskNumberSubcommand, args: readonly Token[]): Parsed<TaskCommand> {
  const hint = TASK_USAGE[sub];
  const task = readTask(args, sub);
  if (!task.ok) return task;
  const ref = formatTaskRef(task.value);
  const rest = args.slice(1);
  switch (sub) {
    case 'assign': {
      // "assign T7 to @ann" reads naturally; the "to" carries nothing.
      const people = rest[0] && !rest[0].quoted && rest[0].text.toLowerCase() === 'to' ? rest.slice(1) : rest;
      const person = readPerson(people[0], hint, 'assignee');
      if (!person.ok) return person;
      const extra = rejectExtra(people.slice(1), 'the person', hint);
      return extra.ok ? ok({ type: 'assign', task: task.value, userId: person.value }) : extra;
    }
    case 'block': {
      const reason = slackTextToPlain(joinTokens(rest))
        .replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      return ok(
        reason === '' ? { type: 'block', task: task.value } : { type: 'block', task: task.value, reason },
      );
    }
    case 'claim':
    case 'release':
    case 'done':
    case 'unblock':
    case 'snooze': {
      const extra = rejectExtra(rest, `${sub} ${ref}`, hint);
      return extra.ok ? ok({ type: sub, task: task.value }) : extra;
    }
  }
}

/**
 * Parses the text of `/task`. Dates stay as typed: only the service knows the workspace's zone,
 * and it resolves them with parseDueDate.
 */
export function parseTaskCommand(text: string): Parsed<TaskCommand> {
  const tokens = tokenize(text);
  if (!tokens.ok) return withHint(tokens, subcommands.hintFor(text));
  const [first, ...args] = tokens.value;
  if (!first) return ok({ type: 'help' });
  if (first.quoted) {
    return fail(
      `Start with what to do, e.g. add: /task add <initiative number> "${quoteBack(first.text, 60)}"`,
      TASK_USAGE.add,
    );
  }
  if (/^#?\d+$/.test(first.text) || isTaskRefText(first.text)) {
    // A bare number could be a task or an initiative; ask rather than guess.
    const digits = first.text.replace(/^#?t?/i, '');
    return fail(
      `Start with what to do, e.g. /task claim T${digits} or /task done T${digits}; /task list ${digits} lists the tasks of initiative #${digits}.`,
      TASK_OVERVIEW,
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
      return parseAddTask(args);
    case 'list':
      return parseList(args);
    default:
      return parseNumbered(sub, args);
  }
}
