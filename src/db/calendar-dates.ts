import type { CalendarDate } from '../domain/time/calendar-date.js';

/** PostgreSQL DATE comes back through Prisma as a JS Date at UTC midnight; these convert at that boundary. */
export function calendarDateToDb(date: CalendarDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export function calendarDateFromDb(date: Date): CalendarDate {
  return date.toISOString().slice(0, 10);
}
