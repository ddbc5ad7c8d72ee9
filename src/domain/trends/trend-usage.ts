import type { UsageHint } from '../commands/result.js';
import type { SubcommandHelp } from '../initiatives/initiative-usage.js';

export const TREND_SUBCOMMANDS = ['add', 'list', 'link', 'expire', 'help'] as const;
export type TrendSubcommand = (typeof TREND_SUBCOMMANDS)[number];

/**
 * One place for each subcommand's form and example: error replies and `/trend help` both read
 * from here, so they cannot drift apart. Trends are written TR3 (initiatives are #12, tasks T7);
 * the parser also takes 3 and #3 wherever a trend is expected.
 */
export const TREND_USAGE: Record<TrendSubcommand, SubcommandHelp> = {
  add: {
    usage: '/trend add "<label>" [notes…] [keywords: a, b, c]',
    example: '/trend add #WorldCup2026 big spike on TikTok keywords: football, soccer',
    summary:
      'Log a trend; a one-word label or hashtag needs no quotes. Its label and keywords are matched against active initiatives.',
  },
  list: {
    usage: '/trend list [active | all]',
    example: '/trend list',
    summary: 'List trends that have not expired, or all of them.',
  },
  link: {
    usage: '/trend link <trend number> <initiative number>',
    example: '/trend link TR3 12',
    summary: 'Tie a trend to an initiative that matching missed.',
  },
  expire: {
    usage: '/trend expire <trend number>',
    example: '/trend expire TR3',
    summary: 'Mark a trend as over, so digests and nudges stop mentioning it.',
  },
  help: {
    usage: '/trend help [subcommand]',
    example: '/trend help add',
    summary: 'Show this help.',
  },
};

export const TREND_OVERVIEW: UsageHint = {
  usage: `/trend ${TREND_SUBCOMMANDS.join(' | ')} …  (trends are numbered like TR3)`,
  example: '/trend list',
};
