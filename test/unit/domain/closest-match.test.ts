import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance } from '../../../src/domain/commands/closest-match.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['assign', 'assign', 0],
    ['asign', 'assign', 1],
    ['assing', 'assign', 1],
    ['lodnon', 'london', 1],
    ['kitten', 'sitting', 3],
  ])('%j ↔ %j = %d', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});

describe('closestMatch', () => {
  const subcommands = ['add', 'list', 'show', 'assign', 'handoff', 'status', 'due', 'help'];

  it.each([
    ['asign', 'assign'],
    ['ASSIGN', 'assign'],
    ['lst', 'list'],
    ['handof', 'handoff'],
    ['stauts', 'status'],
    ['frobnicate', null],
    ['x', null],
    ['ad', 'add'],
    ['zz', null],
    ['', null],
    ['a'.repeat(1000), null],
  ])('%j → %s', (input, expected) => {
    expect(closestMatch(input, subcommands)).toBe(expected);
  });
});
