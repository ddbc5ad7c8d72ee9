import { describe, expect, it } from 'vitest';
import { checkFacts } from '../../../../src/domain/drafts/fact-guard.js';
import { finishDraft, releaseSource } from '../../../../src/domain/drafts/finish.js';
import type { ReleaseInput } from '../../../../src/domain/drafts/types.js';
import { loadPressReleases } from '../../../fixtures/press-releases/load.js';

/**
 * The fact guard reads meaning, not letters: a paraphrase of the kind a model writes (abbreviations,
 * a title after a name, rounding, another unit, a Dutch "van der") passes, while a figure borrowed
 * for another claim, a flipped direction, a year moved to another event, a quote credited to
 * someone else, and links, handles or hashtags from nowhere are flagged.
 */

const RELEASES = loadPressReleases();
const sourceOf = (prefix: string): string => {
  const release = RELEASES.find((r) => r.file.startsWith(prefix));
  if (!release) throw new Error(prefix);
  return releaseSource({
    title: release.title,
    body: release.body,
    link: release.link,
    hashtags: [],
    tone: 'neutral',
  });
};

const RESULTS = 'Net sales were $1,667.6 million, up 39% from last year. Dairy sales rose 2% in the quarter.';
const SPACE = 'Astronauts aboard the International Space Station will run 12 experiments in 2027.';
const HISTORY = 'Acme was founded in 1998. In 2020 it opened a plant in Ohio.';

describe('faithful paraphrases raise nothing', () => {
  it.each([
    ['boeing-', 'Boeing names Dave Calhoun CEO, effective January 13, 2020.'],
    ['boeing-', '“I strongly believe in the future of Boeing and the 737 MAX,” said Calhoun.'],
    ['vpg-', 'VPG revenue grew 10.9% YoY to $77.0 million; adjusted EPS rose to $0.54.'],
    ['vpg-', 'VPG: quarterly revenue up 11% year-over-year.'],
    [
      'rijksoverheid-benoeming',
      'Van der Maat wordt op 30 oktober 2023 tweede staatssecretaris van Justitie en Veiligheid.',
    ],
    [
      'gouvernement-',
      'Bruno Le Maire et Frédérique Vidal lancent le « Concours d’innovation » pour les PME.',
    ],
    [
      'mars-',
      'Mars recalls DOVE Chocolate Assortment Snowflakes: about 6,700 cases may contain peanuts, wheat or eggs.',
    ],
    [
      'epa-',
      'EPA awards the National Wildlife Federation $100,000 for environmental education, reaching 240 students.',
    ],
    ['knight-', 'Knight Trading Group: Q4 GAAP EPS of $0.94, or $0.20 from continuing operations.'],
  ])('%s: %j', (prefix, draft) => {
    expect(checkFacts(sourceOf(prefix), draft)).toEqual([]);
  });

  it.each([
    [RESULTS, 'Net sales hit $1.67B, up 39% YoY.'],
    [RESULTS, 'Net sales rose 39% to $1.7 billion'.replace('$1.7 billion', '$1,668 million')],
    [SPACE, 'The ISS crew will run 12 experiments in 2027.'],
    [HISTORY, 'Founded in 1998, Acme opened an Ohio plant in 2020.'],
  ])('%j ← %j', (source, draft) => {
    expect(checkFacts(source, draft)).toEqual([]);
  });
});

describe('changes of meaning are caught', () => {
  it('a digit borrowed from a percentage for a new claim', () => {
    expect(checkFacts(RESULTS, 'Two people were hospitalised.')).toEqual([{ fact: 'number', text: 'Two' }]);
    expect(checkFacts(RESULTS, 'Sales rose in 2 states.')).toEqual([{ fact: 'number', text: '2' }]);
  });

  it('a direction flipped around a figure', () => {
    expect(checkFacts(RESULTS, 'Net sales were $1,667.6 million, down 39% from last year.')).toEqual([
      { fact: 'direction', text: 'down 39%' },
    ]);
    expect(checkFacts(RESULTS, 'Dairy sales fell 2% in the quarter.')).toEqual([
      { fact: 'direction', text: 'down 2%' },
    ]);
  });

  it('a year that belongs to another fact of the release', () => {
    expect(checkFacts(HISTORY, 'Acme was founded in 2020.')).toEqual([{ fact: 'date', text: '2020' }]);
  });

  it('a quotation credited to someone else', () => {
    const flags = checkFacts(
      sourceOf('boeing-'),
      '“I strongly believe in the future of Boeing and the 737 MAX,” said Lawrence W. Kellner.',
    );
    expect(flags).toEqual([{ fact: 'speaker', text: 'Lawrence W. Kellner (quoted)' }]);
  });

  it('a quotation the headline repeats is credited where the body credits it', () => {
    const release = 'We will go to the Moon together\n\n“We will go to the Moon together,” said NASA';
    expect(checkFacts(release, '“We will go to the Moon together,” said NASA')).toEqual([]);
    expect(checkFacts(release, '“We will go to the Moon together,” said ESA')).toContainEqual({
      fact: 'speaker',
      text: 'ESA (quoted)',
    });
  });

  it('a date the release breaks with a control character, as a draft writes it once the character is dropped', () => {
    expect(checkFacts('#1 \u0000 March', '#1  March')).toEqual([]);
    expect(checkFacts('#1 \u0000 March', '#2  March')).toContainEqual({ fact: 'date', text: '2  March' });
  });

  it('a bound turned around: more than ↔ less than, a minimum ↔ a maximum, almost ↔ more than', () => {
    const source =
      'FEMA is sending more than $1.1 million. The contract has a maximum value of $200 million. Blades spin at almost 3,000 rpm.';
    expect(checkFacts(source, 'FEMA is sending less than $1.1 million.')).toEqual([
      { fact: 'direction', text: 'below $1.1 million' },
    ]);
    expect(checkFacts(source, 'A minimum value of $200 million.')).toEqual([
      { fact: 'direction', text: 'above $200 million' },
    ]);
    expect(checkFacts(source, 'Blades spin at more than 3,000 rpm.')).toEqual([
      { fact: 'direction', text: 'above 3,000' },
    ]);
    expect(checkFacts(source, 'FEMA sends over $1.1M; blades spin at nearly 3,000 rpm.')).toEqual([]);
  });

  it('a rise or fall reversed without a figure', () => {
    const source = 'Vaccinated animals showed significantly lower levels of respiratory disease.';
    expect(checkFacts(source, 'Vaccinated animals showed higher levels of respiratory disease.')).toEqual([
      { fact: 'direction', text: 'higher levels' },
    ]);
    expect(checkFacts(source, 'Vaccinated animals had lower levels of respiratory disease.')).toEqual([]);
  });

  it('a month paired with another year of the release', () => {
    const source = 'The rover launches in July 2020 and reaches Mars in February 2021.';
    expect(checkFacts(source, 'The rover launches in July 2021.')).toEqual([
      { fact: 'date', text: 'July 2021' },
    ]);
    expect(checkFacts(source, 'Launch: July 2020. Arrival: February 2021.')).toEqual([]);
  });

  it('a quote credited by its own paragraph, not by a name in the one before', () => {
    const source = [
      '"Help is only a telephone call away," said Director Peter LaPorte.',
      '"We encourage those who need disaster help to register now," said Officer Scott Wells.',
      'Chairman Adam Klein released the following statement:',
      '"We congratulate our colleagues.',
      '"We look forward to working with our new colleagues."',
    ].join('\n\n');
    expect(
      checkFacts(source, '"We encourage those who need disaster help to register now," said Peter LaPorte.'),
    ).toEqual([{ fact: 'speaker', text: 'Peter LaPorte (quoted)' }]);
    expect(
      checkFacts(source, '"We look forward to working with our new colleagues," said Adam Klein.'),
    ).toEqual([]);
  });

  it('tolerates D.C. for DC, a hyphen for a space, "Feb.1" and a qualifier before the noun', () => {
    const source =
      'Washington, DC: meals for COVID positive residents. The contract begins Feb.1, 2007. It is one of 38 grants EPA announced.';
    expect(
      checkFacts(
        source,
        'In D.C., meals for COVID-positive residents from Feb. 1, 2007; one of 38 EPA grants.',
      ),
    ).toEqual([]);
  });

  it('a rounding too far, or another scale', () => {
    expect(checkFacts(RESULTS, 'Net sales hit $1.6B.')).toEqual([{ fact: 'money', text: '$1.6B' }]);
    expect(checkFacts(RESULTS, 'Net sales were $1,667.6 billion.')).toEqual([
      { fact: 'money', text: '$1,667.6 billion' },
    ]);
  });

  it('links, handles and hashtags the release does not give', () => {
    const release: ReleaseInput = {
      title: 'Acme opens a plant in Ohio',
      body: 'Acme opened a plant in Ohio. Follow @acme for updates.',
      link: 'https://acme.example/news/ohio',
      hashtags: ['AcmeNews'],
      tone: 'neutral',
      brandLink: 'https://acme.example',
    };
    const ok = finishDraft(
      release,
      'x',
      'Acme opens an Ohio plant. @acme #AcmeNews #Ohio #OhioPlant https://acme.example/news/ohio',
    );
    expect(ok.flags).toEqual([]);
    const bad = finishDraft(release, 'x', 'Acme opens a plant. @acme_deals #Bankrupt https://deals.com/x');
    expect(bad.flags).toEqual([
      { kind: 'not-in-release', fact: 'handle', text: '@acme_deals' },
      { kind: 'not-in-release', fact: 'hashtag', text: '#Bankrupt' },
      { kind: 'not-in-release', fact: 'link', text: 'https://deals.com/x' },
    ]);
  });

  it('a banned word', () => {
    const release: ReleaseInput = {
      title: 'Acme opens a plant',
      body: 'Acme opened a plant in Ohio.',
      link: null,
      hashtags: [],
      tone: 'neutral',
      bannedWords: ['synergy', 'disrupt'],
    };
    expect(finishDraft(release, 'linkedin', 'Synergy! Acme opened a plant in Ohio.').flags).toEqual([
      { kind: 'banned-word', word: 'synergy' },
    ]);
    expect(finishDraft(release, 'linkedin', 'Acme opened a plant in Ohio.').flags).toEqual([]);
  });
});
