import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Parsed } from '../../../src/domain/commands/result.js';
import { neutraliseMentions, slackTextToPlain } from '../../../src/domain/commands/slack-refs.js';
import { tokenize } from '../../../src/domain/commands/tokenize.js';
import { parseInitiativeCommand } from '../../../src/domain/initiatives/initiative-command.js';
import {
  MAX_INITIATIVE_NUMBER,
  parseInitiativeNumber,
} from '../../../src/domain/initiatives/initiative-ref.js';
import { INITIATIVE_KINDS, parseKind, resolveMatrix } from '../../../src/domain/initiatives/kinds.js';
import { parseTandemCommand } from '../../../src/domain/setup/tandem-command.js';
import { parseClockTime } from '../../../src/domain/time/clock-time.js';
import { formatDueDate, parseDueDate } from '../../../src/domain/time/due-date.js';
import { suggestTimezone } from '../../../src/domain/time/timezone.js';

const ZONES = [
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'Pacific/Auckland',
  'Asia/Kolkata',
  'UTC',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
];

// Text shaped like what people and Slack send, mixed with anything at all.
const commandish = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc
    .array(
      fc.constantFrom(
        'add',
        'list',
        'show',
        'assign',
        'handoff',
        'status',
        'due',
        'help',
        'set',
        'who',
        'owns',
        'who-owns',
        'pr-leads',
        'timezone',
        'digest-time',
        'digest-channel',
        '12',
        '#12',
        '0',
        '-1',
        'none',
        'mine',
        '"',
        '“',
        '”',
        '‘',
        '’',
        "'",
        '<@U1>',
        '<@U2|ann>',
        '<#C1|x>',
        '<#C1|>',
        '<!subteam^S1|@t>',
        '<!here>',
        '@ann',
        '#chan',
        'crisis',
        'pr',
        'friday',
        'next',
        'in',
        '2',
        'weeks',
        'dec',
        '1',
        '🎉',
        '\u0000',
        '\n',
        '&amp;',
        '&lt;',
        'Europe/London',
        'london',
        '9am',
        '25:00',
        'workload',
        'off',
        '101',
        '2.5',
        'claim-emoji',
        'snooze',
        'emoji',
        ':hand:',
        ':a::b:',
        '::',
        'my-discipline',
        'discipline',
        'mktg',
        'joint',
        '--with-checklist',
        '—with-checklist',
        'with-checklist',
        '--checklist',
        '--nope',
      ),
      { maxLength: 12 },
    )
    .map((words) => words.join(' ')),
);

function expectWellFormed<T>(result: Parsed<T>): void {
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) return;
  expect(result.error.message.trim()).not.toBe('');
  expect(result.error.usage.trim()).not.toBe('');
  expect(result.error.example.trim()).not.toBe('');
}

describe('parsers never throw and always explain their errors', () => {
  it('parseInitiativeCommand', () => {
    fc.assert(
      fc.property(commandish, (text) => expectWellFormed(parseInitiativeCommand(text))),
      { numRuns: 2000 },
    );
  });

  it('parseTandemCommand', () => {
    fc.assert(
      fc.property(commandish, (text) => expectWellFormed(parseTandemCommand(text))),
      { numRuns: 2000 },
    );
  });

  it('tokenize, parseInitiativeNumber, parseKind, parseClockTime', () => {
    fc.assert(
      fc.property(commandish, (text) => {
        expectWellFormed(tokenize(text));
        expectWellFormed(parseInitiativeNumber(text));
        expectWellFormed(parseKind(text));
        expectWellFormed(parseClockTime(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('parseDueDate at any instant in any zone', () => {
    fc.assert(
      fc.property(
        commandish,
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2090-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(...ZONES),
        (text, now, timezone) => expectWellFormed(parseDueDate(text, { now, timezone })),
      ),
      { numRuns: 1000 },
    );
  });

  // Guards against super-linear blow-up (regex backtracking, quadratic loops), which takes
  // minutes; the generous timeout keeps a busy 2-core machine from failing a healthy run.
  it('very long input is handled quickly', { timeout: 30_000 }, () => {
    const long = `add "${'x'.repeat(100_000)}" ${'due friday '.repeat(2_000)}`;
    expectWellFormed(parseInitiativeCommand(long));
    expectWellFormed(parseTandemCommand(`who-owns ${'q'.repeat(100_000)}`));
    expectWellFormed(parseDueDate('x'.repeat(100_000), { now: new Date(), timezone: 'UTC' }));
  });

  it('suggestTimezone, resolveMatrix, neutraliseMentions and slackTextToPlain accept anything', () => {
    fc.assert(
      fc.property(commandish, fc.anything(), (text, stored) => {
        const suggestion = suggestTimezone(text);
        expect(suggestion === null || typeof suggestion === 'string').toBe(true);
        expect(Object.keys(resolveMatrix(stored)).sort()).toEqual([...INITIATIVE_KINDS].sort());
        expect(typeof neutraliseMentions(text)).toBe('string');
        expect(typeof slackTextToPlain(text)).toBe('string');
      }),
      { numRuns: 500 },
    );
  });
});

// Text that can sit inside double quotes: no double-quote characters of any style.
const quotable = fc.string({ unit: 'grapheme', maxLength: 60 }).filter((s) => !/["“”„]/.test(s));

describe('quoted text round-trips', () => {
  it('tokenize keeps anything inside double quotes exactly', () => {
    fc.assert(
      fc.property(quotable, fc.constantFrom(['"', '"'], ['“', '”'], ['„', '“']), (inner, [open, close]) => {
        expect(tokenize(`${open}${inner}${close}`)).toEqual({
          ok: true,
          value: [{ text: inner, quoted: true }],
        });
      }),
    );
  });

  it('tokenize keeps several quoted titles apart', () => {
    fc.assert(
      fc.property(fc.array(quotable, { maxLength: 5 }), (titles) => {
        const result = tokenize(titles.map((t) => `"${t}"`).join(' '));
        expect(result).toEqual({ ok: true, value: titles.map((text) => ({ text, quoted: true })) });
      }),
    );
  });

  it('a quoted add title comes back as the same plain text', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9'!?.,:;()&-]{1,12}$/);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 8 }),
        fc.constantFrom(...INITIATIVE_KINDS),
        (words, kind) => {
          const title = words.join(' ');
          fc.pre(title.length <= 150);
          expect(parseInitiativeCommand(`add "${title}" ${kind}`)).toEqual({
            ok: true,
            value: { type: 'add', title, kind },
          });
        },
      ),
    );
  });
});

describe('numbers, dates and times round-trip', () => {
  it('every valid initiative number parses back, with or without #', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_INITIATIVE_NUMBER }), fc.boolean(), (n, hash) => {
        expect(parseInitiativeNumber(`${hash ? '#' : ''}${n}`)).toEqual({ ok: true, value: n });
      }),
    );
  });

  it('every number beyond the column rejects', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: BigInt(MAX_INITIATIVE_NUMBER) + 1n, max: 10n ** 40n }), (n) => {
        expect(parseInitiativeNumber(n.toString()).ok).toBe(false);
      }),
    );
  });

  it('an ISO date from today up to five years ahead parses to itself in any zone', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2020-01-01T00:00:00Z'),
          max: new Date('2080-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 5 * 365 }),
        (now, timezone, offset) => {
          const today = new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(now);
          const target = new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000)
            .toISOString()
            .slice(0, 10);
          expect(parseDueDate(target, { now, timezone })).toEqual({ ok: true, value: target });
          expect(formatDueDate(target, { now, timezone })).toMatch(
            /^(today|tomorrow|in \d+ \w+) \(\w{3} \d{1,2} \w{3} \d{4}\)$/,
          );
        },
      ),
    );
  });

  it('"in N days" is always today + N on the workspace calendar', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2020-01-01T00:00:00Z'),
          max: new Date('2080-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 400 }),
        (now, timezone, days) => {
          const today = new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(now);
          const expected = new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000)
            .toISOString()
            .slice(0, 10);
          expect(parseDueDate(`in ${days} days`, { now, timezone })).toEqual({ ok: true, value: expected });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('every HH:MM parses to itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
        const hhmm = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
        expect(parseClockTime(hhmm)).toEqual({ ok: true, value: hhmm });
      }),
    );
  });
});

describe('neutraliseMentions', () => {
  const mentionish = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          '<!channel>',
          '<!here>',
          '<!everyone>',
          '<!here|@here>',
          '<!subteam^S1|@pr>',
          '<@U123>',
          '<@U1|ann>',
          '@here',
          '@channel',
          '<',
          '>',
          '!',
          '@',
          '|',
          'here',
          ' ',
        ),
        fc.string({ maxLength: 3 }),
      ),
      { maxLength: 15 },
    )
    .map((parts) => parts.join(''));

  it('leaves nothing that can ping', () => {
    fc.assert(
      fc.property(mentionish, (text) => {
        const out = neutraliseMentions(text);
        expect(out).not.toMatch(/<[!@]/);
        expect(out).not.toMatch(/(^|[^\p{L}\p{N}_])@(here|channel|everyone)(?![\p{L}\p{N}_])/iu);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(mentionish, (text) => {
        const once = neutraliseMentions(text);
        expect(neutraliseMentions(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it('does not touch text without mentions', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/[<@]/.test(s)),
        (text) => {
          expect(neutraliseMentions(text)).toBe(text);
        },
      ),
    );
  });
});
