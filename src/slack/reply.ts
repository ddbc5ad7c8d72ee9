import type { RespondFn } from '@slack/bolt';
import { ErrorCode, type WebAPIPlatformError } from '@slack/web-api';
import type { SlackMessage } from './blocks.js';

/**
 * Slack's own reason (`not_in_channel`, `user_not_found`…) when the Web API answered `ok: false`;
 * undefined for timeouts, HTTP errors and rate limits, which carry none. Compared by code rather
 * than `instanceof`: the client Bolt hands a listener may come from another copy of the package.
 */
export function platformError(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const coded = error as Partial<Pick<WebAPIPlatformError, 'code' | 'data'>>;
  return coded.code === ErrorCode.PlatformError ? coded.data?.error : undefined;
}

export interface PrivateReplyOptions {
  /**
   * Under a message (a button on it): say outright that the reply comes beside it, rather than
   * leave the message's fate to Slack's default for its response_url.
   */
  keepOriginal?: boolean;
}

/** Replies only the person who acted can see, through the payload's response_url. */
export function privately(
  respond: RespondFn,
  options: PrivateReplyOptions = {},
): (message: SlackMessage) => Promise<void> {
  const keep = options.keepOriginal ? { replace_original: false } : {};
  return async (message) => {
    await respond({ response_type: 'ephemeral', ...keep, ...message });
  };
}
