import { type App, type CodedError, type Context, ErrorCode } from '@slack/bolt';
import { UserError } from '../domain/user-error.js';
import type { Logger } from '../logger.js';
import type { SlackMessage } from './blocks.js';
import { internalErrorMessage, userErrorMessage } from './error-reply.js';

/** Bolt wraps what listeners throw; the error we care about is inside. */
export function originalError(error: CodedError): unknown {
  if (error.originals && error.originals.length > 0)
    return error.originals.find((e) => e instanceof UserError) ?? error.originals[0];
  return error.original ?? error;
}

/** What Bolt passes an error handler registered with `extendedErrorHandler: true` (not exported by Bolt). */
interface ExtendedErrorHandlerArgs {
  error: CodedError;
  body: unknown;
  context: Context;
}

interface ReplyTarget {
  responseUrl?: string;
  userId?: string;
  channelId?: string;
  typed?: string;
}

/** Where to answer the person behind a request; a reaction names its channel on the item it is on. */
export function replyTarget(body: Record<string, unknown>): ReplyTarget {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const user = body.user as { id?: string } | undefined;
  const channel = body.channel as { id?: string } | undefined;
  const event = body.event as { user?: string; channel?: string; item?: { channel?: string } } | undefined;
  const responseUrls = body.response_urls as Array<{ response_url?: string }> | undefined;
  const command = str(body.command);
  return {
    responseUrl: str(body.response_url) ?? responseUrls?.[0]?.response_url,
    userId: str(body.user_id) ?? user?.id ?? event?.user,
    channelId: str(body.channel_id) ?? channel?.id ?? event?.channel ?? event?.item?.channel,
    typed: command ? `${command} ${str(body.text) ?? ''}`.trim() : undefined,
  };
}

/**
 * The one place that answers people when a listener fails: their own mistakes get the specific
 * message with an example; our failures get an apology, and the details go to the log only.
 */
export function registerErrorHandler(app: App, logger: Logger): void {
  // Registered with extendedErrorHandler: true, so Bolt passes body and context too.
  app.error((async ({ error, body, context }: ExtendedErrorHandlerArgs) => {
    // A workspace without an installation: Bolt found no token to act with, so there is no one
    // to answer and nothing to answer with. Logged, and the request goes no further.
    if (error.code === ErrorCode.AuthorizationError) {
      logger.warn(
        { teamId: context.teamId, enterpriseId: context.enterpriseId },
        'request from a workspace without an installation ignored',
      );
      return;
    }
    const original = originalError(error);
    const target = replyTarget((body ?? {}) as Record<string, unknown>);
    let message: SlackMessage;
    if (original instanceof UserError) {
      logger.debug({ teamId: context.teamId, problem: original.message }, 'user error');
      message = userErrorMessage(original, target.typed);
    } else {
      logger.error({ err: original, teamId: context.teamId }, 'listener failed');
      message = internalErrorMessage(target.typed);
    }
    try {
      if (target.responseUrl) {
        const res = await fetch(target.responseUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, ...message }),
        });
        if (!res.ok) throw new Error(`response_url answered ${res.status}`);
      } else if (target.userId && target.channelId && context.botToken) {
        await app.client.chat.postEphemeral({
          token: context.botToken,
          channel: target.channelId,
          user: target.userId,
          ...message,
        });
      }
    } catch (replyError) {
      logger.warn({ err: replyError }, 'could not tell the user about an error');
    }
  }) as unknown as Parameters<App['error']>[0]);
}
