import type { AnyMiddlewareArgs, Context, Middleware } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { actsOnReaction } from '../../domain/tasks/reactions.js';
import { claimEvent, claimReactionEvent, releaseEvent } from '../stores/processed-events.js';
import { teamOf } from '../team-context.js';
import { rememberReactedTask } from './reacted-task.js';

/**
 * The events some feature acts on and that would do harm twice (a claim, a trend logged twice, a
 * mention answered twice); keep in step with the features' `app.event` and `onReaction` registrations. Anything
 * else Slack sends is let through unrecorded: a write per event nobody handles would cost the
 * database for nothing. Messages are left out too: every message in every channel Tandem is in
 * arrives as one, so their listeners are idempotent instead (see tasks/thread-replies.ts).
 */
export const RECORDED_EVENTS: ReadonlySet<string> = new Set([
  'reaction_added',
  'reaction_removed',
  'app_mention',
  'app_home_opened',
]);

/** Events acted on that are safe twice, so not worth a write: a token deleted twice is deleted. */
export const IDEMPOTENT_EVENTS: ReadonlySet<string> = new Set(['app_uninstalled', 'tokens_revoked']);

type Envelope = {
  type?: string;
  event_id?: string;
  team_id?: string;
  event?: {
    type?: string;
    tab?: string;
    reaction?: string;
    item?: { type?: string; channel?: string; ts?: string };
  };
};

/** Records the event; for a reaction on a message, reads the task behind it in the same statement. */
async function recordFirst(
  deps: Deps,
  context: Context,
  teamId: string,
  envelope: Envelope,
): Promise<boolean> {
  const eventId = envelope.event_id ?? '';
  const item = envelope.event?.item;
  if (item?.type !== 'message' || !item.channel || !item.ts) return claimEvent(deps, teamId, eventId);
  const { first, task } = await claimReactionEvent(deps, teamId, eventId, {
    channel: item.channel,
    ts: item.ts,
  });
  if (first) rememberReactedTask(context, item.channel, item.ts, task);
  return first;
}

/**
 * The Messages tab fires app_home_opened too, and only the Home tab is acted on. Reactions are
 * recorded only when they mean something to Tandem in that workspace (its task emoji, the trend
 * emoji): people react all day in every channel, and the rest cost no write. The workspace's
 * emoji come from the settings the team context has loaded (and caches) anyway.
 */
async function recorded(event: Envelope['event'], context: Context): Promise<boolean> {
  const type = event?.type ?? '';
  if (!RECORDED_EVENTS.has(type)) return false;
  if (type === 'app_home_opened') return event?.tab === 'home';
  if (type === 'reaction_added' || type === 'reaction_removed')
    return actsOnReaction(type, event?.reaction ?? '', (await teamOf(context)).emoji);
  return true;
}

/**
 * Global middleware: each handled Events API event runs once per workspace, whatever Slack
 * redelivers. If handling fails the claim is dropped, so Slack's retry gets another chance.
 */
export function dedupeEvents(deps: Deps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const envelope = body as Envelope;
    const teamId = context.teamId ?? envelope.team_id;
    if (
      envelope.type !== 'event_callback' ||
      !envelope.event_id ||
      !teamId ||
      !(await recorded(envelope.event, context))
    ) {
      await next();
      return;
    }
    if (!(await recordFirst(deps, context, teamId, envelope))) {
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
