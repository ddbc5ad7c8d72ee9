import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { claimEvent, releaseEvent } from '../db/processed-events.js';
import type { Deps } from '../deps.js';

/**
 * Global middleware: each Events API event runs once per workspace, whatever Slack redelivers.
 * If handling fails the claim is dropped, so Slack's retry gets another chance.
 */
export function dedupeEvents(deps: Deps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const envelope = body as {
      type?: string;
      event_id?: string;
      team_id?: string;
      event?: { type?: string };
    };
    const teamId = context.teamId ?? envelope.team_id;
    // Every message in every channel Tandem is in arrives as an event; recording each would cost a
    // write per message. Message listeners are idempotent instead (see tasks/thread-replies.ts).
    if (
      envelope.type !== 'event_callback' ||
      !envelope.event_id ||
      !teamId ||
      envelope.event?.type === 'message'
    ) {
      await next();
      return;
    }
    if (!(await claimEvent(deps, teamId, envelope.event_id))) {
      deps.logger.debug(
        { teamId, eventId: envelope.event_id, retryNum: context.retryNum },
        'duplicate event skipped',
      );
      return;
    }
    try {
      await next();
    } catch (error) {
      await releaseEvent(deps, teamId, envelope.event_id);
      throw error;
    }
  };
}
