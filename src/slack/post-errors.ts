import { UserError } from '../domain/user-error.js';
import { platformError } from './reply.js';

const NOT_POSTABLE = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

/** The reason Slack refused to post in a channel (not in it, archived…), or null for anything else. */
export function postRefusal(error: unknown): string | null {
  const code = platformError(error);
  return code && NOT_POSTABLE.has(code) ? code : null;
}

/**
 * Slack's refusal to post somewhere, turned into what the person can do about it. `kept` names
 * what the attempt did save (an initiative made to hold the task), so the reply never claims
 * that nothing was.
 */
export function explainPostFailure(
  error: unknown,
  channel: string,
  retry: { usage: string; example: string },
  kept?: string,
): unknown {
  const code = postRefusal(error);
  if (code) {
    const saved = kept ? `no task was saved (${kept} is kept for it)` : 'nothing was saved';
    return new UserError(
      code === 'is_archived'
        ? `<#${channel}> is archived, so Tandem cannot post the task there; ${saved}.`
        : `Tandem is not in <#${channel}>, so it cannot post the task there. Invite it with \`/invite @Tandem\` and try again; ${saved}.`,
      retry.usage,
      retry.example,
    );
  }
  return error;
}
