import { type KnownDates, readDates } from './dates.js';
import { readMoney } from './money.js';
import { normaliseForMatch } from './normalise.js';
import { type NumberNouns, readNumberNouns, readNumbers } from './numbers.js';
import { readPercentages } from './percentages.js';

/** What the release says, read once into the forms the draft's claims are looked up in. */
export interface SourceFacts extends KnownDates {
  /** For quotes and names, which are matched as text. */
  text: string;
  numbers: Set<string>;
  numberNouns: NumberNouns;
  /** The release as written, for what is compared in place (directions, speakers). */
  plain: string;
  money: Set<string>;
  percentages: Set<string>;
}

export function readSource(source: string): SourceFacts {
  // Drafts drop control characters and collapse runs of spaces ("1 \u0000 March" becomes
  // "1  March", "1  %" becomes "1 %"), so the release is read each of those ways too.
  const written = source.normalize('NFC');
  const bare = written.replace(/(?![\n\t])\p{Cc}/gu, '');
  const plain = `${written}\n\n${bare}\n\n${bare.replace(/[ \t\u00a0]+/g, ' ')}`;
  return {
    text: normaliseForMatch(source),
    numbers: readNumbers(plain),
    numberNouns: readNumberNouns(plain),
    plain: written,
    money: readMoney(plain),
    percentages: readPercentages(plain),
    ...readDates(plain),
  };
}
