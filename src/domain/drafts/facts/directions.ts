import type { Flag } from './flag.js';

/*
 * "Revenue up 39%" and "revenue down 39%" share every figure; only the direction word tells them
 * apart. Each figure's direction in the draft must be one the release gives that figure.
 */

const UP =
  /^(?:up|rise|rises|rose|risen|rising|increas\w*|higher|gain\w*|grew|grow\w*|growth|jump\w*|climb\w*|surg\w*|hausse|augment\w*|stijg\w*|gestegen|hoger|anstieg|gestiegen|steig\w*|aument\w*|subi[óo]|subida)$/iu;
const DOWN =
  /^(?:down|fall|falls|fell|fallen|falling|decreas\w*|lower|loss\w*|declin\w*|drop\w*|dropped|shrank|shrink\w*|plung\w*|slump\w*|baisse|diminu\w*|daal\w*|gedaald|lager|rückgang|gesunken|sink\w*|disminu\w*|ca[íi]da|cay[óo])$/iu;

type Direction = 'up' | 'down';

function directionNear(text: string, start: number, end: number): Direction | null {
  const before =
    (
      text
        .slice(Math.max(0, start - 40), start)
        .split(/[.!?\n;]/)
        .pop() ?? ''
    ).match(/\p{L}+/gu) ?? [];
  const after = (text.slice(end, end + 30).split(/[.!?\n;,]/)[0] ?? '').match(/\p{L}+/gu) ?? [];
  const near = [...before.slice(-3).reverse(), ...after.slice(0, 2)];
  for (const word of near) {
    if (UP.test(word)) return 'up';
    if (DOWN.test(word)) return 'down';
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
    if (inRelease.length > 0 && !inRelease.includes(direction)) {
      flag(figure.start, 'direction', `${direction} ${figure.text}`);
    }
  }
}
