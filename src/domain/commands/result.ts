/**
 * Parsers in this folder turn what people type into values. Typing something odd is normal, so
 * they never throw on user input: they return a result that either holds the value or says what
 * was wrong, the right form, and a working example — everything an ephemeral error reply needs.
 */

export interface UsageError {
  /** What was wrong, specific to what was typed, e.g. `I don't know the kind "presser".` */
  message: string;
  /** The right form, e.g. `/initiative add "<title>" [kind] [@owner] [due <date>] [#channel]`. */
  usage: string;
  /** A command that works as typed. */
  example: string;
}

export interface Ok<T> {
  ok: true;
  value: T;
}

export interface Failed {
  ok: false;
  error: UsageError;
}

export type Parsed<T> = Ok<T> | Failed;

/** The usage and example of one command form; error replies and help text share them. */
export interface UsageHint {
  usage: string;
  example: string;
}

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function fail(message: string, hint: UsageHint): Failed {
  return { ok: false, error: { message, usage: hint.usage, example: hint.example } };
}

/**
 * Keeps a lower-level message (a stray quote, a bad date) but points usage and example at the
 * command the person was actually typing, which the lower-level parser cannot know.
 */
export function withHint(failed: Failed, hint: UsageHint): Failed {
  return fail(failed.error.message, hint);
}
