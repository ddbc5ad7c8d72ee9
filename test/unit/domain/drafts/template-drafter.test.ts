import { describe, expect, it } from 'vitest';
import { finishDraft } from '../../../../src/domain/drafts/finish.js';
import { measure, NETWORK_RULES } from '../../../../src/domain/drafts/networks.js';
import { templateDraft } from '../../../../src/domain/drafts/template-drafter.js';
import { NETWORKS, type ReleaseInput, type Tone } from '../../../../src/domain/drafts/types.js';

const RELEASE: ReleaseInput = {
  title: 'NASA Picks Rover Builder',
  body: `WASHINGTON (Nov. 5, 2026) — NASA has selected Intuitive Machines of Houston to build two lunar rovers.
The contract is worth $2.5 million. The agency expects to save 45% on delivery.
“This is a giant leap for lunar science,” said NASA Administrator Jane Smith.`,
  link: 'https://nasa.gov/rovers',
  hashtags: ['NASA', '#Artemis'],
  tone: 'neutral',
};

describe('templateDraft', () => {
  it('puts the headline as a hook, the news, the link, topic and brand hashtags on X', () => {
    expect(templateDraft(RELEASE, 'x')).toBe(
      [
        'NASA Picks Rover Builder',
        'NASA has selected Intuitive Machines of Houston to build two lunar rovers.',
        'The contract is worth $2.5 million.',
        'https://nasa.gov/rovers',
        '#IntuitiveMachinesOfHouston #Lunar #NASA #Artemis',
      ].join('\n\n'),
    );
  });

  it('gives Bluesky the news and a labelled link, never the same post as X', () => {
    expect(templateDraft(RELEASE, 'bluesky')).toBe(
      [
        'NASA has selected Intuitive Machines of Houston to build two lunar rovers.',
        'Read more: https://nasa.gov/rovers',
        '#IntuitiveMachinesOfHouston #NASA #Artemis',
      ].join('\n\n'),
    );
  });

  it('gives LinkedIn a hook, two paragraphs of context, a question and the link', () => {
    const paragraphs = templateDraft(RELEASE, 'linkedin').split('\n\n');
    expect(paragraphs[0]).toBe('NASA Picks Rover Builder');
    expect(paragraphs.slice(1, 3)).toEqual([
      'NASA has selected Intuitive Machines of Houston to build two lunar rovers.',
      'The contract is worth $2.5 million.',
    ]);
    expect(paragraphs).toContain('What do you think?');
    expect(paragraphs).toContain('Read the full release: https://nasa.gov/rovers');
  });

  it('talks on Facebook and Threads: the news first, the link, no headline', () => {
    for (const network of ['facebook', 'threads'] as const) {
      const text = templateDraft(RELEASE, network);
      expect(text.startsWith('NASA has selected')).toBe(true);
      expect(text).not.toContain('NASA Picks Rover Builder');
      expect(text).toContain('https://nasa.gov/rovers');
    }
  });

  it('ends an Instagram caption with a call to action, "Link in bio." and 5 to 15 hashtags', () => {
    const text = templateDraft(RELEASE, 'instagram');
    const tags = text.split('\n\n').at(-1)?.split(' ') ?? [];
    expect(tags.length).toBeGreaterThanOrEqual(5);
    expect(tags.length).toBeLessThanOrEqual(15);
    expect(text).toContain('Share this with someone who should know.\n\nLink in bio.');
    expect(text.match(/\p{Extended_Pictographic}/gu)?.length).toBe(1);
  });

  it('uses the brand link when the release has none, so Instagram still says "Link in bio."', () => {
    const inline = { ...RELEASE, link: null, brandLink: 'https://acme.example/news' };
    expect(templateDraft(inline, 'instagram')).toContain('Link in bio.');
    expect(templateDraft(inline, 'x')).toContain('https://acme.example/news');
    expect(templateDraft({ ...inline, brandLink: null }, 'instagram')).not.toContain('Link in bio.');
  });

  it('sends Instagram readers to the bio and leaves the URL out', () => {
    const text = templateDraft(RELEASE, 'instagram');
    expect(text).toContain('Link in bio.');
    expect(text).not.toContain('https://');
    expect(text).toContain('“This is a giant leap for lunar science” — NASA Administrator Jane Smith');
  });

  it('opens LinkedIn with a hook that fits before "see more", then a blank line', () => {
    const long = { ...RELEASE, title: `${'Rovers '.repeat(40)}for the Moon` };
    const text = templateDraft(long, 'linkedin');
    const hook = text.split('\n\n')[0] ?? '';
    expect(measure('linkedin', hook)).toBeLessThanOrEqual(210);
    expect(text).toContain('\n\nNASA has selected Intuitive Machines of Houston to build two lunar rovers.');
  });

  it('gives each of three variants a different arrangement, then cycles', () => {
    for (const network of NETWORKS) {
      const variants = [0, 1, 2].map((variant) => templateDraft(RELEASE, network, variant));
      expect(new Set(variants).size).toBe(3);
      expect(templateDraft(RELEASE, network, 3)).toBe(variants[0]);
    }
    expect(templateDraft(RELEASE, 'bluesky', 1).startsWith('The contract is worth $2.5 million.')).toBe(true);
    expect(templateDraft(RELEASE, 'bluesky', 2).startsWith('“This is a giant leap')).toBe(true);
  });

  it.each<[Tone, RegExp]>([
    ['neutral', /^(?:📣 )?NASA /],
    ['upbeat', /^(?:📣 )?Big news: NASA /],
    ['formal', /^(?:📣 )?Announcement: NASA /],
    ['playful', /^🚀 NASA /],
  ])('words the %s tone without adding claims', (tone, opening) => {
    const release = { ...RELEASE, tone };
    for (const network of NETWORKS) {
      const text = templateDraft(release, network);
      expect(text).toMatch(opening);
      expect(finishDraft(release, network, text).flags).toEqual([]);
    }
  });

  it('fits every network already', () => {
    const wordy = {
      ...RELEASE,
      body: `${RELEASE.body}\n${'The rover has 6 wheels and a big arm. '.repeat(200)}`,
    };
    for (const network of NETWORKS) {
      for (const variant of [0, 1, 2]) {
        expect(measure(network, templateDraft(wordy, network, variant))).toBeLessThanOrEqual(
          NETWORK_RULES[network].limit,
        );
      }
    }
  });

  it('is deterministic', () => {
    expect(templateDraft(RELEASE, 'threads', 1)).toBe(templateDraft(RELEASE, 'threads', 1));
  });

  it('copes with a release that is only a title', () => {
    const bare: ReleaseInput = {
      title: 'Acme Opens Plant',
      body: '',
      link: null,
      hashtags: [],
      tone: 'neutral',
    };
    expect(templateDraft(bare, 'facebook')).toBe('Acme Opens Plant');
  });
});
