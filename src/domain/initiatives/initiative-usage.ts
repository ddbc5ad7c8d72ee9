import type { UsageHint } from '../commands/result.js';

export const INITIATIVE_SUBCOMMANDS = [
  'add',
  'list',
  'show',
  'assign',
  'handoff',
  'status',
  'due',
  'help',
] as const;
export type InitiativeSubcommand = (typeof INITIATIVE_SUBCOMMANDS)[number];

export interface SubcommandHelp extends UsageHint {
  /** One line for the help text. */
  summary: string;
}

/**
 * One place for each subcommand's form and example: error replies and `/initiative help` both
 * read from here, so they cannot drift apart. Examples avoid mentions where they can, because a
 * mention pasted as text reaches the app as plain "@name".
 */
export const INITIATIVE_USAGE: Record<InitiativeSubcommand, SubcommandHelp> = {
  add: {
    usage: '/initiative add "<title>" [kind] [@owner] [due <date>] [#channel] [--with-checklist]',
    example: '/initiative add "Q4 launch" press_release due dec 1 --with-checklist',
    summary:
      "Start an initiative; the owner defaults from the ownership matrix, and --with-checklist adds the kind's tasks.",
  },
  list: {
    usage: '/initiative list [mine | @person | <kind> | overdue | all]',
    example: '/initiative list mine',
    summary: 'List open initiatives, or filter them.',
  },
  show: {
    usage: '/initiative show <number>',
    example: '/initiative show 12',
    summary: 'Show one initiative with its owner history.',
  },
  assign: {
    usage: '/initiative assign <number> @person',
    example: '/initiative assign 12 @ann',
    summary: 'Make someone the owner.',
  },
  handoff: {
    usage: '/initiative handoff <number> @person [reason]',
    example: '/initiative handoff 12 @sam I am out next week',
    summary: 'Hand your initiative to someone else, saying why.',
  },
  status: {
    usage: '/initiative status <number> planned|active|done|cancelled',
    example: '/initiative status 12 active',
    summary: 'Move an initiative along.',
  },
  due: {
    usage: '/initiative due <number> <date>  (or none to clear it)',
    example: '/initiative due 12 next friday',
    summary: 'Set or clear the due date.',
  },
  help: {
    usage: '/initiative help [subcommand]',
    example: '/initiative help add',
    summary: 'Show this help.',
  },
};

export const INITIATIVE_OVERVIEW: UsageHint = {
  usage: `/initiative ${INITIATIVE_SUBCOMMANDS.join(' | ')} …`,
  example: '/initiative list',
};
