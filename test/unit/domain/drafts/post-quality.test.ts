import { describe, expect, it } from 'vitest';
import { finishDraft } from '../../../../src/domain/drafts/finish.js';
import { releaseParts } from '../../../../src/domain/drafts/release-parts.js';
import { templateDraft } from '../../../../src/domain/drafts/template-drafter.js';
import { NETWORKS, type Network, type ReleaseInput } from '../../../../src/domain/drafts/types.js';
import { type LoadedPressRelease, loadPressReleases } from '../../../fixtures/press-releases/load.js';

/**
 * What a social media manager would check before posting, measured over the real releases in
 * test/fixtures/press-releases: six networks get six different posts, each in its network's shape,
 * without the release's wrapping (datelines, wire credits, bullets, shouting), with every quote
 * credited and no sentence said twice.
 */

const RELEASES = loadPressReleases();
const VARIANTS = [0, 1, 2];

const input = (release: LoadedPressRelease, hashtags: string[] = []): ReleaseInput => ({
  title: release.title,
  body: release.body,
  link: release.link,
  hashtags,
  tone: 'neutral',
});

function draftsOf(release: ReleaseInput, variant: number): Record<Network, string> {
  return Object.fromEntries(
    NETWORKS.map((network) => [
      network,
      finishDraft(release, network, templateDraft(release, network, variant)).text,
    ]),
  ) as Record<Network, string>;
}

const find = (prefix: string): LoadedPressRelease => {
  const found = RELEASES.find((release) => release.file.startsWith(prefix));
  if (!found) throw new Error(`no fixture ${prefix}`);
  return found;
};

describe('six networks, six posts', () => {
  it('on average at least 5 distinct bodies of 6; X never equals Bluesky, LinkedIn never Facebook', () => {
    let distinct = 0;
    let drafts = 0;
    const same: string[] = [];
    for (const release of RELEASES) {
      for (const hashtags of [[], [release.publisher]]) {
        for (const variant of VARIANTS) {
          const texts = draftsOf(input(release, hashtags), variant);
          distinct += new Set(Object.values(texts)).size;
          drafts += 1;
          if (texts.x === texts.bluesky) same.push(`${release.file} v${variant}: X = Bluesky\n${texts.x}`);
          if (texts.linkedin === texts.facebook)
            same.push(`${release.file} v${variant}: LinkedIn = Facebook`);
        }
      }
    }
    expect(same).toEqual([]);
    expect(distinct / drafts).toBeGreaterThanOrEqual(5);
  });

  it('gives every network with hashtags at least one, Instagram 5 to 15 where the release has the words', () => {
    for (const release of RELEASES) {
      const texts = draftsOf(input(release), 0);
      for (const network of ['x', 'bluesky', 'linkedin', 'instagram'] as const) {
        expect(texts[network], `${release.file} ${network}`).toMatch(/(?:^|\s)#\p{L}/u);
      }
      const tags = texts.instagram.match(/(?:^|\s)#\p{L}[\p{L}\p{M}\p{N}_]*/gu) ?? [];
      expect(tags.length, release.file).toBeLessThanOrEqual(15);
      if (release.body.length > 600) expect(tags.length, release.file).toBeGreaterThanOrEqual(5);
    }
  });
});

describe('the wrapping stays out of the posts', () => {
  const everyPost = RELEASES.flatMap((release) =>
    VARIANTS.flatMap((variant) =>
      Object.entries(draftsOf(input(release), variant)).map(([network, text]) => ({
        where: `${release.file} ${network} v${variant}`,
        text,
      })),
    ),
  );

  it.each([
    ['a dateline', /(?:^|\n)[\p{Lu} .,]{3,}(?:\([^)]*\))?\s*[–—-]{1,2}\s/u],
    ['a wire credit', /\((?:dpa-AFX|AP|Reuters|ANP)\)|EINPresswire|PRNewswire/u],
    ['a bullet glyph', /(?:^|\n)\s*(?:[•●▪►]|\* )/u],
    ['an end mark or contact block', /###|Media Contact|Release #/iu],
    ['a sentence that only introduces something', /:\n|:$/u],
    ['a lot code', /LOT CODE|UPC#/u],
  ])('never %s', (_what, pattern) => {
    const bad = everyPost.filter(({ text }) => pattern.test(text.replace(/https?:\/\/\S+/g, '')));
    expect(bad.map(({ where, text }) => `${where}\n${text}`)).toEqual([]);
  });

  it('never shouts: an all-capitals headline is rewritten in sentence case', () => {
    const knight = draftsOf(input(find('knight-')), 0);
    expect(knight.x.split('\n\n')[0]).toBe(
      'Knight Trading Group announces GAAP earnings from continuing operations of $0.20 per diluted share for fourth quarter 2004',
    );
    for (const { where, text } of everyPost) {
      const shouted = text.split('\n').filter((line) => /\p{Lu}{3,}(?: \p{Lu}{3,}){5,}/u.test(line));
      expect(shouted, where).toEqual([]);
    }
  });

  it('credits every quote it uses, and never says a sentence twice', () => {
    for (const { where, text } of everyPost) {
      for (const line of text.split('\n\n')) {
        if (line.startsWith('“')) expect(line, where).toMatch(/” — \S/u);
      }
      const sentences = text.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.length > 25);
      expect(sentences.length - new Set(sentences).size, `${where}\n${text}`).toBe(0);
    }
  });
});

describe('the news and the figure that matter, by kind of release', () => {
  it('leads an appointment with who and from when, not the second appointment', () => {
    const boeing = releaseParts(input(find('boeing-')));
    expect(boeing.topic).toBe('appointment');
    expect(boeing.lead).toMatch(/^Boeing today announced .* David L\. Calhoun, as chief executive officer/);
    const x = draftsOf(input(find('boeing-')), 0).x;
    expect(x).toContain('effective January 13, 2020');
    expect(x).not.toContain('Golightly');
  });

  it('gives earnings per share in a results release, not operating detail', () => {
    const vpg = releaseParts(input(find('vpg-')));
    expect(vpg.topic).toBe('results');
    expect(vpg.keyFact).toBe('Earnings were $0.25 per diluted share, compared to $0.33 reported last year');
    expect(vpg.facts[0]).toBe('Growth in revenues to $77.0 million, up 10.9% year-over-year');
  });

  it('gives the hazard, then what to do, in a recall', () => {
    const mars = releaseParts(input(find('mars-')));
    expect(mars.topic).toBe('recall');
    expect(mars.keyFact).toMatch(/contain peanuts, wheat and\/or eggs/);
    const cpsc = releaseParts(input(find('cpsc-')));
    expect(cpsc.topic).toBe('recall');
    expect(cpsc.keyFact).toMatch(/fingers can be severely injured/);
    expect(cpsc.facts[0]).toMatch(/replacement lid/);
  });

  it('gives the amount in a grant, and credits the quote to the official who said it', () => {
    const epa = releaseParts(input(find('epa-')));
    expect(epa.topic).toBe('grant');
    expect(epa.lead).toMatch(/to receive \$100,000 in funding/);
    expect(epa.quote?.speaker).toBe('Acting Region 4 Administrator Jeaneanne Gettle');
  });

  it('credits a quote whose speaker comes first with a title in between', () => {
    expect(releaseParts(input(find('vpg-'))).quote?.speaker).toBe('Ziv Shoshani');
  });

  it('reads Dutch and French releases: the announcement leads, the CTA is in their language', () => {
    const nl = draftsOf(input(find('rijksoverheid-bibliotheken')), 0);
    expect(nl.linkedin).toContain('Wie moet dit nog meer weten?');
    const fr = releaseParts(input(find('gouvernement-')));
    expect(fr.lead).toMatch(/annoncent le lancement/);
    expect(draftsOf(input(find('gouvernement-')), 0).threads).toContain('Qu’en pensez-vous ?');
  });

  it('drops the CPSC header block and the wire-style dateline', () => {
    const cpsc = releaseParts(input(find('cpsc-')));
    expect(cpsc.lead).toMatch(/^In cooperation with the U\.S\. Consumer Product Safety Commission/);
  });
});

describe('a release pasted on one line, as an inline /draft gets it', () => {
  const pasted: ReleaseInput = {
    title: null,
    body: 'Acme opens its first solar-powered plant in Leeds. LEEDS — Acme today opened its first solar-powered plant in Leeds, creating 120 jobs and cutting the site’s emissions by 40%. The £12 million plant will build 2,000 heat pumps a month. “This plant shows that clean manufacturing works at scale,” said Dana Whitfield, Acme’s chief executive. https://acme.example/news/leeds',
    link: null,
    hashtags: [],
    tone: 'neutral',
  };

  it('drops the dateline after the headline, and reads a quote from a chief executive as no appointment', () => {
    const parts = releaseParts(pasted);
    expect(parts.lead).toMatch(/^Acme today opened/);
    expect(parts.topic).toBe('general');
    const posts = draftsOf(pasted, 0);
    for (const text of Object.values(posts)) {
      expect(text).not.toContain('LEEDS —');
      expect(text).not.toContain('new leadership');
    }
  });

  it('tags topics, not verbs or participles', () => {
    const tags = Object.values(draftsOf(pasted, 0)).flatMap((text) => text.match(/#\p{L}+/gu) ?? []);
    expect(tags).toContain('#Leeds');
    for (const verb of ['#Opens', '#Powered', '#Opened']) expect(tags).not.toContain(verb);
  });
});
