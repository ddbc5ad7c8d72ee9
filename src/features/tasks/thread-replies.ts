import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { GenericMessageEvent } from '@slack/types';
import { recordBlockedReason } from '../../core/stores/tasks.js';
import { afterTaskChange } from '../../core/task-messages/sync.js';
import type { Deps } from '../../deps.js';
import { slackTextToPlain } from '../../domain/slack-refs.js';
import { teamIdOf } from '../../slack/command-context.js';

type MessageArgs = AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>;

/**
 * After 🚧, Tandem asks in the task's thread what is blocking it; the blocker's first reply there
 * becomes the reason. Every other message is none of Tandem's business and is dropped at once.
 */
export function threadReply(deps: Deps) {
  return async function handleThreadReply({ message, context, client }: MessageArgs): Promise<void> {
    const m = message as GenericMessageEvent;
    if (m.subtype !== undefined || !m.thread_ts || m.thread_ts === m.ts || !m.text || !m.user) return;
    const task = await recordBlockedReason(
      deps,
      teamIdOf(context),
      m.channel,
      m.thread_ts,
      m.user,
      slackTextToPlain(m.text),
    );
    if (task) await afterTaskChange(client, deps, task, [m.user]);
  };
}
