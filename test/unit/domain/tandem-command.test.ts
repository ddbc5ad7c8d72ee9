import { describe, expect, it } from 'vitest';
import {
  parseTandemCommand,
  SETTING_KEYS,
  SETTING_KEYS_BRIEF,
  TANDEM_USAGE,
  type TandemUsageKey,
} from '../../../src/domain/setup/tandem-command.js';
import { TASK_REACTIONS } from '../../../src/domain/tasks/reactions.js';
import { parsedBy } from './parsed.js';

const { value, error } = parsedBy(parseTandemCommand);

describe('help, setup, settings', () => {
  it.each([
    ['', { type: 'help' }],
    ['help', { type: 'help' }],
    ['Help me', { type: 'help' }],
    ['?', { type: 'help' }],
    ['help all', { type: 'help', topic: 'all' }],
    ['HELP everything', { type: 'help', topic: 'all' }],
    ['setup', { type: 'setup' }],
    ['SETUP', { type: 'setup' }],
    ['settings', { type: 'settings' }],
    ['config', { type: 'settings' }],
    ['status', { type: 'status' }],
    ['STATUS', { type: 'status' }],
  ])('%j → %j', (text, expected) => {
    expect(value(text)).toEqual(expected);
  });

  it('refuses words after status rather than ignore a filter it does not have', () => {
    const e = error('status digest');
    expect(e.message).toContain('takes nothing after it (got "digest")');
    expect(e.usage).toBe(TANDEM_USAGE.status.usage);
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

describe('set workload', () => {
  it.each([
    ['set workload 5', 5],
    ['set workload 0', 0],
    ['set workload 100', 100],
    ['set workload 007', 7],
    ['set workload +8', 8],
    ['set workload off', 0],
    ['set workload OFF', 0],
    ['set workload none', 0],
    ['set workload never', 0],
    ['set workload 8 tasks', 8],
    ['set workload 1 task', 1],
    ['set workload 8 open tasks', 8],
    ['set workload-threshold 6', 6],
    ['set workload_threshold 6', 6],
    ['set WorkloadThreshold 6', 6],
    ['set workload-warning 6', 6],
    ['set workload "6"', 6],
  ])('%j → %d', (text, threshold) => {
    expect(value(text)).toEqual({ type: 'set', setting: { key: 'workload', threshold } });
  });

  it.each([
    ['set workload', 'How many open tasks before Tandem warns?'],
    ['set workload 101', '101 is more than 100'],
    ['set workload 99999999999999999999999999', 'is more than 100'],
    ['set workload -1', "can't be negative"],
    ['set workload -0.5', "can't be negative"],
    ['set workload 2.5', '"2.5" has a fraction'],
    ['set workload 2,5', '"2,5" has a fraction'],
    ['set workload .5', '".5" has a fraction'],
    ['set workload lots', '"lots" isn\'t a number'],
    ['set workload five', '"five" isn\'t a number'],
    ['set workload 1e3', '"1e3" isn\'t a number'],
    ['set workload 0x10', '"0x10" isn\'t a number'],
    ['set workload 5 per person', 'I didn\'t expect "per person" after the number'],
    ['set workload 5 6', 'I didn\'t expect "6" after the number'],
    ['set workload-threshhold 5', 'Did you mean workload?'],
  ])('%j fails: %s', (text, message) => {
    const e = error(text);
    expect(e.message).toContain(message);
    expect(e.usage).toBe(TANDEM_USAGE['set workload'].usage);
    expect(e.example).toBe(TANDEM_USAGE['set workload'].example);
  });

  it('says what the range is and that 0 turns the warning off', () => {
    expect(error('set workload 200').message).toContain('from 0 to 100 (0 turns the warning off)');
  });
});

describe('set <reaction>-emoji', () => {
  it.each([
    ['set claim-emoji :hand:', 'claim', 'hand'],
    ['set claim-emoji hand', 'claim', 'hand'],
    ['set claim-emoji :Hand:', 'claim', 'hand'],
    ['set claim-emoji :raised_hand::skin-tone-3:', 'claim', 'raised_hand'],
    ['set claim-emoji "hand"', 'claim', 'hand'],
    ['set claim_emoji :+1:', 'claim', '+1'],
    ['set ClaimEmoji :hand:', 'claim', 'hand'],
    ['set claim :hand:', 'claim', 'hand'],
    ['set claim-reaction :hand:', 'claim', 'hand'],
    ['set done-emoji :heavy_check_mark:', 'done', 'heavy_check_mark'],
    ['set done :ok:', 'done', 'ok'],
    ['set handoff-emoji :arrows_counterclockwise:', 'handoff', 'arrows_counterclockwise'],
    ['set handover-emoji :handshake:', 'handoff', 'handshake'],
    ['set block-emoji :no_entry:', 'block', 'no_entry'],
    ['set blocked-emoji :no_entry:', 'block', 'no_entry'],
    ['set blocked :no-entry-sign:', 'block', 'no-entry-sign'],
    ['set snooze-emoji :sleeping:', 'snooze', 'sleeping'],
    ['set snooze :zzz:', 'snooze', 'zzz'],
    // Clashes are the service's to refuse; the parser takes any well-formed name.
    ['set claim-emoji :white_check_mark:', 'claim', 'white_check_mark'],
    ['set done-emoji :chart_with_upwards_trend:', 'done', 'chart_with_upwards_trend'],
  ])('%j → %s :%s:', (text, reaction, emoji) => {
    expect(value(text)).toEqual({ type: 'set', setting: { key: 'emoji', reaction, emoji } });
  });

  it.each([
    ['set claim-emoji', 'claim-emoji', 'Which emoji?'],
    ['set done-emoji ::', 'done-emoji', 'Which emoji?'],
    ['set handoff-emoji :a: :b:', 'handoff-emoji', 'more than one emoji'],
    ['set block-emoji :a::b:', 'block-emoji', 'more than one emoji'],
    ['set snooze-emoji sleepy face', 'snooze-emoji', 'Emoji names have no spaces'],
    ['set claim-emoji 🙋', 'claim-emoji', 'not the picture itself'],
    ['set claim-emoji <@U1>', 'claim-emoji', "can't be an emoji name"],
    ['set done-emoji :hand!:', 'done-emoji', "can't be an emoji name"],
    [`set done-emoji :${'a'.repeat(101)}:`, 'done-emoji', 'Slack emoji names are at most 100'],
    ['set clam-emoji :hand:', 'claim-emoji', 'Did you mean claim-emoji?'],
    ['set snoze :zzz:', 'snooze-emoji', 'Did you mean snooze-emoji?'],
  ])('%j fails with the %s usage: %s', (text, key, message) => {
    const e = error(text);
    expect(e.message).toContain(message);
    expect(e.usage).toBe(TANDEM_USAGE[`set ${key}` as TandemUsageKey].usage);
    expect(e.example).toBe(TANDEM_USAGE[`set ${key}` as TandemUsageKey].example);
  });

  it.each([['set emoji :hand:'], ['set emojis'], ['set reaction :hand:'], ['set Reaction-Emoji :hand:']])(
    '%j asks which reaction',
    (text) => {
      const e = error(text);
      expect(e.message).toContain(
        "Which reaction's emoji? Use one of: claim-emoji, done-emoji, handoff-emoji, block-emoji, snooze-emoji.",
      );
      expect(e.usage).toBe(
        '/tandem set <reaction>-emoji <emoji>  (<reaction>: claim, done, handoff, block, snooze)',
      );
      expect(parseTandemCommand(e.example.replace('/tandem ', '')).ok).toBe(true);
    },
  );

  it('hints at the reaction being set, not the default example', () => {
    for (const reaction of TASK_REACTIONS) {
      const e = error(`set ${reaction}-emoji`);
      expect(e.usage).toBe(`/tandem set ${reaction}-emoji <emoji>  (:name: or name)`);
      expect(e.example.startsWith(`/tandem set ${reaction}-emoji :`)).toBe(true);
    }
  });
});

describe('set my-discipline', () => {
  it.each([
    ['set my-discipline pr', 'pr'],
    ['set my-discipline PR', 'pr'],
    ['set my-discipline social', 'social'],
    ['set my-discipline Social', 'social'],
    ['set my-discipline marketing', 'marketing'],
    ['set my-discipline MARKETING', 'marketing'],
    ['set my-discipline mktg', 'marketing'],
    ['set my-discipline Mktg', 'marketing'],
    ['set my-discipline none', null],
    ['set my-discipline None', null],
    ['set my-discipline clear', null],
    ['set my-discipline social media', 'social'],
    ['set my-discipline public relations', 'pr'],
    ['set my-discipline "pr"', 'pr'],
    ['set discipline pr', 'pr'],
    ['set Discipline social', 'social'],
    ['set my-team marketing', 'marketing'],
    ['set my_team pr', 'pr'],
    ['set MyDiscipline social', 'social'],
  ])('%j → %j', (text, discipline) => {
    expect(value(text)).toEqual({ type: 'set', setting: { key: 'my-discipline', discipline } });
  });

  it.each([
    ['set my-discipline', 'Which discipline are you in? Choose pr, social, marketing or none.'],
    [
      'set my-discipline design',
      'I don\'t know the discipline "design". Choose pr, social, marketing or none.',
    ],
    ['set my-discipline socail', 'Did you mean social?'],
    ['set my-discipline marketting', 'Did you mean marketing?'],
    ['set my-discipline nnoe', 'Did you mean none?'],
    ['set my-discipline joint', 'joint only describes initiatives'],
    ['set my-discipline pr social', 'I don\'t know the discipline "pr social"'],
    ['set my-discipline <@U1> pr', 'sets your own discipline'],
    ['set my-discipline pr @ann', 'sets your own discipline'],
    ['set my-discipline constructor', 'I don\'t know the discipline "constructor"'],
    ['set my-disipline pr', 'Did you mean my-discipline?'],
  ])('%j fails: %s', (text, message) => {
    const e = error(text);
    expect(e.message).toContain(message);
    expect(e.usage).toBe(TANDEM_USAGE['set my-discipline'].usage);
    expect(e.example).toBe(TANDEM_USAGE['set my-discipline'].example);
  });

  it('lists every choice when the word is unknown', () => {
    expect(error('set my-discipline legal').message).toContain('pr, social, marketing or none');
  });
});

describe('the set usage line', () => {
  it('shows the emoji keys once, with the reactions they stand for', () => {
    expect(SETTING_KEYS_BRIEF).toEqual([
      'pr-leads',
      'social-leads',
      'digest-channel',
      'digest-time',
      'timezone',
      'workload',
      'quiet-hours',
      'nudge-windows',
      'draft-approvers',
      'draft-approval',
      'brand-hashtags',
      'brand-link',
      'voice',
      'banned-words',
      'admins',
      '<reaction>-emoji',
      'my-discipline',
    ]);
    expect(TANDEM_USAGE.set.usage).toBe(
      '/tandem set pr-leads | social-leads | digest-channel | digest-time | timezone | workload | quiet-hours | nudge-windows | draft-approvers | draft-approval | brand-hashtags | brand-link | voice | banned-words | admins | <reaction>-emoji | my-discipline <value>  (<reaction>: claim, done, handoff, block, snooze)',
    );
  });

  it('SETTING_KEYS spells out every emoji key', () => {
    for (const reaction of TASK_REACTIONS) expect(SETTING_KEYS).toContain(`${reaction}-emoji`);
    expect(SETTING_KEYS).not.toContain('emoji');
  });

  it.each([
    [
      'set',
      'Set what? One of: pr-leads, social-leads, digest-channel, digest-time, timezone, workload, quiet-hours, nudge-windows, draft-approvers, draft-approval, brand-hashtags, brand-link, voice, banned-words, admins, <reaction>-emoji, my-discipline.',
    ],
    [
      'set colour blue',
      'Settings: pr-leads, social-leads, digest-channel, digest-time, timezone, workload, quiet-hours, nudge-windows, draft-approvers, draft-approval, brand-hashtags, brand-link, voice, banned-words, admins, <reaction>-emoji, my-discipline.',
    ],
  ])('%j lists the settings briefly', (text, message) => {
    const e = error(text);
    expect(e.message).toContain(message);
    expect(e.usage).toBe(TANDEM_USAGE.set.usage);
  });
});

describe('unknown subcommands and broken input', () => {
  it('offers export, which its own module answers, to someone who mistyped it', () => {
    const parsed = parseTandemCommand('exprot');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.message).toContain('Did you mean export?');
    expect(parsed.error.usage).toBe('/tandem export');
  });

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
    ['"oops', '/tandem help | setup | settings | who-owns | set | status | export'],
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

  it('has an entry for every setting and nothing else', () => {
    const setEntries = Object.keys(TANDEM_USAGE).filter((key) => key.startsWith('set '));
    expect(setEntries.sort()).toEqual(SETTING_KEYS.map((key) => `set ${key}`).sort());
  });

  it.each(Object.entries(TANDEM_USAGE))('%s has a summary', (_key, help) => {
    expect(help.summary.trim()).not.toBe('');
  });

  it.each(Object.entries(TANDEM_USAGE))('the %s example parses', (_key, help) => {
    const example = help.example
      .replace('/tandem ', '')
      .replace(/@(\w+)/, '<@U0EXAMPLE|$1>')
      .replace(/#([\w-]+)/, '<#C0EXAMPLE|$1>');
    expect(parseTandemCommand(example).ok).toBe(true);
  });
});

describe('quiet hours and nudge windows', () => {
  it.each([
    ['set quiet-hours 20:00-08:00', { key: 'quiet-hours', start: '20:00', end: '08:00' }],
    ['set quiet 9pm to 7am', { key: 'quiet-hours', start: '21:00', end: '07:00' }],
    ['set quiet-hours off', { key: 'quiet-hours', start: '00:00', end: '00:00' }],
    ['set nudge-windows 3, 1, 0, -1', { key: 'nudge-windows', days: [3, 1, 0, -1] }],
    ['set nudges 0 7 2 7', { key: 'nudge-windows', days: [7, 2, 0] }],
    ['set draft-approvers social', { key: 'draft-approvers', approvers: 'social' }],
    [
      'set brand-hashtags #acme <#C0ACME|acmenews>',
      { key: 'brand-hashtags', hashtags: ['acme', 'acmenews'] },
    ],
    ['set brand-link none', { key: 'brand-link', link: null }],
    ['set voice “plain, warm”', { key: 'voice', voice: 'plain, warm' }],
    ['set banned-words synergy, "disrupt"', { key: 'banned-words', words: ['synergy', 'disrupt'] }],
    ['set approvers PR leads', { key: 'draft-approvers', approvers: 'pr' }],
    ['set draft-approvers both', { key: 'draft-approvers', approvers: 'both' }],
    ['set admins <@U1> and <@U2>', { key: 'admins', userIds: ['U1', 'U2'] }],
    ['set tandem-admins none', { key: 'admins', userIds: [] }],
  ])('%s', (text, setting) => {
    expect(parseTandemCommand(text)).toEqual({ ok: true, value: { type: 'set', setting } });
  });

  it.each([
    ['set quiet-hours 20:00', 'start and an end'],
    ['set quiet-hours 25:00-08:00', '25:00'],
    ['set nudge-windows', 'Which days'],
    ['set draft-approvers', 'pr, social or both'],
    ['set draft-approvers everyone', '"everyone" is not one of'],
    ['set nudge-windows 3 soon', 'soon'],
    ['set nudge-windows 90', 'out of range'],
    ['set nudge-windows 7 6 5 4 3 2 1', 'At most 6'],
  ])('%s is refused with an example', (text, fragment) => {
    const parsed = parseTandemCommand(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.message).toContain(fragment);
      expect(parsed.error.example).toMatch(/^\/tandem set (quiet-hours|nudge-windows|draft-approvers)/);
    }
  });
});
