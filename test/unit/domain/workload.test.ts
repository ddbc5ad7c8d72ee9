import { describe, expect, it } from 'vitest';
import { workloadNote } from '../../../src/domain/tasks/workload.js';

describe('workloadNote', () => {
  it.each([
    [6, 5, 'you now own 6 open tasks'],
    [5, 5, 'you now own 5 open tasks'],
    [4, 5, null],
    [0, 5, null],
    [1, 1, 'you now own 1 open task'],
    [2, 1, 'you now own 2 open tasks'],
    [100, 0, null],
    [100, -1, null],
    [100, Number.NaN, null],
    [Number.NaN, 5, null],
    [Number.POSITIVE_INFINITY, 5, null],
  ])('%d open, threshold %d → %j', (count, threshold, note) => {
    expect(workloadNote(count, threshold)).toBe(note);
  });
});
