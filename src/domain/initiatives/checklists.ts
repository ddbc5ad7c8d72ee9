import { z } from 'zod';
import { lookup } from '../lookup.js';
import {
  cleanTaskTitle,
  MAX_TASK_TITLE_LENGTH,
  TASK_DISCIPLINES,
  type TaskDiscipline,
  titleLength,
} from '../tasks/task-fields.js';
import { addDays, type CalendarDate, isCalendarDate } from '../time/calendar-date.js';
import { INITIATIVE_KINDS, type InitiativeKind } from './kinds.js';

export interface ChecklistItem {
  title: string;
  /** Null is joint work: no discipline in particular, for whoever claims it. */
  discipline: TaskDiscipline | null;
  /**
   * Due this many days before the initiative's due date, when it has one; 0 is the same day,
   * negative is after it (reporting). Absent: the task has no due date of its own.
   */
  offsetDays?: number;
}

export type Checklists = Record<InitiativeKind, ChecklistItem[]>;

export const MAX_CHECKLIST_ITEMS = 20;
/** A year either way is already more than any campaign plan needs. */
export const MAX_OFFSET_DAYS = 366;

/**
 * The tasks each kind of initiative usually needs, in the order they happen, split the way the
 * ownership matrix splits the work (DESIGN.md). Offsets count back from the initiative's due date
 * (the release date, the go-live, the deadline).
 */
export const DEFAULT_CHECKLISTS: Readonly<Checklists> = {
  press_release: [
    { title: 'Approve final copy', discipline: 'pr', offsetDays: 4 },
    { title: 'Draft social posts', discipline: 'social', offsetDays: 3 },
    { title: 'Schedule posts', discipline: 'social', offsetDays: 2 },
    { title: 'Pitch to media', discipline: 'pr', offsetDays: 1 },
  ],
  influencer: [
    { title: 'Brief influencer', discipline: null, offsetDays: 14 },
    { title: 'Approve influencer content', discipline: 'pr', offsetDays: 5 },
    { title: 'Schedule amplification', discipline: 'social', offsetDays: 1 },
    { title: 'Report results', discipline: 'social', offsetDays: -7 },
  ],
  campaign: [
    { title: 'Agree brief, audience and KPIs', discipline: null, offsetDays: 14 },
    { title: 'Produce creative', discipline: 'marketing', offsetDays: 7 },
    { title: 'Set up paid targeting and budget', discipline: 'marketing', offsetDays: 3 },
    { title: 'Schedule organic posts', discipline: 'social', offsetDays: 1 },
    { title: 'Report results', discipline: 'social', offsetDays: -7 },
  ],
  trend_response: [
    { title: 'Check the trend fits the brand', discipline: 'social', offsetDays: 1 },
    { title: 'Draft response post', discipline: 'social', offsetDays: 1 },
    { title: 'Approve the angle', discipline: 'pr', offsetDays: 0 },
    { title: 'Pitch the angle to media', discipline: 'pr', offsetDays: 0 },
  ],
  // Crisis work is due now; the initiative's due date is usually today, so everything lands today.
  crisis: [
    { title: 'Draft holding statement', discipline: 'pr', offsetDays: 0 },
    { title: 'Approve statement with legal', discipline: 'pr', offsetDays: 0 },
    { title: 'Monitor social mentions', discipline: 'social', offsetDays: 0 },
    { title: 'Respond to comments with approved lines', discipline: 'social', offsetDays: 0 },
    { title: 'Review what happened', discipline: null, offsetDays: -7 },
  ],
  advocacy: [
    { title: 'Build employee toolkit', discipline: 'pr', offsetDays: 7 },
    { title: 'Share posting guidance', discipline: 'social', offsetDays: 3 },
    { title: 'Track participation', discipline: 'social', offsetDays: -7 },
  ],
  other: [
    { title: 'Agree goals and owners', discipline: null, offsetDays: 7 },
    { title: 'Draft content', discipline: null, offsetDays: 3 },
    { title: 'Approve and publish', discipline: null, offsetDays: 0 },
  ],
};

const itemSchema = z.object({
  title: z
    .string()
    .transform(cleanTaskTitle)
    .pipe(
      z
        .string()
        .min(1, 'A checklist item needs a title.')
        .refine((title) => titleLength(title) <= MAX_TASK_TITLE_LENGTH, {
          message: `Checklist titles are at most ${MAX_TASK_TITLE_LENGTH} characters.`,
        }),
    ),
  // Null or absent: joint work.
  discipline: z.enum(TASK_DISCIPLINES).nullish(),
  offsetDays: z.number().int().min(-MAX_OFFSET_DAYS).max(MAX_OFFSET_DAYS).optional(),
});

/** One kind's list; an empty list means "no checklist for this kind". */
export const checklistSchema = z.array(itemSchema).max(MAX_CHECKLIST_ITEMS);

/** A stored override: any subset of kinds; kinds it leaves out keep the default. */
export const checklistsSchema = z.object(
  Object.fromEntries(INITIATIVE_KINDS.map((kind) => [kind, checklistSchema.optional()])) as Record<
    InitiativeKind,
    z.ZodOptional<typeof checklistSchema>
  >,
);
export type StoredChecklists = z.infer<typeof checklistsSchema>;

function toItem(item: z.infer<typeof itemSchema>): ChecklistItem {
  const base: ChecklistItem = { title: item.title, discipline: item.discipline ?? null };
  return item.offsetDays === undefined ? base : { ...base, offsetDays: item.offsetDays };
}

const copy = (items: readonly ChecklistItem[]): ChecklistItem[] => items.map((item) => ({ ...item }));

/**
 * The checklists to use, from whatever is stored (a JSON column, maybe a JSON string, maybe from
 * an older version). Each kind is checked on its own so one bad list doesn't discard the rest; a
 * bad or missing list keeps the default. The result is a fresh copy, safe to change.
 */
export function resolveChecklists(stored: unknown): Checklists {
  let raw = stored;
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw);
    } catch {
      raw = null;
    }
  }
  const source =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const resolved = {} as Checklists;
  for (const kind of INITIATIVE_KINDS) {
    const parsed = checklistSchema.safeParse(lookup(source, kind));
    resolved[kind] = parsed.success ? parsed.data.map(toItem) : copy(DEFAULT_CHECKLISTS[kind]);
  }
  return resolved;
}

/**
 * When a checklist task is due: `offsetDays` before the initiative's due date, but never before
 * today (a late start means "do it now", not "already overdue"). Null when the initiative has no
 * due date or the item has no offset.
 */
export function checklistDueDate(
  initiativeDue: CalendarDate | null,
  item: Pick<ChecklistItem, 'offsetDays'>,
  today: CalendarDate,
): CalendarDate | null {
  if (initiativeDue === null || item.offsetDays === undefined || !Number.isInteger(item.offsetDays))
    return null;
  const due = addDays(initiativeDue, -item.offsetDays);
  if (due === null) return null;
  return isCalendarDate(today) && due < today ? today : due;
}
