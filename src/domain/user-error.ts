import type { UsageError } from './commands/result.js';

/**
 * Something the person can fix: bad input, an id that does not exist in their workspace, a
 * setting only admins may change. Services throw it before writing anything; the one Slack
 * error handler turns it into an ephemeral reply with the right form and an example.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly usage?: string,
    readonly example?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }

  static from(error: UsageError): UserError {
    return new UserError(error.message, error.usage, error.example);
  }
}

/** Unwraps a parse result, turning its failure into a UserError. */
export function orThrow<T>(parsed: { ok: true; value: T } | { ok: false; error: UsageError }): T {
  if (!parsed.ok) throw UserError.from(parsed.error);
  return parsed.value;
}
