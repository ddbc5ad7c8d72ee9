import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFacts } from '../../../../src/domain/drafts/fact-guard.js';
import { finishDraft, releaseSource } from '../../../../src/domain/drafts/finish.js';
import { fitToNetwork } from '../../../../src/domain/drafts/fit.js';
import { urlSpans } from '../../../../src/domain/drafts/links.js';
import { measure, NETWORK_RULES } from '../../../../src/domain/drafts/networks.js';
import { releaseParts } from '../../../../src/domain/drafts/release-parts.js';
import { templateDraft } from '../../../../src/domain/drafts/template-drafter.js';
import { NETWORKS, type ReleaseInput, TONES } from '../../../../src/domain/drafts/types.js';

const WORDS = [
  'NASA',
  'Jane Smith',
  'Kennedy Space Center',
  '$2.5 million',
  '2.5 million dollars',
  '€40',
  '£1.2bn',
  '45%',
  '45 percent',
  '1,200',
  '3.5',
  'Nov. 5, 2026',
  '5 March 2027',
  'March',
  'Tuesday',
  '2027',
  'Q4',
  'U.S.',
  'FEMA',
  'Acme Inc.',
  'Dr. Ann Lee',
  'said',
  'according to',
  'the',
  'rover',
  'and',
  'of',
  'launch',
  '“We will go to the Moon together,”',
  '"we are ready for the launch now"',
  '“unclosed quote',
  '”',
  '"',
  'WASHINGTON (Nov. 5, 2026) —',
  'HOUSTON —',
  '🚀',
  '👨‍👩‍👧‍👦',
  '🇫🇷',
  '👍🏽',
  '中文字符测试',
  'e\u0301',
  '\u0600',
  'https://example.com/a.B?x=1',
  `https://example.com/${'long'.repeat(30)}`,
  'nasa.gov',
  'www.example.org/path',
  '@here',
  '@channel',
  '<!channel>',
  '<!here|here>',
  '<@U123ABC>',
  '<!subteam^S1|@team>',
  '#Artemis',
  '#1',
  'supercalifragilisticexpialidocious'.repeat(12),
  '.',
  ',',
  '!',
  '?',
  '…',
  '...',
  ':',
  '\n',
  '\n\n',
  '\t',
  '\u0000',
];

const wordy = fc
  .array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ unit: 'grapheme', maxLength: 12 })), {
    maxLength: 120,
  })
  .map((parts) => parts.join(' '));

const anyText = fc.oneof(
  wordy,
  fc.string({ unit: 'grapheme', maxLength: 700 }),
  fc.string({ unit: 'binary', maxLength: 700 }),
  fc.string({ maxLength: 400 }),
);

const network = fc.constantFrom(...NETWORKS);

const graphemes = (text: string) =>
  Array.from(new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text), ({ segment }) => segment);

describe('fitToNetwork properties', () => {
  it('always fits, and never splits a grapheme or a link', () => {
    fc.assert(
      fc.property(network, anyText, (net, text) => {
        const fitted = fitToNetwork(net, text).text;
        expect(measure(net, fitted)).toBeLessThanOrEqual(NETWORK_RULES[net].limit);
        const allowed = new Set([...graphemes(text), ...graphemes('…Link in bio.\n (link in bio)')]);
        for (const grapheme of graphemes(fitted)) expect(allowed).toContain(grapheme);
        for (const span of urlSpans(fitted)) expect(text).toContain(fitted.slice(span.start, span.end));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps text that already fits (apart from Instagram links)', () => {
    fc.assert(
      fc.property(network, anyText, (net, text) => {
        fc.pre(net !== 'instagram' && measure(net, text) <= NETWORK_RULES[net].limit);
        expect(fitToNetwork(net, text)).toEqual({ text, flags: [] });
      }),
      { numRuns: 200 },
    );
  });
});

describe('finishDraft properties', () => {
  const release: ReleaseInput = { title: 'T', body: 'B', link: null, hashtags: [], tone: 'neutral' };

  it('never lets a draft ping anyone, and always fits', () => {
    fc.assert(
      fc.property(network, anyText, (net, raw) => {
        const { text } = finishDraft(release, net, raw);
        expect(text).not.toMatch(/<!(?:channel|here|everyone|subteam)/i);
        expect(text).not.toMatch(/<@[A-Z0-9]/i);
        expect(text).not.toMatch(/(?:^|[^\p{L}\p{N}_])@(?:here|channel|everyone)(?![\p{L}\p{N}_])/iu);
        expect(measure(net, text)).toBeLessThanOrEqual(NETWORK_RULES[net].limit);
      }),
      { numRuns: 300 },
    );
  });
});

const releaseLike: fc.Arbitrary<ReleaseInput> = fc.record({
  title: fc.option(fc.oneof(wordy, fc.string({ unit: 'grapheme', maxLength: 80 })), { nil: null }),
  body: fc
    .array(fc.oneof(wordy, fc.string({ unit: 'grapheme', maxLength: 200 })), { maxLength: 8 })
    .map((paragraphs) => paragraphs.join('\n')),
  link: fc.option(
    fc.oneof(fc.webUrl(), fc.constantFrom('https://nasa.gov/rovers', 'nasa.gov', 'Acme Site')),
    {
      nil: null,
    },
  ),
  hashtags: fc.array(fc.oneof(fc.constantFrom('NASA', '#Artemis', 'Moon 2027', '1', ''), fc.string()), {
    maxLength: 40,
  }),
  tone: fc.constantFrom(...TONES),
});

describe('templateDraft properties', () => {
  it('states nothing the release does not, and fits once finished', () => {
    fc.assert(
      fc.property(releaseLike, network, fc.nat(5), (release, net, variant) => {
        const draft = finishDraft(release, net, templateDraft(release, net, variant));
        expect(draft.flags.filter((flag) => flag.kind === 'not-in-release')).toEqual([]);
        expect(measure(net, draft.text)).toBeLessThanOrEqual(NETWORK_RULES[net].limit);
      }),
      { numRuns: 400 },
    );
  });

  it('builds parts only from text in the release', () => {
    fc.assert(
      fc.property(releaseLike, (release) => {
        const parts = releaseParts(release);
        const flat = `${release.title ?? ''} ${release.body}`.replace(/\s+/g, ' ');
        for (const piece of [parts.headline, parts.lead, parts.keyFact, parts.quote?.text, ...parts.facts]) {
          if (piece) expect(flat).toContain(piece);
        }
        if (parts.quote?.speaker) expect(flat).toContain(parts.quote.speaker);
      }),
      { numRuns: 300 },
    );
  });
});

describe('checkFacts properties', () => {
  it('finds nothing to flag in a draft that is the release itself', () => {
    fc.assert(
      fc.property(releaseLike, (release) => {
        expect(checkFacts(releaseSource(release), releaseSource(release))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
