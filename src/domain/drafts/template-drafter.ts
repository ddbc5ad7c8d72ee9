import { countGraphemes } from '../text/graphemes.js';
import { languageOf, phrasesFor, topicEmoji } from './calls-to-action.js';
import { checkFacts } from './fact-guard.js';
import { isShouted, sentenceCase } from './headline-case.js';
import { measure, NETWORK_RULES } from './networks.js';
import { type ReleaseParts, releaseParts } from './release-parts.js';
import { shortenUntil } from './shorten.js';
import { topicHashtags } from './topic-hashtags.js';
import type { Network, ReleaseInput, Tone } from './types.js';

/*
 * The drafter that needs no model: every post is assembled from sentences copied out of the
 * release, plus a few framing words the fact guard knows to ignore. That is what makes it safe
 * to run unattended, and the fallback whenever the model is unavailable. Each network gets the
 * shape its readers expect: a hook and a link on X and Bluesky, context and a question on
 * LinkedIn, a caption with hashtags on Instagram, a conversation on Threads and Facebook.
 */

type Piece = 'hook' | 'lead' | 'fact' | 'quote';

interface Plan {
  /** What opens the post; Regenerate moves to the next. */
  fronts: Piece[][];
  /** What follows, in order of importance, while it fits. */
  body: Array<Piece | 'facts' | 'question' | 'share'>;
  link: 'url' | 'labelled' | 'bio' | 'none';
  topicTags: number;
  brandTags: boolean;
}

const PLANS: Record<Network, Plan> = {
  x: {
    fronts: [['hook'], ['fact'], ['quote']],
    body: ['fact', 'lead'],
    link: 'url',
    topicTags: 2,
    brandTags: true,
  },
  bluesky: {
    fronts: [['lead'], ['fact'], ['quote']],
    body: [],
    link: 'labelled',
    topicTags: 1,
    brandTags: true,
  },
  linkedin: {
    fronts: [['hook'], ['fact'], ['quote']],
    body: ['lead', 'fact', 'quote', 'question'],
    link: 'labelled',
    topicTags: 3,
    brandTags: true,
  },
  instagram: {
    fronts: [['hook'], ['quote'], ['fact']],
    body: ['lead', 'quote', 'share'],
    link: 'bio',
    topicTags: 12,
    brandTags: true,
  },
  threads: {
    fronts: [['lead'], ['quote'], ['fact']],
    body: ['question'],
    link: 'url',
    topicTags: 1,
    brandTags: false,
  },
  facebook: {
    fronts: [['lead'], ['quote'], ['fact']],
    body: ['quote', 'fact', 'facts'],
    link: 'labelled',
    topicTags: 0,
    brandTags: true,
  },
};

// Only words the fact guard ignores, and emoji: tone never adds a claim.
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

const LINK_LABELS = ['Read more: ', 'Details: ', ''];

/** Brand hashtags as the networks will recognise them: letters, digits and underscores only. */
function brandHashtags(release: ReleaseInput): string[] {
  const tags = release.hashtags
    .map((tag) => tag.replace(/^[#＃]+/, '').replace(/[^\p{L}\p{M}\p{N}_]/gu, ''))
    .filter((tag) => /\p{L}/u.test(tag));
  return [...new Set(tags)].map((tag) => `#${tag}`);
}

/** The headline in sentence case when the release shouts it, unless that would claim anything new. */
function hookOf(parts: ReleaseParts, release: ReleaseInput): string {
  if (!isShouted(parts.headline)) return parts.headline;
  const calm = sentenceCase(parts.headline, release.body);
  const source = `${release.title ?? ''}\n\n${release.body}`;
  return checkFacts(source, calm).length === 0 ? calm : parts.headline;
}

const same = (a: string, b: string) =>
  a.replace(/\W+/gu, ' ').trim().toLowerCase() === b.replace(/\W+/gu, ' ').trim().toLowerCase();

export function templateDraft(release: ReleaseInput, network: Network, variant = 0): string {
  const turn = Number.isFinite(variant) ? Math.abs(Math.trunc(variant)) : 0;
  const parts = releaseParts(release);
  const rule = NETWORK_RULES[network];
  const plan = PLANS[network];
  const phrases = phrasesFor(languageOf(`${release.title ?? ''} ${release.body}`));
  // Only an attributed quote: a quotation with no speaker leaves the reader asking who said it.
  const quote = parts.quote?.speaker != null ? `“${parts.quote.text}” — ${parts.quote.speaker}` : null;
  const hook = hookOf(parts, release);
  const pieces: Record<Piece, string | null> = { hook, lead: parts.lead, fact: parts.keyFact, quote };
  const link = release.link?.trim() || release.brandLink?.trim() || null;
  const linkLine = linkFor(plan.link, link, turn, network, phrases.readMore);
  const brand = plan.brandTags ? brandHashtags(release) : [];
  const topics = topicHashtags(parts, release.body, brand).slice(0, plan.topicTags);
  const tags = [...topics, ...brand].slice(0, rule.maxHashtags ?? undefined);
  const fits = (lines: Array<string | null>) => measure(network, compose(lines)) <= rule.limit;
  // Room kept for the link, a hashtag and the question: a long lead is cut, not the link.
  const reserve = [linkLine, tags[0] ?? null, network === 'threads' ? phrases.question[parts.topic] : null];
  // A quote is used whole or not at all: cut short, it would lose who said it.
  const usable = (piece: string | null): piece is string =>
    piece !== null &&
    (piece !== quote ||
      (fits([piece, ...reserve]) && (rule.hookLength === null || countGraphemes(piece) <= rule.hookLength)));
  const front =
    (plan.fronts[turn % plan.fronts.length] ?? []).map((kind) => pieces[kind]).find(usable) ??
    pieces.lead ??
    hook;

  let opener = toneOpener(release.tone, turn);
  if (network === 'instagram' && !/\p{Extended_Pictographic}/u.test(opener)) {
    opener = `${topicEmoji(parts.topic)} ${opener}`;
  }
  let first = `${opener}${front}`;
  if (rule.hookLength !== null)
    first = shortenUntil(first, (c) => countGraphemes(c) <= (rule.hookLength ?? 0));
  if (!fits([first, ...reserve])) first = shortenUntil(first, (candidate) => fits([candidate, ...reserve]));

  const used = [front];
  const body: string[] = [];
  const extra: string[] = [];
  const lines = () => [first, ...body, ...extra, linkLine, tags.join(' ') || null];
  const keepIfFits = (text: string | null, into: string[] = body) => {
    if (!text || used.some((u) => same(u, text) || u.includes(text))) return;
    into.push(text);
    if (fits(lines())) used.push(text);
    else into.pop();
  };
  if (!fits(lines())) tags.splice(0);
  while (tags.length > 0 && !fits(lines())) tags.pop();
  // Who and from when is in the lead of an appointment; the figures elsewhere say less.
  const order =
    network === 'x' && ['appointment', 'general'].includes(parts.topic) ? ['lead', 'fact'] : plan.body;
  for (const item of order as Plan['body']) {
    if (item === 'question') keepIfFits(phrases.question[parts.topic], extra);
    else if (item === 'share') keepIfFits(phrases.share, extra);
    else if (item === 'facts') for (const fact of parts.facts.slice(0, 2)) keepIfFits(fact);
    else keepIfFits(pieces[item]);
  }
  return compose(lines());
}

function linkFor(
  kind: Plan['link'],
  link: string | null,
  turn: number,
  network: Network,
  readMore: string,
): string | null {
  if (kind === 'bio') return link === null ? null : 'Link in bio.';
  if (link === null || kind === 'none') return null;
  if (kind === 'url') return turn % 3 === 0 ? link : `${LINK_LABELS[turn % 3] ?? ''}${link}`;
  return network === 'linkedin' ? `${readMore} ${link}` : `${LINK_LABELS[turn % 3] ?? ''}${link}`;
}

const compose = (lines: Array<string | null>): string =>
  lines.filter((line): line is string => line !== null && line !== '').join('\n\n');
