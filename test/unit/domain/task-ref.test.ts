import { describe, expect, it } from 'vitest';
import { formatTaskRef, MAX_TASK_NUMBER, parseTaskNumber } from '../../../src/domain/tasks/task-ref.js';

describe('parseTaskNumber', () => {
  it.each([
    ['7', 7],
    ['#7', 7],
    ['T7', 7],
    ['t7', 7],
    ['#T7', 7],
    [' T12 ', 12],
    ['T007', 7],
    [String(MAX_TASK_NUMBER), MAX_TASK_NUMBER],
    [`T${MAX_TASK_NUMBER}`, MAX_TASK_NUMBER],
  ])('%j → %d', (text, number) => {
    expect(parseTaskNumber(text)).toEqual({ ok: true, value: number });
  });

  it.each([
    ['', 'Which task?'],
    ['   ', 'Which task?'],
    ['0', 'There is no task T0'],
    ['T0', 'There is no task T0'],
    ['T000', 'There is no task T0'],
    ['-3', '"-3" is negative'],
    ['T-3', '"T-3" is negative'],
    ['#-3', '"#-3" is negative'],
    ['7.5', '"7.5" is not a whole number'],
    ['T1,5', '"T1,5" is not a whole number'],
    ['1e3', '"1e3" is not a task number'],
    ['T', '"T" is not a task number'],
    ['#', '"#" is not a task number'],
    ['TT7', '"TT7" is not a task number'],
    ['T 7', '"T 7" is not a task number'],
    ['seven', '"seven" is not a task number'],
    ['<@U1>', 'is not a task number'],
    [String(MAX_TASK_NUMBER + 1), 'far too large'],
    [`T${'9'.repeat(400)}`, 'far too large'],
    ['x'.repeat(100), '…" is not a task number'],
  ])('%j fails: %s', (text, message) => {
    const result = parseTaskNumber(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain(message);
    expect(result.error.usage).not.toBe('');
    expect(result.error.example).not.toBe('');
  });

  it('puts the caller’s hint in the error', () => {
    const hint = { usage: '/task done <task number>', example: '/task done T7' };
    expect(parseTaskNumber('x', hint)).toEqual({
      ok: false,
      error: { message: expect.any(String), ...hint },
    });
  });
});

describe('formatTaskRef', () => {
  it.each([
    [1, 'T1'],
    [7, 'T7'],
    [MAX_TASK_NUMBER, `T${MAX_TASK_NUMBER}`],
  ])('%d → %s', (number, shown) => {
    expect(formatTaskRef(number)).toBe(shown);
    expect(parseTaskNumber(shown)).toEqual({ ok: true, value: number });
  });
});
