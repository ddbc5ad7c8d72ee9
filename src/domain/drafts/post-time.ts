// The English parsers only, as for due dates: the full package loads every locale.
import * as chrono from 'chrono-node/en';

/** Where a release's own date sits: its dateline, in the first lines. */
const DATELINE_CHARS = 240;

/**
 * The date a release gives itself in its dateline ("LEEDS, 3 December 2026 —"), when it names a
 * day and a month; null otherwise. Dates further down are facts in the story, not the release's.
 */
export function releaseDate(body: string, now: Date): Date | null {
  // A written date ("9 December 2026"), not "today" or "Monday", which every release says.
  const found = chrono
    .parse(body.slice(0, DATELINE_CHARS), now)
    .find((r) => /\d/.test(r.text) && r.start.isCertain('day') && r.start.isCertain('month'));
  return found ? found.start.date() : null;
}

/**
 * When a network's post should go out unless someone schedules it: when the embargo lifts; else
 * on the release's own date if that is still ahead; else now.
 */
export function defaultPostAt(release: { embargoUntil: Date | null; body: string }, now: Date): Date {
  if (release.embargoUntil) return release.embargoUntil;
  const dated = releaseDate(release.body, now);
  return dated && dated.getTime() > now.getTime() ? dated : now;
}
