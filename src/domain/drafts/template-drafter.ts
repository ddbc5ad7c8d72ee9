import { countGraphemes } from '../text/graphemes.js';
import { measure, NETWORK_RULES } from './networks.js';
import { releaseParts } from './release-parts.js';
import { shortenUntil } from './shorten.js';
import type { Network, ReleaseInput, Tone } from './types.js';

/*
 * The drafter that needs no model: every post is assembled from sentences copied out of the
 * release, plus a few framing words the fact guard knows to ignore. That is what makes it safe
 * to run unattended, and the fallback whenever the model is unavailable.
 */

type PieceKind = 'lead' | 'fact' | 'quote';

interface Plan {
  /** The pieces after the headline, in their usual order. */
  pieces: PieceKind[];
  /** Instagram captions do not link URLs: readers are sent to the bio instead. */
  link: 'url' | 'bio';
  hashtags: boolean;
}

const PLANS: Record<Network, Plan> = {
  x: { pieces: ['fact'], link: 'url', hashtags: true },
  bluesky: { pieces: ['fact'], link: 'url', hashtags: false },
  threads: { pieces: ['lead'], link: 'url', hashtags: true },
  linkedin: { pieces: ['lead', 'fact', 'quote'], link: 'url', hashtags: true },
  instagram: { pieces: ['lead', 'quote'], link: 'bio', hashtags: true },
  facebook: { pieces: ['lead', 'fact', 'quote'], link: 'url', hashtags: false },
};

// Only words DRAFTER_WORDS in the fact guard ignores, and emoji: tone never adds a claim.
function toneOpener(tone: Tone, variant: number): string {
  switch (tone) {
    case 'upbeat':
      return variant % 2 === 0 ? 'Big news: ' : '🎉 ';
    case 'formal':
      return 'Announcement: ';
    case 'playful':
      return ['🚀 ', '✨ ', '🙌 '][variant % 3] ?? '';
    case 'neutral':
      return '';
  }
}

const LINK_LABELS = ['', 'Read more: ', 'Details: '];

/** Brand hashtags as the networks will recognise them: letters, digits and underscores only. */
function hashtagsOf(release: ReleaseInput): string[] {
  const tags = release.hashtags
    .map((tag) => tag.replace(/^[#＃]+/, '').replace(/[^\p{L}\p{M}\p{N}_]/gu, ''))
    .filter((tag) => /\p{L}/u.test(tag));
  return [...new Set(tags)].map((tag) => `#${tag}`);
}

/**
 * Which piece goes first: variants cycle through headline-led, fact-led and quote-led, so
 * "Regenerate" gives a visibly different post built from the same facts.
 */
function frontPiece(available: Record<PieceKind, string | null>, variant: number): PieceKind | null {
  const preferences: PieceKind[][] = [[], ['fact', 'quote', 'lead'], ['quote', 'lead', 'fact']];
  return (preferences[variant % 3] ?? []).find((kind) => available[kind] !== null) ?? null;
}

/** A LinkedIn post shows about 210 characters before "…see more": the first line must work alone. */
function hook(text: string, limit: number): string {
  return shortenUntil(text, (candidate) => countGraphemes(candidate) <= limit);
}

export function templateDraft(release: ReleaseInput, network: Network, variant = 0): string {
  const turn = Number.isFinite(variant) ? Math.abs(Math.trunc(variant)) : 0;
  const parts = releaseParts(release);
  const rule = NETWORK_RULES[network];
  const plan = PLANS[network];
  const quote = parts.quote
    ? `“${parts.quote.text}”${parts.quote.speaker ? ` — ${parts.quote.speaker}` : ''}`
    : null;
  const available: Record<PieceKind, string | null> = { lead: parts.lead, fact: parts.keyFact, quote };
  const front = frontPiece(available, turn);
  const link = release.link?.trim() || null;
  const linkLine =
    link === null ? null : plan.link === 'bio' ? 'Link in bio.' : `${LINK_LABELS[turn % 3] ?? ''}${link}`;
  const fits = (lines: Array<string | null>) => measure(network, compose(lines)) <= rule.limit;

  let first = `${toneOpener(release.tone, turn)}${(front && available[front]) || parts.headline}`;
  if (rule.hookLength !== null) first = hook(first, rule.hookLength);
  if (!fits([first, linkLine])) first = shortenUntil(first, (candidate) => fits([candidate, linkLine]));

  const seen = new Set([parts.headline, front ? available[front] : null]);
  const afterFirst = front ? [parts.headline] : [];
  const body = plan.pieces
    .map((kind) => available[kind])
    .filter((piece): piece is string => piece !== null && !seen.has(piece));
  const tags = plan.hashtags ? hashtagsOf(release).slice(0, rule.maxHashtags ?? undefined) : [];

  // Add pieces in order of importance while the post still fits; the first line always stays.
  const chosen = {
    after: [] as string[],
    body: [] as string[],
    link: null as string | null,
    tags: [] as string[],
  };
  const lines = () => [first, ...chosen.after, ...chosen.body, chosen.link, chosen.tags.join(' ') || null];
  const keepIfFits = (list: string[], item: string) => {
    list.push(item);
    if (!fits(lines())) list.pop();
  };
  for (const line of afterFirst) keepIfFits(chosen.after, line);
  if (linkLine) {
    chosen.link = linkLine;
    if (!fits(lines())) chosen.link = null;
  }
  // X is for the headline and the link; hashtags come before any extra sentence there.
  const addTags = () => {
    for (const tag of tags) keepIfFits(chosen.tags, tag);
  };
  if (network === 'x') addTags();
  for (const piece of body) keepIfFits(chosen.body, piece);
  if (network !== 'x') addTags();
  return compose(lines());
}

const compose = (lines: Array<string | null>): string =>
  lines.filter((line): line is string => line !== null && line !== '').join('\n\n');
