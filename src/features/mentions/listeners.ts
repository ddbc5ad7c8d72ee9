import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { whoOwnsMessage } from '../../core/ownership/views.js';
import { answerFitsChannel, whoOwnsFor } from '../../core/ownership/who-owns.js';
import { workRequest } from '../../core/work/request.js';
import type { Deps } from '../../deps.js';
import { parseTandemCommand } from '../../domain/setup/tandem-command.js';
import { context as contextBlock, section } from '../../slack/blocks.js';
import { inlineCode } from '../../slack/mrkdwn.js';
import { answerInThread, tellPrivately } from '../../slack/tell.js';

type MentionArgs = AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>;

/** Text after the leading @Tandem mention. */
export function mentionQuestion(text: string): string {
  return text.replace(/^\s*<@[^>|]+(?:\|[^>]*)?>\s*/, '').trim();
}

/** `@Tandem who owns 12` in a channel: the answer goes in a thread under the question. */
export function appMention(deps: Deps) {
  return async function handleAppMention(args: MentionArgs): Promise<void> {
    const { event, client } = args;
    const thread_ts = event.thread_ts ?? event.ts;
    const parsed = parseTandemCommand(mentionQuestion(event.text));
    const where = { channel: event.channel, thread_ts, user: event.user ?? '' };
    // A greeting or a stray mention is not an error: answer with what Tandem can be asked.
    if (!parsed.ok || parsed.value.type !== 'who-owns') {
      await answerInThread(client, deps.logger, where, {
        text: 'Ask me who owns something: @Tandem who owns 12',
        blocks: [
          section(
            `Ask me ${inlineCode('who owns 12')}, ${inlineCode('who owns T7')} or ${inlineCode('who owns q4 launch')}.`,
          ),
          contextBlock(`Everything else lives in ${inlineCode('/tandem help')}.`),
        ],
      });
      return;
    }
    const req = await workRequest(deps, args, event.user ?? '', 'command', event.channel);
    const answer = await whoOwnsFor(req, parsed.value.query);
    const message = whoOwnsMessage(answer, deps.clock.now());
    // Titles and handoff reasons of private-channel work stay with the person who asked.
    if (await answerFitsChannel(req, answer, event.channel))
      await answerInThread(client, deps.logger, where, message);
    else
      await tellPrivately(
        client,
        deps.logger,
        { channel: event.channel, user: req.userId, thread_ts },
        message,
      );
  };
}
