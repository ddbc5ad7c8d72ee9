import type { Parsed } from '../../../src/domain/commands/result.js';

/** `value(text)` for input that must parse, `error(text)` for input that must not, with a clear failure. */
export function parsedBy<T>(parse: (text: string) => Parsed<T>) {
  return {
    value(text: string): T {
      const result = parse(text);
      if (!result.ok) throw new Error(`expected ${JSON.stringify(text)} to parse: ${result.error.message}`);
      return result.value;
    },
    error(text: string) {
      const result = parse(text);
      if (result.ok)
        throw new Error(`expected ${JSON.stringify(text)} to fail, got ${JSON.stringify(result.value)}`);
      return result.error;
    },
  };
}
