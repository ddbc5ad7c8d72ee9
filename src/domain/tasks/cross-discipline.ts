import { DISCIPLINE_LABELS } from '../initiatives/kinds.js';
import type { TaskDiscipline } from './task-fields.js';

/** What Tandem knows of the person who just claimed: their own discipline and which leads they are. */
export interface Claimant {
  discipline: TaskDiscipline | null;
  prLead: boolean;
  socialLead: boolean;
}

/**
 * The disciplines a person works in: the one they told Tandem, plus the ones they lead (a lead
 * who never set their own discipline is still at home in it).
 */
function homeDisciplines(c: Claimant): Set<TaskDiscipline> {
  const home = new Set<TaskDiscipline>();
  if (c.discipline) home.add(c.discipline);
  if (c.prLead) home.add('pr');
  if (c.socialLead) home.add('social');
  return home;
}

/**
 * The task's discipline when it is someone else's home ground, else null. Joint work (no
 * discipline) is everyone's, and someone with no known discipline is never told they strayed.
 */
export function foreignDiscipline(
  taskDiscipline: TaskDiscipline | null,
  claimant: Claimant,
): TaskDiscipline | null {
  if (!taskDiscipline) return null;
  const home = homeDisciplines(claimant);
  if (home.size === 0 || home.has(taskDiscipline)) return null;
  return taskDiscipline;
}

/** The gentle line added to a claim confirmation: the claim stands, the leads will see it. */
export function crossDisciplineHint(discipline: TaskDiscipline): string {
  const label = DISCIPLINE_LABELS[discipline];
  // Marketing has no leads setting of its own; the digest goes to whoever leads the work.
  const who = discipline === 'marketing' ? 'the leads' : `the ${label.toLowerCase()} leads`;
  return `This is a ${label} task — claimed anyway; ${who} will see it in the digest.`;
}
