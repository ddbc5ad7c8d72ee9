import { allowedToAnyoneThere } from '../../domain/policy/decide.js';
import type { Action } from '../../domain/policy/rules.js';
import { TASK_USAGE } from '../../domain/tasks/task-command.js';
import { formatTaskRef } from '../../domain/tasks/task-ref.js';
import { UserError } from '../../domain/user-error.js';
import { ensureAllowed } from '../permissions.js';
import {
  blockTask,
  type ClaimOutcome,
  claimTask,
  completeTask,
  reassignTask,
  releaseTask,
  snoozeTask,
  unblockTask,
} from '../stores/task-updates.js';
import type { TaskWithInitiative } from '../stores/tasks.js';
import { storeActor, taskFacts, type WorkRequest, whoAsks } from './request.js';
import { afterTaskChange } from './task-sync.js';

export type TaskChange =
  | { kind: 'release' }
  | { kind: 'done' }
  | { kind: 'block'; reason: string | null }
  | { kind: 'unblock' }
  | { kind: 'snooze' }
  | { kind: 'assign'; to: string }
  | { kind: 'handoff'; to: string };

export interface TaskChanged {
  task: TaskWithInitiative;
  previousOwnerId: string | null;
  /** False when the task already was as asked (done twice): nothing was written. */
  changed: boolean;
}

/** Which rule answers for a change, and how a refusal names it. */
function ruleFor(change: TaskChange, task: TaskWithInitiative, userId: string): [Action, string] {
  const ref = formatTaskRef(task.number);
  switch (change.kind) {
    case 'release':
      return ['task.release', `release ${ref}`];
    case 'done':
      return ['task.done', `mark ${ref} done`];
    case 'block':
      return ['task.block', `block ${ref}`];
    case 'unblock':
      return ['task.block', `unblock ${ref}`];
    case 'snooze':
      return ['task.snooze', `snooze ${ref}`];
    case 'handoff':
      return ['task.handoff', `hand ${ref} off`];
    case 'assign':
      // Taking an unclaimed task for oneself is a claim; anything else takes it from someone.
      return !task.assigneeId && change.to === userId
        ? ['task.claim', `claim ${ref}`]
        : ['task.take', `assign ${ref}`];
  }
}

async function ensureMay(req: WorkRequest, task: TaskWithInitiative, action: Action, doing: string) {
  // Someone acting from inside the task's channel (a reaction on its message) may claim it
  // whoever they are: neither their role (users.info) nor the channel's privacy
  // (conversations.info) is looked up before answering.
  const channel = task.messageChannel ?? task.initiative.channelId;
  const present = Boolean(channel) && channel === req.channelId;
  if (allowedToAnyoneThere(action, { inChannel: present })) return;
  ensureAllowed({
    action,
    actor: await whoAsks(req),
    team: req.team,
    item: await taskFacts(req, task),
    doing,
    hint: `Ask them in ${formatTaskRef(task.number)}’s thread.`,
  });
}

async function apply(req: WorkRequest, task: TaskWithInitiative, change: TaskChange): Promise<TaskChanged> {
  const { deps } = req;
  const actor = storeActor(req);
  const unchanged = { task, previousOwnerId: task.assigneeId, changed: false };
  const ref = formatTaskRef(task.number);
  switch (change.kind) {
    case 'release': {
      const released = task.assigneeId ? await releaseTask(deps, actor, task.id, task.assigneeId) : null;
      if (!released)
        throw new UserError(
          `${ref} is not claimed, so there is nothing to release.`,
          TASK_USAGE.release.usage,
          TASK_USAGE.release.example,
        );
      return { task: released, previousOwnerId: task.assigneeId, changed: true };
    }
    case 'done':
      if (task.status === 'done') return unchanged;
      // An amplify line closes with its live post's link, and only once its draft is approved.
      if (task.releaseId)
        throw new UserError(
          `${ref} is a network's amplify line: press *Mark posted* on its release's card, which asks for the live post's link.`,
        );
      return { ...unchanged, task: await completeTask(deps, actor, task.id), changed: true };
    case 'block':
      return { ...unchanged, task: await blockTask(deps, actor, task.id, change.reason), changed: true };
    case 'unblock': {
      const unblocked = await unblockTask(deps, actor, task.id);
      if (!unblocked)
        throw new UserError(`${ref} is not blocked.`, TASK_USAGE.unblock.usage, TASK_USAGE.unblock.example);
      return { ...unchanged, task: unblocked, changed: true };
    }
    case 'snooze':
      return { ...unchanged, task: await snoozeTask(deps, actor, task.id), changed: true };
    case 'assign':
    case 'handoff': {
      const kind = change.kind === 'assign' ? 'assigned' : 'handoff';
      const result = await reassignTask(deps, actor, task.id, change.to, kind);
      return { ...result, changed: true };
    }
  }
}

/** Asks the policy about a change without making it (e.g. before offering a handoff picker). */
export async function ensureMayChange(req: WorkRequest, task: TaskWithInitiative, change: TaskChange) {
  const [action, doing] = ruleFor(change, task, req.userId);
  await ensureMay(req, task, action, doing);
}

/**
 * One change to a task from any surface (command, reaction, button, nudge): the policy first,
 * then the store, then the task's message and the App Homes of everyone it touched.
 */
export async function changeTask(
  req: WorkRequest,
  task: TaskWithInitiative,
  change: TaskChange,
): Promise<TaskChanged> {
  await ensureMayChange(req, task, change);
  const result = await apply(req, task, change);
  // Snoozing changes nobody's view of the task.
  if (result.changed && change.kind !== 'snooze') {
    afterTaskChange(req.client, req.deps, result.task, [req.userId, result.previousOwnerId]);
  }
  return result;
}

/** Claiming an unclaimed task: first claim wins, atomically; losers learn who has it. */
export async function claim(req: WorkRequest, task: TaskWithInitiative): Promise<ClaimOutcome> {
  await ensureMay(req, task, 'task.claim', `claim ${formatTaskRef(task.number)}`);
  // Most reactions in a race arrive after the winner: what was just read already answers them.
  // A task that looks free still goes through the atomic claim, which settles real contention.
  if (task.status === 'done') return { kind: 'done', task };
  if (task.assigneeId === req.userId) return { kind: 'already-yours', task };
  if (task.assigneeId) return { kind: 'taken', task };
  const outcome = await claimTask(req.deps, storeActor(req), task);
  if (outcome.kind === 'claimed') afterTaskChange(req.client, req.deps, outcome.task, [req.userId]);
  return outcome;
}
