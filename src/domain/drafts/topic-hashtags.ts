import type { ReleaseParts } from './release-parts.js';

/*
 * Hashtags a social manager would add, taken only from the release's own words: the organisations
 * and programmes it names, its acronyms, and the words it keeps coming back to. A hashtag built
 * this way states nothing new, which is what lets the fact guard check hashtags word by word.
 */

// Common words of five letters or more that say nothing on their own, in the five languages.
const STOPWORDS = new Set(
  [
    'about after again against among announced announces announce before being between could during',
    'every first following including other their there these those through today under where which while',
    'would should within without years today company companies also named selected reported said their',
    'will would more than million billion thousand percent compared prior fourth third second quarter',
    'dans avec pour cette leurs entre notamment ainsi depuis selon aussi plus projets nouvelle nouveau',
    'worden wordt hebben kunnen moeten tussen komende totaal vanwege daarmee hiervoor zijn niet voor',
    'werden wurde haben können zwischen diese dieser sowie durch nach einer eines',
    'entre desde sobre para como este esta estos según también',
    'effective immediately current including previously related continuing includes share shares diluted',
    'reported compared announced selected support across engage their there chief officer',
    // News verbs make poor tags: #Opens, #Launches.
    'opens opening launches launching unveils welcomes celebrates expands names appoints reports',
  ]
    .join(' ')
    .split(/\s+/),
);

const MAX_TAG_LENGTH = 28;

/** "National Wildlife Federation" → "NationalWildlifeFederation"; letters and digits only. */
function camel(words: string[]): string {
  return words
    .map((w) => w.replace(/[^\p{L}\p{M}\p{N}]/gu, ''))
    .map((w) => (w === w.toUpperCase() ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
}

// Capitalised only because they open a sentence: "Today Acme Corp …" is about Acme Corp.
const SENTENCE_OPENERS = new Set(
  'the a an today this our its in on at for with as after le la les un une de het een die der das el los las en'.split(
    ' ',
  ),
);

/** Runs of two to four capitalised words, not counting a capital that only starts a sentence. */
function namesIn(text: string): string[][] {
  const names: string[][] = [];
  for (const match of text.matchAll(/\p{Lu}[\p{L}\p{M}]+(?: (?:of |for |and )?\p{Lu}[\p{L}\p{M}]+){1,3}/gu)) {
    let words = match[0].split(' ');
    if (SENTENCE_OPENERS.has(words[0]?.toLowerCase() ?? '')) words = words.slice(1);
    // "Bruno LE MAIRE": a surname in capitals makes a hashtag nobody would type.
    if (words.some((w) => w.length > 1 && w === w.toUpperCase())) continue;
    while (words[0] && /^(?:of|for|and)$/.test(words[0])) words = words.slice(1);
    if (words.filter((w) => /^\p{Lu}/u.test(w)).length >= 2) names.push(words);
  }
  return names;
}

/** Acronyms the release uses more than once (an organisation, a product), not state codes or surnames. */
function acronymsIn(text: string, body: string): string[] {
  const found = text.match(/(?<![\p{L}\p{N}])\p{Lu}{3,6}(?![\p{L}\p{N}])/gu) ?? [];
  const count = (a: string) => body.split(a).length - 1;
  return [...new Set(found)].filter((a) => count(a) >= 2);
}

function keywordsIn(focus: string, body: string): string[] {
  const counts = new Map<string, number>();
  for (const w of body.toLowerCase().match(/\p{L}{5,}/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  const headline = new Set(
    focus
      .toLowerCase()
      .split('\n')[0]
      ?.match(/\p{L}{5,}/gu) ?? [],
  );
  // A word the release comes back to, or one of its headline: what the release is about.
  // A past participle ("powered" of "solar-powered", "opened") describes; it is not a topic.
  const candidates = [...new Set(focus.toLowerCase().match(/\p{L}{5,}/gu) ?? [])].filter(
    (w) => !STOPWORDS.has(w) && !/\p{L}{3}ed$/u.test(w) && (headline.has(w) || (counts.get(w) ?? 0) >= 2),
  );
  return candidates.sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0));
}

/**
 * Topic hashtags, most telling first: a name from the headline or lead, then recurring keywords and
 * acronyms. `exclude` holds the brand hashtags, so a topic never repeats one.
 */
export function topicHashtags(parts: ReleaseParts, rawBody: string, exclude: string[] = []): string[] {
  const body = rawBody.normalize('NFC');
  const shouted = parts.headline === parts.headline.toUpperCase();
  // Title-case headlines capitalise every word, so names come from the sentences.
  const sentences = [parts.lead ?? '', parts.keyFact ?? '', ...parts.facts].join('. ');
  const names = namesIn(sentences.normalize('NFC')).map(camel);
  const acronyms = acronymsIn(shouted ? sentences : `${parts.headline}. ${sentences}`, body);
  const keywords = keywordsIn(`${parts.headline}\n${parts.lead ?? ''}`.normalize('NFC'), body).map((w) =>
    camel([w]),
  );
  const taken = new Set(exclude.map((tag) => tag.replace(/^#/, '').toLowerCase()));
  const tags: string[] = [];
  for (const tag of [
    names[0],
    ...keywords.slice(0, 2),
    ...acronyms,
    ...names.slice(1),
    ...keywords.slice(2),
  ]) {
    if (!tag || tag.length > MAX_TAG_LENGTH || !/\p{L}/u.test(tag)) continue;
    if (taken.has(tag.toLowerCase())) continue;
    taken.add(tag.toLowerCase());
    tags.push(`#${tag}`);
  }
  return tags;
}
