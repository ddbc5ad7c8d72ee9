/**
 * Where one network's post stands on the release card:
 * drafted → approved (or changes requested) → scheduled → posted.
 */
export type PostState = 'drafted' | 'changes-requested' | 'approved' | 'scheduled' | 'posted';

export interface DraftFacts {
  status: 'pending' | 'approved' | 'superseded';
  changesRequestedBy: string | null;
}

export interface AmplifyFacts {
  status: 'open' | 'blocked' | 'done';
  postAt: Date | null;
}

export function postState(draft: DraftFacts, amplify: AmplifyFacts | null): PostState {
  if (amplify?.status === 'done') return 'posted';
  if (draft.status === 'approved') return amplify?.postAt ? 'scheduled' : 'approved';
  return draft.changesRequestedBy ? 'changes-requested' : 'drafted';
}

/** Who may approve drafts, and whether, with both sides approving, one approval is enough. */
export type DraftApprovers = 'pr' | 'social' | 'both';
export type DraftApproval = 'any' | 'all';
export const DRAFT_APPROVALS: readonly DraftApproval[] = ['any', 'all'];

export type Side = 'pr' | 'social';

/** What one person's approval does to a draft that may already have one side's approval. */
export type ApprovalStep =
  /** The draft is approved now. */
  | { kind: 'approve'; side: Side | null }
  /** One side approved; the other side's approval is still needed. */
  | { kind: 'half'; side: Side }
  /** They already gave this draft the approval they can give. */
  | { kind: 'already-given'; waitingFor: Side };

export interface Approver {
  userId: string;
  prLead: boolean;
  socialLead: boolean;
}

/**
 * With `both` and `all`, a draft needs one approval from a PR lead and one from a social lead,
 * from two people; otherwise one approval from anyone allowed is enough. Someone who leads both
 * sides fills whichever side is still missing.
 */
export function approvalStep(
  rule: { approvers: DraftApprovers; approval: DraftApproval },
  approver: Approver,
  given: { pr: string | null; social: string | null },
): ApprovalStep {
  if (rule.approvers !== 'both' || rule.approval === 'any') return { kind: 'approve', side: null };
  const sides: Side[] = [];
  if (approver.prLead) sides.push('pr');
  if (approver.socialLead) sides.push('social');
  // An approver who is neither (an admin while nobody is set) approves outright.
  if (sides.length === 0) return { kind: 'approve', side: null };
  const missing = sides.filter((s) => given[s] === null);
  const gaveOne = given.pr === approver.userId || given.social === approver.userId;
  const side = missing[0];
  if (gaveOne || side === undefined) {
    const waitingFor: Side = given.pr === null ? 'pr' : 'social';
    return { kind: 'already-given', waitingFor };
  }
  const other: Side = side === 'pr' ? 'social' : 'pr';
  return given[other] !== null ? { kind: 'approve', side } : { kind: 'half', side };
}
