import { lookup } from '../lookup.js';
import { closestMatch } from './closest-match.js';
import { quoteBack } from './command-args.js';
import { type Failed, fail, type UsageHint } from './result.js';

/** How a slash command recognises its first word; see defineSubcommands. */
export interface Subcommands<S extends string> {
  /** The subcommand a word names, by its name or an alias, in any case; null when it names none. */
  of(word: string): S | null;
  /** The reply to a first word that names no subcommand: the nearest one, if any, and them all. */
  unknown(word: string): Failed;
  /**
   * The hint for text too broken to tokenize (a stray quote): its first word still says which
   * form the person wanted, so the reply can show that form rather than the overview.
   */
  hintFor(text: string): UsageHint;
}

export interface SubcommandTable<S extends string> {
  /** As people type it, e.g. `/task`, for quoting their words back. */
  command: `/${string}`;
  /** In the order they are offered when a word names none of them. */
  names: readonly S[];
  /** Words people reach for instead of a subcommand's name; keys are lowercase. */
  aliases: Readonly<Record<string, S>>;
  usage: Readonly<Record<S, UsageHint>>;
  overview: UsageHint;
}

/**
 * The first-word handling that /initiative, /task and /trend share, so a typo gets the same
 * "did you mean" and the same usage hint whichever command it was typed in.
 */
export function defineSubcommands<S extends string>({
  command,
  names,
  aliases,
  usage,
  overview,
}: SubcommandTable<S>): Subcommands<S> {
  const of = (word: string): S | null => {
    const lower = word.toLowerCase();
    // Alias tables are plain objects: "constructor" must not find Object.prototype's.
    return names.find((name) => name === lower) ?? lookup(aliases, lower) ?? null;
  };
  // An alias can be the nearer spelling ("finsh" is a slip of "finish"), so both are candidates.
  const candidates = [...names, ...Object.keys(aliases)];
  return {
    of,
    unknown(word) {
      const near = closestMatch(word, candidates);
      const suggestion = near ? of(near) : null;
      const guess = suggestion ? ` Did you mean ${suggestion}?` : '';
      // Aliases are for typing, not for learning: the list names each subcommand once.
      return fail(
        `I don't know "${command} ${quoteBack(word, 30)}".${guess} Try one of: ${names.join(', ')}.`,
        suggestion ? usage[suggestion] : overview,
      );
    },
    hintFor(text) {
      const guess = of(text.trim().split(/\s+/)[0] ?? '');
      return guess ? usage[guess] : overview;
    },
  };
}
