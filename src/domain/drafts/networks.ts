import twitter from 'twitter-text';
import { lookup } from '../lookup.js';
import { countGraphemes } from '../text/graphemes.js';
import { NETWORKS, type Network } from './types.js';

/** What each network allows in one post, as its own composer counts it. */
export interface NetworkRule {
  network: Network;
  label: string;
  limit: number;
  unit: 'weighted characters' | 'characters' | 'graphemes';
  maxHashtags: number | null;
  linksClickable: boolean;
  /** How much of the post shows before the network folds it behind "…see more". */
  hookLength: number | null;
}

export const NETWORK_RULES: Record<Network, NetworkRule> = {
  // X weighs CJK and emoji as 2 and every link as 23 (t.co), whatever its real length.
  x: {
    network: 'x',
    label: 'X',
    limit: 280,
    unit: 'weighted characters',
    maxHashtags: null,
    linksClickable: true,
    hookLength: null,
  },
  linkedin: {
    network: 'linkedin',
    label: 'LinkedIn',
    limit: 3000,
    unit: 'graphemes',
    maxHashtags: null,
    linksClickable: true,
    hookLength: 210,
  },
  instagram: {
    network: 'instagram',
    label: 'Instagram',
    limit: 2200,
    unit: 'graphemes',
    maxHashtags: 30,
    linksClickable: false,
    hookLength: null,
  },
  facebook: {
    network: 'facebook',
    label: 'Facebook',
    limit: 63206,
    unit: 'graphemes',
    maxHashtags: null,
    linksClickable: true,
    hookLength: null,
  },
  threads: {
    network: 'threads',
    label: 'Threads',
    limit: 500,
    unit: 'graphemes',
    maxHashtags: null,
    linksClickable: true,
    hookLength: null,
  },
  bluesky: {
    network: 'bluesky',
    label: 'Bluesky',
    limit: 300,
    unit: 'graphemes',
    maxHashtags: null,
    linksClickable: true,
    hookLength: null,
  },
};

/** The length the network's composer would show for this text, in the network's own unit. */
export function measure(network: Network, text: string): number {
  if (network === 'x') return twitter.parseTweet(text).weightedLength;
  return countGraphemes(text);
}

const ALIASES: Record<string, Network> = {
  twitter: 'x',
  'x.com': 'x',
  tweet: 'x',
  'twitter/x': 'x',
  'x/twitter': 'x',
  'twitter.com': 'x',
  'linked-in': 'linkedin',
  'linked in': 'linkedin',
  li: 'linkedin',
  'linkedin.com': 'linkedin',
  ig: 'instagram',
  insta: 'instagram',
  'instagram.com': 'instagram',
  fb: 'facebook',
  meta: 'facebook',
  'facebook.com': 'facebook',
  thread: 'threads',
  'threads.net': 'threads',
  bsky: 'bluesky',
  'bsky.app': 'bluesky',
  'blue sky': 'bluesky',
  'bsky.social': 'bluesky',
};

/** Reads a network the way people type it in a command: ids, labels and the usual nicknames. */
export function parseNetwork(input: string): Network | null {
  const key = input.trim().toLowerCase().replace(/^[#@]/, '').replace(/\s+/g, ' ');
  if (key === '') return null;
  const byId = NETWORKS.find(
    (network) => network === key || NETWORK_RULES[network].label.toLowerCase() === key,
  );
  return byId ?? lookup(ALIASES, key) ?? null;
}

export function networkLabel(network: Network): string {
  return NETWORK_RULES[network].label;
}

/**
 * Hashtags as the networks recognise them (twitter-text's rules: "#1" or a "#" inside a link
 * is not one), with their UTF-16 positions.
 */
export function hashtagSpans(text: string): Array<{ start: number; end: number }> {
  return twitter.extractHashtagsWithIndices(text).map(({ indices: [start, end] }) => ({ start, end }));
}

export function countHashtags(text: string): number {
  return hashtagSpans(text).length;
}
