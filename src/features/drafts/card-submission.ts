import { z } from 'zod';
import { slackTextToPlain } from '../../domain/commands/slack-refs.js';
import { parseLink } from '../../domain/drafts/draft-options.js';
import { CARD_FIELDS, MAX_REASON } from './card-modals.js';

/** A field's value, or the error to show under that field. */
export type FieldResult<T> = { ok: true; value: T } | { ok: false; field: string; error: string };

const read = (values: unknown, id: string, key: string): unknown => {
  const parsed = z
    .record(z.string(), z.record(z.string(), z.record(z.string(), z.unknown())))
    .safeParse(values);
  return parsed.success ? parsed.data[id]?.[id]?.[key] : undefined;
};

export function parseChanges(values: unknown): FieldResult<string> {
  const field = CARD_FIELDS.reason;
  const raw = read(values, field, 'value');
  const reason = slackTextToPlain(typeof raw === 'string' ? raw : '').trim();
  if (reason === '')
    return {
      ok: false,
      field,
      error: 'Say what should change, e.g. "Lead with the 120 jobs, not the plant."',
    };
  if (reason.length > MAX_REASON)
    return {
      ok: false,
      field,
      error: `Keep it under ${MAX_REASON} characters; the author reads it on the card.`,
    };
  return { ok: true, value: reason };
}

/** A posting time in the past would be "scheduled" for a moment that is gone: refused. */
export function parseSchedule(values: unknown, now: Date): FieldResult<Date> {
  const field = CARD_FIELDS.postAt;
  const seconds = read(values, field, 'selected_date_time');
  if (typeof seconds !== 'number')
    return { ok: false, field, error: 'Pick a date and a time, e.g. tomorrow at 09:00.' };
  const at = new Date(seconds * 1000);
  // A minute's grace: the picker shows whole minutes, and "now" is a fair time to post.
  if (at.getTime() < now.getTime() - 60_000)
    return { ok: false, field, error: 'That time has passed. Pick a later one.' };
  return { ok: true, value: at };
}

export function parsePosted(values: unknown): FieldResult<string> {
  const field = CARD_FIELDS.url;
  const raw = read(values, field, 'value');
  const typed = typeof raw === 'string' ? raw : '';
  const example = 'e.g. https://www.linkedin.com/feed/update/urn:li:activity:123';
  if (typed.trim() === '') return { ok: false, field, error: `Paste the live post’s link, ${example}.` };
  const link = parseLink(typed);
  if (!link.ok || link.value === null)
    return { ok: false, field, error: `That is not a web address; ${example}.` };
  return { ok: true, value: link.value };
}
