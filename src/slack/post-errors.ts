import { UserError } from '../domain/user-error.js';
import { platformError } from './reply.js';

const NOT_POSTABLE = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

/** The reason Slack refused to post in a channel (not in it, archived…), or null for anything else. */
export function postRefusal(error: unknown): string | null {
  const code = platformError(error);
  return code && NOT_POSTABLE.has(code) ? code : null;
}

/** Slack's refusal to post somewhere, turned into what the person can do about it. */
export function explainPostFailure(
  error: unknown,
  channel: string,
  retry: { usage: string; example: string },
): unknown {
  const code = postRefusal(error);
  if (code) {
    return new UserError(
      code === 'is_archived'
        ? `<#${channel}> is archived, so Tandem cannot post the task there. Nothing was saved.`
        : `Tandem is not in <#${channel}>, so it cannot post the task there. Invite it with \`/invite @Tandem\` and try again; nothing was saved.`,
      retry.usage,
      retry.example,
    );
  }
  return error;
}
