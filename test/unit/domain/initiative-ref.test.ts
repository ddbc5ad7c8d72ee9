import { describe, expect, it } from 'vitest';
import {
  MAX_INITIATIVE_NUMBER,
  parseInitiativeNumber,
} from '../../../src/domain/initiatives/initiative-ref.js';

describe('parseInitiativeNumber', () => {
  it.each([
    ['12', 12],
    ['#12', 12],
    [' 7 ', 7],
    ['1', 1],
    ['007', 7],
    ['#0012', 12],
    [String(MAX_INITIATIVE_NUMBER), 2_147_483_647],
  ])('%j → %d', (input, expected) => {
    expect(parseInitiativeNumber(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'Which initiative'],
    ['0', 'no initiative 0'],
    ['#0', 'no initiative 0'],
    ['000', 'no initiative 0'],
    ['-3', 'negative'],
    ['#-3', 'negative'],
    ['1.5', 'not an initiative number'],
    ['1e3', 'not an initiative number'],
    ['twelve', 'not an initiative number'],
    ['12abc', 'not an initiative number'],
    ['##12', 'not an initiative number'],
    ['１２', 'not an initiative number'],
    ['2147483648', 'far too large'],
    ['9'.repeat(400), 'far too large'],
    ['Infinity', 'not an initiative number'],
  ])('rejects %j', (input, phrase) => {
    const result = parseInitiativeNumber(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain(phrase);
    expect(result.error.message.length).toBeLessThan(120);
    expect(result.error.example).toBe('/initiative show 12');
  });

  it('puts the calling command’s usage in the error', () => {
    const hint = { usage: '/initiative assign <number> @person', example: '/initiative assign 12 @ann' };
    const result = parseInitiativeNumber('x', hint);
    expect(result).toMatchObject({ ok: false, error: hint });
  });
});
