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
  it('puts headline, key fact, link and hashtags on X', () => {
    expect(templateDraft(RELEASE, 'x')).toBe(
      'NASA Picks Rover Builder\n\nThe contract is worth $2.5 million.\n\nhttps://nasa.gov/rovers\n\n#NASA #Artemis',
    );
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
    ['neutral', /^NASA Picks/],
    ['upbeat', /^Big news: NASA Picks/],
    ['formal', /^Announcement: NASA Picks/],
    ['playful', /^🚀 NASA Picks/],
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
