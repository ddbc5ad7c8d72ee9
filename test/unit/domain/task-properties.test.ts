import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Parsed } from '../../../src/domain/commands/result.js';
import {
  checklistDueDate,
  DEFAULT_CHECKLISTS,
  resolveChecklists,
} from '../../../src/domain/initiatives/checklists.js';
import { INITIATIVE_KINDS } from '../../../src/domain/initiatives/kinds.js';
import {
  DEFAULT_REACTION_EMOJI,
  normaliseEmoji,
  parseEmojiName,
  reactionFor,
  TASK_REACTIONS,
} from '../../../src/domain/tasks/reactions.js';
import { parseTaskCommand } from '../../../src/domain/tasks/task-command.js';
import { formatTaskRef, MAX_TASK_NUMBER, parseTaskNumber } from '../../../src/domain/tasks/task-ref.js';
import { workloadNote } from '../../../src/domain/tasks/workload.js';

// Text shaped like what people and Slack send, mixed with anything at all.
const commandish = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc
    .array(
      fc.constantFrom(
        'add',
        'new',
        'list',
        'ls',
        'claim',
        'take',
        'assign',
        'to',
        'release',
        'drop',
        'done',
        'block',
        'unblock',
        'snooze',
        'help',
        '12',
        '#12',
        'T7',
        't7',
        '#T7',
        'T0',
        '0',
        '-1',
        '1.5',
        'mine',
        'unclaimed',
        'all',
        'pr',
        'social',
        'marketing',
        'mktg',
        'joint',
        'due',
        'friday',
        'dec',
        '1',
        '"',
        '“',
        '”',
        '‘',
        '’',
        "'",
        '"Draft posts"',
        '<@U1>',
        '<@U2|ann>',
        '<#C1|x>',
        '<!subteam^S1|@t>',
        '<!here>',
        '@ann',
        '#chan',
        '__proto__',
        'constructor',
        '🎉',
        '\u0000',
        '\n',
        '&amp;',
        '&lt;',
        ':hand:',
        '::skin-tone-3',
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

describe('task parsers never throw and always explain their errors', () => {
  it('parseTaskCommand', () => {
    fc.assert(
      fc.property(commandish, (text) => expectWellFormed(parseTaskCommand(text))),
      { numRuns: 3000 },
    );
  });

  it('parseTaskNumber and parseEmojiName', () => {
    fc.assert(
      fc.property(commandish, (text) => {
        expectWellFormed(parseTaskNumber(text));
        expectWellFormed(parseEmojiName(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('a parsed add always has a clean title within the limit', () => {
    fc.assert(
      fc.property(commandish, (text) => {
        const result = parseTaskCommand(`add 12 ${text}`);
        if (!result.ok || result.value.type !== 'add') return;
        const { title } = result.value;
        expect(title).toBe(title.trim());
        expect(title).not.toMatch(/[\p{Cc}]|\s{2}/u);
        expect([...title].length).toBeGreaterThan(0);
        expect([...title].length).toBeLessThanOrEqual(150);
      }),
      { numRuns: 2000 },
    );
  });

  // Guards against super-linear blow-up (regex backtracking, quadratic loops), which takes
  // minutes; the generous timeout keeps a busy 2-core machine from failing a healthy run.
  it('very long input is handled quickly', { timeout: 30_000 }, () => {
    expectWellFormed(parseTaskCommand(`add 12 "${'x'.repeat(100_000)}" ${'due friday '.repeat(2_000)}`));
    expectWellFormed(parseTaskCommand(`add ${'word '.repeat(20_000)}`));
    expectWellFormed(parseTaskCommand(`block T7 ${'because '.repeat(20_000)}`));
    expectWellFormed(parseTaskNumber(`T${'9'.repeat(100_000)}`));
    expectWellFormed(parseEmojiName(`:${'a'.repeat(100_000)}:`));
    expect(typeof normaliseEmoji(`a${':skin-tone-2'.repeat(20_000)}`)).toBe('string');
  });
});

describe('task numbers round-trip', () => {
  it('every valid number parses back in every written form', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_TASK_NUMBER }),
        fc.constantFrom('', '#', 't', 'T'),
        (n, prefix) => {
          expect(parseTaskNumber(`${prefix}${n}`)).toEqual({ ok: true, value: n });
          expect(parseTaskNumber(formatTaskRef(n))).toEqual({ ok: true, value: n });
        },
      ),
    );
  });

  it('every number beyond the column rejects', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: BigInt(MAX_TASK_NUMBER) + 1n, max: 10n ** 40n }), (n) => {
        expect(parseTaskNumber(`T${n}`).ok).toBe(false);
      }),
    );
  });

  it('a task command takes the number in any form', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_TASK_NUMBER }),
        fc.constantFrom('claim', 'release', 'done', 'unblock', 'snooze', 'block'),
        (n, sub) => {
          expect(parseTaskCommand(`${sub} ${formatTaskRef(n)}`)).toEqual({
            ok: true,
            value: { type: sub, task: n },
          });
        },
      ),
    );
  });
});

// Emoji names as Slack sends them, with the decorations normaliseEmoji removes, and anything else.
const emojiish = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc
    .array(fc.constantFrom(':', '::', 'skin-tone-', '2', '6', 'hand', '_', 'A', ' ', '\t', '+1', "'", '-'), {
      maxLength: 12,
    })
    .map((parts) => parts.join('')),
);

describe('emoji', () => {
  it('normaliseEmoji is idempotent', () => {
    fc.assert(
      fc.property(emojiish, (name) => {
        const once = normaliseEmoji(name);
        expect(normaliseEmoji(once)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it('normaliseEmoji ignores colons, a skin tone and case', () => {
    const name = fc.stringMatching(/^[a-z0-9_+'-]{1,30}$/).filter((n) => !/skin-tone-\d{1,2}$/.test(n));
    fc.assert(
      fc.property(name, fc.integer({ min: 2, max: 6 }), fc.boolean(), (base, tone, upper) => {
        const typed = `:${upper ? base.toUpperCase() : base}::skin-tone-${tone}:`;
        expect(normaliseEmoji(typed)).toBe(base);
      }),
    );
  });

  it('a parsed emoji name is already normal and maps back to its reaction', () => {
    fc.assert(
      fc.property(emojiish, (text) => {
        const parsed = parseEmojiName(text);
        if (!parsed.ok) return;
        expect(parsed.value).toMatch(/^[a-z0-9_+'-]{1,100}$/);
        expect(normaliseEmoji(parsed.value)).toBe(parsed.value);
      }),
      { numRuns: 2000 },
    );
  });

  it('each default emoji triggers its own reaction, with any skin tone', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TASK_REACTIONS), fc.integer({ min: 2, max: 6 }), (reaction, tone) => {
        expect(
          reactionFor(`${DEFAULT_REACTION_EMOJI[reaction]}::skin-tone-${tone}`, DEFAULT_REACTION_EMOJI),
        ).toBe(reaction);
      }),
    );
  });

  it('reactionFor accepts anything', () => {
    fc.assert(
      fc.property(emojiish, (name) => {
        const reaction = reactionFor(name, DEFAULT_REACTION_EMOJI);
        expect(reaction === null || TASK_REACTIONS.includes(reaction)).toBe(true);
      }),
    );
  });
});

describe('checklists and workload', () => {
  it('resolveChecklists accepts anything and always covers every kind', () => {
    fc.assert(
      fc.property(fc.anything(), (stored) => {
        const resolved = resolveChecklists(stored);
        expect(Object.keys(resolved).sort()).toEqual([...INITIATIVE_KINDS].sort());
      }),
      { numRuns: 500 },
    );
  });

  it('resolveChecklists keeps good kinds whatever is stored beside them', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.anything()), (noise) => {
        const crisis = [{ title: 'Call legal', discipline: 'pr' as const, offsetDays: 0 }];
        const resolved = resolveChecklists({ ...noise, crisis });
        expect(resolved.crisis).toEqual(crisis);
      }),
      { numRuns: 300 },
    );
  });

  const day = fc
    .date({
      min: new Date('2020-01-01T00:00:00Z'),
      max: new Date('2080-01-01T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));

  it('a checklist due date is never before today and never after the offset says', () => {
    fc.assert(
      fc.property(day, day, fc.integer({ min: -366, max: 366 }), (due, today, offsetDays) => {
        const result = checklistDueDate(due, { offsetDays }, today);
        expect(result).not.toBeNull();
        if (result === null) return;
        expect(result >= today).toBe(true);
        const expected = new Date(Date.parse(`${due}T00:00:00Z`) - offsetDays * 86_400_000)
          .toISOString()
          .slice(0, 10);
        expect(result).toBe(expected < today ? today : expected);
      }),
    );
  });

  it('every default checklist item gets a date when the initiative has one', () => {
    for (const kind of INITIATIVE_KINDS) {
      for (const item of DEFAULT_CHECKLISTS[kind]) {
        expect(checklistDueDate('2026-12-10', item, '2026-11-01')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it('workloadNote speaks exactly at or above a positive threshold', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: -5, max: 100 }),
        (count, threshold) => {
          const note = workloadNote(count, threshold);
          if (threshold > 0 && count >= threshold) expect(note).toContain(`you now own ${count} open task`);
          else expect(note).toBeNull();
        },
      ),
    );
  });
});
