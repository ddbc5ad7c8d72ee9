import { describe, expect, it } from 'vitest';
import {
  INITIATIVE_SUBCOMMANDS,
  INITIATIVE_USAGE,
  MAX_TITLE_LENGTH,
  parseInitiativeCommand,
} from '../../../src/domain/initiatives/initiative-command.js';
import { parsedBy } from './parsed.js';

const { value, error } = parsedBy(parseInitiativeCommand);

describe('help', () => {
  it.each([
    ['', { type: 'help' }],
    ['   ', { type: 'help' }],
    ['help', { type: 'help' }],
    ['HELP', { type: 'help' }],
    ['?', { type: 'help' }],
    ['help add', { type: 'help', topic: 'add' }],
    ['help handoff', { type: 'help', topic: 'handoff' }],
    ['help new', { type: 'help', topic: 'add' }],
    ['help whatever', { type: 'help' }],
  ])('%j → %j', (text, expected) => {
    expect(value(text)).toEqual(expected);
  });
});

describe('add', () => {
  it.each([
    ['add "Q4 launch"', { type: 'add', title: 'Q4 launch' }],
    ['add “Q4 launch”', { type: 'add', title: 'Q4 launch' }],
    ['add ‘Q4 launch’ crisis', { type: 'add', title: 'Q4 launch', kind: 'crisis' }],
    ['ADD "Q4 launch" PR', { type: 'add', title: 'Q4 launch', kind: 'press_release' }],
    [
      'add "Q4 launch" press_release <@U123ABC|ann> due next friday <#C123ABC|launches>',
      {
        type: 'add',
        title: 'Q4 launch',
        kind: 'press_release',
        ownerId: 'U123ABC',
        due: 'next friday',
        channelId: 'C123ABC',
      },
    ],
    [
      'add "Q4 launch" <#C1|> due dec 1 <@U1> influencer',
      { type: 'add', title: 'Q4 launch', kind: 'influencer', ownerId: 'U1', due: 'dec 1', channelId: 'C1' },
    ],
    [
      'add "Q4 launch" due in 2 weeks campaign',
      { type: 'add', title: 'Q4 launch', kind: 'campaign', due: 'in 2 weeks' },
    ],
    ['add "Q4 launch" due 2026-12-01', { type: 'add', title: 'Q4 launch', due: '2026-12-01' }],
    ['add "Q4 launch" <@U1> <@U1|ann>', { type: 'add', title: 'Q4 launch', ownerId: 'U1' }],
    ['add "Q4 launch" pr press-release', { type: 'add', title: 'Q4 launch', kind: 'press_release' }],
    // Unquoted titles run up to the first option.
    ['add Q4 launch campaign <@U1>', { type: 'add', title: 'Q4 launch', kind: 'campaign', ownerId: 'U1' }],
    ['add Q4 launch due friday', { type: 'add', title: 'Q4 launch', due: 'friday' }],
    ['add Q4 launch', { type: 'add', title: 'Q4 launch' }],
    ['add Q4 launch <#C1|x>', { type: 'add', title: 'Q4 launch', channelId: 'C1' }],
    ['add The "Big" launch', { type: 'add', title: 'The "Big" launch' }],
    ['new "Q4 launch"', { type: 'add', title: 'Q4 launch' }],
    ['create "Q4 launch"', { type: 'add', title: 'Q4 launch' }],
    // Titles are plain text: entities decoded, references readable, control characters gone.
    ['add "Q&amp;A &lt;live&gt;"', { type: 'add', title: 'Q&A <live>' }],
    ['add "Launch with <@U1|ann>"', { type: 'add', title: 'Launch with @ann' }],
    ['add "Q4\u0000 \t launch\u0007"', { type: 'add', title: 'Q4 launch' }],
    ['add "🚀 Launch 🎉" trend', { type: 'add', title: '🚀 Launch 🎉', kind: 'trend_response' }],
    ['add "it\'s here" other', { type: 'add', title: "it's here", kind: 'other' }],
    [`add "${'x'.repeat(MAX_TITLE_LENGTH)}"`, { type: 'add', title: 'x'.repeat(MAX_TITLE_LENGTH) }],
    [`add "${'🎉'.repeat(MAX_TITLE_LENGTH)}"`, { type: 'add', title: '🎉'.repeat(MAX_TITLE_LENGTH) }],
  ])('%j', (text, expected) => {
    expect(value(text)).toEqual(expected);
  });

  it.each([
    ['add', 'What is it called?'],
    ['add ""', 'What is it called?'],
    ['add "   "', 'What is it called?'],
    ['add <@U1>', 'The title has to come first'],
    ['add due friday', 'The title has to come first'],
    ['add "Q4 launch', 'never closed'],
    [`add "${'x'.repeat(MAX_TITLE_LENGTH + 1)}"`, `151 characters; keep it to ${MAX_TITLE_LENGTH}`],
    ['add "X" <@U1> <@U2>', 'two owners'],
    ['add "X" pr crisis', 'two kinds (press_release and crisis)'],
    ['add "X" <#C1> <#C2>', 'two channels'],
    ['add "X" due friday due monday', 'two due dates'],
    ['add "X" due', '"due" needs a date'],
    ['add "X" due <@U1>', '"due" needs a date'],
    ['add "X" due pr', '"due" needs a date'],
    ['add "X" presser', 'I don\'t know "presser"'],
    ['add "X" crisiss', 'Did you mean the kind crisis?'],
    ['add "X" "more"', 'I don\'t know "more"'],
    ['add "X" by friday', 'write due'],
    ['add Holiday other thing', 'put the whole title in quotes'],
    ['add "X" @ann', '"@ann" reached me as plain text'],
    ['add "X" #launches', '"#launches" reached me as plain text'],
    ['add "X" <!subteam^S1|@pr-team>', '@pr-team is a user group'],
  ])('%j fails: %s', (text, message) => {
    const e = error(text);
    expect(e.message).toContain(message);
    expect(e.usage).toBe(INITIATIVE_USAGE.add.usage);
    expect(e.example).toBe(INITIATIVE_USAGE.add.example);
  });

  it('lists every kind when a word is unknown', () => {
    expect(error('add "X" presser').message).toContain(
      'press_release, influencer, campaign, trend_response, crisis, advocacy, other',
    );
  });

  it('does not suggest quoting when the title already was quoted', () => {
    expect(error('add "X" thing').message).not.toContain('quotes');
  });
});

describe('add --with-checklist', () => {
  it.each([
    ['add "Q4 launch" --with-checklist', { type: 'add', title: 'Q4 launch', withChecklist: true }],
    ['add "Q4 launch" with-checklist', { type: 'add', title: 'Q4 launch', withChecklist: true }],
    ['add "Q4 launch" --checklist', { type: 'add', title: 'Q4 launch', withChecklist: true }],
    ['add "Q4 launch" —with-checklist', { type: 'add', title: 'Q4 launch', withChecklist: true }],
    ['add "Q4 launch" –with-checklist', { type: 'add', title: 'Q4 launch', withChecklist: true }],
    ['add "Q4 launch" —checklist', { type: 'add', title: 'Q4 launch', withChecklist: true }],
    ['add "Q4 launch" --With-Checklist', { type: 'add', title: 'Q4 launch', withChecklist: true }],
    ['add "Q4 launch" --with_checklist', { type: 'add', title: 'Q4 launch', withChecklist: true }],
    ['add "Q4 launch" --withchecklist', { type: 'add', title: 'Q4 launch', withChecklist: true }],
    [
      'add "Q4 launch" --with-checklist --with-checklist',
      { type: 'add', title: 'Q4 launch', withChecklist: true },
    ],
    // Anywhere after the title, among the other options.
    [
      'add "Q4 launch" --with-checklist press_release <@U1> due dec 1 <#C1|x>',
      {
        type: 'add',
        title: 'Q4 launch',
        kind: 'press_release',
        ownerId: 'U1',
        due: 'dec 1',
        channelId: 'C1',
        withChecklist: true,
      },
    ],
    [
      'add "Q4 launch" pr —with-checklist <@U1>',
      { type: 'add', title: 'Q4 launch', kind: 'press_release', ownerId: 'U1', withChecklist: true },
    ],
    // The flag ends a due date, like any option.
    [
      'add "Q4 launch" due next friday --with-checklist',
      { type: 'add', title: 'Q4 launch', due: 'next friday', withChecklist: true },
    ],
    // The flag ends an unquoted title, like any option.
    ['add Q4 launch --with-checklist', { type: 'add', title: 'Q4 launch', withChecklist: true }],
    ['add Q4 launch —with-checklist', { type: 'add', title: 'Q4 launch', withChecklist: true }],
    ['add Q4 launch with-checklist', { type: 'add', title: 'Q4 launch', withChecklist: true }],
    [
      'add Q4 launch --checklist crisis',
      { type: 'add', title: 'Q4 launch', kind: 'crisis', withChecklist: true },
    ],
    // Quoted, or the bare word, it is part of the title.
    ['add "Q4 launch --with-checklist"', { type: 'add', title: 'Q4 launch --with-checklist' }],
    ['add Launch checklist review', { type: 'add', title: 'Launch checklist review' }],
    ['add "Q4 launch"', { type: 'add', title: 'Q4 launch' }],
  ])('%j', (text, expected) => {
    expect(value(text)).toEqual(expected);
  });

  it.each([
    ['add --with-checklist', 'The title has to come first'],
    ['add —with-checklist "Q4 launch"', 'The title has to come first'],
    [
      'add "X" --with-checklists',
      'I don\'t know the flag "--with-checklists"; the only flag is --with-checklist',
    ],
    ['add "X" --owner <@U1>', 'I don\'t know the flag "--owner"'],
    ['add "X" —due friday', 'I don\'t know the flag "—due"'],
    ['add "X" checklist', 'I don\'t know "checklist"'],
    ['add "X" "--with-checklist"', 'I don\'t know "--with-checklist"'],
    ['add Launch with-checklist review', 'put the whole title in quotes'],
  ])('%j fails: %s', (text, message) => {
    const e = error(text);
    expect(e.message).toContain(message);
    expect(e.usage).toBe(INITIATIVE_USAGE.add.usage);
    expect(e.example).toBe(INITIATIVE_USAGE.add.example);
  });

  it('names the flag when a word is unknown', () => {
    expect(error('add "X" presser').message).toContain('a #channel or --with-checklist');
  });

  it('the usage and example show the flag', () => {
    expect(INITIATIVE_USAGE.add.usage).toContain('[--with-checklist]');
    expect(value(INITIATIVE_USAGE.add.example.replace('/initiative ', ''))).toMatchObject({
      withChecklist: true,
    });
  });
});

describe('list', () => {
  it.each([
    ['list', { by: 'open' }],
    ['list open', { by: 'open' }],
    ['list mine', { by: 'mine' }],
    ['LIST Mine', { by: 'mine' }],
    ['ls me', { by: 'mine' }],
    ['list <@U123ABC>', { by: 'user', userId: 'U123ABC' }],
    ['list <@U123ABC|ann>', { by: 'user', userId: 'U123ABC' }],
    ['list press_release', { by: 'kind', kind: 'press_release' }],
    ['list trends', { by: 'kind', kind: 'trend_response' }],
    ['list overdue', { by: 'overdue' }],
    ['list all', { by: 'all' }],
  ])('%j → %j', (text, filter) => {
    expect(value(text)).toEqual({ type: 'list', filter });
  });

  it.each([
    ['list foo', 'I can\'t filter by "foo"'],
    ['list crisiss', 'Did you mean crisis?'],
    ['list mine overdue', 'list takes one filter'],
    ['list @ann', 'plain text, not a mention'],
    ['list <!subteam^S1|@pr>', 'is a user group'],
    ['list "mine"', 'I can\'t filter by "mine"'],
  ])('%j fails: %s', (text, message) => {
    const e = error(text);
    expect(e.message).toContain(message);
    expect(e.usage).toBe(INITIATIVE_USAGE.list.usage);
  });
});

describe('show, assign, handoff, status, due', () => {
  it.each([
    ['show 12', { type: 'show', number: 12 }],
    ['show #12', { type: 'show', number: 12 }],
    ['view 3', { type: 'show', number: 3 }],
    ['12', { type: 'show', number: 12 }],
    ['#12', { type: 'show', number: 12 }],
    ['assign 12 <@U1>', { type: 'assign', number: 12, userId: 'U1' }],
    ['assign #12 <@W99|zoë>', { type: 'assign', number: 12, userId: 'W99' }],
    ['handoff 12 <@U1>', { type: 'handoff', number: 12, userId: 'U1' }],
    [
      'handoff 12 <@U1> out next week',
      { type: 'handoff', number: 12, userId: 'U1', reason: 'out next week' },
    ],
    [
      'handover 12 <@U1> "Q&amp;A" with <@U2|sam>',
      { type: 'handoff', number: 12, userId: 'U1', reason: 'Q&A with @sam' },
    ],
    ['status 12 planned', { type: 'status', number: 12, status: 'planned' }],
    ['status 12 active', { type: 'status', number: 12, status: 'active' }],
    ['status 12 done', { type: 'status', number: 12, status: 'done' }],
    ['status 12 cancelled', { type: 'status', number: 12, status: 'cancelled' }],
    ['status 12 canceled', { type: 'status', number: 12, status: 'cancelled' }],
    ['status 12 In-Progress', { type: 'status', number: 12, status: 'active' }],
    ['status 12 completed', { type: 'status', number: 12, status: 'done' }],
    ['due 12 next friday', { type: 'due', number: 12, due: 'next friday' }],
    ['due 12 2026-12-01', { type: 'due', number: 12, due: '2026-12-01' }],
    ['due #12 in   2 weeks', { type: 'due', number: 12, due: 'in 2 weeks' }],
    ['due 12 none', { type: 'due', number: 12, due: null }],
    ['due 12 None', { type: 'due', number: 12, due: null }],
    ['due 12 clear', { type: 'due', number: 12, due: null }],
    ['deadline 12 friday', { type: 'due', number: 12, due: 'friday' }],
  ])('%j → %j', (text, expected) => {
    expect(value(text)).toEqual(expected);
  });

  it.each([
    ['show', 'show', 'Which initiative?'],
    ['show x', 'show', '"x" is not an initiative number'],
    ['show 0', 'show', 'no initiative 0'],
    ['show -1', 'show', 'negative'],
    ['show 99999999999', 'show', 'far too large'],
    ['show 12 please', 'show', 'I didn\'t expect "please"'],
    ['12 13', 'show', 'I didn\'t expect "13"'],
    ['assign', 'assign', 'Which initiative?'],
    ['assign 12', 'assign', 'Who? Mention the new owner'],
    ['assign 12 ann', 'assign', '"ann" isn\'t a person'],
    ['assign 12 @ann', 'assign', 'reached me as plain text'],
    ['assign 12 <@U1> <@U2>', 'assign', "I didn't expect"],
    ['assign 12 <!subteam^S1|@pr>', 'assign', 'is a user group'],
    ['assign <@U1> 12', 'assign', 'is not an initiative number'],
    ['handoff 12', 'handoff', 'Who?'],
    ['handoff 12 bob because', 'handoff', '"bob" isn\'t a person'],
    ['status 12', 'status', 'Which status?'],
    ['status 12 paused', 'status', '"paused" isn\'t a status. Use one of planned, active, done, cancelled.'],
    ['status 12 done now', 'status', 'I didn\'t expect "now"'],
    ['due 12', 'due', 'When is #12 due?'],
    ['due friday', 'due', '"friday" is not an initiative number'],
  ])('%j fails with %s usage: %s', (text, sub, message) => {
    const e = error(text);
    expect(e.message).toContain(message);
    expect(e.usage).toBe(INITIATIVE_USAGE[sub as keyof typeof INITIATIVE_USAGE].usage);
    expect(e.example).toBe(INITIATIVE_USAGE[sub as keyof typeof INITIATIVE_USAGE].example);
  });
});

describe('unknown subcommands', () => {
  it.each([
    ['asign 12 <@U1>', 'assign'],
    ['lsit', 'list'],
    ['hadnoff 12', 'handoff'],
    ['stauts 12 done', 'status'],
    ['shwo 12', 'show'],
    ['ad "X"', 'add'],
  ])('%j suggests %s', (text, suggestion) => {
    const e = error(text);
    expect(e.message).toContain(`Did you mean ${suggestion}?`);
    expect(e.usage).toBe(INITIATIVE_USAGE[suggestion as keyof typeof INITIATIVE_USAGE].usage);
  });

  it('names the unknown word and lists the subcommands', () => {
    const e = error('frobnicate the thing');
    expect(e.message).toContain('"/initiative frobnicate"');
    expect(e.message).toContain(INITIATIVE_SUBCOMMANDS.join(', '));
    expect(e.message).not.toContain('Did you mean');
  });

  it('points a bare quoted title at add', () => {
    const e = error('"Q4 launch" pr');
    expect(e.message).toContain('/initiative add "Q4 launch"');
    expect(e.usage).toBe(INITIATIVE_USAGE.add.usage);
  });

  it('gives the right usage for a broken quote in a known subcommand', () => {
    expect(error('handoff 12 <@U1> "oops').usage).toBe(INITIATIVE_USAGE.handoff.usage);
    expect(error('whatever "oops').usage).toContain('/initiative add | list');
  });
});

describe('words that are also Object.prototype properties', () => {
  // Found by the property tests: table lookups once returned Object.prototype members.
  it.each([['__proto__'], ['constructor'], ['toString'], ['hasOwnProperty']])(
    '%s is just an unknown word',
    (word) => {
      expect(error(word).message).toContain(`"/initiative ${word}"`);
      expect(error(`list ${word}`).message).toContain(`I can't filter by "${word}"`);
      expect(error(`status 12 ${word}`).message).toContain(`"${word}" isn't a status`);
      expect(error(`add "X" ${word}`).message).toContain(`I don't know "${word}"`);
    },
  );
});

describe('INITIATIVE_USAGE', () => {
  it.each(INITIATIVE_SUBCOMMANDS.map((sub) => [sub]))('has usage, example and summary for %s', (sub) => {
    const help = INITIATIVE_USAGE[sub];
    expect(help.usage.startsWith(`/initiative ${sub}`)).toBe(true);
    expect(help.example.startsWith(`/initiative ${sub}`)).toBe(true);
    expect(help.summary).not.toBe('');
  });

  // Examples without mentions must work exactly as typed; those with one need a real mention.
  it.each(INITIATIVE_SUBCOMMANDS.map((sub) => [sub]))('the %s example parses', (sub) => {
    const example = INITIATIVE_USAGE[sub].example
      .replace('/initiative ', '')
      .replace(/@(\w+)/, '<@U0EXAMPLE|$1>');
    expect(parseInitiativeCommand(example).ok).toBe(true);
  });
});
