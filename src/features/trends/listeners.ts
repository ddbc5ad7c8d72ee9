import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
} from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { deliverRecordedNudges } from '../../core/delivery/prompt-nudges.js';
import { refreshHomes } from '../../core/home/publish.js';
import { isBot } from '../../core/people.js';
import { draftTasks } from '../../core/stores/task-creation.js';
import { postTaskDrafts } from '../../core/task-messages/post.js';
import { storeActor, workRequest } from '../../core/work/request.js';
import { calendarDateToDb } from '../../db/calendar-dates.js';
import type { Deps } from '../../deps.js';
import { slackTextToPlain } from '../../domain/commands/slack-refs.js';
import { isTrendReaction } from '../../domain/tasks/reactions.js';
import { formatTaskRef } from '../../domain/tasks/task-ref.js';
import { todayIn } from '../../domain/time/calendar-date.js';
import { parseTrendCommand } from '../../domain/trends/trend-command.js';
import { formatTrendRef, parseTrendNumber } from '../../domain/trends/trend-ref.js';
import { orThrow, UserError } from '../../domain/user-error.js';
import { clip, type SlackMessage } from '../../slack/blocks.js';
import { escapeText } from '../../slack/mrkdwn.js';
import { explainPostFailure } from '../../slack/post-errors.js';
import { answerInThread } from '../../slack/tell.js';
import { expire, link, logTrend, RESPOND_WITHIN_MS, responseHome, trendsToList } from './service.js';
import { loggedMessage, trendHelpMessage, trendListMessage, trendNoteMessage, trendRef } from './views.js';

type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;
type ReactionArgs = AllMiddlewareArgs & SlackEventMiddlewareArgs<'reaction_added'>;
type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/** `/trend …`: log, list, link and expire what the team is seeing. */
export function trendCommand(deps: Deps) {
  return async function handleTrendCommand(args: CommandArgs): Promise<void> {
    const { command, respond, client } = args;
    const parsed = orThrow(parseTrendCommand(command.text));
    const req = await workRequest(deps, args, command.user_id, 'command', command.channel_id);
    const reply = async (type: 'ephemeral' | 'in_channel', message: SlackMessage) => {
      await respond({ response_type: type, ...message });
    };
    switch (parsed.type) {
      case 'help':
        return reply('ephemeral', trendHelpMessage());
      case 'add': {
        const logged = await logTrend(req, parsed, command.channel_id);
        if (!logged) return;
        await reply('in_channel', loggedMessage(logged, command.user_id));
        if (logged.matches.length > 0) await deliverRecordedNudges(deps, client, req.team.teamId);
        return;
      }
      case 'list':
        return reply('ephemeral', trendListMessage(await trendsToList(req, parsed.which), parsed.which));
      case 'link': {
        const { trend, initiative } = await link(req, parsed.trend, parsed.initiative);
        return reply(
          'in_channel',
          trendNoteMessage(
            `:link: <@${command.user_id}> linked ${trendRef(trend)} to *#${initiative.number}* ${initiative.title.replace(/[<>&]/g, '')}.`,
          ),
        );
      }
      case 'expire': {
        const trend = await expire(req, parsed.trend);
        return reply(
          'ephemeral',
          trendNoteMessage(`${trendRef(trend)} has expired; it no longer shows as active.`),
        );
      }
    }
  };
}

/** The message a 📈 landed on: top-level, or a reply inside a thread. */
type Reacted = { text: string; user?: string | undefined };

async function reactedMessage(client: WebClient, channel: string, ts: string): Promise<Reacted | null> {
  const history = await client.conversations.history({ channel, latest: ts, inclusive: true, limit: 1 });
  const top = history.messages?.find((m) => m.ts === ts);
  if (top?.text) return { text: top.text, user: top.user };
  const replies = await client.conversations.replies({ channel, ts, latest: ts, inclusive: true, limit: 1 });
  const reply = replies.messages?.find((m) => m.ts === ts);
  return reply?.text ? { text: reply.text, user: reply.user } : null;
}

/** 📈 on any message in a channel Tandem is in logs that message as a trend and answers in its thread. */
export function trendReaction(deps: Deps) {
  return async function handleTrendReaction(args: ReactionArgs): Promise<void> {
    const { event, client } = args;
    if (!isTrendReaction(event.reaction) || event.item.type !== 'message') return;
    const { channel, ts } = event.item;
    const req = await workRequest(deps, args, event.user, 'reaction', channel);
    if (await isBot(deps, client, req.team.teamId, event.user)) return;
    const reacted = await reactedMessage(client, channel, ts);
    if (!reacted) {
      deps.logger.debug({ channel, ts }, 'trend reaction on a message Tandem cannot read; ignored');
      return;
    }
    const text = slackTextToPlain(reacted.text).trim();
    const [firstLine = '', ...rest] = text.split('\n');
    const hashtags = [
      ...new Set((text.match(/#[\p{L}\p{N}_]+/gu) ?? []).map((h) => h.slice(1).toLowerCase())),
    ].slice(0, 20);
    const { permalink } = await client.chat.getPermalink({ channel, message_ts: ts });
    const logged = await logTrend(
      req,
      {
        label: clip(firstLine.trim() || 'Trend', 100),
        notes: rest.join(' ').trim() ? clip(rest.join(' ').trim(), 500) : undefined,
        keywords: hashtags,
        // The person who wrote the message spotted the trend; the reactor only logged it.
        source: { channel, ts, link: permalink ?? null, author: reacted.user ?? event.item_user },
      },
      channel,
    );
    // Already logged from this message (a second 📈): nothing more to say.
    if (!logged) return;
    await answerInThread(
      client,
      deps.logger,
      { channel, thread_ts: ts, user: event.user },
      loggedMessage(logged, event.user),
    );
    if (logged.matches.length > 0) await deliverRecordedNudges(deps, client, req.team.teamId);
    deps.logger.info(
      { trend: formatTrendRef(logged.trend.number), matches: logged.matches.length },
      'trend logged by reaction',
    );
  };
}

/**
 * "Make it a task": a claimable task to respond to the trend within 24 hours, posted where the
 * trend was spotted. Unclaimed at its respond-by time, it escalates to both leads.
 */
export function trendToTask(deps: Deps) {
  return async function handleTrendToTask(args: ButtonArgs): Promise<void> {
    const { ack, action, body, client, respond } = args;
    await ack();
    const req = await workRequest(deps, args, body.user.id, 'button', body.channel?.id);
    const number = orThrow(parseTrendNumber(action.value ?? ''));
    const { trend, initiative, channel, existingTask, created } = await responseHome(
      req,
      number,
      body.channel?.id,
    );
    if (existingTask)
      throw new UserError(
        `${formatTrendRef(trend.number)} already has a response task: ${formatTaskRef(existingTask.number)}.`,
      );
    const now = deps.clock.now();
    const respondBy = new Date(now.getTime() + RESPOND_WITHIN_MS);
    const due = todayIn({ now: respondBy, timezone: req.team.timezone });
    const drafts = await draftTasks(deps, req.team.teamId, initiative, [
      {
        title: clip(`Respond to trend ${formatTrendRef(trend.number)}: ${trend.label}`, 150),
        discipline: null,
        assigneeId: null,
        dueDate: due ? calendarDateToDb(due) : null,
        respondBy,
        trendId: trend.id,
      },
    ]);
    const target = initiative.channelId ?? channel;
    const { saved, error } = await postTaskDrafts(client, deps, storeActor(req), req.team, drafts, target);
    const [task] = saved;
    // The initiative made for the response stays (the next press reuses it), so the refusal
    // names it rather than say that nothing was saved.
    if (!task)
      throw explainPostFailure(
        error,
        target,
        { usage: '/invite @Tandem', example: '/invite @Tandem' },
        created ? `*#${initiative.number}* ${escapeText(initiative.title)}` : undefined,
      );
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      ...trendNoteMessage(
        `Posted *${formatTaskRef(task.number)}* for ${formatTrendRef(trend.number)}: whoever reacts first owns the response. Unclaimed in 24 hours, it goes to both leads.`,
      ),
    });
    refreshHomes(client, deps, req.team.teamId, [initiative.ownerId]);
  };
}
