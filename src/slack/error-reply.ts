import type { KnownBlock } from '@slack/types';
import type { UserError } from '../domain/user-error.js';
import { context, type SlackMessage, section } from './blocks.js';
import { escapeText, inlineCode } from './mrkdwn.js';

/** What went wrong, the right form, an example, and what they typed so nothing is lost. */
export function userErrorMessage(error: UserError, typed?: string): SlackMessage {
  // Messages may quote what was typed and may mention people (<@U…>), but never broadcast.
  const message = error.message.replace(/<!/g, '&lt;!');
  const blocks: KnownBlock[] = [section(`:warning: ${message}`)];
  const hints: string[] = [];
  if (error.usage) hints.push(`*Form:* ${inlineCode(error.usage)}`);
  if (error.example) hints.push(`*Example:* ${inlineCode(error.example)}`);
  if (hints.length > 0) blocks.push(section(hints.join('\n')));
  if (typed !== undefined) blocks.push(context(`You typed: ${inlineCode(typed)}`));
  return { text: `${message}${error.example ? ` Example: ${escapeText(error.example)}` : ''}`, blocks };
}

export function internalErrorMessage(typed?: string): SlackMessage {
  // The handler cannot know how far the listener got (a reply can fail after the change was
  // saved), so it must not promise that nothing changed: trying again blindly would duplicate it.
  const text =
    'Something went wrong on Tandem’s side and it could not finish. Check whether your change went through before you try again.';
  const blocks: KnownBlock[] = [section(`:x: ${escapeText(text)}`)];
  if (typed !== undefined) blocks.push(context(`You typed: ${inlineCode(typed)}`));
  return { text, blocks };
}
