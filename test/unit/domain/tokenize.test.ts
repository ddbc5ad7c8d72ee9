import { describe, expect, it } from 'vitest';
import { joinTokens, tokenize } from '../../../src/domain/commands/tokenize.js';

const texts = (input: string) => {
  const result = tokenize(input);
  if (!result.ok) throw new Error(`expected tokens for ${input}: ${result.error.message}`);
  return result.value.map((t) => (t.quoted ? `[${t.text}]` : t.text));
};

describe('tokenize', () => {
  it.each([
    ['', []],
    ['   ', []],
    ['add thing', ['add', 'thing']],
    ['  add \t thing\n', ['add', 'thing']],
    ['add\u00a0thing', ['add', 'thing']],
    ['add "Q4 launch" pr', ['add', '[Q4 launch]', 'pr']],
    ['"Q4 launch" it\'s', ['[Q4 launch]', "it's"]],
    ["it's Bob's", ["it's", "Bob's"]],
    ['add “Q4 launch” pr', ['add', '[Q4 launch]', 'pr']],
    ['add „Q4 launch“ pr', ['add', '[Q4 launch]', 'pr']],
    ['add ”Q4 launch” pr', ['add', '[Q4 launch]', 'pr']],
    ['add “Q4 launch" pr', ['add', '[Q4 launch]', 'pr']],
    ['add ‘Q4 launch’ pr', ['add', '[Q4 launch]', 'pr']],
    ['add ‘Bob’s launch’ pr', ['add', '[Bob’s launch]', 'pr']],
    ['add Bob’s launch', ['add', 'Bob’s', 'launch']],
    ['add ""', ['add', '[]']],
    ['add "" x', ['add', '[]', 'x']],
    ['"a""b"', ['[a]', '[b]']],
    ['"Q4"launch', ['[Q4]', 'launch']],
    ['5" screen', ['5"', 'screen']],
    ['"<@U1> inside" <@U2>', ['[<@U1> inside]', '<@U2>']],
    ['<@U123ABC|ann smith> x', ['<@U123ABC|ann smith>', 'x']],
    ['<@U1>,<@U2>', ['<@U1>', ',', '<@U2>']],
    ['<@U1><@U2>', ['<@U1>', '<@U2>']],
    ['owner:<@U1>', ['owner:', '<@U1>']],
    ['<#C1|> <!subteam^S1|@pr>', ['<#C1|>', '<!subteam^S1|@pr>']],
    ['a < b', ['a', '<', 'b']],
    ['🎉 "🚀 launch" 👍🏽', ['🎉', '[🚀 launch]', '👍🏽']],
  ])('%j → %j', (input, expected) => {
    expect(texts(input)).toEqual(expected);
  });

  it('marks quoted tokens so keywords inside quotes stay literal', () => {
    expect(tokenize('"due" due')).toEqual({
      ok: true,
      value: [
        { text: 'due', quoted: true },
        { text: 'due', quoted: false },
      ],
    });
  });

  it.each([
    ['add "Q4 launch', 'Q4 launch'],
    ['add “Q4 launch', 'Q4 launch'],
    ['add ‘Q4 launch', 'Q4 launch'],
    ['add ‘Bob’s launch', 'Bob’s launch'],
    ['add "', 'at the end'],
  ])('rejects the unterminated quote in %j', (input, mentioned) => {
    const result = tokenize(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain('never closed');
    expect(result.error.message).toContain(mentioned);
    expect(result.error.usage).not.toBe('');
    expect(result.error.example).not.toBe('');
  });

  it('shortens a long unterminated quote in the message', () => {
    const result = tokenize(`"${'x'.repeat(500)}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.length).toBeLessThan(120);
  });

  it('joins free-text tokens back with single spaces', () => {
    const result = tokenize('going   on "long leave"');
    expect(result.ok && joinTokens(result.value)).toBe('going on long leave');
  });

  // Guards against super-linear blow-up (regex backtracking, quadratic loops), which takes
  // minutes; the generous timeout keeps a busy 2-core machine from failing a healthy run.
  it('stays fast on pathological input', { timeout: 30_000 }, () => {
    tokenize('<'.repeat(200_000));
    tokenize(`${'<a '.repeat(50_000)}>`);
  });
});
