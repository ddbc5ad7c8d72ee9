import type { Flag } from './flag.js';
import { normaliseForMatch } from './normalise.js';

/*
 * A true quotation credited to the wrong person is still a false claim. The draft's speaker must
 * be named where the release gives that quotation (within a few sentences of it).
 */

const NAME = String.raw`\p{Lu}[\p{L}\p{M}.'’-]*(?:[ \u00a0]+(?:(?:van|de|der|von|la|le|du) )?\p{Lu}[\p{L}\p{M}.'’-]*){0,4}`;
const AFTER = new RegExp(
  String.raw`^[,.]?[ \u00a0]*(?:[—–-][ \u00a0]*(${NAME})|(?:said|says)[ \u00a0]+(${NAME})|(${NAME})[ \u00a0]+(?:said|says))`,
  'u',
);
const BEFORE = new RegExp(String.raw`(${NAME})[ \u00a0]+(?:said|says)[ \u00a0]*[:,]?[ \u00a0]*$`, 'u');
const QUOTE = /[“"]([^“”"\n]{12,})[”"]/gu;
// Attributions sit next to their quotation: "…,” said X" or "X, title, said: “…".
const WINDOW = 130;

export function flagSpeakers(draft: string, releaseText: string, flag: Flag): void {
  for (const match of draft.matchAll(QUOTE)) {
    const inner = normaliseForMatch(match[1] ?? '')
      .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')
      .split('...')[0]
      ?.trim();
    if (!inner) continue;
    const at = releaseText.indexOf(inner);
    if (at < 0) continue; // Not the release's words: the quote check has flagged it already.
    const end = match.index + match[0].length;
    const after = AFTER.exec(draft.slice(end));
    const before = BEFORE.exec(draft.slice(Math.max(0, match.index - 80), match.index));
    const speaker = (after?.[1] ?? after?.[2] ?? after?.[3] ?? before?.[1])?.replace(/[.,]+$/, '');
    if (!speaker) continue;
    const surname = normaliseForMatch(speaker.split(/[ \u00a0]+/).pop() ?? '').replace(/[.,]+$/, '');
    if (surname.length < 2) continue;
    const around = releaseText.slice(Math.max(0, at - WINDOW), at + inner.length + WINDOW);
    if (
      !new RegExp(`(?<!\\p{L})${surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u').test(around)
    ) {
      flag(end, 'speaker', `${speaker} (quoted)`);
    }
  }
}
