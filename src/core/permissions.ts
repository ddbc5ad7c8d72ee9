import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps.js';
import { decide } from '../domain/policy/decide.js';
import type { ActorFacts, ItemFacts, SetupFacts } from '../domain/policy/facts.js';
import type { Action } from '../domain/policy/rules.js';
import { UserError } from '../domain/user-error.js';
import { personOf } from './people.js';
import { refusalText } from './refusals.js';
import { approverIds, type WorkspaceSettings } from './settings.js';

/** The asker's facts: their Slack role (cached users.info) and what the settings say of them. */
export async function actorFacts(
  deps: Deps,
  client: WebClient,
  team: WorkspaceSettings,
  userId: string,
): Promise<ActorFacts> {
  const { role } = await personOf(deps, client, team.teamId, userId);
  return {
    userId,
    role,
    tandemAdmin: team.tandemAdmins.includes(userId),
    installer: team.installerId === userId,
    prLead: team.prLeads.includes(userId),
    socialLead: team.socialLeads.includes(userId),
  };
}

export function setupFacts(team: WorkspaceSettings): SetupFacts {
  return {
    neverSetUp: team.setupAt === null,
    firstSetupBy: team.adminConfiguredAt === null ? team.setupBy : null,
    approverIds: approverIds(team),
  };
}

export interface Ask {
  action: Action;
  actor: ActorFacts;
  team: WorkspaceSettings;
  item?: ItemFacts;
  /** How the refusal names the thing, e.g. "mark T4 done". */
  doing: string;
  /** What to do instead, e.g. "Ask them in the task’s thread." */
  hint?: string;
}

/** Asks the policy; a refusal is a UserError the one error handler answers privately. */
export function ensureAllowed(ask: Ask): void {
  const item = ask.item ?? {};
  const decision = decide(ask.action, { actor: ask.actor, item, setup: setupFacts(ask.team) });
  if (decision.allowed) return;
  throw new UserError(refusalText(decision, { ...ask, item }));
}

/** The same question, answered as a boolean where a refusal needs its own wording. */
export function isAllowed(ask: Omit<Ask, 'doing' | 'hint'>): boolean {
  return decide(ask.action, { actor: ask.actor, item: ask.item ?? {}, setup: setupFacts(ask.team) }).allowed;
}
