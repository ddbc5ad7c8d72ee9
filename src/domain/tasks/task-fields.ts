import { slackTextToPlain } from '../commands/slack-refs.js';
import type { SupportDiscipline } from '../initiatives/kinds.js';
import { lookup } from '../lookup.js';

/** Same limit as initiative titles: a task is a line in a list, details go in its thread. */
export const MAX_TASK_TITLE_LENGTH = 150;

/**
 * A task belongs to one discipline, or to none: no discipline is joint work, for whoever claims
 * it first. `joint` itself is a lead for initiatives only.
 */
export const TASK_DISCIPLINES = ['pr', 'social', 'marketing'] as const satisfies readonly SupportDiscipline[];
export type TaskDiscipline = (typeof TASK_DISCIPLINES)[number];

// Deliberately short: an unquoted task title ends at the first of these words, so words that are
// common in titles ("comms", "media", "paid") would cut titles short.
const DISCIPLINE_ALIASES: Record<string, TaskDiscipline> = {
  pr: 'pr',
  social: 'social',
  marketing: 'marketing',
  mktg: 'marketing',
};

/** The discipline a single word names (any case), or null. */
export function matchTaskDiscipline(word: string): TaskDiscipline | null {
  return lookup(DISCIPLINE_ALIASES, word.toLowerCase()) ?? null;
}

/** The words matchTaskDiscipline knows, for "did you mean" suggestions. */
export const TASK_DISCIPLINE_WORDS: readonly string[] = Object.keys(DISCIPLINE_ALIASES);

/** Plain text, one line: control characters and runs of spaces in a title only ever come from pasting. */
export function cleanTaskTitle(raw: string): string {
  return slackTextToPlain(raw)
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Titles are measured in code points, as people count them, not UTF-16 units. */
export const titleLength = (title: string): number => [...title].length;
