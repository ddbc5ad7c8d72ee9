import type { UsageHint } from '../commands/result.js';
import type { SubcommandHelp } from '../initiatives/initiative-usage.js';

export const TASK_SUBCOMMANDS = [
  'add',
  'list',
  'claim',
  'assign',
  'release',
  'done',
  'block',
  'unblock',
  'snooze',
  'help',
] as const;
export type TaskSubcommand = (typeof TASK_SUBCOMMANDS)[number];

/**
 * One place for each subcommand's form and example: error replies and `/task help` both read
 * from here, so they cannot drift apart. Tasks are written T7 (initiatives are #12); the parser
 * also takes 7 and #7 wherever a task is expected. Only `list` and `add` take an initiative
 * number, and there 12 and #12 both mean initiative 12.
 */
export const TASK_USAGE: Record<TaskSubcommand, SubcommandHelp> = {
  add: {
    usage: '/task add <initiative number> "<title>" [pr|social|marketing] [due <date>] [@assignee]',
    example: '/task add 12 "Draft social posts" social due friday',
    summary: 'Add a task to an initiative; leave out @assignee and anyone can claim it.',
  },
  list: {
    usage: '/task list [mine | unclaimed | @person | <initiative number> | all]',
    example: '/task list unclaimed',
    summary: "List open tasks, or filter them; a number (12 or #12) lists initiative 12's tasks.",
  },
  claim: {
    usage: '/task claim <task number>',
    example: '/task claim T7',
    summary: 'Take a task yourself (the same as reacting to it with the claim emoji).',
  },
  assign: {
    usage: '/task assign <task number> @person',
    example: '/task assign T7 @ann',
    summary: 'Give a task to someone.',
  },
  release: {
    usage: '/task release <task number>',
    example: '/task release T7',
    summary: 'Give a task back so someone else can claim it.',
  },
  done: {
    usage: '/task done <task number>',
    example: '/task done T7',
    summary: 'Mark a task done.',
  },
  block: {
    usage: '/task block <task number> [reason]',
    example: '/task block T7 waiting for legal sign-off',
    summary: 'Mark a task blocked, saying why.',
  },
  unblock: {
    usage: '/task unblock <task number>',
    example: '/task unblock T7',
    summary: 'Mark a blocked task open again.',
  },
  snooze: {
    usage: '/task snooze <task number>',
    example: '/task snooze T7',
    summary: 'Snooze nudges about a task for a day.',
  },
  help: {
    usage: '/task help [subcommand]',
    example: '/task help add',
    summary: 'Show this help.',
  },
};

export const TASK_OVERVIEW: UsageHint = {
  usage: `/task ${TASK_SUBCOMMANDS.join(' | ')} …  (tasks are numbered like T7)`,
  example: '/task list mine',
};
