import { type ActorFacts, type ItemFacts, isFullMember, isWorkspaceAdmin, type SetupFacts } from './facts.js';
import { type Action, type Grant, RULES } from './rules.js';

export type Decision =
  | { allowed: true }
  | {
      allowed: false;
      /** `hidden`: they cannot see the item at all; `guest`: guests and external people never may. */
      why: 'not-allowed' | 'hidden' | 'guest';
      grants: readonly Grant[];
    };

export interface Question {
  actor: ActorFacts;
  item?: ItemFacts;
  setup?: SetupFacts;
}

const NO_SETUP: SetupFacts = { neverSetUp: false, firstSetupBy: null, approverIds: [] };

/** Workspace owners and admins, the installer and named Tandem admins all administer Tandem. */
export const isAdmin = (actor: ActorFacts): boolean =>
  actor.tandemAdmin || actor.installer || isWorkspaceAdmin(actor);

function isLeadOf(actor: ActorFacts, discipline: ItemFacts['discipline']): boolean {
  if (discipline === 'pr') return actor.prLead;
  if (discipline === 'social') return actor.socialLead;
  return actor.prLead || actor.socialLead;
}

/** Whether someone close to the item answers for it even without being in its channel. */
function answersFor(actor: ActorFacts, item: ItemFacts): boolean {
  return (
    item.ownerId === actor.userId ||
    item.initiativeOwnerId === actor.userId ||
    actor.prLead ||
    actor.socialLead ||
    isAdmin(actor)
  );
}

/**
 * Guests and external people see only what is in their channels. Private-channel items are for
 * the channel's members; when Tandem cannot read the members (`inChannel` unknown), only for the
 * people who answer for the item — never for everyone.
 */
export function canSee(actor: ActorFacts, item: ItemFacts): boolean {
  if (item.inChannel === true) return true;
  if (!isFullMember(actor)) return false;
  if (!item.channelPrivate) return true;
  return item.inChannel === undefined && answersFor(actor, item);
}

function grants(grant: Grant, actor: ActorFacts, item: ItemFacts, setup: SetupFacts): boolean {
  switch (grant) {
    case 'sees':
      return canSee(actor, item);
    case 'member':
      return isFullMember(actor);
    case 'owner':
      return Boolean(item.ownerId) && item.ownerId === actor.userId;
    case 'initiative-owner':
      return Boolean(item.initiativeOwnerId) && item.initiativeOwnerId === actor.userId;
    case 'discipline-leads':
      return isLeadOf(actor, item.discipline);
    case 'any-lead':
      return actor.prLead || actor.socialLead;
    case 'admin':
      return isAdmin(actor);
    case 'workspace-admin':
      return isWorkspaceAdmin(actor);
    case 'installer':
      return actor.installer;
    case 'first-setup':
      return isFullMember(actor) && (setup.neverSetUp || setup.firstSetupBy === actor.userId);
    case 'approvers':
      return setup.approverIds.includes(actor.userId);
    case 'admin-without-approvers':
      return setup.approverIds.length === 0 && isAdmin(actor);
  }
}

/** May this person do this to this item? Pure: every fact comes from the caller. */
export function decide(action: Action, question: Question): Decision {
  const rule = RULES[action];
  const { actor } = question;
  const item = question.item ?? {};
  const setup = question.setup ?? NO_SETUP;
  if (!rule.onItem && !isFullMember(actor)) return { allowed: false, why: 'guest', grants: rule.grants };
  if (rule.onItem && !canSee(actor, item)) return { allowed: false, why: 'hidden', grants: rule.grants };
  if (rule.grants.some((g) => grants(g, actor, item, setup))) return { allowed: true };
  return { allowed: false, why: 'not-allowed', grants: rule.grants };
}

/**
 * True when the item's facts alone allow the action, whoever asks: someone acting from inside
 * the item's channel sees it, and seeing it is all some actions need (a claim). Then the
 * asker's role need not be looked up (a users.info call) before answering.
 */
export function allowedToAnyoneThere(action: Action, item: ItemFacts): boolean {
  const rule = RULES[action];
  return rule.onItem && item.inChannel === true && (rule.grants as readonly Grant[]).includes('sees');
}
