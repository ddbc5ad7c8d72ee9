import { segmentsOf } from '../text/graphemes.js';
import { keyFigures, pickLead, type ReleaseTopic, releaseTopic } from './news-value.js';
import { isCodeLine, stripBullet, stripDatedDateline } from './release-cleanup.js';
import type { ReleaseInput } from './types.js';

/** The pieces of a press release the drafters build posts from, each copied verbatim. */
export interface ReleaseParts {
  headline: string;
  lead: string | null;
  keyFact: string | null;
  quote: { text: string; speaker: string | null } | null;
  facts: string[];
  /** What kind of news it is, which decides the key figure and the call to action. */
  topic: ReleaseTopic;
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/*
 * Wire-style datelines: "WASHINGTON (Nov. 5, 2026) —", "HOUSTON — ", "CAPE CANAVERAL, Fla. —",
 * "NEW YORK, Nov. 5, 2026 /PRNewswire/ --". The place is in capitals, which is what tells a
 * dateline from a sentence that happens to start with a dash.
 */
const DATELINE = new RegExp(
  [
    String.raw`^\p{Lu}[\p{Lu}\p{M}.'’\- ]*[\p{Lu}.]`,
    String.raw`(?:,\s*\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)?`,
    String.raw`(?:\s*\([^)]{0,60}\))?`,
    String.raw`(?:,?\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\p{L}*\.?\s+\d{1,2}(?:,\s*\d{4})?)?`,
    String.raw`(?:\s*\/[^/\n]{1,40}\/)?`,
    String.raw`\s*(?:—|–|--|-)\s+`,
  ].join(''),
  'u',
);

export const stripDateline = (paragraph: string): string => paragraph.replace(DATELINE, '');

// Lines that frame a release rather than say anything: a post should never quote them.
const BOILERPLATE =
  /^(?:for (?:immediate )?release|embargoed|press release|news release|news from|release\s*(?:#|no\.?)|media contacts?:?|contacts?:|phone:|tel:|e-?mail:|communiqué de presse|persbericht|pressemitteilung|nota de prensa|comunicado de prensa)/i;
// Where the release proper ends and the "About us" and contact block begins, in five languages.
const END_MARK =
  /^(?:#{3}|-\s?(?:30|end|fin|einde|ende)\s?-|about\s+[^.]{1,60}$|à propos d[eu’'][^.]{0,60}$|a propos d[eu’'][^.]{0,60}$|acerca de [^.]{1,60}$|(?:media |press )?contacts?:?$|contact presse|contacto de prensa|pressekontakt|perscontact|persinformatie|noot voor de redactie|note aux rédactions)/i;
// "Over Acme", "Über Acme", "Sobre Acme": only as a heading, never "Over 500 people came".
const ABOUT_HEADING = /^(?:Over|Über|Sobre) \p{Lu}[^.\d]{0,58}$/u;

// A full stop after these does not end the sentence, whatever the sentence segmenter thinks.
const ABBREVIATION_END =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Inc|Co|Corp|Ltd|No|Gov|Sen|Rep|Gen|Prof|Lt|Col|Mt|Ft|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|U\.S|U\.K|a\.m|p\.m|\p{Lu})\.\s*$/u;

export function sentencesOf(paragraph: string): string[] {
  const merged: string[] = [];
  let pending = '';
  for (const { segment } of segmentsOf(paragraph, 'sentence')) {
    pending += segment;
    if (!ABBREVIATION_END.test(pending)) {
      merged.push(pending);
      pending = '';
    }
  }
  if (pending !== '') merged.push(pending);
  return merged.map(collapse).filter((sentence) => sentence !== '');
}

const isRealSentence = (sentence: string): boolean => (sentence.match(/\p{L}+/gu)?.length ?? 0) >= 3;
// "…issued the following statement:" and "Fourth Quarter Highlights:" introduce; they say nothing.
const INTRODUCES = /:\s*$/;
// A name in quote marks (« Concours d’innovation ») is no quotation; four words or more is.
const SHORT_QUOTED = /[«“"„]\s?[^«»“”"„\s]+(?:\s[^«»“”"„\s]+){0,3}\s?[»”"]/gu;
const hasQuoteMark = (sentence: string): boolean => /["“”„«»]/.test(sentence.replace(SHORT_QUOTED, ''));
const same = (a: string, b: string): boolean => collapse(a).toLowerCase() === collapse(b).toLowerCase();

function contentParagraphs(body: string): string[] {
  const paragraphs: string[] = [];
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const line = collapse(stripBullet(raw));
    if (line === '') continue;
    if ((END_MARK.test(line) || ABOUT_HEADING.test(line)) && paragraphs.length > 0) break;
    if (BOILERPLATE.test(line) || isCodeLine(line)) continue;
    // The dateline opens the body, which may come after a headline, a subhead or a few bullets.
    paragraphs.push(paragraphs.length < 6 ? collapse(stripDatedDateline(stripDateline(line))) : line);
  }
  return paragraphs.filter((paragraph) => paragraph !== '');
}

// Words of a name; a full stop only after an initial or a title, so "Smith. The" is not a name.
const NAME_WORD = String.raw`(?:(?:Dr|Mr|Mrs|Ms|Prof|Gov|Sen|Rep|Gen|St)\.|\p{Lu}\.|\p{Lu}[\p{L}\p{M}'’\-]*)`;
// Within one paragraph: a name never runs across a line break.
const NAME = `${NAME_WORD}(?: +(?:(?:of|de|da|del|der|van|von|la|le|du|di|bin|al) +)?(?:\\d{1,3} +)?${NAME_WORD})*`;
const SAYS = `(?:said|says|added|adds|noted|notes|explained|explains|stated|states|commented|comments|according to|zegt|aldus|a déclaré|déclare|sagt|afirmó|dijo)`;
// "Ziv Shoshani, Chief Executive Officer of VPG, commented, “…": the name before its title.
const APPOSITION = '(?:,[^,“”"]{1,80},)?';
const SPEAKER_AFTER = new RegExp(String.raw`^\s*[,.]?\s*(?:${SAYS}\s+(${NAME})|(${NAME})\s+${SAYS})`, 'u');
// The name starts a word: "ȧᲐၐ said" credits no one.
const SPEAKER_BEFORE = new RegExp(
  String.raw`(?<![\p{L}\p{M}\p{N}])(${NAME})${APPOSITION}\s+${SAYS}\s*[:,]?\s*$`,
  'u',
);
const PRONOUNS = new Set(['He', 'She', 'They', 'We', 'I', 'It', 'You', 'The', 'This']);

function cleanSpeaker(name: string | undefined): string | null {
  if (!name) return null;
  const trimmed = name.replace(/[.,]+$/, '').trim();
  return trimmed === '' || PRONOUNS.has(trimmed) ? null : trimmed;
}

/** The first quotation worth quoting (five words or more), with who said it when the release says. */
function findQuote(text: string): ReleaseParts['quote'] {
  // Typed releases mix their marks: “…" and "…” are quotes too.
  const candidates = [...text.matchAll(/“([^“”"]+)["”]/gu), ...text.matchAll(/"([^"“”]+)["”]/gu)].sort(
    (a, b) => a.index - b.index,
  );
  for (const match of candidates) {
    const inner = collapse(match[1] ?? '').replace(/,$/, '');
    if ((inner.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) < 5) continue;
    const after = SPEAKER_AFTER.exec(text.slice(match.index + match[0].length));
    const before = SPEAKER_BEFORE.exec(text.slice(0, match.index));
    const speaker = cleanSpeaker(after?.[1] ?? after?.[2]) ?? cleanSpeaker(before?.[1]);
    return { text: inner, speaker };
  }
  return null;
}

/**
 * Finds headline, lead, key fact and quote in a release. Everything returned is copied from
 * the release (whitespace aside), so a post built from it states nothing the release does not.
 */
export function releaseParts(release: ReleaseInput): ReleaseParts {
  const paragraphs = contentParagraphs(release.body);
  let sentences = paragraphs.flatMap(sentencesOf);
  const title = collapse(release.title ?? '');

  let headline = title;
  if (headline === '') {
    const firstLine = paragraphs[0] ?? '';
    const firstSentences = sentencesOf(firstLine);
    headline = firstSentences.length > 1 ? (firstSentences[0] ?? '') : firstLine;
    sentences = sentences.slice(firstSentences.length > 1 ? 1 : firstSentences.length);
  }
  sentences = sentences.filter((sentence) => !same(sentence, headline));
  // A release pasted on one line ("Acme opens a plant. LEEDS — Acme today…") puts its dateline
  // after the headline, inside the first paragraph rather than at its start.
  const [opening] = sentences;
  if (opening !== undefined) sentences[0] = stripDatedDateline(stripDateline(opening));

  sentences = [...new Set(sentences)].filter((sentence) => !INTRODUCES.test(sentence));
  const usable = sentences.filter((sentence) => isRealSentence(sentence) && !hasQuoteMark(sentence));
  const lead = pickLead(usable, headline) ?? sentences.find(isRealSentence) ?? null;
  const others = sentences.filter((sentence) => sentence !== lead && !hasQuoteMark(sentence));
  const topic = releaseTopic(headline, sentences.slice(0, 3));
  const figures = keyFigures(topic, others);
  // A quotation sits within its paragraph; across paragraphs a stray quote mark would pair up
  // with one further on and take in whatever lies between.
  const quotes = paragraphs.map(findQuote).filter((q) => q !== null);
  const quote = quotes.find((q) => q.speaker !== null) ?? quotes[0] ?? null;

  return { headline, lead, keyFact: figures[0] ?? null, quote, facts: figures.slice(1), topic };
}
