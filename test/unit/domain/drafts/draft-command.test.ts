import { describe, expect, it } from 'vitest';
import { formatReleaseRef, parseDraftCommand } from '../../../../src/domain/drafts/draft-command.js';

describe('release references', () => {
  it('shows a release as R<number>, apart from the PR discipline', () => {
    expect(formatReleaseRef(3)).toBe('R3');
  });

  it.each(['R3', 'r3', '#R3', 'R-3', 'PR3', 'pr3', '#PR3', 'pr-3', 'release 3', 'Release3', 'R003'])(
    'reads %s as release 3 (old PR references keep working)',
    (typed) => {
      expect(parseDraftCommand(typed)).toEqual({ ok: true, value: { type: 'show', release: 3 } });
    },
  );

  it('refuses a release numbered 0', () => {
    const parsed = parseDraftCommand('R0');
    expect(parsed.ok).toBe(false);
  });
});
