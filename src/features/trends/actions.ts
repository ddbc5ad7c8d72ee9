import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { publishHomes } from '../../core/home/publish.js';
import { draftTasks } from '../../core/stores/tasks.js';
import { postTaskDrafts } from '../../core/task-messages/post.js';
import { loadWorkspace } from '../../core/team.js';
import { calendarDateToDb } from '../../db/calendar-dates.js';
import type { Deps } from '../../deps.js';
import { todayIn } from '../../domain/calendar-date.js';
import { formatTaskRef } from '../../domain/task-ref.js';
import { formatTrendRef, parseTrendNumber } from '../../domain/trend-ref.js';
import { orThrow, UserError } from '../../domain/user-error.js';
import { clip } from '../../slack/blocks.js';
import { teamIdOf } from '../../slack/command-context.js';
import { explainPostFailure } from '../../slack/post-errors.js';
import { privately } from '../../slack/reply.js';
import { findTrendByNumber, RESPOND_WITHIN_MS, responseHome } from './service.js';
import { trendNoteMessage } from './views.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/**
 * "Make it a task": a claimable task to respond to the trend within 24 hours, posted where the
 * trend was spotted. Unclaimed at its respond-by time, it escalates to both leads.
 */
export function trendToTask(deps: Deps) {
  return async function handleTrendToTask({
    ack,
    action,
    body,
    context,
    client,
    respond,
  }: ButtonArgs): Promise<void> {
    await ack();
    const teamId = teamIdOf(context);
    const actor = { teamId, userId: body.user.id, source: 'button' as const };
    const trend = await findTrendByNumber(deps, teamId, orThrow(parseTrendNumber(action.value ?? '')));
    const channel = trend.sourceChannel ?? body.channel?.id;
    if (!channel) throw new UserError('Tandem cannot tell which channel to post the task in.');
    const { initiative, existingTask } = await responseHome(deps, actor, trend, channel);
    if (existingTask)
      throw new UserError(
        `${formatTrendRef(trend.number)} already has a response task: ${formatTaskRef(existingTask.number)}.`,
      );
    const workspace = await loadWorkspace(deps, teamId);
    const now = deps.clock.now();
    const respondBy = new Date(now.getTime() + RESPOND_WITHIN_MS);
    const due = todayIn({ now: respondBy, timezone: workspace.timezone });
    const drafts = await draftTasks(deps, teamId, initiative, [
      {
        title: clip(`Respond to trend ${formatTrendRef(trend.number)}: ${trend.label}`, 150),
        discipline: null,
        assigneeId: null,
        dueDate: due ? calendarDateToDb(due) : null,
        respondBy,
        trendId: trend.id,
      },
    ]);
    const { saved, error } = await postTaskDrafts(
      client,
      deps,
      actor,
      workspace,
      drafts,
      initiative.channelId ?? channel,
    );
    const [task] = saved;
    if (!task)
      throw explainPostFailure(error, initiative.channelId ?? channel, {
        usage: '/invite @Tandem',
        example: '/invite @Tandem',
      });
    await privately(respond, { keepOriginal: true })(
      trendNoteMessage(
        `Posted *${formatTaskRef(task.number)}* for ${formatTrendRef(trend.number)}: whoever reacts first owns the response. Unclaimed in 24 hours, it goes to both leads.`,
      ),
    );
    await publishHomes(client, deps, teamId, [initiative.ownerId]);
  };
}
