import type { FactKind } from '../types.js';

/** Records a claim the release does not support, at the position in the draft it starts. */
export type Flag = (start: number, fact: FactKind, text: string) => void;
