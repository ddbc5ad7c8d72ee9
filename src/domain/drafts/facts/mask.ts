// Replaces what has been dealt with; not a letter, digit or space, so it also ends a name.
export const MASK = '\u0001';

export const mask = (text: string, start: number, end: number): string =>
  text.slice(0, start) + MASK.repeat(end - start) + text.slice(end);
