import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { candidatesMessage, ownershipMessage } from '../../core/ownership/views.js';
import { everyoneHereMaySee, whoOwnsFor } from '../../core/ownership/who-owns.js';
import { workRequest } from '../../core/work/request.js';
import type { Deps } from '../../deps.js';
import { parseTandemCommand } from '../../domain/setup/tandem-command.js';
import { context as contextBlock, type SlackMessage, section } from '../../slack/blocks.js';
import { inlineCode } from '../../slack/mrkdwn.js';
import { postRefusal } from '../../slack/post-errors.js';
import { tellPrivately } from '../../slack/tell.js';
import { timedOut } from '../../slack/timed-out.js';

type MentionArgs = AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>;

/** Text after the leading @Tandem mention. */
export function mentionQuestion(text: string): string {
  return text.replace(/^\s*<@[^>|]+(?:\|[^>]*)?>\s*/, '').trim();
}

/**
 * The answer under the question. A channel that will not take Tandem's post (posting limited to
 * admins, say) gets it privately instead. A post that timed out has most likely landed: it is
 * neither posted again nor apologised for, and the event counts as handled, so Slack's
 * redelivery of it does not answer twice.
 */
async function answerInThread(
  deps: Deps,
  client: WebClient,
  where: { channel: string; thread_ts: string; user: string },
  message: SlackMessage,
): Promise<void> {
  try {
    await client.chat.postMessage({ channel: where.channel, thread_ts: where.thread_ts, ...message });
  } catch (error) {
    if (timedOut(error)) {
      deps.logger.warn(
        { err: error, channel: where.channel },
        'answer to a mention timed out; not posted again',
      );
      return;
    }
    if (!postRefusal(error)) throw error;
    await tellPrivately(client, deps.logger, where, message);
  }
}

/** `@Tandem who owns 12` in a channel: the answer goes in a thread under the question. */
export function appMention(deps: Deps) {
  return async function handleAppMention(args: MentionArgs): Promise<void> {
    const { event, client } = args;
    const thread_ts = event.thread_ts ?? event.ts;
    const parsed = parseTandemCommand(mentionQuestion(event.text));
    // A greeting or a stray mention is not an error: answer with what Tandem can be asked.
    const where = { channel: event.channel, thread_ts, user: event.user ?? '' };
    if (!parsed.ok || parsed.value.type !== 'who-owns') {
      await answerInThread(deps, client, where, {
        text: 'Ask me who owns something: @Tandem who owns 12',
        blocks: [
          section(`Ask me ${inlineCode('who owns 12')} or ${inlineCode('who owns q4 launch')}.`),
          contextBlock(`Everything else lives in ${inlineCode('/tandem help')}.`),
        ],
      });
      return;
    }
    const req = await workRequest(deps, args, event.user ?? '', 'command', event.channel);
    const answer = await whoOwnsFor(req, parsed.value.query);
    const shown = answer.kind === 'one' ? [answer.initiative] : answer.initiatives;
    const message =
      answer.kind === 'one'
        ? ownershipMessage(answer, deps.clock.now())
        : candidatesMessage(answer.initiatives, answer.words);
    // Titles and handoff reasons of private-channel work stay with the person who asked.
    const forEveryone = (
      await Promise.all(shown.map((i) => everyoneHereMaySee(req, i, event.channel)))
    ).every(Boolean);
    if (forEveryone) await answerInThread(deps, client, where, message);
    else
      await tellPrivately(
        client,
        deps.logger,
        { channel: event.channel, user: req.userId, thread_ts },
        message,
      );
  };
}
