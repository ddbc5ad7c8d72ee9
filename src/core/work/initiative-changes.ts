import type { Action } from '../../domain/policy/rules.js';
import type { Initiative, InitiativeStatus } from '../../generated/prisma/client.js';
import { refreshHomes } from '../home/publish.js';
import { ensureAllowed } from '../permissions.js';
import { changeOwner, setDue, setStatus } from '../stores/initiative-updates.js';
import { initiativeFacts, storeActor, type WorkRequest, whoAsks } from './request.js';

export type InitiativeChange =
  | { kind: 'assign'; to: string }
  | { kind: 'handoff'; to: string; reason?: string | undefined }
  | { kind: 'status'; status: InitiativeStatus }
  | { kind: 'due'; due: string | null };

export interface InitiativeChanged {
  initiative: Initiative;
  previousOwnerId: string | null;
}

function ruleFor(change: InitiativeChange, initiative: Initiative, userId: string): [Action, string] {
  const ref = `#${initiative.number}`;
  switch (change.kind) {
    case 'assign':
      // An initiative nobody owns may be taken by anyone who can see it, for themselves.
      return !initiative.ownerId && change.to === userId
        ? ['initiative.claim', `take ${ref}`]
        : ['initiative.assign', `assign ${ref}`];
    case 'handoff':
      return ['initiative.assign', `hand ${ref} off`];
    case 'status':
      return ['initiative.status', `change the status of ${ref}`];
    case 'due':
      return ['initiative.due', `change the due date of ${ref}`];
  }
}

/**
 * One change to an initiative from any surface (command, nudge button): the policy first, then
 * the store (history in the same transaction), then the App Homes of the people it touched.
 */
export async function changeInitiative(
  req: WorkRequest,
  initiative: Initiative,
  change: InitiativeChange,
): Promise<InitiativeChanged> {
  const [action, doing] = ruleFor(change, initiative, req.userId);
  ensureAllowed({
    action,
    actor: await whoAsks(req),
    team: req.team,
    item: await initiativeFacts(req, initiative),
    doing,
    hint: 'Ask one of them.',
  });
  const actor = storeActor(req);
  const { deps } = req;
  let result: InitiativeChanged;
  switch (change.kind) {
    case 'assign':
    case 'handoff': {
      const kind = change.kind === 'assign' ? 'assigned' : 'handoff';
      const reason = change.kind === 'handoff' ? change.reason : undefined;
      result = await changeOwner(deps, actor, initiative.number, change.to, kind, reason);
      break;
    }
    case 'status':
      result = { initiative: await setStatus(deps, actor, initiative, change.status), previousOwnerId: null };
      break;
    case 'due':
      result = {
        initiative: await setDue(deps, actor, initiative, change.due, req.team),
        previousOwnerId: null,
      };
      break;
  }
  refreshHomes(req.client, deps, req.team.teamId, [result.initiative.ownerId, result.previousOwnerId]);
  return result;
}
