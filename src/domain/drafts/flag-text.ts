import { NETWORK_RULES } from './networks.js';
import type { DraftFlag, Network } from './types.js';

const number = (value: number): string => value.toLocaleString('en-US');

/** One short line per flag for the reviewer in Slack. */
export function describeFlag(flag: DraftFlag, network: Network): string {
  const { label, limit } = NETWORK_RULES[network];
  switch (flag.kind) {
    case 'not-in-release':
      switch (flag.fact) {
        case 'quote':
          return `“${flag.text}” is not in the release`;
        case 'direction':
          return `${flag.text}: the release gives this figure the other way`;
        case 'speaker':
          return `${flag.text.replace(/ \(quoted\)$/, '')} is not who says this in the release`;
        case 'hashtag':
          return `${flag.text}: its words are not in the release or the brand hashtags`;
        default:
          return `${flag.text} is not in the release`;
      }
    case 'banned-word':
      return `Uses “${flag.word}”, one of the brand's banned words`;
    case 'shortened':
      return `Shortened from ${number(flag.from)} to ${number(flag.to)} to fit ${label}'s ${number(limit)}`;
    case 'over-limit':
      return `Over ${label}'s ${number(flag.limit)} limit (${number(flag.length)})`;
    case 'too-many-hashtags':
      return `${flag.count} hashtags; ${label} allows ${flag.max}, the rest were dropped`;
  }
}
