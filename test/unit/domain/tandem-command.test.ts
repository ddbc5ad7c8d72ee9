import { describe, expect, it } from 'vitest';
import {
  parseTandemCommand,
  SETTING_KEYS,
  TANDEM_USAGE,
  type TandemUsageKey,
} from '../../../src/domain/tandem-command.js';

const value = (text: string) => {
  const result = parseTandemCommand(text);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(text)} to parse: ${result.error.message}`);
  return result.value;
};

const error = (text: string) => {
  const result = parseTandemCommand(text);
  if (result.ok)
    throw new Error(`expected ${JSON.stringify(text)} to fail, got ${JSON.stringify(result.value)}`);
  return result.error;
};

describe('help, setup, settings', () => {
  it.each([
    ['', { type: 'help' }],
    ['help', { type: 'help' }],
    ['Help me', { type: 'help' }],
    ['?', { type: 'help' }],
    ['setup', { type: 'setup' }],
    ['SETUP', { type: 'setup' }],
    ['settings', { type: 'settings' }],
    ['config', { type: 'settings' }],
  ])('%j → %j', (text, expected) => {
    expect(value(text)).toEqual(expected);
  });

  it('sends "settings <something>" to set instead of silently showing settings', () => {
    const e = error('settings timezone Europe/London');
    expect(e.message).toContain('/tandem set timezone Europe/London');
    expect(e.usage).toBe(TANDEM_USAGE.set.usage);
  });
});

describe('who-owns', () => {
  it.each([
    ['who-owns 12', { by: 'number', number: 12 }],
    ['who-owns #12', { by: 'number', number: 12 }],
    ['whoowns 12', { by: 'number', number: 12 }],
    ['who owns 12', { by: 'number', number: 12 }],
    ['Who Owns #12?', { by: 'number', number: 12 }],
    ['who owns? 12', { by: 'number', number: 12 }],
    ['owner 7', { by: 'number', number: 7 }],
    ['who-owns Q4 launch', { by: 'title', words: 'Q4 launch' }],
    ['who-owns "Q4 launch"', { by: 'title', words: 'Q4 launch' }],
    ['who owns the Q4 launch?', { by: 'title', words: 'the Q4 launch' }],
    ['whoowns Q&amp;A day', { by: 'title', words: 'Q&A day' }],
    ['who-owns 12 launch', { by: 'title', words: '12 launch' }],
  ])('%j → %j', (text, query) => {
    expect(value(text)).toEqual({ type: 'who-owns', query });
  });

  it.each([
    ['who-owns', 'Who owns what?'],
    ['who owns', 'Who owns what?'],
    ['who owns ?', 'Who owns what?'],
    ['who-owns 0', 'no initiative 0'],
    ['who-owns 99999999999', 'far too large'],
  ])('%j fails: %s', (text, message) => {
    const e = error(text);
    expect(e.message).toContain(message);
    expect(e.usage).toBe(TANDEM_USAGE['who-owns'].usage);
  });
});

describe('set', () => {
  it.each([
    ['set pr-leads <@U1>', { key: 'pr-leads', userIds: ['U1'] }],
    ['set pr-leads <@U1|ann> <@U2|bo>', { key: 'pr-leads', userIds: ['U1', 'U2'] }],
    ['set pr-leads <@U1>, <@U2> and <@U3>', { key: 'pr-leads', userIds: ['U1', 'U2', 'U3'] }],
    ['set pr-leads <@U1>,<@U2>', { key: 'pr-leads', userIds: ['U1', 'U2'] }],
    ['set pr-leads <@U1> &amp; <@U2>', { key: 'pr-leads', userIds: ['U1', 'U2'] }],
    ['set pr-leads <@U1> <@U1>', { key: 'pr-leads', userIds: ['U1'] }],
    ['set PR_Leads <@U1>', { key: 'pr-leads', userIds: ['U1'] }],
    ['set pr-lead <@U1>', { key: 'pr-leads', userIds: ['U1'] }],
    ['set pr-leads none', { key: 'pr-leads', userIds: [] }],
    ['set social-leads <@W9>', { key: 'social-leads', userIds: ['W9'] }],
    ['set social-leads NONE', { key: 'social-leads', userIds: [] }],
    ['set digest-channel <#C123ABC|pr-social>', { key: 'digest-channel', channelId: 'C123ABC' }],
    ['set digest-channel <#C123|>', { key: 'digest-channel', channelId: 'C123' }],
    ['set digest-channel <#G123>', { key: 'digest-channel', channelId: 'G123' }],
    ['set digest-time 09:00', { key: 'digest-time', time: '09:00' }],
    ['set digest-time 9am', { key: 'digest-time', time: '09:00' }],
    ['set digest-time 5:30 pm', { key: 'digest-time', time: '17:30' }],
    ['set digest_time 17:30', { key: 'digest-time', time: '17:30' }],
    ['set timezone Europe/London', { key: 'timezone', timezone: 'Europe/London' }],
    ['set timezone europe/london', { key: 'timezone', timezone: 'Europe/London' }],
    ['set tz America/New_York', { key: 'timezone', timezone: 'America/New_York' }],
    ['set timezone UTC', { key: 'timezone', timezone: 'UTC' }],
  ])('%j → %j', (text, setting) => {
    expect(value(text)).toEqual({ type: 'set', setting });
  });

  it.each([
    ['set', 'set', 'Set what?'],
    ['set colour blue', 'set', 'I don\'t know the setting "colour"'],
    ['set pr-leeds <@U1>', 'set pr-leads', 'Did you mean pr-leads?'],
    ['set digest-chanel <#C1>', 'set digest-channel', 'Did you mean digest-channel?'],
    ['set pr-leads', 'set pr-leads', 'Who are the pr-leads?'],
    ['set pr-leads , and', 'set pr-leads', 'Who are the pr-leads?'],
    ['set pr-leads @ann', 'set pr-leads', '"@ann" reached me as plain text'],
    ['set pr-leads <@U1> @ann', 'set pr-leads', '"@ann" reached me as plain text'],
    ['set pr-leads <!subteam^S1|@pr-team>', 'set pr-leads', '@pr-team is a user group'],
    ['set social-leads bob', 'set social-leads', '"bob" isn\'t a person'],
    ['set pr-leads none <@U1>', 'set pr-leads', '"none" isn\'t a person'],
    ['set digest-channel', 'set digest-channel', 'Which channel?'],
    ['set digest-channel #general', 'set digest-channel', '"#general" reached me as plain text'],
    ['set digest-channel <@U1>', 'set digest-channel', "isn't a channel"],
    ['set digest-channel <#C1> <#C2>', 'set digest-channel', "I didn't expect"],
    ['set digest-time', 'set digest-time', 'What time?'],
    ['set digest-time 25:00', 'set digest-time', 'the hour goes from 00 to 23'],
    ['set digest-time soon', 'set digest-time', 'is not a time I can read'],
    ['set timezone', 'set timezone', 'Which timezone?'],
    ['set timezone xyz', 'set timezone', 'I don\'t know the timezone "xyz".'],
  ])('%j fails with %s usage: %s', (text, key, message) => {
    const e = error(text);
    expect(e.message).toContain(message);
    expect(e.usage).toBe(TANDEM_USAGE[key as TandemUsageKey].usage);
  });

  it.each([
    [
      'set timezone london',
      'Europe/London',
      'I don\'t know the timezone "london". Did you mean Europe/London?',
    ],
    ['set timezone Europe/Londn', 'Europe/London', 'Did you mean Europe/London?'],
    ['set timezone EST', 'America/New_York', '"EST" is an abbreviation'],
    ['set timezone new york', 'America/New_York', 'Did you mean America/New_York?'],
  ])('%j suggests %s', (text, suggestion, message) => {
    const e = error(text);
    expect(e.message).toContain(message);
    expect(e.example).toBe(`/tandem set timezone ${suggestion}`);
  });
});

describe('unknown subcommands and broken input', () => {
  it.each([
    ['stup', 'setup'],
    ['settigns', 'settings'],
    ['hepl', 'help'],
    ['whoowsn 12', 'whoowns'],
  ])('%j suggests %s', (text, suggestion) => {
    expect(error(text).message).toContain(
      `Did you mean ${suggestion === 'whoowns' ? 'who-owns' : suggestion}?`,
    );
  });

  it('names the unknown word and lists the subcommands', () => {
    const e = error('frobnicate');
    expect(e.message).toContain('"/tandem frobnicate"');
    expect(e.message).toContain('help, setup, settings, who-owns, set');
  });

  it.each([
    ['set timezone "Europe/London', TANDEM_USAGE.set.usage],
    ['who-owns "Q4', TANDEM_USAGE['who-owns'].usage],
    ['"oops', '/tandem help | setup | settings | who-owns | set'],
  ])('a broken quote in %j gets the right usage', (text, usage) => {
    const e = error(text);
    expect(e.message).toContain('never closed');
    expect(e.usage).toBe(usage);
  });
});

describe('words that are also Object.prototype properties', () => {
  it.each([['__proto__'], ['constructor'], ['toString']])('%s is just an unknown word', (word) => {
    expect(error(word).message).toContain(`"/tandem ${word}"`);
    expect(error(`set ${word} x`).message).toContain(`I don't know the setting "${word}"`);
    expect(error(`set timezone ${word}`).message).toContain(`I don't know the timezone "${word}"`);
  });
});

describe('TANDEM_USAGE', () => {
  it('covers every setting', () => {
    for (const key of SETTING_KEYS) expect(TANDEM_USAGE[`set ${key}`].usage).toContain(`/tandem set ${key}`);
  });

  it.each(Object.entries(TANDEM_USAGE))('the %s example parses', (_key, help) => {
    const example = help.example
      .replace('/tandem ', '')
      .replace(/@(\w+)/, '<@U0EXAMPLE|$1>')
      .replace(/#([\w-]+)/, '<#C0EXAMPLE|$1>');
    expect(parseTandemCommand(example).ok).toBe(true);
  });
});
