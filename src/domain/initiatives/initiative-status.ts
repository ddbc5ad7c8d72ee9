import { lookup } from '../lookup.js';

export const INITIATIVE_STATUSES = ['planned', 'active', 'done', 'cancelled'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

export const STATUS_LABELS: Record<InitiativeStatus, string> = {
  planned: 'Planned',
  active: 'Active',
  done: 'Done',
  cancelled: 'Cancelled',
};

// American spelling and the words people reach for when they close or start something.
const STATUS_ALIASES: Record<string, InitiativeStatus> = {
  planned: 'planned',
  plan: 'planned',
  active: 'active',
  started: 'active',
  inprogress: 'active',
  ongoing: 'active',
  done: 'done',
  complete: 'done',
  completed: 'done',
  finished: 'done',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  cancel: 'cancelled',
  dropped: 'cancelled',
};

/** The status a word names, or null. Case, hyphens and spaces are ignored ("In-progress"). */
export function matchStatus(word: string): InitiativeStatus | null {
  return lookup(STATUS_ALIASES, word.toLowerCase().replace(/[-_\s]/g, '')) ?? null;
}
