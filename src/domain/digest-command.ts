import { closestMatch } from './closest-match.js';
import { fail, ok, type Parsed, type UsageHint } from './result.js';
import { tokenize } from './tokenize.js';

export type DigestCommand = { type: 'help' } | { type: 'now' };

export const DIGEST_USAGE: Record<DigestCommand['type'], UsageHint> = {
  now: { usage: '/digest now', example: '/digest now' },
  help: { usage: '/digest help', example: '/digest help' },
};

const WORDS: Record<string, DigestCommand['type']> = {
  now: 'now',
  today: 'now',
  show: 'now',
  help: 'help',
  '?': 'help',
};

/** `/digest now` shows today's digest privately; `/digest help` explains it. */
export function parseDigestCommand(text: string): Parsed<DigestCommand> {
  const tokens = tokenize(text);
  if (!tokens.ok) return fail(tokens.error.message, DIGEST_USAGE.now);
  const [first, ...rest] = tokens.value;
  if (!first) return ok({ type: 'help' });
  const word = first.text.toLowerCase();
  const type = Object.hasOwn(WORDS, word) ? WORDS[word] : undefined;
  if (!type) {
    const near = closestMatch(word, Object.keys(WORDS));
    return fail(
      `I don't know "/digest ${first.text}".${near ? ` Did you mean \`/digest ${near}\`?` : ''} Try now or help.`,
      DIGEST_USAGE.now,
    );
  }
  if (rest.length > 0) return fail(`"/digest ${first.text}" takes nothing after it.`, DIGEST_USAGE[type]);
  return ok({ type });
}
