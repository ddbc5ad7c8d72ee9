import { stem } from './context.js';
import type { Flag } from './flag.js';

/*
 * "Revenue up 39%" and "revenue down 39%" share every figure; only the direction word tells them
 * apart. So do "more than $1.1 million" and "less than $1.1 million", a minimum and a maximum.
 * Each figure's direction in the draft must not be the opposite of the one the release gives it.
 */

const UP =
  /^(?:up|rise|rises|rose|risen|rising|increas\w*|higher|gain\w*|grew|grow\w*|growth|jump\w*|climb\w*|surg\w*|hausse|augment\w*|stijg\w*|gestegen|hoger|anstieg|gestiegen|steig\w*|aument\w*|subi[óo]|subida)$/iu;
const DOWN =
  /^(?:down|fall|falls|fell|fallen|falling|decreas\w*|lower|loss\w*|declin\w*|drop\w*|dropped|shrank|shrink\w*|plung\w*|slump\w*|baisse|diminu\w*|daal\w*|gedaald|lager|rückgang|gesunken|sink\w*|disminu\w*|ca[íi]da|cay[óo])$/iu;
// Bounds: what a figure is at least or at most. Two-word forms are read before one-word ones.
const ABOVE_PAIRS = /^(?:more than|greater than|at least|in excess of|meer dan|plus de|mehr als|más de)$/iu;
const BELOW_PAIRS =
  /^(?:less than|fewer than|at most|up to|no more than|little under|just under|minder dan|moins de|weniger als|menos de|bis zu)$/iu;
const ABOVE = /^(?:over|above|exceed\w*|minimum|min|ruim|minstens)$/iu;
const BELOW = /^(?:under|below|almost|nearly|maximum|max|bijna|hooguit|presque|fast)$/iu;

type Direction = 'up' | 'down' | 'above' | 'below';
const OPPOSITE: Record<Direction, Direction> = { up: 'down', down: 'up', above: 'below', below: 'above' };

function directionOfPair(pair: string): Direction | null {
  if (ABOVE_PAIRS.test(pair)) return 'above';
  if (BELOW_PAIRS.test(pair)) return 'below';
  return null;
}

function directionOfWord(word: string): Direction | null {
  if (ABOVE.test(word)) return 'above';
  if (BELOW.test(word)) return 'below';
  if (UP.test(word)) return 'up';
  if (DOWN.test(word)) return 'down';
  return null;
}

const LETTERS = /\p{L}+/gu;

function directionNear(text: string, start: number, end: number): Direction | null {
  const before =
    (
      text
        .slice(Math.max(0, start - 40), start)
        .split(/[.!?\n;]/)
        .pop() ?? ''
    ).match(LETTERS) ?? [];
  const after = (text.slice(end, end + 30).split(/[.!?\n;,]/)[0] ?? '').match(LETTERS) ?? [];
  // Nearest first: the three words before the figure, then the two after it.
  for (let i = before.length - 1; i >= Math.max(0, before.length - 3); i--) {
    const pair = i > 0 ? directionOfPair(`${before[i - 1]} ${before[i]}`) : null;
    const direction = pair ?? directionOfWord(before[i] ?? '');
    if (direction) return direction;
  }
  for (const word of after.slice(0, 2)) {
    const direction = directionOfWord(word);
    if (direction === 'up' || direction === 'down') return direction;
  }
  return null;
}

export interface FoundFigure {
  start: number;
  end: number;
  text: string;
  keys: string[];
}

export function flagDirections(
  draft: string,
  draftFigures: FoundFigure[],
  release: string,
  releaseFigures: FoundFigure[],
  flag: Flag,
): void {
  for (const figure of draftFigures) {
    const direction = directionNear(draft, figure.start, figure.end);
    if (direction === null) continue;
    const inRelease = releaseFigures
      .filter((r) => r.keys.some((k) => figure.keys.includes(k)))
      .map((r) => directionNear(release, r.start, r.end))
      .filter((d): d is Direction => d !== null);
    if (inRelease.includes(OPPOSITE[direction]) && !inRelease.includes(direction)) {
      flag(figure.start, 'direction', `${direction} ${figure.text}`);
    }
  }
  flagTrendWords(draft, release, flag);
}

/** Each rise or fall word with the content word it qualifies: "lower levels" → down, level. */
function trends(
  text: string,
): Array<{ start: number; direction: 'up' | 'down'; word: string; phrase: string }> {
  const found: Array<{ start: number; direction: 'up' | 'down'; word: string; phrase: string }> = [];
  // A lookahead, so that each word is read both as a trend and as what one qualifies.
  for (const match of text.matchAll(/(?<![\p{L}\p{M}])(\p{L}+)(?=[ \u00a0-]+(\p{L}{3,}))/gu)) {
    const direction = directionOfWord(match[1] ?? '');
    if (direction !== 'up' && direction !== 'down') continue;
    const phrase = `${match[1]} ${match[2]}`;
    found.push({ start: match.index, direction, word: stem(match[2] ?? ''), phrase });
  }
  return found;
}

/** "Higher levels of disease" where the release says "lower levels": no figure, the same reversal. */
function flagTrendWords(draft: string, release: string, flag: Flag): void {
  const inRelease = trends(release);
  for (const trend of trends(draft)) {
    const same: Direction[] = inRelease.filter((r) => r.word === trend.word).map((r) => r.direction);
    if (same.includes(OPPOSITE[trend.direction]) && !same.includes(trend.direction)) {
      flag(trend.start, 'direction', trend.phrase);
    }
  }
}
