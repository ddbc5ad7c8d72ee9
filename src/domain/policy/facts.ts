import type { Discipline } from '../initiatives/kinds.js';

/**
 * Who someone is in Slack. Guests are `is_restricted` (multi-channel) or `is_ultra_restricted`
 * (single-channel); external people reach the workspace through a Slack Connect channel.
 */
export type SlackRole = 'owner' | 'admin' | 'member' | 'guest' | 'external';

/** What the edge knows about the person asking; the policy never looks anything up itself. */
export interface ActorFacts {
  userId: string;
  role: SlackRole;
  /** Named with `/tandem set admins`. */
  tandemAdmin: boolean;
  /** Installed Tandem in this workspace (known in OAuth mode only). */
  installer: boolean;
  prLead: boolean;
  socialLead: boolean;
}

/**
 * The thing acted on, as far as the action needs it. `inChannel` is whether the actor is a
 * member of the item's channel; `channelPrivate` whether that channel is private (a channel
 * whose members Tandem cannot read counts as private).
 */
export interface ItemFacts {
  /** A task's assignee, an initiative's owner, a release's author. */
  ownerId?: string | null;
  initiativeOwnerId?: string | null;
  /** Whose leads answer for it; joint (or unknown) work answers to both. */
  discipline?: Discipline | null;
  channelPrivate?: boolean;
  inChannel?: boolean;
  /** For a claim: the person the item would go to (themselves, or someone they name). */
  targetUserId?: string;
}

/** Workspace-wide facts some settings rules need. */
export interface SetupFacts {
  /** Nobody has configured Tandem yet. */
  neverSetUp: boolean;
  /** Who did the first setup, while no admin has changed anything since. */
  firstSetupBy: string | null;
  /** Leads whose approval a social draft needs; empty when none are configured. */
  approverIds: string[];
}

export const isFullMember = (actor: ActorFacts): boolean =>
  actor.role === 'owner' || actor.role === 'admin' || actor.role === 'member';

export const isWorkspaceAdmin = (actor: ActorFacts): boolean =>
  actor.role === 'owner' || actor.role === 'admin';
