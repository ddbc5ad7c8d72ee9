import { refreshHomes } from '../../core/home/publish.js';
import { ensureAllowed } from '../../core/permissions.js';
import { findInitiative } from '../../core/stores/initiatives.js';
import { draftTask } from '../../core/stores/task-creation.js';
import type { TaskWithInitiative } from '../../core/stores/tasks.js';
import { listTasks, type NewTask, taskListQuery } from '../../core/stores/tasks.js';
import { type PostOutcome, postTaskDrafts } from '../../core/task-messages/post.js';
import { initiativeFacts, storeActor, type WorkRequest, whoAsks } from '../../core/work/request.js';
import { claim } from '../../core/work/task-changes.js';
import { scopeFor } from '../../core/work/visibility.js';
import { crossDisciplineHint, foreignDiscipline } from '../../domain/tasks/cross-discipline.js';
import type { TaskListFilter } from '../../domain/tasks/task-command.js';
import { workloadNote } from '../../domain/tasks/workload.js';
import type { Discipline } from '../../generated/prisma/client.js';
import type { SlackMessage } from '../../slack/blocks.js';
import { alreadyClaimedMessage, claimedMessage, noteMessage } from './views.js';

/** A hint for someone who claimed work outside their discipline, from what the claim read. */
function disciplineHint(req: WorkRequest, task: TaskWithInitiative, own: Discipline | null): string | null {
  const taskDiscipline = task.discipline === 'joint' ? null : task.discipline;
  const { prLeads, socialLeads } = req.team;
  const foreign = foreignDiscipline(taskDiscipline, {
    discipline: own === 'joint' ? null : own,
    prLead: prLeads.includes(req.userId),
    socialLead: socialLeads.includes(req.userId),
  });
  return foreign ? crossDisciplineHint(foreign) : null;
}

/**
 * One claim, from a reaction, a button or a command: the policy and the atomic claim (in core),
 * then the one private answer the claimant gets. A claim that lost goes to `lost` when given
 * (a reaction's, which may be told by the task message instead), else is answered like the rest.
 */
export async function claimAndTell(
  req: WorkRequest,
  task: TaskWithInitiative,
  tell: (message: SlackMessage) => Promise<void>,
  lost?: (task: TaskWithInitiative) => void,
): Promise<void> {
  const outcome = await claim(req, task);
  switch (outcome.kind) {
    case 'claimed': {
      const workload = workloadNote(outcome.openTasks, req.team.workloadThreshold);
      await tell(
        claimedMessage(outcome.task, workload, disciplineHint(req, outcome.task, outcome.claimantDiscipline)),
      );
      return;
    }
    case 'already-yours':
      await tell(noteMessage('You already own this task.'));
      return;
    case 'taken':
    case 'done':
      if (lost) lost(outcome.task);
      else await tell(alreadyClaimedMessage(outcome.task));
      return;
  }
}

/** `/task add`: the initiative must be one the person can see; the message goes to its channel. */
export async function addTask(
  req: WorkRequest,
  input: NewTask,
  fallbackChannel: string,
): Promise<PostOutcome & { channel: string }> {
  const initiative = await findInitiative(req.deps, req.team.teamId, input.initiative);
  ensureAllowed({
    action: 'task.add',
    actor: await whoAsks(req),
    team: req.team,
    item: await initiativeFacts(req, initiative),
    doing: `add tasks to #${initiative.number}`,
  });
  const draft = await draftTask(req.deps, storeActor(req), input, req.team, initiative);
  const channel = draft.initiative.channelId ?? fallbackChannel;
  const outcome = await postTaskDrafts(req.client, req.deps, storeActor(req), req.team, [draft], channel);
  const [task] = outcome.saved;
  if (task) refreshHomes(req.client, req.deps, req.team.teamId, [task.assigneeId]);
  return { ...outcome, channel };
}

/** `/task list`: workspace-wide, so for full members only. */
export async function tasksToList(req: WorkRequest, filter: TaskListFilter) {
  ensureAllowed({
    action: 'workspace.list',
    actor: await whoAsks(req),
    team: req.team,
    doing: 'list the workspace’s tasks',
  });
  const query = await taskListQuery(req.deps, storeActor(req), filter);
  return listTasks(req.deps, query, await scopeFor(req, query.found.channels));
}
