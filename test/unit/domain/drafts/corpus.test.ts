import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFacts } from '../../../../src/domain/drafts/fact-guard.js';
import { finishDraft, releaseSource } from '../../../../src/domain/drafts/finish.js';
import { countHashtags, measure, NETWORK_RULES } from '../../../../src/domain/drafts/networks.js';
import { templateDraft } from '../../../../src/domain/drafts/template-drafter.js';
import {
  type FactKind,
  NETWORKS,
  type Network,
  type ReleaseInput,
  TONES,
} from '../../../../src/domain/drafts/types.js';
import { type LoadedPressRelease, loadPressReleases } from '../../../fixtures/press-releases/load.js';

/**
 * The drafting pipeline over real press releases (test/fixtures/press-releases: public-domain U.S.
 * agency releases, see its README): every template draft must fit its network and must not be
 * flagged as stating something the release does not; and the fact guard must catch a wrong number,
 * percentage, amount of money, name, quote or date planted in an otherwise faithful draft.
 */

const RELEASES = loadPressReleases();
const VARIANTS = [0, 1, 2] as const;

/*
 * Fact-guard false positives this corpus found when the test was written (the failing cases print
 * the draft and the flag); each minimal example is checkFacts(s, s), a draft identical to its source:
 *
 * - Possessive inside a capitalised run: s = "It works at NASA's Goddard Space Flight Center." flags
 *   name "NASA Goddard Space Flight Center" (words() drops the "'s", then the run is looked up
 *   without it). Same for "NASA’s Next Red Planet Rover Mission", "NASA's Stennis Space Center",
 *   "Government's Implementation" (nasa-*, pclob-recommendations-update-2016).
 * - Letters glued to a number: s = "A dose of ChAdOx1 protected monkeys." flags name "ChAdOx" (the
 *   "1" is masked as a number, and "chadox" is then not found followed by a non-letter).
 * - "Rs" matched inside a word as the rupee sign: s = "It will travel with the Mars 2020 rover."
 *   flags name "Ma"; and with source "Seen in Mars 2020 data.", the draft "Seen in Mars 2021 data."
 *   is flagged as money "rs 2021" (plus name "Ma") instead of a date or number.
 *
 * False negatives found by probing beside this test (not asserted here), source
 * "Six animals were tested in Phase 1. SARS-CoV-2 causes COVID-19. Vincent Munster is available.":
 * "Seven animals were tested in Phase 1." (number words), "Six animals were tested in Phase 2."
 * (the 2 of SARS-CoV-2 vouches for it), "‘This changes everything,’ said Vincent Munster." and the
 * same in straight single quotes (not read as quotes), "Holloway said six animals were tested."
 * (a lone unknown surname that starts a sentence).
 */

function input(release: LoadedPressRelease, tone: ReleaseInput['tone']): ReleaseInput {
  return {
    title: release.title,
    body: release.body,
    link: release.link,
    hashtags: [release.publisher],
    tone,
  };
}

// A web address as a reader would see it in a caption. Bare domains in running text ("PCLOB.gov",
// "www" aside) are names a release uses, not links, and Instagram would not link them anyway.
const URL_LIKE = /\bhttps?:\/\/|\bwww\./i;

describe('press release corpus', () => {
  it('has at least 12 real releases, one over 3,000 characters, one under 800, one with non-ASCII text', () => {
    expect(RELEASES.length).toBeGreaterThanOrEqual(12);
    expect(RELEASES.some((r) => r.body.length > 3000)).toBe(true);
    expect(RELEASES.some((r) => r.body.length < 800)).toBe(true);
    expect(RELEASES.some((r) => /[^ -~\s]/u.test(r.body))).toBe(true);
    expect(new Set(RELEASES.map((r) => r.publisher)).size).toBeGreaterThanOrEqual(4);
  });

  it('the loader fails loudly, naming the file, on a malformed fixture', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'press-releases-'));
    try {
      writeFileSync(
        path.join(folder, 'nasa-broken.json'),
        JSON.stringify({ source: 'https://www.nasa.gov/', publisher: 'NASA', title: 'No body' }),
      );
      expect(() => loadPressReleases(folder)).toThrow(/nasa-broken\.json: malformed fixture[\s\S]*body/);
      writeFileSync(path.join(folder, 'nasa-broken.json'), '{ "source": ');
      expect(() => loadPressReleases(folder)).toThrow(/nasa-broken\.json: not valid JSON/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe.each(RELEASES.map((release) => [release.file, release] as const))(
  'template drafts of %s',
  (_file, release) => {
    it.each(NETWORKS.map((network) => [network] as const))(
      'fit %s for every tone and variant, with nothing flagged as not in the release',
      (network: Network) => {
        const rule = NETWORK_RULES[network];
        const problems: string[] = [];
        for (const tone of TONES) {
          for (const variant of VARIANTS) {
            const release_ = input(release, tone);
            const finished = finishDraft(release_, network, templateDraft(release_, network, variant));
            const where = `${release.file} ${network}/${tone}/variant ${variant}`;
            const wrong: string[] = [];
            const length = measure(network, finished.text);
            if (length > rule.limit) wrong.push(`length ${length} > limit ${rule.limit}`);
            if (finished.text.trim() === '') wrong.push('empty draft');
            if (network === 'instagram') {
              const tags = countHashtags(finished.text);
              if (rule.maxHashtags !== null && tags > rule.maxHashtags) wrong.push(`${tags} hashtags`);
              if (URL_LIKE.test(finished.text)) wrong.push('a URL in an Instagram caption');
              if (release.link !== null && finished.text.includes(release.link))
                wrong.push('the release link');
            }
            for (const flag of finished.flags) {
              if (flag.kind === 'not-in-release') wrong.push(`flagged ${JSON.stringify(flag)}`);
            }
            if (wrong.length > 0)
              problems.push(`${where}: ${wrong.join('; ')}\n--- draft ---\n${finished.text}\n---`);
          }
        }
        expect(problems, problems.join('\n\n')).toEqual([]);
      },
    );
  },
);

// ---------------------------------------------------------------------------------------------
// Planted errors. Each value is picked per release so that it truly does not occur in it.

/** Every number the text states, as plain digits: "1,127,637" → "1127637", "$1.5" → "1.5". */
function numbersIn(text: string): Set<string> {
  return new Set(
    Array.from(text.matchAll(/\d[\d,]*(?:\.\d+)?/g), (m) => m[0].replace(/,/g, '').replace(/\.$/, '')),
  );
}

const digitsOf = (text: string): string => text.replace(/[^\d.]/g, '').replace(/\.$/, '');

function pickNumber(source: string): string {
  const taken = numbersIn(source);
  for (let n = 7391; ; n += 7) {
    if (!taken.has(String(n))) return n.toLocaleString('en-US');
  }
}

function pickPercent(source: string): string {
  const taken = numbersIn(source);
  for (let n = 37; ; n++) {
    if (!taken.has(String(n))) return String(n);
  }
}

function pickMillions(source: string): string {
  const taken = numbersIn(source);
  for (let tenths = 37; ; tenths += 3) {
    const amount = (tenths / 10).toFixed(1);
    if (!taken.has(amount) && !taken.has(amount.replace('.', ''))) return amount;
  }
}

const NAMES = [
  ['Margaret', 'Holloway'],
  ['Desmond', 'Achterberg'],
  ['Priya', 'Vanterpool'],
  ['Tobias', 'Quennell'],
] as const;

function pickName(source: string): string {
  const words = new Set(source.toLowerCase().match(/\p{L}+/gu) ?? []);
  const name = NAMES.find(
    ([first, last]) => !words.has(first.toLowerCase()) && !words.has(last.toLowerCase()),
  );
  if (!name) throw new Error('every candidate name occurs in the release');
  return `${name[0]} ${name[1]}`;
}

const QUOTES = [
  'This is the most ambitious step our agency has taken in a generation',
  'We will double our outreach before the end of the season',
  'Nobody on our team expected the results to arrive so quickly',
];

const normalizeWords = (text: string): string => (text.toLowerCase().match(/\p{L}+/gu) ?? []).join(' ');

function pickQuote(source: string): string {
  const haystack = normalizeWords(source);
  const quote = QUOTES.find((q) => !haystack.includes(normalizeWords(q)));
  if (!quote) throw new Error('every candidate quote occurs in the release');
  return quote;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function pickDate(source: string): string {
  for (const day of [23, 19, 14, 27]) {
    for (const month of [...MONTHS].reverse()) {
      const abbreviation = month.slice(0, 3);
      const said = new RegExp(`\\b(?:${month}|${abbreviation}[a-z]*)\\.?\\s+0?${day}\\b`, 'i');
      if (!said.test(source)) return `${month} ${day}`;
    }
  }
  throw new Error('every candidate date occurs in the release');
}

interface Plant {
  kind: FactKind;
  /** The sentence inserted into the faithful draft. */
  sentence: string;
  /** Does the guard's reported text point at what was planted? */
  matches: (reported: string) => boolean;
}

function plants(source: string): Array<[string, Plant]> {
  const number = pickNumber(source);
  const percent = pickPercent(source);
  const millions = pickMillions(source);
  const name = pickName(source);
  const quote = pickQuote(source);
  const date = pickDate(source);
  const [month, day] = date.split(' ') as [string, string];
  const quoteWords = normalizeWords(quote);
  return [
    [
      `number ${number}`,
      {
        kind: 'number',
        sentence: `More than ${number} people are expected to take part.`,
        matches: (t) => digitsOf(t) === digitsOf(number),
      },
    ],
    [
      `percentage ${percent}%`,
      {
        kind: 'percentage',
        sentence: `Participation grew by ${percent}% compared with the previous round.`,
        matches: (t) => digitsOf(t) === percent,
      },
    ],
    [
      `money $${millions} million`,
      {
        kind: 'money',
        sentence: `The work is expected to cost about $${millions} million in all.`,
        matches: (t) => digitsOf(t).startsWith(millions),
      },
    ],
    [
      `name ${name}`,
      {
        kind: 'name',
        sentence: `${name}, who leads the effort, welcomed the news.`,
        matches: (t) => t.includes(name.split(' ')[1] ?? name),
      },
    ],
    [
      'quote in curly quotes',
      {
        kind: 'quote',
        sentence: `“${quote},” a spokesperson said.`,
        matches: (t) => normalizeWords(t).includes(quoteWords) || quoteWords.includes(normalizeWords(t)),
      },
    ],
    [
      'quote in straight quotes',
      {
        kind: 'quote',
        sentence: `"${quote}," a spokesperson said.`,
        matches: (t) => normalizeWords(t).includes(quoteWords) || quoteWords.includes(normalizeWords(t)),
      },
    ],
    [
      `date ${date}`,
      {
        kind: 'date',
        sentence: `The next step is planned for ${date}.`,
        matches: (t) => t.includes(day) && t.toLowerCase().includes(month.slice(0, 3).toLowerCase()),
      },
    ],
  ];
}

/** The planted sentence goes after the draft's first paragraph, so it reads as part of the post. */
function plantInto(draft: string, sentence: string): string {
  const [first, ...rest] = draft.split('\n\n');
  return [first, sentence, ...rest].join('\n\n');
}

describe.each(RELEASES.map((release) => [release.file, release] as const))(
  'fact guard on %s',
  (_file, release) => {
    const release_ = input(release, 'neutral');
    const source = releaseSource(release_);
    const faithful = templateDraft(release_, 'linkedin', 0);

    it('finds nothing wrong in the faithful template draft', () => {
      const flags = checkFacts(source, faithful);
      expect(flags, `flagged ${JSON.stringify(flags)} in\n--- draft ---\n${faithful}\n---`).toEqual([]);
    });

    it.each(plants(source))('flags a planted %s', (_label, plant) => {
      const draft = plantInto(faithful, plant.sentence);
      const flags = checkFacts(source, draft);
      const hit = flags.some((flag) => flag.fact === plant.kind && plant.matches(flag.text));
      expect(
        hit,
        `expected a "${plant.kind}" flag for: ${plant.sentence}\ngot ${JSON.stringify(flags)}\n--- draft ---\n${draft}\n---`,
      ).toBe(true);
    });
  },
);
