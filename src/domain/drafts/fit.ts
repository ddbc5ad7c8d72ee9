import { hasAtMostGraphemes } from '../text/graphemes.js';
import { dropExtraHashtags, moveLinksToBio } from './links.js';
import { measure, NETWORK_RULES } from './networks.js';
import { shortenUntil } from './shorten.js';
import type { DraftFlag, Network } from './types.js';

/** measure(network, candidate) <= limit, counting graphemes only as far as the limit. */
function fitsWithin(network: Network, limit: number): (candidate: string) => boolean {
  if (network === 'x') return (candidate) => measure(network, candidate) <= limit;
  return (candidate) => hasAtMostGraphemes(candidate, limit);
}

/**
 * Makes a post obey the network's rules: Instagram links go to the bio and surplus hashtags are
 * dropped; anything too long loses whole sentences from the end, and only a first sentence that
 * cannot fit alone is cut mid-way. The result always fits; graphemes and links are never split.
 */
export function fitToNetwork(network: Network, text: string): { text: string; flags: DraftFlag[] } {
  const rule = NETWORK_RULES[network];
  const flags: DraftFlag[] = [];
  let current = text;

  if (!rule.linksClickable) current = moveLinksToBio(current);
  if (rule.maxHashtags !== null) {
    const capped = dropExtraHashtags(current, rule.maxHashtags);
    if (capped.count > rule.maxHashtags) {
      flags.push({ kind: 'too-many-hashtags', count: capped.count, max: rule.maxHashtags });
    }
    current = capped.text;
  }

  const from = measure(network, current);
  if (from > rule.limit) {
    current = shortenUntil(current, fitsWithin(network, rule.limit));
    flags.push({ kind: 'shortened', from, to: measure(network, current) });
  }
  return { text: current, flags };
}
