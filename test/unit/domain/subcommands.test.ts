import { describe, expect, it } from 'vitest';
import { defineSubcommands } from '../../../src/domain/commands/subcommands.js';

const NAMES = ['add', 'finish', 'help'] as const;
type Sub = (typeof NAMES)[number];

const USAGE: Record<Sub, { usage: string; example: string }> = {
  add: { usage: '/thing add <name>', example: '/thing add Kettle' },
  finish: { usage: '/thing finish <n>', example: '/thing finish 3' },
  help: { usage: '/thing help', example: '/thing help' },
};
const OVERVIEW = { usage: '/thing add | finish | help …', example: '/thing help' };

const subcommands = defineSubcommands({
  command: '/thing',
  names: NAMES,
  aliases: { create: 'add', complete: 'finish', '?': 'help' },
  usage: USAGE,
  overview: OVERVIEW,
});

describe('of', () => {
  it.each([
    ['add', 'add'],
    ['ADD', 'add'],
    ['Create', 'add'],
    ['?', 'help'],
    ['frob', null],
    ['', null],
  ])('%j → %j', (word, expected) => {
    expect(subcommands.of(word)).toBe(expected);
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'does not take %j from Object.prototype',
    (word) => {
      expect(subcommands.of(word)).toBeNull();
    },
  );
});

describe('unknown', () => {
  it('suggests the subcommand an alias typo stands for, with its usage', () => {
    const result = subcommands.unknown('compelte');
    expect(result.error.message).toBe(
      `I don't know "/thing compelte". Did you mean finish? Try one of: add, finish, help.`,
    );
    expect(result.error.usage).toBe(USAGE.finish.usage);
  });

  it('lists the names only, and falls back to the overview when nothing is near', () => {
    const result = subcommands.unknown('xylophone');
    expect(result.error.message).toBe(`I don't know "/thing xylophone". Try one of: add, finish, help.`);
    expect(result.error.usage).toBe(OVERVIEW.usage);
    expect(result.error.example).toBe(OVERVIEW.example);
  });
});

describe('hintFor', () => {
  it.each([
    ['  create "unclosed', USAGE.add],
    ['FINISH 3 "', USAGE.finish],
    ['"unclosed', OVERVIEW],
    ['', OVERVIEW],
  ])('%j → its hint', (text, expected) => {
    expect(subcommands.hintFor(text)).toBe(expected);
  });
});
