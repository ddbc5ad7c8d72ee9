import { describe, expect, it } from 'vitest';
import {
  type ChecklistItem,
  checklistDueDate,
  checklistsSchema,
  DEFAULT_CHECKLISTS,
  MAX_CHECKLIST_ITEMS,
  resolveChecklists,
} from '../../../src/domain/initiatives/checklists.js';
import { INITIATIVE_KINDS } from '../../../src/domain/initiatives/kinds.js';
import { MAX_TASK_TITLE_LENGTH } from '../../../src/domain/tasks/task-fields.js';

describe('DEFAULT_CHECKLISTS', () => {
  it.each(INITIATIVE_KINDS.map((kind) => [kind]))('%s has a short, valid list in date order', (kind) => {
    const items = DEFAULT_CHECKLISTS[kind];
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(MAX_CHECKLIST_ITEMS);
    expect(checklistsSchema.parse({ [kind]: items })).toEqual({ [kind]: items });
    const offsets = items.map((item) => item.offsetDays ?? 0);
    expect(offsets).toEqual([...offsets].sort((a, b) => b - a));
  });

  it('holds the press release and influencer lists from the issue', () => {
    expect(DEFAULT_CHECKLISTS.press_release.map((i) => [i.title, i.discipline])).toEqual([
      ['Approve final copy', 'pr'],
      ['Draft social posts', 'social'],
      ['Schedule posts', 'social'],
      ['Pitch to media', 'pr'],
    ]);
    expect(DEFAULT_CHECKLISTS.influencer.map((i) => [i.title, i.discipline])).toEqual([
      ['Brief influencer', null],
      ['Approve influencer content', 'pr'],
      ['Schedule amplification', 'social'],
      ['Report results', 'social'],
    ]);
  });
});

describe('resolveChecklists', () => {
  const custom: ChecklistItem[] = [{ title: 'Call the client', discipline: 'pr', offsetDays: 2 }];

  it.each([null, undefined, '', 'not json', 42, [], [custom], {}, { crisis: 'nope' }])(
    '%j keeps every default',
    (stored) => {
      expect(resolveChecklists(stored)).toEqual(DEFAULT_CHECKLISTS);
    },
  );

  it('replaces only the kinds given', () => {
    const resolved = resolveChecklists({ crisis: custom, campaign: [] });
    expect(resolved.crisis).toEqual(custom);
    expect(resolved.campaign).toEqual([]);
    expect(resolved.press_release).toEqual(DEFAULT_CHECKLISTS.press_release);
  });

  it('reads a JSON string', () => {
    expect(resolveChecklists(JSON.stringify({ other: custom })).other).toEqual(custom);
  });

  it('ignores a bad kind without discarding the good ones', () => {
    const resolved = resolveChecklists({
      crisis: custom,
      advocacy: [{ title: 'x'.repeat(MAX_TASK_TITLE_LENGTH + 1), discipline: null }],
      campaign: Array.from({ length: MAX_CHECKLIST_ITEMS + 1 }, () => ({ title: 'x', discipline: null })),
      influencer: [{ title: 'x', discipline: 'joint' }],
      other: [{ title: '   ', discipline: null }],
      trend_response: [{ title: 'x', discipline: null, offsetDays: 1.5 }],
      press_release: [{ discipline: 'pr' }],
      unknown_kind: custom,
    });
    expect(resolved.crisis).toEqual(custom);
    for (const kind of [
      'advocacy',
      'campaign',
      'influencer',
      'other',
      'trend_response',
      'press_release',
    ] as const) {
      expect(resolved[kind]).toEqual(DEFAULT_CHECKLISTS[kind]);
    }
    expect(Object.keys(resolved).sort()).toEqual([...INITIATIVE_KINDS].sort());
  });

  it('tidies titles and fills in a missing discipline as joint', () => {
    expect(resolveChecklists({ other: [{ title: '  Call\n <@U1|ann>  ' }] }).other).toEqual([
      { title: 'Call @ann', discipline: null },
    ]);
  });

  it('takes only own properties', () => {
    expect(resolveChecklists(JSON.parse('{"__proto__": {"crisis": []}}'))).toEqual(DEFAULT_CHECKLISTS);
    expect(resolveChecklists(Object.create({ crisis: custom }))).toEqual(DEFAULT_CHECKLISTS);
  });

  it('returns copies that are safe to change', () => {
    const resolved = resolveChecklists(null);
    resolved.crisis.push({ title: 'x', discipline: null });
    const first = resolved.press_release[0];
    if (first) first.title = 'changed';
    expect(resolveChecklists(null)).toEqual(DEFAULT_CHECKLISTS);
    expect(DEFAULT_CHECKLISTS.press_release[0]?.title).toBe('Approve final copy');
  });
});

describe('checklistDueDate', () => {
  it.each<[string | null, number | undefined, string, string | null]>([
    ['2026-12-10', 3, '2026-12-01', '2026-12-07'],
    ['2026-12-10', 0, '2026-12-01', '2026-12-10'],
    ['2026-12-10', -7, '2026-12-01', '2026-12-17'],
    ['2026-03-02', 2, '2026-01-01', '2026-02-28'],
    // Never earlier than today.
    ['2026-12-10', 14, '2026-12-05', '2026-12-05'],
    ['2026-12-01', 3, '2026-12-05', '2026-12-05'],
    ['2026-12-10', 9, '2026-12-01', '2026-12-01'],
    // No due date to count from, or nothing to count.
    [null, 3, '2026-12-01', null],
    ['2026-12-10', undefined, '2026-12-01', null],
    ['not a date', 3, '2026-12-01', null],
    ['2026-12-10', 3, 'not a date', '2026-12-07'],
  ])('initiative due %j, offset %j, today %s → %j', (due, offsetDays, today, expected) => {
    const item = offsetDays === undefined ? {} : { offsetDays };
    expect(checklistDueDate(due, item, today)).toBe(expected);
  });

  it('ignores an offset that is not a whole number', () => {
    expect(checklistDueDate('2026-12-10', { offsetDays: 1.5 }, '2026-12-01')).toBeNull();
  });
});
