import { DRAFTER_PHRASES } from '../calls-to-action.js';
import type { Flag } from './flag.js';
import { MASK } from './mask.js';
import { normaliseForMatch } from './normalise.js';
import { isCapitalised, looksLikeName, startsSentence, type Word, words } from './words.js';

// Words the template drafter adds itself; never names, whatever their case.
const DRAFTER_WORDS = [
  'link in bio',
  'read more',
  'learn more',
  'find out more',
  'big news',
  'just announced',
  'announcement',
  'breaking',
  'details',
  'full release',
  'more',
  'update',
  'news',
];
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const DRAFTER_WORDS_PATTERN = new RegExp(
  `(?<![\\p{L}])(?:${[...DRAFTER_PHRASES.map(escapeRegExp), ...DRAFTER_WORDS].join('|')})(?![\\p{L}])`,
  'giu',
);

const CONNECTORS = new Set([
  'of',
  'de',
  'da',
  'del',
  'der',
  'den',
  'di',
  'du',
  'la',
  'le',
  'van',
  'von',
  'bin',
  'al',
]);
const isConnector = (word: Word): boolean => CONNECTORS.has(word.text.toLowerCase());

// "Holloway said …": a lone word starting a sentence is a name when it is the one speaking.
const SPEAKS =
  /^[ \u00a0]+(?:said|says|told|tells|added|adds|explained|noted|stated|announced)(?![\p{L}\p{M}])/u;

function nameSupported(parts: readonly string[], releaseText: string): boolean {
  // A closing full stop ("U.S.", "Inc.") may be followed by anything in the release.
  const escaped = parts.map((part, index) =>
    normaliseForMatch(index === parts.length - 1 ? part.replace(/\.+$/, '') : part).replace(
      /[.*+?^${}()|[\]\\]/g,
      '\\$&',
    ),
  );
  // Letters only: "Q4" in the release contains the name-like "Q".
  return new RegExp(`(?<!\\p{L})${escaped.join('\\s+')}(?![\\p{L}\\p{M}])`, 'u').test(releaseText);
}

const lookupParts = (sequence: readonly Word[]): string[] =>
  sequence.map((word, index) => (index === sequence.length - 1 ? word.text : word.written));

/** Runs of capitalised words on one line and in one sentence, joined by a lower-case "of" or "van". */
function capitalisedRuns(text: string): Word[][] {
  const runs: Word[][] = [];
  let current: Word[] = [];
  let pendingConnector: Word | null = null;
  const close = () => {
    if (current.length > 0) runs.push(current);
    current = [];
    pendingConnector = null;
  };
  for (const word of words(text)) {
    const previous = pendingConnector ?? current[current.length - 1];
    const adjacent = previous !== undefined && /^[ \u00a0]+$/.test(text.slice(previous.end, word.start));
    if (current.length > 0 && (!adjacent || previous?.endsSentence)) close();
    if (isCapitalised(word.text)) {
      if (pendingConnector) current.push(pendingConnector);
      pendingConnector = null;
      current.push(word);
      if (word.endsSentence) close();
    } else if (current.length > 0 && pendingConnector === null && isConnector(word)) {
      pendingConnector = word;
    } else {
      close();
    }
  }
  close();
  return runs;
}

/** The words of a run that claim a name, or none when its capital only starts a sentence. */
function claimedName(text: string, run: Word[], releaseText: string): Word[] {
  const first = run[0];
  const last = run[run.length - 1];
  if (!first || !last) return [];
  const speaks = run.length === 1 && SPEAKS.test(text.slice(last.end));
  if (!startsSentence(text, first.start) || looksLikeName(first.text) || speaks) return run;
  // "Today NASA said": the first word is capitalised only because it starts the sentence.
  if (run.length === 1 || nameSupported(lookupParts(run), releaseText)) return [];
  let rest = run.slice(1);
  while (rest[0] && isConnector(rest[0])) rest = rest.slice(1);
  return rest;
}

export function flagNames(draft: string, releaseText: string, flag: Flag): void {
  const text = draft.replace(DRAFTER_WORDS_PATTERN, (phrase) => MASK.repeat(phrase.length));
  for (const run of capitalisedRuns(text)) {
    const name = claimedName(text, run, releaseText);
    const head = name[0];
    if (!head || (name.length === 1 && head.text === 'I')) continue;
    const parts = lookupParts(name);
    if (!nameSupported(parts, releaseText)) flag(head.start, 'name', parts.join(' '));
  }
}
