import { closestMatch } from '../commands/closest-match.js';
import { fail, ok, type Parsed, type UsageHint } from '../commands/result.js';
import { tokenize } from '../commands/tokenize.js';

export type DigestCommand =
  | { type: 'help' }
  | { type: 'now' }
  | { type: 'settings' }
  | { type: 'me'; on: boolean };

export const DIGEST_USAGE: Record<DigestCommand['type'], UsageHint> = {
  now: { usage: '/digest now', example: '/digest now' },
  me: { usage: '/digest me on|off', example: '/digest me on' },
  settings: { usage: '/digest settings', example: '/digest settings' },
  help: { usage: '/digest help', example: '/digest help' },
};

const WORDS: Record<string, DigestCommand['type']> = {
  now: 'now',
  today: 'now',
  show: 'now',
  me: 'me',
  mine: 'me',
  personal: 'me',
  settings: 'settings',
  config: 'settings',
  help: 'help',
  '?': 'help',
};

const ON_OFF: Record<string, boolean> = {
  on: true,
  yes: true,
  start: true,
  off: false,
  no: false,
  stop: false,
};

/** `/digest now` shows today's digest privately; `/digest me on|off` a personal one by DM daily. */
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
  if (type === 'me') {
    const [choice, ...extra] = rest;
    const word = choice?.text.toLowerCase() ?? '';
    const on = Object.hasOwn(ON_OFF, word) ? ON_OFF[word] : undefined;
    if (on === undefined || extra.length > 0) {
      return fail(choice ? `"${choice.text}" is not on or off.` : 'Say on or off.', DIGEST_USAGE.me);
    }
    return ok({ type: 'me', on });
  }
  if (rest.length > 0) return fail(`"/digest ${first.text}" takes nothing after it.`, DIGEST_USAGE[type]);
  return ok({ type });
}
