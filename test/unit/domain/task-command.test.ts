import { describe, expect, it } from 'vitest';
import {
  MAX_TASK_TITLE_LENGTH,
  parseTaskCommand,
  TASK_OVERVIEW,
  TASK_SUBCOMMANDS,
  TASK_USAGE,
  type TaskSubcommand,
} from '../../../src/domain/tasks/task-command.js';
import { parsedBy } from './parsed.js';

const { value, error } = parsedBy(parseTaskCommand);

describe('help', () => {
  it.each([
    ['', { type: 'help' }],
    ['   ', { type: 'help' }],
    ['help', { type: 'help' }],
    ['HELP', { type: 'help' }],
    ['?', { type: 'help' }],
    ['help add', { type: 'help', topic: 'add' }],
    ['help take', { type: 'help', topic: 'claim' }],
    ['help help', { type: 'help' }],
    ['help whatever', { type: 'help' }],
  ])('%j → %j', (text, expected) => {
    expect(value(text)).toEqual(expected);
  });
});

describe('add', () => {
  it.each([
    ['add 12 "Draft social posts"', { initiative: 12, title: 'Draft social posts' }],
    ['add #12 "Draft social posts"', { initiative: 12, title: 'Draft social posts' }],
    ['ADD 12 “Draft posts” SOCIAL', { initiative: 12, title: 'Draft posts', discipline: 'social' }],
    ['add 12 "X" pr', { initiative: 12, title: 'X', discipline: 'pr' }],
    ['add 12 "X" PR', { initiative: 12, title: 'X', discipline: 'pr' }],
    ['add 12 "X" marketing', { initiative: 12, title: 'X', discipline: 'marketing' }],
    ['add 12 "X" mktg', { initiative: 12, title: 'X', discipline: 'marketing' }],
    ['add 12 "X" pr pr', { initiative: 12, title: 'X', discipline: 'pr' }],
    [
      'add 12 "Draft social posts" social due next friday <@U123ABC|ann>',
      {
        initiative: 12,
        title: 'Draft social posts',
        discipline: 'social',
        due: 'next friday',
        assigneeId: 'U123ABC',
      },
    ],
    [
      'add 12 "X" <@U1> due dec 1 marketing',
      { initiative: 12, title: 'X', discipline: 'marketing', due: 'dec 1', assigneeId: 'U1' },
    ],
    ['add 12 "X" due in   2 weeks', { initiative: 12, title: 'X', due: 'in 2 weeks' }],
    ['add 12 "X" <@U1> <@U1|ann>', { initiative: 12, title: 'X', assigneeId: 'U1' }],
    ['add 12 "X" <@W9|zoë>', { initiative: 12, title: 'X', assigneeId: 'W9' }],
    // Unquoted titles run up to the first option.
    ['add 12 Pitch to media pr', { initiative: 12, title: 'Pitch to media', discipline: 'pr' }],
    ['add 12 Pitch to media due friday', { initiative: 12, title: 'Pitch to media', due: 'friday' }],
    ['add 12 Pitch to media <@U1>', { initiative: 12, title: 'Pitch to media', assigneeId: 'U1' }],
    ['add 12 Pitch to media', { initiative: 12, title: 'Pitch to media' }],
    ['add 12 The "Big" pitch', { initiative: 12, title: 'The "Big" pitch' }],
    ['new 3 "X"', { initiative: 3, title: 'X' }],
    ['create 3 "X"', { initiative: 3, title: 'X' }],
    // Titles are plain text.
    ['add 12 "Q&amp;A &lt;live&gt;"', { initiative: 12, title: 'Q&A <live>' }],
    ['add 12 "Call <@U1|ann>"', { initiative: 12, title: 'Call @ann' }],
    ['add 12 "Q4\u0000 \t posts\u0007"', { initiative: 12, title: 'Q4 posts' }],
    ['add 12 "🚀 Post 🎉" social', { initiative: 12, title: '🚀 Post 🎉', discipline: 'social' }],
    [
      `add 12 "${'x'.repeat(MAX_TASK_TITLE_LENGTH)}"`,
      { initiative: 12, title: 'x'.repeat(MAX_TASK_TITLE_LENGTH) },
    ],
    [
      `add 12 "${'🎉'.repeat(MAX_TASK_TITLE_LENGTH)}"`,
      { initiative: 12, title: '🎉'.repeat(MAX_TASK_TITLE_LENGTH) },
    ],
  ])('%j', (text, expected) => {
    expect(value(text)).toEqual({ type: 'add', ...expected });
  });

  it.each([
    ['add', 'Which initiative is the task for?'],
    [
      'add "Draft posts"',
      'Put the initiative\'s number (from /initiative list) first: /task add <number> "Draft posts"',
    ],
    ['add "Draft posts" 12', '/task add 12 "Draft posts"'],
    ['add Draft posts #12 social', '/task add 12 "Draft posts"'],
    ['add <@U1>', '/task add <number> "<title>"'],
    ['add T7 "X"', 'T7 is a task'],
    ['add 0 "X"', 'no initiative 0'],
    ['add -1 "X"', 'negative'],
    ['add 12x "X"', '"12x" is not an initiative number'],
    ['add 99999999999 "X"', 'far too large'],
    ['add 12', 'What is the task? Give its title after 12.'],
    ['add 12 ""', 'What is the task?'],
    ['add 12 "   "', 'What is the task?'],
    ['add 12 social', 'The title has to come straight after the initiative number'],
    ['add 12 <@U1> "X"', 'The title has to come straight after'],
    ['add 12 "X', 'never closed'],
    [
      `add 12 "${'x'.repeat(MAX_TASK_TITLE_LENGTH + 1)}"`,
      `151 characters; keep it to ${MAX_TASK_TITLE_LENGTH}`,
    ],
    ['add 12 "X" <@U1> <@U2>', 'two assignees'],
    ['add 12 "X" pr social', 'two disciplines (pr and social)'],
    ['add 12 "X" due friday due monday', 'two due dates'],
    ['add 12 "X" due', '"due" needs a date'],
    ['add 12 "X" due <@U1>', '"due" needs a date'],
    ['add 12 "X" due pr', '"due" needs a date'],
    ['add 12 "X" crisis', 'I don\'t know "crisis"'],
    ['add 12 "X" socail', 'Did you mean social?'],
    ['add 12 "X" "more"', 'I don\'t know "more"'],
    ['add 12 "X" by friday', 'write due'],
    ['add 12 "X" joint', 'joint work; leave the word out'],
    ['add 12 Draft social posts', 'put the whole title in quotes'],
    ['add 12 "X" @ann', '"@ann" reached me as plain text'],
    ['add 12 "X" <!subteam^S1|@pr-team>', '@pr-team is a user group'],
    ['add 12 "X" <!here>', "isn't a person"],
    ['add 12 "X" <#C1|launches>', 'A task has no channel of its own'],
    ['add 12 "X" #launches', 'A task has no channel of its own'],
  ])('%j fails: %s', (text, message) => {
    const e = error(text);
    expect(e.message).toContain(message);
    expect(e.usage).toBe(TASK_USAGE.add.usage);
    expect(e.example).toBe(TASK_USAGE.add.example);
  });

  it('lists the disciplines when a word is unknown', () => {
    expect(error('add 12 "X" thing').message).toContain('pr, social, marketing');
  });

  it('does not suggest quoting when the title already was quoted', () => {
    expect(error('add 12 "X" thing').message).not.toContain('quotes');
  });
});

describe('list', () => {
  it.each([
    ['list', { by: 'open' }],
    ['ls', { by: 'open' }],
    ['list open', { by: 'open' }],
    ['list mine', { by: 'mine' }],
    ['LIST Mine', { by: 'mine' }],
    ['ls me', { by: 'mine' }],
    ['list unclaimed', { by: 'unclaimed' }],
    ['list unassigned', { by: 'unclaimed' }],
    ['list all', { by: 'all' }],
    ['list <@U123ABC>', { by: 'user', userId: 'U123ABC' }],
    ['list <@U123ABC|ann>', { by: 'user', userId: 'U123ABC' }],
    // A number in a list is an initiative: tasks are listed per initiative.
    ['list 12', { by: 'initiative', initiative: 12 }],
    ['list #12', { by: 'initiative', initiative: 12 }],
  ])('%j → %j', (text, filter) => {
    expect(value(text)).toEqual({ type: 'list', filter });
  });

  it.each([
    ['list foo', 'I can\'t filter tasks by "foo"'],
    ['list unclaimd', 'Did you mean unclaimed?'],
    ['list mine all', 'list takes one filter'],
    ['list @ann', 'plain text, not a mention'],
    ['list <!subteam^S1|@pr>', 'is a user group'],
    ['list "mine"', 'I can\'t filter tasks by "mine"'],
    ['list T7', 'T7 is a task; list filters by initiative number'],
    ['list 0', 'no initiative 0'],
    ['list -2', 'negative'],
    ['list 99999999999', 'far too large'],
  ])('%j fails: %s', (text, message) => {
    const e = error(text);
    expect(e.message).toContain(message);
    expect(e.usage).toBe(TASK_USAGE.list.usage);
    expect(e.example).toBe(TASK_USAGE.list.example);
  });
});

describe('commands on one task', () => {
  it.each([
    ['claim T7', { type: 'claim', task: 7 }],
    ['claim t7', { type: 'claim', task: 7 }],
    ['claim #7', { type: 'claim', task: 7 }],
    ['claim 7', { type: 'claim', task: 7 }],
    ['take T7', { type: 'claim', task: 7 }],
    ['release T7', { type: 'release', task: 7 }],
    ['unassign T7', { type: 'release', task: 7 }],
    ['drop T7', { type: 'release', task: 7 }],
    ['unclaim T7', { type: 'release', task: 7 }],
    ['done T7', { type: 'done', task: 7 }],
    ['DONE T7', { type: 'done', task: 7 }],
    ['complete T7', { type: 'done', task: 7 }],
    ['finish T7', { type: 'done', task: 7 }],
    ['assign T7 <@U1>', { type: 'assign', task: 7, userId: 'U1' }],
    ['assign T7 to <@U1|ann>', { type: 'assign', task: 7, userId: 'U1' }],
    ['reassign 7 <@W9>', { type: 'assign', task: 7, userId: 'W9' }],
    ['block T7', { type: 'block', task: 7 }],
    ['block T7 waiting for legal', { type: 'block', task: 7, reason: 'waiting for legal' }],
    ['block T7 "Q&amp;A" with <@U2|sam>', { type: 'block', task: 7, reason: 'Q&A with @sam' }],
    ['unblock T7', { type: 'unblock', task: 7 }],
    ['snooze T7', { type: 'snooze', task: 7 }],
  ])('%j → %j', (text, expected) => {
    expect(value(text)).toEqual(expected);
  });

  it.each<[string, TaskSubcommand, string]>([
    ['claim', 'claim', 'Which task? Give its number after claim, like T7.'],
    ['done', 'done', 'Which task?'],
    ['done x', 'done', '"x" is not a task number'],
    ['done T0', 'done', 'no task T0'],
    ['done -1', 'done', 'negative'],
    ['done 1.5', 'done', 'not a whole number'],
    ['done T99999999999', 'done', 'far too large'],
    ['done T7 T8', 'done', 'I didn\'t expect "T8" after done T7.'],
    ['claim T7 please', 'claim', 'I didn\'t expect "please" after claim T7.'],
    ['release T7 now', 'release', 'I didn\'t expect "now"'],
    ['unblock T7 now', 'unblock', 'I didn\'t expect "now"'],
    ['snooze T7 until monday', 'snooze', 'I didn\'t expect "until monday"'],
    ['assign', 'assign', 'Which task?'],
    ['assign T7', 'assign', 'Who? Mention the assignee'],
    ['assign T7 to', 'assign', 'Who? Mention the assignee'],
    ['assign T7 ann', 'assign', '"ann" isn\'t a person'],
    ['assign T7 @ann', 'assign', 'reached me as plain text'],
    ['assign T7 <@U1> <@U2>', 'assign', "I didn't expect"],
    ['assign T7 <!subteam^S1|@pr>', 'assign', 'is a user group'],
    ['assign <@U1> T7', 'assign', 'is not a task number'],
    ['block', 'block', 'Which task?'],
  ])('%j fails with %s usage: %s', (text, sub, message) => {
    const e = error(text);
    expect(e.message).toContain(message);
    expect(e.usage).toBe(TASK_USAGE[sub].usage);
    expect(e.example).toBe(TASK_USAGE[sub].example);
  });
});

describe('unknown subcommands and other slips', () => {
  it.each([
    ['clam T7', 'claim'],
    ['lsit', 'list'],
    ['relase T7', 'release'],
    ['unbolck T7', 'unblock'],
    ['snoze T7', 'snooze'],
    ['complet T7', 'done'],
    ['asign T7 <@U1>', 'assign'],
  ])('%j suggests %s', (text, suggestion) => {
    const e = error(text);
    expect(e.message).toContain(`Did you mean ${suggestion}?`);
    expect(e.message).toContain(TASK_SUBCOMMANDS.join(', '));
    expect(e.usage).toBe(TASK_USAGE[suggestion as TaskSubcommand].usage);
  });

  it('names an unknown word and lists the subcommands', () => {
    const e = error('frobnicate T7');
    expect(e.message).toBe(`I don't know "/task frobnicate". Try one of: ${TASK_SUBCOMMANDS.join(', ')}.`);
    expect(e).toMatchObject(TASK_OVERVIEW);
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    '%j is just an unknown word',
    (word) => {
      expect(error(word).message).toContain(`I don't know "/task ${word}"`);
      expect(error(`list ${word}`).message).toContain(`I can't filter tasks by "${word}"`);
      expect(error(`add 12 "X" ${word}`).message).toContain(`I don't know "${word}"`);
    },
  );

  it.each([
    ['T7', 'Start with what to do, e.g. /task claim T7 or /task done T7'],
    ['7', '/task list 7 lists the tasks of initiative #7'],
    ['#12', '/task claim T12'],
    ['"Draft posts"', 'Start with what to do, e.g. add: /task add <initiative number> "Draft posts"'],
  ])('%j asks what to do: %s', (text, message) => {
    expect(error(text).message).toContain(message);
  });

  it('keeps the subcommand’s usage when the quotes are broken', () => {
    const e = error('add 12 "Draft posts');
    expect(e.message).toContain('never closed');
    expect(e).toMatchObject({ usage: TASK_USAGE.add.usage, example: TASK_USAGE.add.example });
    expect(error('"broken')).toMatchObject(TASK_OVERVIEW);
  });
});

describe('TASK_USAGE', () => {
  it.each(TASK_SUBCOMMANDS.map((sub) => [sub]))('%s has usage, example and summary', (sub) => {
    const help = TASK_USAGE[sub];
    expect(help.usage.startsWith(`/task ${sub}`)).toBe(true);
    expect(help.example.startsWith(`/task ${sub}`)).toBe(true);
    expect(help.summary.trim()).not.toBe('');
  });

  it.each(TASK_SUBCOMMANDS.filter((sub) => sub !== 'help').map((sub) => [sub]))(
    'the %s example parses',
    (sub) => {
      // Examples are what error replies tell people to type, so each must work (mentions escaped).
      const example = TASK_USAGE[sub].example.replace(/^\/task /, '').replace('@ann', '<@U1|ann>');
      expect(parseTaskCommand(example).ok).toBe(true);
    },
  );
});
