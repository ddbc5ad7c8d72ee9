import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OWNERSHIP_MATRIX,
  DISCIPLINE_LABELS,
  DISCIPLINES,
  INITIATIVE_KINDS,
  type InitiativeKind,
  KIND_LABELS,
  matchKind,
  ownershipMatrixSchema,
  parseKind,
  resolveMatrix,
  suggestOwner,
} from '../../../src/domain/initiatives/kinds.js';

describe('parseKind', () => {
  it.each(INITIATIVE_KINDS.map((kind) => [kind, kind]))('accepts the canonical %s', (input, kind) => {
    expect(parseKind(input)).toEqual({ ok: true, value: kind });
  });

  it.each([
    ['press-release', 'press_release'],
    ['Press_Release', 'press_release'],
    ['PRESSRELEASE', 'press_release'],
    ['pr', 'press_release'],
    ['PR', 'press_release'],
    ['release', 'press_release'],
    ['influencer_program', 'influencer'],
    ['influencer-programme', 'influencer'],
    ['influencers', 'influencer'],
    ['Campaigns', 'campaign'],
    ['trend', 'trend_response'],
    ['trend-response', 'trend_response'],
    ['crisis_response', 'crisis'],
    ['issues', 'crisis'],
    ['employee_advocacy', 'advocacy'],
    ['employee-advocacy', 'advocacy'],
    ['misc', 'other'],
    [' crisis ', 'crisis'],
  ])('accepts the alias %j as %s', (input, kind) => {
    expect(parseKind(input)).toEqual({ ok: true, value: kind });
  });

  it.each([
    ['presser', 'I don\'t know the kind "presser".'],
    ['launch', 'I don\'t know the kind "launch".'],
    ['', 'I don\'t know the kind "".'],
    ['press release', null],
  ])('rejects %j', (input, message) => {
    const result = parseKind(input);
    if (message === null) {
      // Two words are two tokens in a command; as one string it is still a valid alias.
      expect(result.ok).toBe(true);
      return;
    }
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message.startsWith(message)).toBe(true);
    expect(result.error.message).toContain(INITIATIVE_KINDS.join(', '));
  });

  it('suggests the nearest kind for a typo', () => {
    const result = parseKind('crisiss');
    expect(!result.ok && result.error.message).toContain('Did you mean crisis?');
  });

  it('does not suggest anything for an unrelated word', () => {
    const result = parseKind('xylophone');
    expect(!result.ok && result.error.message).not.toContain('Did you mean');
  });

  it.each([['__proto__'], ['constructor'], ['toString']])(
    'does not find a kind in Object.prototype for %s',
    (word) => {
      expect(matchKind(word)).toBeNull();
      expect(parseKind(word).ok).toBe(false);
    },
  );

  it('matchKind returns null rather than an error', () => {
    expect(matchKind('nope')).toBeNull();
    expect(matchKind('Trend_Response')).toBe('trend_response');
  });

  it('labels every kind and discipline', () => {
    for (const kind of INITIATIVE_KINDS) expect(KIND_LABELS[kind]).toMatch(/^[A-Z]/);
    for (const d of DISCIPLINES) expect(DISCIPLINE_LABELS[d]).toMatch(/^[A-Z]/);
    expect(KIND_LABELS.press_release).toBe('Press release');
  });
});

describe('DEFAULT_OWNERSHIP_MATRIX', () => {
  it.each([
    ['press_release', 'pr', ['social']],
    ['influencer', 'joint', []],
    ['campaign', 'social', ['marketing']],
    ['trend_response', 'social', ['pr']],
    ['crisis', 'pr', ['social']],
    ['advocacy', 'pr', ['social']],
    ['other', 'joint', []],
  ] as const)('%s → %s leads, %j support', (kind, lead, support) => {
    expect(DEFAULT_OWNERSHIP_MATRIX[kind]).toEqual({ lead, support });
  });

  it('passes its own schema', () => {
    expect(ownershipMatrixSchema.safeParse(DEFAULT_OWNERSHIP_MATRIX).success).toBe(true);
  });
});

describe('ownershipMatrixSchema', () => {
  it.each([
    [{}, true],
    [{ crisis: { lead: 'social', support: ['pr'] } }, true],
    [{ crisis: { lead: 'social' } }, true],
    [{ crisis: { lead: 'legal' } }, false],
    [{ crisis: { lead: 'pr', support: ['joint'] } }, false],
    [{ crisis: 'pr' }, false],
  ])('%j valid: %s', (stored, valid) => {
    expect(ownershipMatrixSchema.safeParse(stored).success).toBe(valid);
  });
});

describe('resolveMatrix', () => {
  it.each([[null], [undefined], ['not json'], [42], [[]], ['{}']])(
    'falls back to the default for %j',
    (stored) => {
      expect(resolveMatrix(stored)).toEqual(DEFAULT_OWNERSHIP_MATRIX);
    },
  );

  it('merges a partial matrix over the default', () => {
    const matrix = resolveMatrix({
      crisis: { lead: 'joint', support: [] },
      trend_response: { lead: 'pr', support: ['social'] },
    });
    expect(matrix.crisis).toEqual({ lead: 'joint', support: [] });
    expect(matrix.trend_response).toEqual({ lead: 'pr', support: ['social'] });
    expect(matrix.press_release).toEqual(DEFAULT_OWNERSHIP_MATRIX.press_release);
  });

  it('reads a matrix stored as a JSON string', () => {
    expect(resolveMatrix('{"campaign":{"lead":"marketing","support":["social"]}}').campaign).toEqual({
      lead: 'marketing',
      support: ['social'],
    });
  });

  it('keeps good entries when another is bad, and ignores unknown kinds', () => {
    const matrix = resolveMatrix({
      crisis: { lead: 'legal' },
      advocacy: { lead: 'social' },
      podcast: { lead: 'pr' },
    });
    expect(matrix.crisis).toEqual(DEFAULT_OWNERSHIP_MATRIX.crisis);
    expect(matrix.advocacy).toEqual({ lead: 'social', support: [] });
    expect(Object.keys(matrix).sort()).toEqual([...INITIATIVE_KINDS].sort());
  });

  it('drops the lead from its own supporters and removes repeats', () => {
    expect(
      resolveMatrix({ campaign: { lead: 'marketing', support: ['marketing', 'social', 'social'] } }).campaign,
    ).toEqual({
      lead: 'marketing',
      support: ['social'],
    });
  });

  it('does not let a stored matrix change the default object', () => {
    resolveMatrix({ crisis: { lead: 'social', support: [] } });
    expect(DEFAULT_OWNERSHIP_MATRIX.crisis.lead).toBe('pr');
  });
});

describe('suggestOwner', () => {
  const both = { pr: ['UPR1', 'UPR2'], social: ['USOC1'] };

  it.each([
    ['press_release', both, 'UPR1', 'pr'],
    ['crisis', both, 'UPR1', 'pr'],
    ['advocacy', both, 'UPR1', 'pr'],
    ['campaign', both, 'USOC1', 'social'],
    ['trend_response', both, 'USOC1', 'social'],
    ['influencer', both, 'UPR1', 'joint'],
    ['other', both, 'UPR1', 'joint'],
    ['influencer', { pr: [], social: ['USOC1'] }, 'USOC1', 'joint'],
    ['press_release', { pr: [], social: ['USOC1'] }, 'USOC1', 'pr'],
    ['trend_response', { pr: ['UPR1'], social: [] }, 'UPR1', 'social'],
  ] as const)('%s with %j → %s', (kind, leads, userId, discipline) => {
    const suggestion = suggestOwner(kind, DEFAULT_OWNERSHIP_MATRIX, {
      pr: [...leads.pr],
      social: [...leads.social],
    });
    expect(suggestion.userId).toBe(userId);
    expect(suggestion.discipline).toBe(discipline);
    expect(suggestion.reason).not.toBe('');
  });

  it('says a stand-in is a stand-in and how to set the real lead', () => {
    const suggestion = suggestOwner('press_release', DEFAULT_OWNERSHIP_MATRIX, { pr: [], social: ['USOC1'] });
    expect(suggestion.reason).toContain('/tandem set pr-leads @someone');
  });

  it.each(INITIATIVE_KINDS.map((kind) => [kind]))(
    'returns null for %s when no leads are configured',
    (kind) => {
      const suggestion = suggestOwner(kind as InitiativeKind, DEFAULT_OWNERSHIP_MATRIX, {
        pr: [],
        social: [],
      });
      expect(suggestion.userId).toBeNull();
      expect(suggestion.reason).toMatch(/\/tandem set (pr|social)-leads @someone/);
    },
  );

  it('tells them to set social leads when social leads the kind', () => {
    const suggestion = suggestOwner('campaign', DEFAULT_OWNERSHIP_MATRIX, { pr: [], social: [] });
    expect(suggestion.reason).toContain('/tandem set social-leads @someone');
  });

  it('uses marketing leads when marketing leads', () => {
    const matrix = resolveMatrix({ campaign: { lead: 'marketing', support: ['social'] } });
    expect(suggestOwner('campaign', matrix, { pr: [], social: ['USOC1'], marketing: ['UMKT1'] }).userId).toBe(
      'UMKT1',
    );
    expect(suggestOwner('campaign', matrix, { pr: [], social: ['USOC1'] }).userId).toBe('USOC1');
  });
});
