import { describe, expect, it } from 'vitest';
import { releaseParts, stripDateline } from '../../../../src/domain/drafts/release-parts.js';
import type { ReleaseInput } from '../../../../src/domain/drafts/types.js';

const release = (body: string, title: string | null = null): ReleaseInput => ({
  title,
  body,
  link: null,
  hashtags: [],
  tone: 'neutral',
});

const BODY = `FOR IMMEDIATE RELEASE
WASHINGTON (Nov. 5, 2026) — NASA has selected Intuitive Machines of Houston to build two lunar rovers.
The contract is worth $2.5 million. The agency expects to save 45% on delivery.
“This is a giant leap for lunar science,” said NASA Administrator Jane Smith. The first rover launches in March 2027.
###
About NASA
NASA has 18,000 employees.`;

describe('stripDateline', () => {
  it.each([
    ['WASHINGTON (Nov. 5, 2026) — NASA said.', 'NASA said.'],
    ['HOUSTON — The crew landed.', 'The crew landed.'],
    ['CAPE CANAVERAL, Fla. — Liftoff.', 'Liftoff.'],
    ['NEW YORK, Nov. 5, 2026 /PRNewswire/ -- Acme today announced.', 'Acme today announced.'],
    ['The agency — and its partners — agreed.', 'The agency — and its partners — agreed.'],
  ])('%j → %j', (input, output) => {
    expect(stripDateline(input)).toBe(output);
  });
});

describe('releaseParts', () => {
  it('finds headline, lead, key fact, quote and the other facts', () => {
    expect(releaseParts(release(BODY, 'NASA Picks Rover Builder'))).toEqual({
      headline: 'NASA Picks Rover Builder',
      lead: 'NASA has selected Intuitive Machines of Houston to build two lunar rovers.',
      keyFact: 'The contract is worth $2.5 million.',
      quote: { text: 'This is a giant leap for lunar science', speaker: 'NASA Administrator Jane Smith' },
      facts: ['The agency expects to save 45% on delivery.', 'The first rover launches in March 2027.'],
      topic: 'general',
    });
  });

  it('takes the headline from the first line when there is no title, and the lead from what follows', () => {
    const parts = releaseParts(
      release('Acme Opens Plant\nHOUSTON — Acme opened a plant with 300 jobs today.'),
    );
    expect(parts.headline).toBe('Acme Opens Plant');
    expect(parts.lead).toBe('Acme opened a plant with 300 jobs today.');
  });

  it('takes the first sentence as the headline when the first line is a paragraph', () => {
    const parts = releaseParts(release('Acme opened a plant. It has 300 jobs and more to come.'));
    expect(parts.headline).toBe('Acme opened a plant.');
    expect(parts.lead).toBe('It has 300 jobs and more to come.');
  });

  it('does not repeat the title as the lead', () => {
    expect(releaseParts(release('Acme Opens Plant\nThe plant makes tiles.', 'Acme Opens Plant')).lead).toBe(
      'The plant makes tiles.',
    );
  });

  it.each([
    ['"We are proud of every single person here," said Dr. Ann Lee, the director.', 'Dr. Ann Lee'],
    ['Jane Smith said: “We are proud of every single person here.”', 'Jane Smith'],
    ['“We are proud of every single person here,” according to Acme Corp. Inc.', 'Acme Corp'],
    ['“We are proud of every single person here,” Mayor Bo Diaz said.', 'Mayor Bo Diaz'],
    ['“We are proud of every single person here,” she said.', null],
  ])('reads the speaker of %j', (body, speaker) => {
    expect(releaseParts(release(body, 'T')).quote).toEqual({
      text: expect.stringContaining('We are proud of every single person here'),
      speaker,
    });
  });

  it('ignores quoted spans shorter than five words', () => {
    expect(releaseParts(release('The “Moon to Mars” plan has 3 phases.', 'T')).quote).toBeNull();
  });

  it('copies every part verbatim from the release', () => {
    const parts = releaseParts(release(BODY, 'NASA Picks Rover Builder'));
    const flat = BODY.replace(/\s+/g, ' ');
    for (const piece of [
      parts.lead,
      parts.keyFact,
      parts.quote?.text,
      parts.quote?.speaker,
      ...parts.facts,
    ]) {
      expect(flat).toContain(piece);
    }
  });
});
