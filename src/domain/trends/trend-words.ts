import { lookup } from '../lookup.js';

// The words of trends and initiatives, made comparable: stop words, English plurals, case folding.

const STOP_WORDS: Readonly<Record<string, true>> = Object.fromEntries(
  [
    'a',
    'an',
    'the',
    'and',
    'or',
    'but',
    'nor',
    'of',
    'for',
    'in',
    'on',
    'to',
    'at',
    'by',
    'with',
    'from',
    'into',
    'onto',
    'over',
    'under',
    'about',
    'after',
    'before',
    'as',
    'via',
    'vs',
    'versus',
    'per',
    'than',
    'then',
    'so',
    'if',
    'is',
    'are',
    'was',
    'were',
    'be',
    'been',
    'being',
    'am',
    'has',
    'have',
    'had',
    'do',
    'does',
    'did',
    'will',
    'would',
    'shall',
    'should',
    'can',
    'could',
    'may',
    'might',
    'must',
    'not',
    'no',
    'yes',
    'it',
    'its',
    'this',
    'that',
    'these',
    'those',
    'there',
    'here',
    'we',
    'our',
    'ours',
    'us',
    'you',
    'your',
    'yours',
    'they',
    'their',
    'them',
    'he',
    'him',
    'his',
    'she',
    'her',
    'hers',
    'i',
    'me',
    'my',
    'who',
    'whom',
    'whose',
    'what',
    'which',
    'when',
    'where',
    'why',
    'how',
    'all',
    'any',
    'some',
    'more',
    'most',
    'very',
    'just',
    'also',
    'too',
    'out',
    'up',
    'down',
    'off',
    'new',
    'amp',
    'etc',
    'get',
    'got',
  ].map((word) => [word, true] as const),
);

export const isStopWord = (word: string): boolean => lookup(STOP_WORDS, word) === true;

/**
 * Words the plural rules would get wrong, mapped to their stem. Words that must stay as they are
 * map to themselves. Both sides use the same stems, so a missing entry only ever costs a match
 * between a word's singular and plural, never a false match.
 */
const STEM_EXCEPTIONS: Readonly<Record<string, string>> = {
  // Not plurals at all.
  news: 'news',
  series: 'series',
  species: 'species',
  bias: 'bias',
  atlas: 'atlas',
  alias: 'alias',
  canvas: 'canvas',
  lens: 'lens',
  chaos: 'chaos',
  ethos: 'ethos',
  always: 'always',
  perhaps: 'perhaps',
  christmas: 'christmas',
  xmas: 'xmas',
  texas: 'texas',
  vegas: 'vegas',
  kansas: 'kansas',
  mars: 'mars',
  // Singulars in -ie: the -ies rule would make "selfy".
  selfies: 'selfie',
  movies: 'movie',
  cookies: 'cookie',
  hoodies: 'hoodie',
  zombies: 'zombie',
  rookies: 'rookie',
  freebies: 'freebie',
  newbies: 'newbie',
  foodies: 'foodie',
  techies: 'techie',
  goalies: 'goalie',
  brownies: 'brownie',
  calories: 'calorie',
  smoothies: 'smoothie',
  aussies: 'aussie',
  indies: 'indie',
  genies: 'genie',
  birdies: 'birdie',
  // Singulars in -che: the -ches rule would drop the e.
  aches: 'ache',
  niches: 'niche',
  caches: 'cache',
  headaches: 'headache',
  cliches: 'cliche',
  avalanches: 'avalanche',
  moustaches: 'moustache',
  mustaches: 'mustache',
  // Singulars in -o, -us, -is and -s that take -es.
  heroes: 'hero',
  potatoes: 'potato',
  tomatoes: 'tomato',
  echoes: 'echo',
  vetoes: 'veto',
  torpedoes: 'torpedo',
  buses: 'bus',
  viruses: 'virus',
  bonuses: 'bonus',
  campuses: 'campus',
  statuses: 'status',
  focuses: 'focus',
  censuses: 'census',
  crises: 'crisis',
  analyses: 'analysis',
  theses: 'thesis',
  diagnoses: 'diagnosis',
  hypotheses: 'hypothesis',
  gases: 'gas',
  biases: 'bias',
  atlases: 'atlas',
  aliases: 'alias',
  canvases: 'canvas',
  lenses: 'lens',
  // Irregular plurals.
  women: 'woman',
  men: 'man',
  children: 'child',
  feet: 'foot',
  teeth: 'tooth',
  mice: 'mouse',
  geese: 'goose',
};

/**
 * Folds an English plural to its singular: `launches` → launch, `stories` → story,
 * `influencers` → influencer, `releases` → release, `glasses` → glass. Only words of four or
 * more letters change; anything with a digit or a mark of punctuation is returned as is.
 * Expects a lowercased word; stemming a stem changes nothing.
 */
export function stemWord(word: string): string {
  const exception = lookup(STEM_EXCEPTIONS, word);
  if (exception !== undefined) return exception;
  if (!/^[\p{L}\p{M}]+$/u.test(word) || [...word].length < 4) return word;
  let stem = word;
  if (word.endsWith('ies') && word.length > 4) stem = `${word.slice(0, -3)}y`;
  else if (/(?:sses|xes|ches|shes|zzes)$/.test(word)) stem = word.slice(0, -2);
  else if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) stem = word.slice(0, -1);
  // "womens" → women → woman.
  return lookup(STEM_EXCEPTIONS, stem) ?? stem;
}

/**
 * Case folding through upper case, so that every spelling of a word meets in one form:
 * "ß", "ẞ" and "SS" all become "ss", "ΟΣ" and "ος" agree. A round trip can expose a letter
 * with a further mapping ("ẞ" → "ß" → "SS"), so it repeats until nothing changes.
 */
export function fold(text: string): string {
  let folded = text.normalize('NFC');
  for (let round = 0; round < 4; round++) {
    const next = folded.toUpperCase().toLowerCase().normalize('NFC');
    if (next === folded) break;
    folded = next;
  }
  return folded;
}
