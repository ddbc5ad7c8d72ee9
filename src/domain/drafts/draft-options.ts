import { fail, ok, type Parsed } from '../commands/result.js';

export const MAX_BRAND_HASHTAGS = 10;

const HASHTAG_HINT = { usage: '#Tag #AnotherTag (letters, digits and _)', example: '#Acme #CleanEnergy' };
const LINK_HINT = { usage: 'https://…', example: 'https://acme.example/news/leeds-plant' };

/** "#Acme, CleanEnergy #acme" → ["Acme", "CleanEnergy"]: "#" optional, duplicates (any case) once. */
export function parseHashtags(text: string): Parsed<string[]> {
  const words = text.split(/[\s,;]+/).filter(Boolean);
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const word of words) {
    const tag = word.replace(/^#+/, '');
    if (!/^[\p{L}\p{N}_]+$/u.test(tag) || /^\d+$/.test(tag)) {
      return fail(
        `"${word.slice(0, 40)}" is not a hashtag: use letters, digits and _ (and not only digits).`,
        HASHTAG_HINT,
      );
    }
    if (seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  if (tags.length > MAX_BRAND_HASHTAGS) {
    return fail(
      `That is ${tags.length} hashtags; brand hashtags are at most ${MAX_BRAND_HASHTAGS}.`,
      HASHTAG_HINT,
    );
  }
  return ok(tags);
}

/** The release's public address: http(s) only, so nothing else ends up in a post. */
export function parseLink(text: string): Parsed<string | null> {
  const typed = text.trim();
  if (typed === '') return ok(null);
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    return fail(`"${typed.slice(0, 60)}" is not a web address.`, LINK_HINT);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return fail(
      `"${typed.slice(0, 60)}" is not a web page address (it must start with https://).`,
      LINK_HINT,
    );
  }
  return ok(url.toString());
}
