import { describe, expect, it } from 'vitest';
import {
  MAX_TREND_KEYWORD_LENGTH,
  MAX_TREND_KEYWORDS,
  MAX_TREND_LABEL_LENGTH,
  MAX_TREND_NOTES_LENGTH,
  parseTrendCommand,
  TREND_OVERVIEW,
  TREND_SUBCOMMANDS,
  TREND_USAGE,
  type TrendSubcommand,
} from '../../../src/domain/trends/trend-command.js';
import { parsedBy } from './parsed.js';

const { value, error } = parsedBy(parseTrendCommand);

describe('help', () => {
  it.each([
    ['', { type: 'help' }],
    ['   ', { type: 'help' }],
    ['help', { type: 'help' }],
    ['HELP', { type: 'help' }],
    ['?', { type: 'help' }],
    ['help add', { type: 'help', topic: 'add' }],
    ['help connect', { type: 'help', topic: 'link' }],
    ['help help', { type: 'help' }],
    ['help whatever', { type: 'help' }],
  ])('%j → %j', (text, expected) => {
    expect(value(text)).toEqual(expected);
  });
});

describe('add', () => {
  it.each([
    [
      'add #WorldCup2026 big spike on TikTok keywords: football, soccer',
      { label: '#WorldCup2026', notes: 'big spike on TikTok', keywords: ['football', 'soccer'] },
    ],
    ['add "AI Act backlash"', { label: 'AI Act backlash', keywords: [] }],
    ['add #Eurovision', { label: '#Eurovision', keywords: [] }],
    [
      'add “AI Act” curly quotes from a Mac',
      { label: 'AI Act', notes: 'curly quotes from a Mac', keywords: [] },
    ],
    ['ADD #x KEYWORDS: A, B', { label: '#x', keywords: ['a', 'b'] }],
    ['new #x', { label: '#x', keywords: [] }],
    ['log #x', { label: '#x', keywords: [] }],
    // Keyword markers: keywords:, keyword:, kw:, glued or not.
    ['add #x keyword: a', { label: '#x', keywords: ['a'] }],
    ['add #x kw: a,b', { label: '#x', keywords: ['a', 'b'] }],
    ['add #x kw:a,b', { label: '#x', keywords: ['a', 'b'] }],
    ['add #x keywords:football', { label: '#x', keywords: ['football'] }],
    // Keywords are trimmed, lowercased, deduplicated (a # does not make a new one); empty ones go.
    [
      'add #x keywords:  Football ,soccer,, FOOTBALL, #football , ',
      { label: '#x', keywords: ['football', 'soccer'] },
    ],
    ['add #x keywords: #WorldCup, worldcup', { label: '#x', keywords: ['#worldcup'] }],
    ['add #x keywords: world cup, soccer', { label: '#x', keywords: ['world cup', 'soccer'] }],
    ['add #x keywords: a; b', { label: '#x', keywords: ['a', 'b'] }],
    // Quoted text is literal, commas and all.
    ['add #x keywords: "world, cup", b', { label: '#x', keywords: ['world, cup', 'b'] }],
    ['add #x keywords: a kw: b', { label: '#x', keywords: ['a', 'b'] }],
    ['add #x keywords: a, -, #', { label: '#x', keywords: ['a'] }],
    // "keywords" without a colon is an ordinary word in the notes.
    ['add #x search keywords spiking', { label: '#x', notes: 'search keywords spiking', keywords: [] }],
    // An unquoted label is one word; the rest is notes.
    ['add World Cup fever', { label: 'World', notes: 'Cup fever', keywords: [] }],
    ['add #x the "big" one', { label: '#x', notes: 'the "big" one', keywords: [] }],
    // Plain text, one line.
    ['add "Q&amp;A &lt;live&gt;"', { label: 'Q&A <live>', keywords: [] }],
    ['add <#C123|worldcup> seen by <@U1|ann>', { label: '#worldcup', notes: 'seen by @ann', keywords: [] }],
    ['add "AI\u0000 \t Act" notes\u0007 here', { label: 'AI Act', notes: 'notes here', keywords: [] }],
    ['add "🚀 launch" 🎉', { label: '🚀 launch', notes: '🎉', keywords: [] }],
    [
      `add "${'x'.repeat(MAX_TREND_LABEL_LENGTH)}"`,
      { label: 'x'.repeat(MAX_TREND_LABEL_LENGTH), keywords: [] },
    ],
    [
      `add "${'🎉'.repeat(MAX_TREND_LABEL_LENGTH)}"`,
      { label: '🎉'.repeat(MAX_TREND_LABEL_LENGTH), keywords: [] },
    ],
    [
      `add #x ${'n'.repeat(MAX_TREND_NOTES_LENGTH)}`,
      { label: '#x', notes: 'n'.repeat(MAX_TREND_NOTES_LENGTH), keywords: [] },
    ],
    [
      `add #x kw: ${'k'.repeat(MAX_TREND_KEYWORD_LENGTH)}`,
      { label: '#x', keywords: ['k'.repeat(MAX_TREND_KEYWORD_LENGTH)] },
    ],
    [
      `add #x kw: ${Array.from({ length: MAX_TREND_KEYWORDS }, (_, i) => `k${i}`).join(', ')}`,
      { label: '#x', keywords: Array.from({ length: MAX_TREND_KEYWORDS }, (_, i) => `k${i}`) },
    ],
    [
      `add #x kw: ${Array.from({ length: MAX_TREND_KEYWORDS + 5 }, () => 'same').join(', ')}`,
      { label: '#x', keywords: ['same'] },
    ],
  ])('%j', (text, expected) => {
    expect(value(text)).toEqual({ type: 'add', ...expected });
  });

  it.each([
    ['add', 'What is the trend? Give its label'],
    ['add keywords: football', 'Give the trend a label before the keywords'],
    ['add kw:football', 'Give the trend a label before the keywords'],
    ['add ""', 'The label is empty'],
    ['add "   "', 'The label is empty'],
    ['add "AI Act', 'never closed'],
    ['add #x keywords:', '"keywords:" needs at least one keyword'],
    ['add #x kw:', '"kw:" needs at least one keyword'],
    ['add #x keywords: , ,', 'needs at least one keyword'],
    ['add #x KEYWORDS:', '"keywords:" needs at least one keyword'],
    [
      `add "${'x'.repeat(MAX_TREND_LABEL_LENGTH + 1)}"`,
      `${MAX_TREND_LABEL_LENGTH + 1} characters; keep it to ${MAX_TREND_LABEL_LENGTH}`,
    ],
    [
      `add #x ${'n'.repeat(MAX_TREND_NOTES_LENGTH + 1)}`,
      `${MAX_TREND_NOTES_LENGTH + 1} characters; keep them to ${MAX_TREND_NOTES_LENGTH}`,
    ],
    [
      `add #x kw: ok, ${'k'.repeat(MAX_TREND_KEYWORD_LENGTH + 1)}`,
      `is ${MAX_TREND_KEYWORD_LENGTH + 1} characters; keep each keyword to ${MAX_TREND_KEYWORD_LENGTH}`,
    ],
    [
      `add #x kw: ${Array.from({ length: MAX_TREND_KEYWORDS + 1 }, (_, i) => `k${i}`).join(', ')}`,
      `${MAX_TREND_KEYWORDS + 1} keywords; give at most ${MAX_TREND_KEYWORDS}`,
    ],
  ])('%j fails: %s', (text, message) => {
    const e = error(text);
    expect(e.message).toContain(message);
    expect(e.usage).toBe(TREND_USAGE.add.usage);
    expect(e.example).toBe(TREND_USAGE.add.example);
  });

  it('quotes back a long keyword briefly', () => {
    expect(error(`add #x kw: ${'k'.repeat(5_000)}`).message.length).toBeLessThan(200);
  });
});

describe('list', () => {
  it.each([
    ['list', 'active'],
    ['ls', 'active'],
    ['list active', 'active'],
    ['LIST Active', 'active'],
    ['list open', 'active'],
    ['list current', 'active'],
    ['list all', 'all'],
    ['ls everything', 'all'],
  ])('%j → %s', (text, which) => {
    expect(value(text)).toEqual({ type: 'list', which });
  });

  it.each([
    ['list foo', 'I can\'t list "foo" trends.'],
    ['list actve', 'Did you mean active?'],
    ['list al', 'Did you mean all?'],
    ['list active all', 'list takes one word'],
    ['list "all"', 'I can\'t list "all" trends.'],
  ])('%j fails: %s', (text, message) => {
    const e = error(text);
    expect(e.message).toContain(message);
    expect(e.usage).toBe(TREND_USAGE.list.usage);
    expect(e.example).toBe(TREND_USAGE.list.example);
  });
});

describe('link', () => {
  it.each([
    ['link TR3 12', { trend: 3, initiative: 12 }],
    ['link tr3 #12', { trend: 3, initiative: 12 }],
    ['link 3 12', { trend: 3, initiative: 12 }],
    ['link #3 #12', { trend: 3, initiative: 12 }],
    ['link TR3 to #12', { trend: 3, initiative: 12 }],
    ['link TR3 with 12', { trend: 3, initiative: 12 }],
    ['connect TR3 12', { trend: 3, initiative: 12 }],
    ['attach TR3 12', { trend: 3, initiative: 12 }],
  ])('%j → %j', (text, expected) => {
    expect(value(text)).toEqual({ type: 'link', ...expected });
  });

  it.each([
    ['link', 'Which trend? Give its number after link, like TR3.'],
    ['link TR3', 'Link TR3 to which initiative?'],
    ['link TR3 to', 'Link TR3 to which initiative?'],
    ['link #12 TR3', 'Put the trend first: /trend link TR3 12'],
    ['link 12 tr3', 'Put the trend first: /trend link TR3 12'],
    ['link TR3 TR4', 'TR4 is a trend; link TR3 to an initiative'],
    ['link TR3 T7', 'T7 is a task; link TR3 to an initiative'],
    ['link T7 12', 'T7 is a task; trends are numbered like TR3'],
    ['link TR0 12', 'There is no trend TR0'],
    ['link TR3 0', 'no initiative 0'],
    ['link TR3 -1', 'negative'],
    ['link TR3 launch', '"launch" is not an initiative number'],
    ['link #WorldCup 12', '"#WorldCup" is not a trend number'],
    ['link TR3 12 13', 'I didn\'t expect "13"'],
    ['link TR3 12 please', 'I didn\'t expect "please"'],
  ])('%j fails: %s', (text, message) => {
    const e = error(text);
    expect(e.message).toContain(message);
    expect(e.usage).toBe(TREND_USAGE.link.usage);
    expect(e.example).toBe(TREND_USAGE.link.example);
  });
});

describe('expire', () => {
  it.each([
    ['expire TR3', 3],
    ['expire tr3', 3],
    ['expire 3', 3],
    ['expire #3', 3],
    ['end TR3', 3],
    ['close TR3', 3],
    ['EXPIRE TR42', 42],
  ])('%j → %d', (text, trend) => {
    expect(value(text)).toEqual({ type: 'expire', trend });
  });

  it.each([
    ['expire', 'Which trend? Give its number after expire'],
    ['expire T3', 'T3 is a task'],
    ['expire TR3 now', 'I didn\'t expect "now" after expire TR3'],
    ['expire #WorldCup', 'is not a trend number'],
  ])('%j fails: %s', (text, message) => {
    const e = error(text);
    expect(e.message).toContain(message);
    expect(e.usage).toBe(TREND_USAGE.expire.usage);
    expect(e.example).toBe(TREND_USAGE.expire.example);
  });
});

describe('anything else', () => {
  it.each([
    ['ad #x', 'Did you mean add?', TREND_USAGE.add],
    ['lsit', 'Did you mean list?', TREND_USAGE.list],
    ['lnik TR3 12', 'Did you mean link?', TREND_USAGE.link],
    ['expier TR3', 'Did you mean expire?', TREND_USAGE.expire],
    ['conect TR3 12', 'Did you mean link?', TREND_USAGE.link],
    [
      'frobnicate',
      'I don\'t know "/trend frobnicate". Try one of: add, list, link, expire, help.',
      TREND_OVERVIEW,
    ],
    ['__proto__', 'I don\'t know "/trend __proto__"', TREND_OVERVIEW],
    ['constructor', 'I don\'t know "/trend constructor"', TREND_OVERVIEW],
    ['"World Cup"', 'Start with what to do; to log this trend: /trend add "World Cup"', TREND_USAGE.add],
    ['#WorldCup2026', 'to log this trend: /trend add #WorldCup2026', TREND_USAGE.add],
    ['<#C1|worldcup>', 'to log this trend: /trend add #worldcup', TREND_USAGE.add],
    ['TR3', 'Start with what to do, e.g. /trend expire TR3', TREND_OVERVIEW],
    ['3', '/trend link TR3 <initiative number>', TREND_OVERVIEW],
    ['#3', '/trend expire TR3', TREND_OVERVIEW],
    ['T7', 'T7 is a task; /task works on tasks', TREND_OVERVIEW],
    ['add "AI Act', 'never closed', TREND_USAGE.add],
    ['"oops', 'never closed', TREND_OVERVIEW],
  ])('%j fails: %s', (text, message, hint) => {
    const e = error(text);
    expect(e.message).toContain(message);
    expect(e.usage).toBe(hint.usage);
    expect(e.example).toBe(hint.example);
  });

  it('lists every subcommand when the word is far from all of them', () => {
    expect(error('xyzzy').message).toContain(TREND_SUBCOMMANDS.join(', '));
  });
});

describe('usage', () => {
  it.each(TREND_SUBCOMMANDS.map((sub) => [sub]))('%s has a usage, an example and a summary', (sub) => {
    const help = TREND_USAGE[sub as TrendSubcommand];
    expect(help.usage.startsWith(`/trend ${sub}`)).toBe(true);
    expect(help.example.startsWith(`/trend ${sub}`)).toBe(true);
    expect(help.summary).not.toBe('');
  });

  it.each(TREND_SUBCOMMANDS.filter((sub) => sub !== 'help').map((sub) => [sub]))(
    'the %s example parses',
    (sub) => {
      const example = TREND_USAGE[sub as TrendSubcommand].example.replace(/^\/trend /, '');
      expect(parseTrendCommand(example)).toMatchObject({ ok: true, value: { type: sub } });
    },
  );

  it('the overview names the subcommands and the TR form', () => {
    for (const sub of TREND_SUBCOMMANDS) expect(TREND_OVERVIEW.usage).toContain(sub);
    expect(TREND_OVERVIEW.usage).toContain('TR3');
  });
});
