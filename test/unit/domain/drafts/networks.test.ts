import { describe, expect, it } from 'vitest';
import {
  countHashtags,
  measure,
  NETWORK_RULES,
  networkLabel,
  parseNetwork,
} from '../../../../src/domain/drafts/networks.js';
import { NETWORKS } from '../../../../src/domain/drafts/types.js';

describe('measure', () => {
  it('counts every link on X as 23, however long it is', () => {
    const link = `https://example.com/${'a'.repeat(120)}`;
    expect(measure('x', `Launch ${link}`)).toBe(7 + 23);
    expect(measure('x', 'Launch https://t.co')).toBe(7 + 23);
  });

  it('weighs CJK and emoji as X does', () => {
    expect(measure('x', '中文')).toBe(4);
    expect(measure('x', '🚀')).toBe(2);
    expect(measure('x', 'abc')).toBe(3);
  });

  it('counts an emoji family and a letter with combining accents as one grapheme elsewhere', () => {
    const family = '👨‍👩‍👧‍👦';
    expect(family.length).toBe(11);
    expect(measure('bluesky', family)).toBe(1);
    expect(measure('bluesky', 'e\u0301')).toBe(1);
    expect(measure('threads', `${family}🇫🇷a`)).toBe(3);
    expect(measure('linkedin', `https://example.com/${'a'.repeat(100)}`)).toBe(120);
  });
});

describe('NETWORK_RULES', () => {
  it('has the limits each network publishes', () => {
    expect(NETWORKS.map((n) => NETWORK_RULES[n].limit)).toEqual([280, 3000, 2200, 63206, 500, 300]);
    expect(NETWORK_RULES.instagram).toMatchObject({ maxHashtags: 30, linksClickable: false });
    expect(NETWORK_RULES.linkedin.hookLength).toBe(210);
    expect(NETWORK_RULES.x.unit).toBe('weighted characters');
    expect(NETWORK_RULES.bluesky.unit).toBe('graphemes');
  });
});

describe('parseNetwork', () => {
  it.each([
    ['x', 'x'],
    ['X', 'x'],
    ['twitter', 'x'],
    ['x.com', 'x'],
    ['Twitter/X', 'x'],
    ['LinkedIn', 'linkedin'],
    ['linked-in', 'linkedin'],
    ['ig', 'instagram'],
    ['Insta', 'instagram'],
    ['fb', 'facebook'],
    ['Facebook', 'facebook'],
    ['threads', 'threads'],
    ['bsky', 'bluesky'],
    [' Bluesky ', 'bluesky'],
  ])('reads %j as %s', (input, network) => {
    expect(parseNetwork(input)).toBe(network);
  });

  it('rejects what is not a network', () => {
    expect(parseNetwork('myspace')).toBeNull();
    expect(parseNetwork('')).toBeNull();
    // Words every object answers to are no nicknames.
    expect(parseNetwork('constructor')).toBeNull();
    expect(parseNetwork('toString')).toBeNull();
  });
});

describe('networkLabel', () => {
  it('uses the names people know', () => {
    expect(NETWORKS.map(networkLabel)).toEqual([
      'X',
      'LinkedIn',
      'Instagram',
      'Facebook',
      'Threads',
      'Bluesky',
    ]);
  });
});

describe('countHashtags', () => {
  it('counts hashtags, not numbers or link fragments', () => {
    expect(countHashtags('#NASA #Artemis_II launch #1 https://example.com/#top')).toBe(2);
    expect(countHashtags('no tags')).toBe(0);
  });
});
