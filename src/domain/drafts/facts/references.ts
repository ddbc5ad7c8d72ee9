import { urlSpans } from '../links.js';
import type { Flag } from './flag.js';

/*
 * Links, @handles and hashtags are claims too: a link to a page the release never mentions, a
 * handle it never gives, or a hashtag about something it never says. A hashtag passes when its
 * words are the release's (or the brand's, which the source includes), so topic hashtags built
 * from the release's own words never are flagged.
 */

const HOST = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:www\.)?([^/?#:\s]+)/i;
const hostOf = (url: string): string => (HOST.exec(url)?.[1] ?? url).toLowerCase().replace(/\.+$/, '');

const HANDLE = /(?<![\p{L}\p{N}_@])@\u2060?([\p{L}\p{M}\p{N}_]+(?:\.[\p{L}\p{M}\p{N}_]+)*)/gu;
const HASHTAG = /(?<![\p{L}\p{N}_&])[#＃]([\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*)/gu;

// A hashtag capitalises words ("ᲀ" becomes "В"): both sides are compared case-folded. Lower, upper,
// lower: so that folding what was folded changes nothing ("ẞ" lowers to "ß", which folds to "ss").
const fold = (text: string): string =>
  text.normalize('NFC').toLowerCase().toUpperCase().toLowerCase().normalize('NFC');

/** "IntuitiveMachinesOfHouston" → intuitive, machines, of, houston; "acme_news" → acme, news. */
function hashtagWords(tag: string): string[] {
  return tag
    .split(/_|(?<=[\p{Ll}\p{M}])(?=\p{Lu})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u)
    .map(fold)
    .filter((part) => /\p{L}/u.test(part));
}

export function flagReferences(draft: string, source: string, flag: Flag): void {
  const lower = fold(source);
  const letters = lower.replace(/[^\p{L}\p{M}\p{N}]/gu, '');
  for (const { start, end } of urlSpans(draft)) {
    const url = draft.slice(start, end);
    if (!lower.includes(hostOf(url))) flag(start, 'link', url);
  }
  for (const match of draft.matchAll(HANDLE)) {
    const handle = fold(match[1] ?? '');
    if (!lower.includes(`@${handle}`) && !lower.includes(`@\u2060${handle}`))
      flag(match.index, 'handle', match[0]);
  }
  for (const match of draft.matchAll(HASHTAG)) {
    const tag = match[1] ?? '';
    const whole = `#${fold(tag)}`;
    if (lower.includes(whole)) continue;
    if (!hashtagWords(tag).every((word) => letters.includes(word.replace(/[^\p{L}\p{M}\p{N}]/gu, '')))) {
      flag(match.index, 'hashtag', match[0]);
    }
  }
}
