import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { isBot } from '../../core/people.js';
import type { Deps } from '../../deps.js';
import { isTrendReaction } from '../../domain/reactions.js';
import { slackTextToPlain } from '../../domain/slack-refs.js';
import { parseTrendCommand } from '../../domain/trend-command.js';
import { formatTrendRef } from '../../domain/trend-ref.js';
import { orThrow } from '../../domain/user-error.js';
import type { SlackMessage } from '../../slack/blocks.js';
import { clip } from '../../slack/blocks.js';
import { teamIdOf } from '../../slack/command-context.js';
import { expireTrend, linkTrend, listTrends, logTrend } from './service.js';
import { loggedMessage, trendHelpMessage, trendListMessage, trendNoteMessage, trendRef } from './views.js';

type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;
type ReactionArgs = AllMiddlewareArgs & SlackEventMiddlewareArgs<'reaction_added'>;

/** `/trend …`: log, list, link and expire what the team is seeing. */
export function trendCommand(deps: Deps) {
  return async function handleTrendCommand({ ack, command, respond, context }: CommandArgs): Promise<void> {
    await ack();
    const parsed = orThrow(parseTrendCommand(command.text));
    const teamId = teamIdOf(context, command);
    const reply = (type: 'ephemeral' | 'in_channel', message: SlackMessage) =>
      respond({ response_type: type, ...message } as Parameters<typeof respond>[0]);
    switch (parsed.type) {
      case 'help':
        await reply('ephemeral', trendHelpMessage());
        return;
      case 'add': {
        const logged = await logTrend(deps, teamId, command.user_id, parsed);
        if (logged) await reply('in_channel', loggedMessage(logged, command.user_id));
        return;
      }
      case 'list':
        await reply(
          'ephemeral',
          trendListMessage(await listTrends(deps, teamId, parsed.which), parsed.which),
        );
        return;
      case 'link': {
        const { trend, initiative } = await linkTrend(
          deps,
          teamId,
          command.user_id,
          parsed.trend,
          parsed.initiative,
        );
        await reply(
          'in_channel',
          trendNoteMessage(
            `:link: <@${command.user_id}> linked ${trendRef(trend)} to *#${initiative.number}* ${initiative.title.replace(/[<>&]/g, '')}.`,
          ),
        );
        return;
      }
      case 'expire': {
        const trend = await expireTrend(deps, teamId, parsed.trend);
        await reply(
          'ephemeral',
          trendNoteMessage(`${trendRef(trend)} has expired; it no longer shows as active.`),
        );
        return;
      }
    }
  };
}

/** The message a 📈 landed on: top-level, or a reply inside a thread. */
async function reactedMessage(client: WebClient, channel: string, ts: string): Promise<string | null> {
  const history = await client.conversations.history({ channel, latest: ts, inclusive: true, limit: 1 });
  const top = history.messages?.find((m) => m.ts === ts);
  if (top?.text) return top.text;
  const replies = await client.conversations.replies({ channel, ts, latest: ts, inclusive: true, limit: 1 });
  return replies.messages?.find((m) => m.ts === ts)?.text ?? null;
}

/** 📈 on any message in a channel Tandem is in logs that message as a trend and answers in its thread. */
export function trendReaction(deps: Deps) {
  return async function handleTrendReaction({ event, context, client }: ReactionArgs): Promise<void> {
    if (!isTrendReaction(event.reaction) || event.item.type !== 'message') return;
    const { channel, ts } = event.item;
    const teamId = teamIdOf(context);
    if (await isBot(deps, client, teamId, event.user)) return;
    const raw = await reactedMessage(client, channel, ts);
    if (!raw) {
      deps.logger.debug({ channel, ts }, 'trend reaction on a message Tandem cannot read; ignored');
      return;
    }
    const text = slackTextToPlain(raw).trim();
    const [firstLine = '', ...rest] = text.split('\n');
    const hashtags = [
      ...new Set((text.match(/#[\p{L}\p{N}_]+/gu) ?? []).map((h) => h.slice(1).toLowerCase())),
    ].slice(0, 20);
    const { permalink } = await client.chat.getPermalink({ channel, message_ts: ts });
    const logged = await logTrend(deps, teamId, event.user, {
      label: clip(firstLine.trim() || 'Trend', 100),
      notes: rest.join(' ').trim() ? clip(rest.join(' ').trim(), 500) : undefined,
      keywords: hashtags,
      source: { channel, ts, link: permalink ?? null },
    });
    // Already logged from this message (a second 📈): nothing more to say.
    if (!logged) return;
    await client.chat.postMessage({ channel, thread_ts: ts, ...loggedMessage(logged, event.user) });
    deps.logger.info(
      { trend: formatTrendRef(logged.trend.number), matches: logged.matches.length },
      'trend logged by reaction',
    );
  };
}
