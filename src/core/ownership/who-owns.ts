import type { Deps } from '../../deps.js';
import type { WhoOwnsQuery } from '../../domain/setup/tandem-command.js';
import { formatTaskRef } from '../../domain/tasks/task-ref.js';
import { UserError } from '../../domain/user-error.js';
import type { Initiative, OwnershipEvent } from '../../generated/prisma/client.js';
import { ensureAllowed, isAllowed } from '../permissions.js';
import { findInitiative, initiativesTitled } from '../stores/initiatives.js';
import { initiativeHistory, taskHistory } from '../stores/ownership.js';
import { findTask, type TaskWithInitiative } from '../stores/tasks.js';
import { initiativeFacts, taskFacts, type WorkRequest, whoAsks } from '../work/request.js';

export type WhoOwnsAnswer =
  | { kind: 'one'; initiative: Initiative; history: OwnershipEvent[] }
  | { kind: 'task'; task: TaskWithInitiative; history: OwnershipEvent[] }
  | { kind: 'many'; initiatives: Initiative[]; words: string };

const MAX_CANDIDATES = 10;

const noneTitled = (words: string) =>
  new UserError(
    `No initiative in this workspace has “${words}” in its title.`,
    '/tandem who-owns <initiative number | task like T7 | title words>',
    '/tandem who-owns 12',
  );

async function history(deps: Deps, initiative: Initiative): Promise<WhoOwnsAnswer> {
  return { kind: 'one', initiative, history: await initiativeHistory(deps, initiative) };
}

/** "Who owns X?" by number or by words of the title, with the whole ownership history. */
export async function whoOwns(deps: Deps, teamId: string, query: WhoOwnsQuery): Promise<WhoOwnsAnswer> {
  if (query.by === 'number') return history(deps, await findInitiative(deps, teamId, query.number));
  if (query.by === 'task') {
    const task = await findTask(deps, teamId, query.number);
    return { kind: 'task', task, history: await taskHistory(deps, task) };
  }

  const words = query.words.split(/\s+/).filter(Boolean);
  const matches = await initiativesTitled(deps, teamId, words, MAX_CANDIDATES + 1);
  if (matches.length === 0) throw noneTitled(query.words);
  const exact = matches.find((i) => i.title.toLowerCase() === query.words.toLowerCase());
  const only = matches.length === 1 ? matches[0] : exact;
  if (only) return history(deps, only);
  return { kind: 'many', initiatives: matches.slice(0, MAX_CANDIDATES), words: query.words };
}

/**
 * "Who owns X?" for one person: only initiatives they may see. A single answer they may not see
 * is refused privately; candidates they may not see are left out.
 */
export async function whoOwnsFor(req: WorkRequest, query: WhoOwnsQuery): Promise<WhoOwnsAnswer> {
  const answer = await whoOwns(req.deps, req.team.teamId, query);
  const actor = await whoAsks(req);
  if (answer.kind === 'task') {
    const item = await taskFacts(req, answer.task);
    ensureAllowed({
      action: 'item.view',
      actor,
      team: req.team,
      item,
      doing: `see who owns ${formatTaskRef(answer.task.number)}`,
    });
    return answer;
  }
  if (answer.kind === 'one') {
    const item = await initiativeFacts(req, answer.initiative);
    // Found by words of its title: a title they may not see must not be confirmed to exist.
    if (query.by === 'title' && !isAllowed({ action: 'item.view', actor, team: req.team, item }))
      throw noneTitled(query.words);
    ensureAllowed({
      action: 'item.view',
      actor,
      team: req.team,
      item,
      doing: `see who owns #${answer.initiative.number}`,
    });
    return answer;
  }
  const visible: Initiative[] = [];
  for (const initiative of answer.initiatives) {
    const item = await initiativeFacts(req, initiative);
    if (isAllowed({ action: 'item.view', actor, team: req.team, item })) visible.push(initiative);
  }
  if (visible.length === 0) throw noneTitled(answer.words);
  return { ...answer, initiatives: visible };
}

/**
 * Whether an answer may be posted in a channel for all its members to read: the initiative is
 * in a public channel, or in this very channel.
 */
export async function everyoneHereMaySee(req: WorkRequest, initiative: Initiative, channel: string) {
  if (initiative.channelId === channel) return true;
  const facts = await initiativeFacts(req, initiative);
  return !facts.channelPrivate;
}

/** Whether the whole answer may be posted in `channel` for all its members to read. */
export async function answerFitsChannel(req: WorkRequest, answer: WhoOwnsAnswer, channel: string) {
  if (answer.kind === 'task') {
    const { task } = answer;
    if ((task.messageChannel ?? task.initiative.channelId) === channel) return true;
    return !(await taskFacts(req, task)).channelPrivate;
  }
  const shown = answer.kind === 'one' ? [answer.initiative] : answer.initiatives;
  return (await Promise.all(shown.map((i) => everyoneHereMaySee(req, i, channel)))).every(Boolean);
}
