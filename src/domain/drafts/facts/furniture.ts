import { urlSpans } from '../links.js';
import { mask } from './mask.js';

/** Links, handles and hashtags are the network's furniture, not claims. */
export function maskFurniture(draft: string): string {
  let text = draft;
  for (const span of urlSpans(text)) text = mask(text, span.start, span.end);
  const patterns = [
    /\S+@\S+\.\p{L}+/gu,
    /https?:\/\/\S+/gu,
    /(?<![\p{L}\p{N}_])@\u2060?[\p{L}\p{N}_.]+/gu,
    /(?<![\p{L}\p{N}_&])[#＃][\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*/gu,
  ];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) text = mask(text, match.index, match.index + match[0].length);
  }
  return text;
}
