import { describe, expect, it } from 'vitest';
import { finishDraft } from '../../../../src/domain/drafts/finish.js';
import type { DraftFlag, FactKind, ReleaseInput } from '../../../../src/domain/drafts/types.js';
import {
  PARAPHRASES,
  PLANTED,
  PLANTED_KINDS,
  type PlantedKind,
} from '../../../fixtures/fact-guard-corpus.js';
import { loadPressReleases } from '../../../fixtures/press-releases/load.js';

/**
 * The fact guard measured the way the app runs it (every draft goes through finishDraft) over real
 * public-domain releases: how many planted errors it catches, and how many faithful paraphrases
 * of the kind a model writes it wrongly flags.
 */

const RELEASES = new Map(loadPressReleases().map((release) => [release.file, release]));
const PUBLIC_DOMAIN = /^(?:nasa|noaa|nih|fema|pclob|epa|cpsc|rijksoverheid)-/;

function releaseOf(file: string): ReleaseInput {
  const release = RELEASES.get(file);
  if (!release) throw new Error(`no fixture ${file}`);
  return { title: release.title, body: release.body, link: release.link, hashtags: [], tone: 'neutral' };
}

type FactFlag = Extract<DraftFlag, { kind: 'not-in-release' }>;

// LinkedIn's limit is long enough that no draft here is shortened before it is checked.
const factFlags = (file: string, draft: string): FactFlag[] =>
  finishDraft(releaseOf(file), 'linkedin', draft).flags.filter(
    (flag): flag is FactFlag => flag.kind === 'not-in-release',
  );

const FACTS_OF: Record<PlantedKind, FactKind[]> = {
  'invented-number': ['number', 'money', 'percentage'],
  'reused-digit': ['number'],
  direction: ['direction'],
  date: ['date'],
  name: ['name'],
  speaker: ['speaker'],
  link: ['link'],
  handle: ['handle'],
  hashtag: ['hashtag'],
};

const squash = (text: string): string => text.toLowerCase().replace(/[\s\u00a0]+/g, '');

/** A flag names the planted error when it is of its kind or its text overlaps the planted token. */
function caught(kind: PlantedKind, token: string, flags: FactFlag[]): boolean {
  const planted = squash(token);
  return flags.some((flag) => {
    const text = squash(flag.text);
    return (
      FACTS_OF[kind].includes(flag.fact) ||
      text.includes(planted) ||
      (text.length > 1 && planted.includes(text))
    );
  });
}

const percent = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1)}%`;

describe('fact guard over a corpus of real releases', () => {
  it('uses public-domain releases that exist, at least 60 planted errors of every kind and 30 paraphrases', () => {
    for (const { fixture } of [...PLANTED, ...PARAPHRASES]) {
      expect(RELEASES.has(fixture), fixture).toBe(true);
      expect(fixture).toMatch(PUBLIC_DOMAIN);
    }
    expect(PLANTED.length).toBeGreaterThanOrEqual(60);
    expect(PARAPHRASES.length).toBeGreaterThanOrEqual(30);
    for (const kind of PLANTED_KINDS) {
      expect(PLANTED.filter((c) => c.kind === kind).length, kind).toBeGreaterThanOrEqual(5);
    }
    // A planted token is in the draft, so a flag can name it.
    for (const { draft, token } of PLANTED) expect(draft).toContain(token);
  });

  it('catches at least 95% of planted errors and wrongly flags at most one paraphrase', () => {
    const missed = PLANTED.filter(
      ({ fixture, kind, token, draft }) => !caught(kind, token, factFlags(fixture, draft)),
    );
    const falseFlags = PARAPHRASES.map(({ fixture, draft }) => ({
      draft,
      flags: factFlags(fixture, draft),
    })).filter(({ flags }) => flags.length > 0);
    const byKind = PLANTED_KINDS.map((kind) => {
      const all = PLANTED.filter((c) => c.kind === kind).length;
      const hit = all - missed.filter((c) => c.kind === kind).length;
      return `${kind} ${hit}/${all}`;
    });
    const recall = (PLANTED.length - missed.length) / PLANTED.length;
    console.log(
      [
        `fact guard recall: ${PLANTED.length - missed.length}/${PLANTED.length} (${percent(PLANTED.length - missed.length, PLANTED.length)})`,
        `by kind: ${byKind.join(', ')}`,
        `false flags: ${falseFlags.length}/${PARAPHRASES.length} paraphrases`,
        ...missed.map((c) => `  missed ${c.kind} ${JSON.stringify(c.token)}: ${c.draft}`),
        ...falseFlags.map(
          (f) => `  flagged ${JSON.stringify(f.flags.map((x) => `${x.fact}:${x.text}`))}: ${f.draft}`,
        ),
      ].join('\n'),
    );
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(falseFlags.length).toBeLessThanOrEqual(1);
  });
});
