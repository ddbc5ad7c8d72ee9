import { describe, expect, it } from 'vitest';
import { approvalStep, postState } from '../../../../src/domain/drafts/post-state.js';
import { defaultPostAt, releaseDate } from '../../../../src/domain/drafts/post-time.js';

const pending = { status: 'pending' as const, changesRequestedBy: null };
const approved = { status: 'approved' as const, changesRequestedBy: null };
const at = new Date('2026-12-08T09:00:00Z');

describe('where a network’s post stands', () => {
  it('goes drafted → changes requested → approved → scheduled → posted', () => {
    expect(postState(pending, null)).toBe('drafted');
    expect(postState({ ...pending, changesRequestedBy: 'U1' }, null)).toBe('changes-requested');
    expect(postState(approved, { status: 'open', postAt: null })).toBe('approved');
    expect(postState(approved, { status: 'open', postAt: at })).toBe('scheduled');
    expect(postState(approved, { status: 'done', postAt: at })).toBe('posted');
  });

  it('is not scheduled while the draft still needs approving, whatever the posting time', () => {
    expect(postState(pending, { status: 'open', postAt: at })).toBe('drafted');
  });
});

describe('who approves, any or all', () => {
  const pr = { userId: 'UPR', prLead: true, socialLead: false };
  const social = { userId: 'USOC', prLead: false, socialLead: true };
  const bothLead = { userId: 'UBOTH', prLead: true, socialLead: true };
  const none = { pr: null, social: null };

  it('takes one approval from either side with any, or with a single side approving', () => {
    expect(approvalStep({ approvers: 'both', approval: 'any' }, pr, none)).toEqual({
      kind: 'approve',
      side: null,
    });
    expect(approvalStep({ approvers: 'pr', approval: 'all' }, pr, none)).toEqual({
      kind: 'approve',
      side: null,
    });
  });

  it('needs one PR and one social approval with all', () => {
    const rule = { approvers: 'both' as const, approval: 'all' as const };
    expect(approvalStep(rule, pr, none)).toEqual({ kind: 'half', side: 'pr' });
    expect(approvalStep(rule, social, { pr: 'UPR', social: null })).toEqual({
      kind: 'approve',
      side: 'social',
    });
    // A second PR lead adds nothing: the social side is still missing.
    expect(approvalStep(rule, { ...pr, userId: 'UPR2' }, { pr: 'UPR', social: null })).toEqual({
      kind: 'already-given',
      waitingFor: 'social',
    });
  });

  it('lets someone who leads both sides fill one side, never both', () => {
    const rule = { approvers: 'both' as const, approval: 'all' as const };
    expect(approvalStep(rule, bothLead, none)).toEqual({ kind: 'half', side: 'pr' });
    expect(approvalStep(rule, bothLead, { pr: 'UBOTH', social: null })).toEqual({
      kind: 'already-given',
      waitingFor: 'social',
    });
    expect(approvalStep(rule, bothLead, { pr: 'UPR', social: null })).toEqual({
      kind: 'approve',
      side: 'social',
    });
  });
});

describe('when a post goes out unless scheduled', () => {
  const now = new Date('2026-12-06T10:00:00Z');
  const body = (dateline: string) => `${dateline} Acme today opened its first solar-powered plant in Leeds.`;

  it('is when the embargo lifts', () => {
    expect(defaultPostAt({ embargoUntil: at, body: body('LEEDS, 20 December 2026 —') }, now)).toEqual(at);
  });

  it('else is the release’s own date, when it is still ahead', () => {
    const dated = defaultPostAt({ embargoUntil: null, body: body('LEEDS, 9 December 2026 —') }, now);
    expect(dated.toISOString().slice(0, 10)).toBe('2026-12-09');
  });

  it('else is now: no date, or one already past', () => {
    expect(defaultPostAt({ embargoUntil: null, body: body('LEEDS —') }, now)).toEqual(now);
    expect(defaultPostAt({ embargoUntil: null, body: body('LEEDS, 1 December 2026 —') }, now)).toEqual(now);
  });

  it('reads only the dateline, not a date further down the story', () => {
    const long = `${'Acme opened a plant in Leeds today. '.repeat(10)}It will be extended on 3 March 2027.`;
    expect(releaseDate(long, now)).toBeNull();
  });
});
