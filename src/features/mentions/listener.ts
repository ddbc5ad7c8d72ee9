import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { candidatesMessage, ownershipMessage } from '../../core/ownership/views.js';
import { whoOwns } from '../../core/ownership/who-owns.js';
import type { Deps } from '../../deps.js';
import { parseTandemCommand } from '../../domain/tandem-command.js';
import { context as contextBlock, section } from '../../slack/blocks.js';
import { teamIdOf } from '../../slack/command-context.js';
import { inlineCode } from '../../slack/mrkdwn.js';

type MentionArgs = AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>;

/** Text after the leading @Tandem mention. */
export function mentionQuestion(text: string): string {
  return text.replace(/^\s*<@[^>|]+(?:\|[^>]*)?>\s*/, '').trim();
}

/** `@Tandem who owns 12` in a channel: the answer goes in a thread under the question. */
export function appMention(deps: Deps) {
  return async function handleAppMention({ event, context, client }: MentionArgs): Promise<void> {
    const thread_ts = event.thread_ts ?? event.ts;
    const parsed = parseTandemCommand(mentionQuestion(event.text));
    // A greeting or a stray mention is not an error: answer with what Tandem can be asked.
    if (!parsed.ok || parsed.value.type !== 'who-owns') {
      await client.chat.postMessage({
        channel: event.channel,
        thread_ts,
        text: 'Ask me who owns something: @Tandem who owns 12',
        blocks: [
          section(`Ask me ${inlineCode('who owns 12')} or ${inlineCode('who owns q4 launch')}.`),
          contextBlock(`Everything else lives in ${inlineCode('/tandem help')}.`),
        ],
      });
      return;
    }
    const answer = await whoOwns(deps, teamIdOf(context), parsed.value.query);
    const message =
      answer.kind === 'one'
        ? ownershipMessage(answer, deps.clock.now())
        : candidatesMessage(answer.initiatives, answer.words);
    await client.chat.postMessage({ channel: event.channel, thread_ts, ...message });
  };
}
