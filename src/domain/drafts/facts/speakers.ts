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
// A paragraph that names who speaks; a quotation running over several paragraphs is credited in
// the first ("Klein … released the following statement:").
const ATTRIBUTES =
  /(?<!\p{L})(?:said|says|say|told|added|stated|statement|according to|zei|zegt|déclare|a déclaré|sagte|dijo)(?!\p{L})|:\s*$/u;

/**
 * Where the release credits a quotation, for each paragraph that holds it (a headline may repeat
 * the quote the body credits): that paragraph, or the paragraphs back to the one that attributes it.
 */
function creditsOf(inner: string, release: string): string[] {
  const paragraphs = release.split(/\n[ \t]*\n/).map(normaliseForMatch);
  const credits: string[] = [];
  for (const [at, paragraph] of paragraphs.entries()) {
    if (!paragraph.includes(inner)) continue;
    let credit = paragraph;
    for (let back = at - 1; back >= Math.max(0, at - 4) && !ATTRIBUTES.test(credit); back--) {
      credit = `${paragraphs[back] ?? ''} ${credit}`;
    }
    credits.push(credit);
  }
  return credits;
}

export function flagSpeakers(draft: string, release: string, flag: Flag): void {
  const releaseText = normaliseForMatch(release);
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
    const credits = creditsOf(inner, release);
    const around =
      credits.length > 0
        ? credits
        : [releaseText.slice(Math.max(0, at - WINDOW), at + inner.length + WINDOW)];
    const named = new RegExp(`(?<!\\p{L})${surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u');
    if (!around.some((credit) => named.test(credit))) {
      flag(end, 'speaker', `${speaker} (quoted)`);
    }
  }
}
